/**
 * Two browser profiles joined to one REAL hub (server/main.ts serving the built app and the API
 * from one origin, on PGlite): the lead creates the assessment and joins by invite code beside the
 * save indicator; the second device joins from the assessments list and pulls the assessment; text
 * typed on one appears on the other without a reload; then the second goes offline, both edit, it
 * comes back, and both converge. Then a lead sets up a team in the app alone: creates the team space
 * with the hub secret, invites an assessor by link, revokes that device, whose unsent change waits
 * until it joins again (same hub process and build: frugal).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enSync from '../../locales/en/sync.json';
import enSetup from '../../locales/en/setup.json';
import { startHub, type HubProcess } from '../integration/support/hubTestKit';
import { createTeamFor, inviteCode } from '../integration/support/hubClientKit';
import { LAPTOP, TABLET, axeViolations, buildApp, eventually, launchChromium, missingChromium, recordErrors, type BuiltApp, type LaunchedChromium } from './support';
import { addInstitution, createAssessment, en, h1 } from './shellSteps';

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

describe('a lead sets up the team in the app', () => {
  it('creates the team space with the hub secret, invites an assessor by link, revokes it; its unsent change waits until it joins again', async () => {
    const lead = await launchChromium();
    const tablet = await launchChromium();
    browsers.push(lead, tablet);
    const pageL = await lead.context.newPage();
    const pageT = await tablet.context.newPage();
    const errorsL = recordErrors(pageL);
    const errorsT = recordErrors(pageT);

    await pageL.goto(hub!.url);
    await createAssessment(pageL, { title: 'MMDMA Georgia 2023', country: 'Georgia', leadName: 'Nino Beridze' });
    await pageL.getByRole('button', { name: new RegExp(enSync.toggle) }).click();
    const panelL = pageL.locator('.hub-sync-panel');
    await panelL.getByText(enSync.create.summary).click();
    await panelL.getByLabel(enSync.join.hub).first().waitFor();
    // A wrong secret: refused next to its field, nothing created, and the field emptied.
    await panelL.getByLabel(enSync.create.secret).fill('mmdma_h_not-the-secret');
    await panelL.getByLabel(enSync.create.name).fill('Georgia 2023');
    await panelL.getByRole('button', { name: enSync.create.submit }).click();
    await panelL.getByText(enSync.create.wrongSecret).waitFor();
    expect(await panelL.getByLabel(enSync.create.secret).inputValue()).toBe('');
    await panelL.getByLabel(enSync.create.secret).fill(hub!.secret);
    await panelL.getByRole('button', { name: enSync.create.submit }).click();
    await eventually(() => syncState(pageL), enSync.state.synced, 30_000);
    expect(await panelL.getByLabel(enSync.create.secret).count()).toBe(0);
    // The secret is kept nowhere in the app's storage.
    const stored = await pageL.evaluate(dumpIndexedDb);
    expect(stored).toContain('Georgia 2023');
    expect(stored).not.toContain(hub!.secret);

    // Invite an assessor; the link is what the teammate pastes.
    await panelL.getByLabel(enSync.invite.role).selectOption('assessor');
    await panelL.getByRole('button', { name: enSync.invite.make }).click();
    const link = await panelL.getByLabel(enSync.invite.link).inputValue();
    expect(link).toMatch(new RegExp(`^${hub!.url.replace(/[.]/g, '\\.')}/#/join\\?code=[0-9A-Z-]{23}$`));
    await panelL.getByRole('button', { name: enSync.devices.refresh }).waitFor();
    for (const viewport of [LAPTOP, TABLET]) {
      await pageL.setViewportSize(viewport);
      expect(await axeViolations(pageL, '.hub-sync-panel'), `axe at ${viewport.width}×${viewport.height}`).toEqual([]);
    }
    await pageL.setViewportSize(LAPTOP);

    await pageT.goto(hub!.url);
    await joinWithCode(pageT, link);
    await pageT.getByRole('link', { name: /MMDMA Georgia 2023/ }).first().click({ timeout: 30_000 });
    await eventually(() => h1(pageT), 'MMDMA Georgia 2023', 30_000);
    if (!pageT.url().endsWith('/setup')) await pageT.goto(pageT.url().replace(/#\/a\/([^/]+).*/, '#/a/$1/setup'));
    await notesField(pageL).fill('Rustavi customs office visited on Monday.');
    await eventually(() => notesField(pageT).inputValue(), 'Rustavi customs office visited on Monday.', 30_000);

    // The lead revokes the tablet, after confirming.
    await panelL.getByRole('button', { name: enSync.devices.refresh }).click();
    const tabletLabel = enSync.join.labelDefault;
    await panelL.getByRole('button', { name: enSync.devices.revokeNamed.replace('{{label}}', tabletLabel) }).click();
    const question = panelL.getByRole('group', { name: enSync.devices.confirm.replace('{{label}}', tabletLabel) });
    await question.waitFor();
    expect(await pageL.evaluate(() => document.activeElement?.textContent)).toBe(enSync.devices.confirmRevoke);
    await question.getByRole('button', { name: enSync.devices.confirmRevoke }).click();
    await panelL.getByText(enSync.devices.revoked.replace('{{label}}', tabletLabel)).waitFor();
    await panelL.getByRole('row', { name: new RegExp(tabletLabel) }).getByText(/^Revoked /).waitFor();

    // The tablet adds an institution (an assessor may): refused by the hub, kept on the tablet.
    await addInstitution(pageT, 'Revenue Service', 'RS', 'Tax and customs');
    await eventually(() => syncState(pageT), enSync.state.error, 30_000);
    const panelT = pageT.locator('.hub-sync-panel');
    if ((await panelT.count()) === 0) await pageT.getByRole('button', { name: new RegExp(enSync.toggle) }).click();
    await panelT.getByText(enSync.problem.token).waitFor();
    await panelT.getByRole('heading', { name: enSync.join.rejoinHeading }).waitFor();
    const institutionOnLead = pageL.getByLabel(en.setup.institutions.acronymOf.replace('{{name}}', 'Revenue Service'), { exact: true });
    expect(await institutionOnLead.count()).toBe(0);

    // Joining again with a new code sends what waited.
    await panelL.getByRole('button', { name: enSync.invite.make }).click();
    await eventually(async () => (await panelL.getByLabel(enSync.invite.link).inputValue()) !== link, true, 10_000);
    const again = await panelL.getByLabel(enSync.invite.link).inputValue();
    await panelT.getByLabel(enSync.join.code).fill(again);
    await panelT.getByRole('button', { name: enSync.join.submit, exact: true }).click();
    await institutionOnLead.waitFor({ timeout: 30_000 });
    await eventually(() => syncState(pageT), enSync.state.synced, 30_000);
    // The one refused request is the wrong hub secret's (the browser logs a 401 load); nothing else.
    expect(errorsL.filter((e) => !/401 \(Unauthorized\) \(http:\/\/[^)]+\/api\/v1\/teams\)$/.test(e))).toEqual([]);
    // The tablet's refused requests (401) are logged by the browser as failed loads; nothing else.
    expect(errorsT.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  }, TIMEOUT_MS);
});

/** Every value in every IndexedDB store of the page's origin, as one string (run in the page). */
async function dumpIndexedDb(): Promise<string> {
  const out: string[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      out.push(JSON.stringify(rows));
    }
    db.close();
  }
  return out.join('\n');
}
