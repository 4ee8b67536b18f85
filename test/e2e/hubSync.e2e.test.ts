/**
 * Two browser profiles joined to one REAL hub (server/main.ts serving the built app and the API
 * from one origin, on PGlite): the lead creates the assessment and joins by invite code beside the
 * save indicator; the second device joins from the assessments list and pulls the assessment; text
 * typed on one appears on the other without a reload; then the second goes offline, both edit, it
 * comes back, and both converge.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enSync from '../../locales/en/sync.json';
import enSetup from '../../locales/en/setup.json';
import { startHub, type HubProcess } from '../integration/support/hubTestKit';
import { createTeamFor, inviteCode } from '../integration/support/hubClientKit';
import { buildApp, eventually, launchChromium, missingChromium, recordErrors, type BuiltApp, type LaunchedChromium } from './support';
import { createAssessment, h1 } from './shellSteps';

const TIMEOUT_MS = 240_000;
let built: BuiltApp | undefined;
let hub: (HubProcess & { secret: string }) | undefined;
const browsers: LaunchedChromium[] = [];

beforeAll(async () => {
  const missing = missingChromium();
  if (missing !== undefined) throw new Error(missing);
  built = await buildApp();
  hub = (await startHub({ engine: 'pglite', args: ['--app', built.outDir] })) as HubProcess & { secret: string };
}, TIMEOUT_MS);
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await hub?.stop();
  built?.remove();
});

async function joinWithCode(page: Page, code: string) {
  await page.getByRole('button', { name: new RegExp(enSync.toggle) }).click();
  await page.getByLabel(enSync.join.code).fill(code);
  await page.getByRole('button', { name: enSync.join.submit, exact: true }).click();
}

const notesField = (page: Page) => page.getByLabel(enSetup.details.notes);
const syncState = (page: Page) => page.locator('.hub-sync-toggle [role="status"]').textContent();

describe('two devices on one hub', () => {
  it('text typed on one appears on the other without a reload; offline edits on both converge', async () => {
    const a = await launchChromium();
    const b = await launchChromium();
    browsers.push(a, b);
    const pageA = await a.context.newPage();
    const pageB = await b.context.newPage();
    const errorsA = recordErrors(pageA);
    const errorsB = recordErrors(pageB);

    await pageA.goto(hub!.url);
    await createAssessment(pageA, { title: 'MMDMA Armenia 2022', country: 'Armenia', leadName: 'Anna Petrosyan' });
    const assessmentId = /#\/a\/([^/]+)/.exec(pageA.url())?.[1] ?? /([0-9a-f-]{36})/.exec(pageA.url())?.[1];
    expect(assessmentId).toBeDefined();
    const team = await createTeamFor(hub!, assessmentId!);
    await joinWithCode(pageA, await inviteCode(hub!, team, 'lead'));
    await eventually(() => syncState(pageA), enSync.state.synced, 30_000);

    await pageB.goto(hub!.url);
    await joinWithCode(pageB, await inviteCode(hub!, team, 'lead'));
    await pageB.getByRole('link', { name: /MMDMA Armenia 2022/ }).first().click({ timeout: 30_000 });
    await eventually(() => h1(pageB), 'MMDMA Armenia 2022', 30_000);
    if (!pageB.url().endsWith('/setup')) await pageB.goto(pageB.url().replace(/#\/a\/([^/]+).*/, '#/a/$1/setup'));
    await notesField(pageB).waitFor();

    // Typed on A, shown on B without a reload.
    await notesField(pageA).fill('EKENG confirmed the registry API is live.');
    await eventually(() => notesField(pageB).inputValue(), 'EKENG confirmed the registry API is live.', 30_000);

    // B goes offline; both edit; B comes back; both converge.
    await b.context.setOffline(true);
    await eventually(async () => ((await syncState(pageB)) ?? '').startsWith('Offline') || (await syncState(pageB)) === enSync.state.synced, true, 15_000);
    await pageA.getByLabel(enSetup.details.country).fill('Republic of Armenia');
    await notesField(pageB).fill('Offline on B: the border system still uses paper at Bagratashen.');
    await pageB.getByLabel(enSetup.details.title).click();
    await eventually(async () => /waiting/.test((await syncState(pageB)) ?? ''), true, 15_000);
    await b.context.setOffline(false);
    await pageB.evaluate(() => window.dispatchEvent(new Event('online')));
    await eventually(() => notesField(pageA).inputValue(), 'Offline on B: the border system still uses paper at Bagratashen.', 30_000);
    await eventually(() => pageB.getByLabel(enSetup.details.country).inputValue(), 'Republic of Armenia', 30_000);
    await eventually(() => syncState(pageA), enSync.state.synced, 30_000);
    await eventually(() => syncState(pageB), enSync.state.synced, 30_000);
    expect(errorsA.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect(errorsB.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  }, TIMEOUT_MS);
});
