/**
 * The first screen in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), against the production build served by `vite preview` on 127.0.0.1.
 *
 * Screenshots of every language at the tablet and laptop sizes land in test-results/ for review.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enExplorer from '../../locales/en/explorer.json';
import hyExplorer from '../../locales/hy/explorer.json';
import ruCommon from '../../locales/ru/common.json';
import ruExplorer from '../../locales/ru/explorer.json';
import { builtinMmdma } from '../support/builtinFrameworks';
import { appPerFile, eventually, LAPTOP, recordErrors, RESULTS_DIR, saveFullPageScreenshot, seriousAxeViolations, TABLET } from './support';

const LANGUAGE_KEY = 'mmdma.language';
const SETUP_TIMEOUT_MS = 120_000;

const { framework } = builtinMmdma();

const app = appPerFile({ viewport: LAPTOP, timeoutMs: SETUP_TIMEOUT_MS });

/** A fresh page that records console errors and uncaught exceptions. */
async function openPage(viewport: { width: number; height: number } = LAPTOP, language?: string): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  // Each test starts from a clean slate: no stored language (or only `language`). Cleared before the
  // app's first script runs on this tab's first load only (a tab's sessionStorage starts empty and
  // survives its reloads, which must keep what the test chose), so one load is enough: it used to
  // load, clear, reload (and set the language and reload again).
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('e2e.cleared') !== null) return;
      sessionStorage.setItem('e2e.cleared', '1');
      localStorage.clear();
      if (value !== null) localStorage.setItem(key, value);
    },
    [LANGUAGE_KEY, language ?? null] as const,
  );
  // The app opens on the assessments list; the explorer is the #/framework route.
  await page.goto(`${baseUrl}#/framework`);
  await page.locator('h1').waitFor();
  return { page, errors };
}

/** A fresh page in this language on the fifth pillar, a rich one: a shared-track indicator or several indicators. */
async function openFifthPillar(viewport: { width: number; height: number }, language: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(viewport, language);
  await page.locator('nav button').nth(4).click();
  await eventually(() => page.locator('nav button').nth(4).getAttribute('aria-current'), 'true');
  return { page, errors };
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').textContent())?.trim() ?? '';
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

const pillarButtons = (page: Page) => page.getByRole('navigation').getByRole('button');

async function noHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

describe('first screen: framework explorer', () => {
  it('loads without console errors and lists the 10 pillars with code and name', async () => {
    const { page, errors } = await openPage();
    expect(await h1(page)).toBe(enExplorer.title);
    await eventually(() => htmlLang(page), 'en');
    await expect(page.getByRole('banner').textContent()).resolves.toContain(enCommon.app.name);

    const buttons = pillarButtons(page);
    // The title renders before the framework's pillars arrive; count once they are there.
    await buttons.first().waitFor({ timeout: 20_000 });
    expect(await buttons.count()).toBe(10);
    expect(framework.pillars).toHaveLength(10);
    for (const [index, pillar] of framework.pillars.entries()) {
      const text = (await buttons.nth(index).textContent()) ?? '';
      expect(text).toContain(pillar.code);
      expect(text).toContain(pillar.name.en);
    }
    // The first pillar is selected on arrival, and says so to assistive technology.
    expect(await buttons.first().getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[aria-current="true"]', { has: page.locator('.pillar-code') }).count()).toBe(1);
    // Counts are plural-aware: the header says "10 pillars".
    await expect(page.getByRole('banner').textContent()).resolves.toContain('10 pillars');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('chooses a pillar by keyboard and shows its sub-topics and the four level columns', async () => {
    const { page, errors } = await openPage();
    // Tab order: skip link, the shell's links (Assessments, Framework, Settings), the language
    // select, then the first pillar.
    const focusOrder: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? ''));
    }
    expect(focusOrder).toEqual(['a', 'a', 'a', 'a', 'select', 'button']);
    const first = framework.pillars[0];
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pillar-id'))).toBe(first?.id);

    // Arrow keys move between pillars; Enter selects.
    const target = framework.pillars[4];
    if (!target) throw new Error('the framework has fewer than five pillars');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pillar-id'))).toBe(target.id);
    await page.keyboard.press('Enter');

    const selected = page.locator(`button[data-pillar-id="${target.id}"]`);
    await eventually(() => selected.getAttribute('aria-current'), 'true');
    expect(await page.locator('nav [aria-current="true"]').count()).toBe(1);
    const heading = (await page.locator('main h2').first().textContent()) ?? '';
    expect(heading).toContain(target.name.en);

    const subTopicButtons = page.locator('main .sub-topic-list button');
    expect(await subTopicButtons.count()).toBe(target.subTopics.length);
    for (const [index, subTopic] of target.subTopics.entries()) {
      expect(await subTopicButtons.nth(index).textContent()).toContain(subTopic.name.en);
    }

    // The selected sub-topic's indicators, each a table with the four levels as columns.
    const firstSubTopic = target.subTopics[0];
    if (!firstSubTopic) throw new Error('pillar without sub-topics');
    const tables = page.locator('main table');
    expect(await tables.count()).toBe(firstSubTopic.indicators.length);
    const levelHeaders = tables.first().locator('thead th.level-cell');
    expect(await levelHeaders.count()).toBe(4);
    expect((await levelHeaders.allTextContents()).map((text) => text.trim())).toEqual(
      framework.levels.map((level) => (level.id === framework.targetLevel ? `${level.name.en}${enExplorer.levels.target}` : level.name.en)),
    );
    // Every descriptor says where it comes from.
    const cells = tables.first().locator('tbody td.level-cell');
    const badges = tables.first().locator('tbody td.level-cell .source-badge');
    expect(await badges.count()).toBe(await cells.count());
    for (const badge of await badges.allTextContents()) expect([enExplorer.source.report, enExplorer.source.derived]).toContain(badge);
    // The target level is highlighted down its column.
    expect(await tables.first().locator('thead th.is-target').textContent()).toContain(enExplorer.levels.target);

    // Guiding questions of the sub-topic.
    expect(await page.locator('main .questions li').count()).toBe(firstSubTopic.questions.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains that a sub-topic without indicators (6.3.3) is descriptive and not scored', async () => {
    const { page, errors } = await openPage();
    const pillar = framework.pillars.find((candidate) => candidate.subTopics.some((subTopic) => subTopic.indicators.length === 0));
    const subTopic = pillar?.subTopics.find((candidate) => candidate.indicators.length === 0);
    if (!pillar || !subTopic) throw new Error('the framework has no descriptive sub-topic (the report has 6.3.3)');
    await page.locator(`button[data-pillar-id="${pillar.id}"]`).click();
    await page.locator(`button[data-sub-topic-id="${subTopic.id}"]`).click();
    await eventually(() => page.locator(`button[data-sub-topic-id="${subTopic.id}"]`).getAttribute('aria-current'), 'true');
    expect(await page.locator('main .descriptive-note').textContent()).toContain(enExplorer.subTopic.descriptiveExplanation);
    expect(await page.locator('main table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to Russian and Armenian, and keeps the choice after a reload', async () => {
    const { page, errors } = await openPage();
    await page.getByLabel(enCommon.language.label).selectOption('ru');
    await eventually(() => h1(page), ruExplorer.title);
    await eventually(() => htmlLang(page), 'ru');
    // Russian plural rules: 10 → "many" form.
    await expect(page.getByRole('banner').textContent()).resolves.toContain('10 компонентов');
    await page.reload();
    expect(await h1(page)).toBe(ruExplorer.title);
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe('ru');

    await page.getByLabel(ruCommon.language.label).selectOption('hy');
    await eventually(() => h1(page), hyExplorer.title);
    await eventually(() => htmlLang(page), 'hy');
    await page.reload();
    expect(await h1(page)).toBe(hyExplorer.title);
    expect(await page.locator('nav h2').textContent()).toBe(hyExplorer.nav.heading);
    // Framework texts without an Armenian translation fall back to English, marked as English.
    const untranslated = framework.pillars.filter((pillar) => !pillar.name.hy).length;
    expect(await page.locator('nav .pillar-name [lang="en"]').count()).toBe(untranslated);
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe('hy');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violations, in every language, at tablet and laptop sizes', async () => {
    const failures: string[] = [];
    for (const language of ['en', 'hy', 'ru']) {
      for (const viewport of [TABLET, LAPTOP]) {
        const { page, errors } = await openFifthPillar(viewport, language);
        // Levels open too: the richest state.
        await page.locator('main details summary').click();
        for (const violation of await seriousAxeViolations(page)) failures.push(`${language} ${viewport.width}×${viewport.height}: ${violation}`);
        failures.push(...errors.map((error) => `${language} ${viewport.width}×${viewport.height}: ${error}`));
        await page.close();
      }
    }
    expect(failures).toEqual([]);
  });

  it('fits tablet and laptop widths in every language and saves screenshots', async () => {
    const overflow: string[] = [];
    for (const language of ['en', 'hy', 'ru']) {
      for (const viewport of [TABLET, LAPTOP]) {
        const { page, errors } = await openFifthPillar(viewport, language);
        const { scrollWidth, innerWidth } = await noHorizontalOverflow(page);
        if (scrollWidth > innerWidth) overflow.push(`${language} ${viewport.width}×${viewport.height}: page is ${scrollWidth}px wide`);
        const name = `first-screen-${language}-${viewport.width}x${viewport.height}`;
        await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
        await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}-full.png`));
        // The first indicator at full resolution, to judge the descriptors' legibility.
        await page.locator('main .indicator').first().screenshot({ path: join(RESULTS_DIR, `${name}-indicator.png`) });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
    expect(overflow).toEqual([]);
  });
});
