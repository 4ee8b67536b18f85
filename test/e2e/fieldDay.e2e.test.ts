/**
 * A field day with no network, in one flow, the way an assessor meets it: one online visit installs
 * the app; then, with the browser offline and the server gone, plan an assessment, run an interview
 * with a tagged note suggesting a level, reload (still offline) and find the note, see the dashboard
 * show a provisional figure, rate the indicator, and see the dashboard move to the rating.
 *
 * The screens' own e2e files test each step in depth; this one proves they work together offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import {
  buildApp,
  eventually,
  LAPTOP,
  launchChromium,
  missingChromium,
  recordErrors,
  serveApp,
  waitForServiceWorkerControl,
  type BuiltApp,
  type LaunchedChromium,
  type ServedApp,
} from './support';
import { addInstitution, allSaved, createAssessment, en, openAssessmentScreen, pillarCheckbox, scheduleInterview } from './shellSteps';

const SETUP_TIMEOUT_MS = 180_000;
const SUB_TOPIC = 'data-management.access-to-data';
const PILLAR = 'data-management';
const NOTE = 'The border database is reached by written request only, on paper.';

const missing = missingChromium();
let built: BuiltApp | undefined;
let server: ServedApp | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  if (missing) return;
  built = await buildApp();
  server = await serveApp(built.outDir);
  browser = await launchChromium({ viewport: LAPTOP });
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await built?.remove();
});

const pillarName = (id: string) => mmdmaV1.pillars.find((pillar) => pillar.id === id)?.name.en ?? id;
const overall = (page: Page) => page.locator(`.dash-pillar-group[data-pillar-id="${PILLAR}"] .dash-overall-cell`);

describe('a field day offline', () => {
  it('plans, interviews, rates and watches the dashboard with the network off, across a reload', async () => {
    if (missing) throw new Error(missing);
    if (!browser || !server) throw new Error('the app did not start (see beforeAll)');
    const { context } = browser;
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);

    // From here on there is no network at all.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.locator('h1').first().waitFor();

    // Plan: the assessment, one institution relevant to data management, one interview.
    await createAssessment(page, { title: 'Armenia field day', country: 'Armenia', startDate: '2022-10-04', leadName: 'Anna Lead' });
    const assessmentId = /#\/a\/([^/]+)\//.exec(page.url())?.[1];
    if (!assessmentId) throw new Error(`no assessment id in ${page.url()}`);
    await addInstitution(page, 'Migration Service', 'MS', 'Agency');
    await pillarCheckbox(page, 'Migration Service', '6.5', pillarName(PILLAR)).check();
    await openAssessmentScreen(page, en.shell.nav.interviews);
    await scheduleInterview(page, { institution: 'Migration Service (MS)', date: '2022-10-04' });
    await page.getByRole('heading', { level: 4, name: 'Migration Service (MS)' }).waitFor();
    await page.getByRole('link', { name: /^Open interview/ }).first().click();

    // Interview: a note tagged 6.5.3 by keyboard, suggesting "established" (Alt+3).
    const composer = page.locator('.note-composer textarea');
    await composer.waitFor();
    await composer.focus();
    await page.keyboard.type(NOTE.slice(0, 20));
    await page.keyboard.type('#');
    await page.keyboard.type('6.5.3');
    await page.keyboard.press('Enter');
    await page.keyboard.type(NOTE.slice(20));
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.note-list .note-row:not(.is-pending)').count(), 1, 10_000);
    await allSaved(page);

    // Reload, still offline: the note is there.
    await page.reload();
    await eventually(async () => (await page.locator('.note-list').textContent())?.includes(NOTE) ?? false, true, 15_000);

    // Dashboard: data management rests on that one note, so it is provisional.
    await openAssessmentScreen(page, en.shell.nav.dashboard);
    await page.locator('.dash-pillar-table').waitFor();
    await eventually(() => overall(page).locator('.dash-tag-provisional').count().then((n) => n > 0), true);
    const provisionalScore = await overall(page).locator('.dash-figure-score').textContent();

    // Rating: "developing" for the first indicator on the central track, by keyboard (2).
    await page.goto(`${new URL(page.url()).origin}/#/a/${assessmentId}/rating/${SUB_TOPIC}`);
    const firstTrack = page.locator('section.track-rating').first();
    await firstTrack.waitFor({ timeout: 15_000 });
    await firstTrack.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('2');
    await eventually(() => firstTrack.evaluate((element) => element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? 'none'), 'developing');
    await allSaved(page);

    // The dashboard follows the rating.
    await openAssessmentScreen(page, en.shell.nav.dashboard);
    await page.locator('.dash-pillar-table').waitFor();
    await eventually(async () => (await overall(page).locator('.dash-figure-score').textContent()) !== provisionalScore, true);

    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
    await page.close();
  });
});
