/**
 * The shell's screens as people see them: each screen at the tablet (768×1024) and laptop
 * (1366×768) sizes, in English, Armenian and Russian, with an assessment in it, checked for serious
 * or critical axe violations and for horizontal overflow, and saved as screenshots in test-results/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { appPerFile, eventually, LAPTOP, recordErrors, RESULTS_DIR, saveFullPageScreenshot, seriousAxeViolations, TABLET, type AppInBrowser } from './support';
import { addAssessor, addInstitution, allSaved, createAssessment, en, openAssessmentScreen, pillarCheckbox, scheduleInterview } from './shellSteps';

const SETUP_TIMEOUT_MS = 180_000;
const LANGUAGE_KEY = 'mmdma.language';
const INVALID_FRAMEWORK = fileURLToPath(new URL('../fixtures/frameworks/invalid-framework.json', import.meta.url));

let assessmentUrl = '';
/** Found while capturing the empty list, before anything is stored. */
const emptyListFailures: string[] = [];

const app = appPerFile({ viewport: LAPTOP, timeoutMs: SETUP_TIMEOUT_MS, setUp });

async function setUp({ context, baseUrl }: AppInBrowser): Promise<void> {
  // The empty list first, before anything is stored on this profile.
  for (const viewport of [TABLET, LAPTOP]) {
    const empty = await context.newPage();
    const errors = recordErrors(empty);
    await empty.setViewportSize(viewport);
    await empty.goto(baseUrl);
    await empty.getByText(en.assessments.empty.title).waitFor();
    await empty.locator('select[name="framework"] option').first().waitFor({ state: 'attached' });
    for (const violation of await seriousAxeViolations(empty)) emptyListFailures.push(`empty list ${viewport.width}: ${violation}`);
    await empty.screenshot({ path: join(RESULTS_DIR, `shell-assessments-empty-en-${viewport.width}x${viewport.height}.png`) });
    emptyListFailures.push(...errors);
    await empty.close();
  }

  // One assessment as a team would have it on the second day of the mission.
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('h1').waitFor();
  await createAssessment(page, { title: 'MMDMA Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: '2022-10-06', leadName: 'Anna Petrosyan', leadEmail: 'anna@example.org' });
  assessmentUrl = page.url().replace(/\/setup$/, '');
  await addAssessor(page, 'Lilit Hakobyan', 'lilit@example.org', 'assessor');
  await addAssessor(page, 'Mark Evans', '', 'observer');
  const institutions: Array<[string, string, string, number[]]> = [
    ['Migration Service', 'MS', 'Agency', [0, 1, 4, 6]],
    ['E-Governance Infrastructure Implementation Agency', 'EKENG', 'Agency', [3, 4, 5, 8]],
    ['Statistical Committee', 'ARMSTAT', 'Statistics office', [4]],
    ['Central Bank of Armenia', 'CBA', 'Central bank', [2, 3]],
  ];
  for (const [name, acronym, kind, pillarIndexes] of institutions) {
    await addInstitution(page, name, acronym, kind);
    for (const index of pillarIndexes) {
      const pillar = mmdmaV1.pillars[index];
      if (pillar) await pillarCheckbox(page, name, pillar.code, pillar.name.en).check();
    }
  }
  await allSaved(page);
  await openAssessmentScreen(page, en.shell.nav.interviews);
  await scheduleInterview(page, { institution: 'Migration Service (MS)', date: '2022-10-03', time: '10:00', location: 'Migration Service, Yerevan', interviewers: ['Lilit Hakobyan'] });
  await scheduleInterview(page, { institution: 'E-Governance Infrastructure Implementation Agency (EKENG)', date: '2022-10-03', time: '14:30', location: 'online' });
  await scheduleInterview(page, { institution: 'Statistical Committee (ARMSTAT)', date: '2022-10-04', time: '11:00' });
  await page.getByRole('listitem', { name: 'Statistical Committee (ARMSTAT)' }).waitFor();
  await allSaved(page);
  await page.close();
}

interface Screen {
  readonly name: string;
  readonly hash: () => string;
  readonly ready: (page: Page) => Promise<void>;
}

const screens: readonly Screen[] = [
  { name: 'assessments', hash: () => '#/', ready: (page) => page.locator('.assessment-card').first().waitFor() },
  { name: 'setup', hash: () => `${assessmentUrl.slice(assessmentUrl.indexOf('#'))}/setup`, ready: (page) => page.locator('.pillar-matrix').waitFor() },
  { name: 'interviews', hash: () => `${assessmentUrl.slice(assessmentUrl.indexOf('#'))}/interviews`, ready: (page) => page.locator('.interview-row').first().waitFor() },
  {
    name: 'settings',
    hash: () => '#/settings',
    ready: async (page) => {
      await page.locator('.framework-card').first().waitFor();
      // The richest state: an invalid file's problems listed.
      await page.locator('input[type="file"]').setInputFiles(INVALID_FRAMEWORK);
      await page.locator('.problem-list li').first().waitFor();
    },
  },
];

async function open(viewport: { width: number; height: number }, language: string, screen: Screen): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  // The language is in place before the app's first script runs: one cold load of the screen (it
  // used to load the start page, set the language, load the screen and reload).
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
  await page.goto(`${baseUrl}${screen.hash()}`);
  await screen.ready(page);
  // Let the lazily loaded strings and the save indicator settle: waited for, not slept on.
  await eventually(() => page.locator('.app-header .save-indicator').getAttribute('data-state'), 'saved', 10_000);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  return { page, errors };
}

describe('shell screens: accessibility, layout and screenshots', () => {
  for (const screen of screens) {
    it(`${screen.name}: no serious axe violations and no horizontal overflow, at tablet and laptop sizes, in every language`, async () => {
      const failures: string[] = [];
      for (const language of ['en', 'hy', 'ru']) {
        for (const viewport of [TABLET, LAPTOP]) {
          const where = `${screen.name} ${language} ${viewport.width}×${viewport.height}`;
          const { page, errors } = await open(viewport, language, screen);
          for (const violation of await seriousAxeViolations(page)) failures.push(`${where}: ${violation}`);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          if (scrollWidth > innerWidth) failures.push(`${where}: the page is ${scrollWidth}px wide`);
          const name = `shell-${screen.name}-${language}-${viewport.width}x${viewport.height}`;
          if (language === 'en' || viewport === TABLET) {
            await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
            await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}-full.png`));
          }
          failures.push(...errors.map((error) => `${where}: ${error}`));
          await page.close();
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('the empty list: what to do first, without serious axe violations', () => {
    app(); // Throws why the set-up did not finish, if it did not.
    expect(emptyListFailures).toEqual([]);
  });

  it('the framework route inside the shell, at both sizes', async () => {
    const { context, baseUrl } = app();
    const failures: string[] = [];
    for (const viewport of [TABLET, LAPTOP]) {
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl}#/framework`);
      await page.locator('button[data-pillar-id][aria-current="true"]').waitFor();
      for (const violation of await seriousAxeViolations(page)) failures.push(`framework ${viewport.width}: ${violation}`);
      await page.screenshot({ path: join(RESULTS_DIR, `shell-framework-en-${viewport.width}x${viewport.height}.png`) });
      failures.push(...errors);
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
