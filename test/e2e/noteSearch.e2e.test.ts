/**
 * Who said it, and finding it again (issue 9, item 6), and the note box keeping the focus after an
 * edit ends by delete or undo (item 2), in real Chromium against the production build.
 *
 * - The search screen, by keyboard only: words (Armenian and Russian whatever the case, ё or е),
 *   kind, interview; the filters in the URL so Back restores them; a result opens its note in its
 *   interview, focused; reachable from the assessment's navigation and from the interview.
 * - A quote names its speaker in the composer and shows it on its row and in the results.
 * - At 1366×768 and 768×1024, in English, Armenian and Russian: no sideways scroll, axe clean.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import enInterview from '../../locales/en/interview.json';
import enNotes from '../../locales/en/notes.json';
import hyNotes from '../../locales/hy/notes.json';
import ruNotes from '../../locales/ru/notes.json';
import enShell from '../../locales/en/shell.json';
import type { NoteSearchSeed } from './noteSearchSeedModule';
import { buildSeedModule } from './interviewSeed';
import { appPerFile, axeViolations, eventually, LAPTOP, recordErrors, RESULTS_DIR, TABLET } from './support';

const NOTES = 60;
const SEED_PATH = '/__note-search-seed__/seed.js';
const NOTES_TEXT = { en: enNotes, hy: hyNotes, ru: ruNotes } as const;
let seeded: NoteSearchSeed | undefined;

const app = appPerFile({
  beforeServe: (built) => buildSeedModule(built.outDir, { entry: 'test/e2e/noteSearchSeedModule.ts', folder: '__note-search-seed__' }),
  timeoutMs: 180_000,
  setUp: async ({ context, baseUrl }) => {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.locator('h1').first().waitFor();
    seeded = (await page.evaluate(`import(${JSON.stringify(SEED_PATH)}).then((module) => module.seed(${NOTES}))`)) as NoteSearchSeed;
    await page.close();
  },
});

const count = (predicate: (i: number) => boolean) => Array.from({ length: NOTES }, (_, i) => i).filter(predicate).length;
/** Notes of phrase 1 (Russian, «Отчёт»), and of phrase 2 (Armenian, with «և»). */
const RUSSIAN = count((i) => i % 5 === 1);
const ARMENIAN = count((i) => i % 5 === 2);

/** A new page in `language`, loaded cold on `hash(seed)` (the start page by default). */
async function openPage(
  language: 'en' | 'hy' | 'ru',
  viewport: { width: number; height: number },
  hash: (seed: NoteSearchSeed) => string = () => '',
): Promise<{ page: Page; errors: string[]; seed: NoteSearchSeed; baseUrl: string }> {
  const { context, baseUrl } = app();
  if (!seeded) throw new Error('not seeded');
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  // The language is read at start (an earlier test of this file may have left another one): set
  // before the app's first script runs, so one load is enough (it used to load, set it, reload).
  await page.addInitScript((value) => localStorage.setItem('mmdma.language', value), language);
  await page.goto(`${baseUrl}${hash(seeded)}`);
  await page.locator('h1').first().waitFor();
  return { page, errors, seed: seeded, baseUrl };
}

const foundText = (page: Page) => page.locator('.notes-found').textContent();
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedNoteId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-note-id') ?? null);

describe('note search', () => {
  it('by keyboard, filters in the URL, Back restores them, a result opens its note (1366×768 and 768×1024)', async () => {
    const failures: string[] = [];
    for (const viewport of [LAPTOP, TABLET]) {
      const where = `${viewport.width}x${viewport.height}`;
      const { page, errors, seed, baseUrl } = await openPage('en', viewport);
      await page.goto(`${baseUrl}#/a/${seed.assessmentId}/dashboard`);
      // Reachable from the assessment: its navigation.
      await page.getByRole('link', { name: enShell.nav.notes, exact: true }).click();
      const box = page.getByLabel(enNotes.text, { exact: true });
      await box.waitFor();
      await box.focus();
      await page.keyboard.type('ОТЧЕТ');
      await eventually(() => foundText(page), enNotes.found_other.replace('{{count, number}}', String(RUSSIAN)));
      expect(page.url()).toContain('q=%D0%9E%D0%A2%D0%A7%D0%95%D0%A2');
      // Kind: Tab to the checkboxes, Space ticks "Quote".
      await box.fill('');
      await page.getByRole('checkbox', { name: enInterview.kind.quote }).focus();
      await page.keyboard.press('Space');
      const quotes = count((i) => i % 10 === 0) + 1;
      await eventually(() => foundText(page), enNotes.found_other.replace('{{count, number}}', String(quotes)));
      expect(page.url()).toContain('kind=quote');
      await page.getByRole('combobox', { name: enNotes.interview }).selectOption(seed.interviewIds[0]);
      await eventually(() => foundText(page), enNotes.found_other.replace('{{count, number}}', String(count((i) => i % 10 === 0 && i % 2 === 0) + 1)));
      const speakerLine = page.locator('.note-result .note-speaker');
      expect(await speakerLine.textContent()).toContain('Aram Hakobyan');
      if (await sideways(page)) failures.push(`${where}: the search screen scrolls sideways`);
      failures.push(...(await axeViolations(page)).map((violation) => `${where}, search: ${violation}`));
      await page.screenshot({ path: join(RESULTS_DIR, `note-search-${where}.png`) });

      // The quote with a speaker opens in its interview, focused.
      const quoteResult = page.locator('.note-result', { hasText: 'We reconcile border crossings' });
      await quoteResult.getByRole('link').focus();
      await page.keyboard.press('Enter');
      await page.locator('.note-composer textarea').waitFor();
      await eventually(() => focusedNoteId(page), seed.quoteId, 10_000);
      expect(await page.locator(`[data-note-id="${seed.quoteId}"] .note-speaker`).textContent()).toContain('Aram Hakobyan');
      // Back: the same filters and results.
      await page.goBack();
      await box.waitFor();
      expect(await page.getByRole('checkbox', { name: enInterview.kind.quote }).isChecked()).toBe(true);
      expect(await page.getByRole('combobox', { name: enNotes.interview }).inputValue()).toBe(seed.interviewIds[0]);
      await eventually(() => page.locator('.note-result').count(), count((i) => i % 10 === 0 && i % 2 === 0) + 1);
      failures.push(...errors.map((error) => `${where}: ${error}`));
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('matches Armenian and Russian whatever the case, ё or е, «և» or «եվ», in each language, axe clean', async () => {
    const failures: string[] = [];
    for (const language of ['hy', 'ru'] as const) {
      for (const viewport of [LAPTOP, TABLET]) {
        const where = `${language} ${viewport.width}x${viewport.height}`;
        // Loaded cold on the search URL, in the language (it used to load the start page, then
        // reload on this URL).
        const { page, errors } = await openPage(language, viewport, (seed) => `#/a/${seed.assessmentId}/notes?q=${encodeURIComponent('ՏՎՅԱԼՆԵՐԸ ԵՎ')}`);
        await page.locator('.notes-found').waitFor();
        const strings = NOTES_TEXT[language];
        const found = (n: number) => (language === 'ru' ? null : strings.found_other.replace('{{count, number}}', String(n)));
        const expected = found(ARMENIAN);
        if (expected !== null) await eventually(() => foundText(page), expected);
        else await eventually(() => page.locator('.note-result').count(), ARMENIAN);
        const box = page.getByLabel(strings.text, { exact: true });
        await box.fill('');
        await box.focus();
        await page.keyboard.type('отчет');
        await eventually(() => page.locator('.note-result').count(), RUSSIAN);
        if (await sideways(page)) failures.push(`${where}: the search screen scrolls sideways`);
        failures.push(...(await axeViolations(page)).map((violation) => `${where}: ${violation}`));
        await page.screenshot({ path: join(RESULTS_DIR, `note-search-${language}-${viewport.width}x${viewport.height}.png`) });
        failures.push(...errors.map((error) => `${where}: ${error}`));
        await page.close();
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('a malformed filter in the URL is named and ignored; the rest still applies', async () => {
    const { page, seed, baseUrl } = await openPage('en', LAPTOP);
    await page.goto(`${baseUrl}#/a/${seed.assessmentId}/notes?q=ledger&kind=rumour`);
    await page.locator('.notes-found').waitFor();
    expect(await page.locator('.notes-screen [role="alert"]').textContent()).toBe(enNotes.badParams.replace('{{params}}', 'kind=rumour'));
    expect(await page.getByLabel(enNotes.text, { exact: true }).inputValue()).toBe('ledger');
    await page.close();
  }, 60_000);
});

describe('who said it, from the interview', () => {
  it('the composer names the speaker; delete and undo give the note box the focus back; the interview links to its search', async () => {
    const { page, errors, seed, baseUrl } = await openPage('en', LAPTOP);
    await page.goto(`${baseUrl}#/a/${seed.assessmentId}/interviews/${seed.interviewIds[0]}`);
    const text = page.locator('.note-composer textarea');
    await text.waitFor();
    await page.locator('.note-composer').getByLabel(enNotes.speaker).selectOption(seed.intervieweeId);
    await text.focus();
    await page.keyboard.press('Alt+KeyQ');
    await page.keyboard.type('Every permit is checked against the police register.');
    await page.keyboard.press('Enter');
    const row = page.locator('.note-list .note-row:not(.is-pending)', { hasText: 'Every permit is checked' });
    await row.waitFor();
    expect(await row.locator('.note-speaker').textContent()).toContain('Aram Hakobyan');
    // The speaker is per note: the next note starts with none.
    expect(await page.locator('.note-composer').getByLabel(enNotes.speaker).inputValue()).toBe('');

    // Delete, then Undo: after each, typing goes to the note box.
    await row.getByRole('button', { name: new RegExp(`^${enInterview.notes.delete}`) }).click();
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('composer-text') ?? false), true);
    await page.getByRole('button', { name: enInterview.undo.undo }).click();
    await row.waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('composer-text') ?? false), true);

    // From the interview to its search, the interview filter set.
    await page.getByRole('link', { name: enNotes.fromInterview }).click();
    await page.locator('.notes-found').waitFor();
    expect(page.url()).toContain(`interview=${seed.interviewIds[0]}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
