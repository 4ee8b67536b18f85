/**
 * The app shell and the assessment management screens in real Chromium (Debian's, fresh profile),
 * against the production build with its service worker:
 *
 * - the app opens on the assessments list, with an empty state that says what to do first;
 * - an assessment is created, two assessors and three institutions (with pillars) are added, an
 *   interview is scheduled, and everything is still there after a reload;
 * - two tabs stay consistent: an edit in one appears in the other without a reload;
 * - an invalid framework file gets every problem listed, and nothing is stored;
 * - a full disk (a real QuotaExceededError, the origin's quota shrunk through the DevTools
 *   protocol) gives the specific message, keeps the text on screen, and saves once space is back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import enSettings from '../../locales/en/settings.json';
import { validateFramework } from '../../src/core/framework/validateFramework';
import { appPerFile, eventually, LAPTOP, recordErrors, RESULTS_DIR } from './support';
import {
  addAssessor,
  addInstitution,
  allSaved,
  createAssessment,
  en,
  expectNoErrors,
  h1,
  openAssessmentScreen,
  pillarCheckbox,
  scheduleInterview,
} from './shellSteps';

const SETUP_TIMEOUT_MS = 180_000;
/** Longer than Chromium keeps an IndexedDB backing store open after its last connection closes. */
const BACKING_STORE_GRACE_MS = 5_000;
const INVALID_FRAMEWORK = fileURLToPath(new URL('../fixtures/frameworks/invalid-framework.json', import.meta.url));
const pillars = mmdmaV1.pillars;

const app = appPerFile({ viewport: LAPTOP, timeoutMs: SETUP_TIMEOUT_MS });

/** A page on a clean origin: no assessments, no stored choices. */
async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.goto(baseUrl);
  await page.evaluate(async () => {
    localStorage.clear();
    // Every test starts without assessments; the app reopens the database on reload.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('mmdma-field');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => resolve();
    });
  });
  await page.reload();
  await page.locator('h1').waitFor();
  return { page, errors };
}

describe('app shell and assessment management', () => {
  it('opens on the assessments list, with an empty state that says what to do first', async () => {
    const { page, errors } = await freshPage();
    expect(await h1(page)).toBe(en.shell.title.assessments);
    await page.getByText(en.assessments.empty.title).waitFor();
    expect(await page.getByText(en.assessments.empty.step1).count()).toBe(1);
    // Global navigation with the current page marked; no assessment navigation outside an assessment.
    const global = page.getByRole('navigation', { name: en.shell.nav.globalLabel });
    expect(await global.getByRole('link', { name: en.shell.nav.assessments }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('navigation', { name: en.shell.nav.assessmentLabel }).count()).toBe(0);
    expect(await page.locator('.app-header .save-indicator').textContent()).toBe(en.shell.save.saved);
    await page.getByRole('region', { name: en.shell.storage.heading }).getByText(/The app uses/).waitFor();

    // Keyboard: the skip link is first and moves focus to the content without changing the route;
    // following a link in the header moves focus to the new screen's content.
    const hashBefore = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    await global.getByRole('link', { name: en.shell.nav.settings }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => h1(page), en.shell.title.settings);
    await eventually(() => page.evaluate(() => document.activeElement?.id ?? ''), 'main');
    expect(await page.title()).toBe(`${en.shell.title.settings} · MMDMA Field`);
    expectNoErrors(errors);
    await page.close();
  });

  it('creates an assessment with its team, institutions and an interview, and finds it all after a reload', async () => {
    const { page, errors } = await freshPage();
    await createAssessment(page, { title: 'MMDMA Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: '2022-10-06', leadName: 'Anna Petrosyan' });
    // The creator is the lead, and this device speaks for them.
    expect(await page.getByLabel(en.setup.team.roleOf.replace('{{name}}', 'Anna Petrosyan')).inputValue()).toBe('lead');
    expect(await page.getByLabel(en.setup.team.me).locator('option:checked').textContent()).toBe('Anna Petrosyan');
    expect(await page.getByRole('banner').textContent()).toContain(en.shell.header.me.replace('{{name}}', 'Anna Petrosyan'));

    await addAssessor(page, 'Lilit Hakobyan', 'lilit@example.org', 'assessor');
    await addAssessor(page, 'Mark Evans', 'mark@example.org', 'observer');
    // A malformed e-mail is refused with a message, and nothing is added.
    const addPerson = page.getByRole('form', { name: en.setup.team.addHeading });
    await addPerson.getByRole('textbox', { name: en.setup.team.name, exact: true }).fill('Nobody');
    await addPerson.getByLabel(en.setup.team.email, { exact: true }).fill('nobody@');
    await addPerson.getByRole('button', { name: en.setup.team.add }).click();
    await addPerson.getByText(en.setup.team.emailInvalid).waitFor();
    expect(await page.getByLabel(en.setup.team.nameOf.replace('{{name}}', 'Nobody'), { exact: true }).count()).toBe(0);

    await addInstitution(page, 'Migration Service', 'MS', 'Agency');
    await addInstitution(page, 'EKENG', 'EKENG', 'Agency');
    await addInstitution(page, 'Statistical Committee', 'ARMSTAT', 'Statistics office');
    const [strategy, , , cyber, data] = pillars;
    if (!strategy || !cyber || !data) throw new Error('MMDMA v1 has fewer than five pillars');
    const ticks: Array<[string, typeof strategy]> = [
      ['Migration Service', strategy],
      ['Migration Service', data],
      ['EKENG', cyber],
      ['EKENG', data],
      ['Statistical Committee', data],
    ];
    for (const [institution, pillar] of ticks) await pillarCheckbox(page, institution, pillar.code, pillar.name.en).check();
    // Edits in place: the second assessor's name, the assessment's country.
    const lilit = page.getByLabel(en.setup.team.nameOf.replace('{{name}}', 'Lilit Hakobyan'), { exact: true });
    await lilit.fill('Lilit Hakobyan-Sargsyan');
    await lilit.blur();
    await allSaved(page);

    await openAssessmentScreen(page, en.shell.nav.interviews);
    await page.getByRole('heading', { level: 2, name: en.setup.schedule.heading }).waitFor();
    await scheduleInterview(page, { institution: 'Migration Service (MS)', date: '2022-10-04', time: '10:30', location: 'Ministry, room 204', interviewers: ['Lilit Hakobyan-Sargsyan'] });
    await page.getByRole('heading', { level: 4, name: 'Migration Service (MS)' }).waitFor();
    await allSaved(page);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: en.setup.schedule.heading }).waitFor();
    expect(await h1(page)).toBe('MMDMA Armenia 2022');
    const row = page.getByRole('listitem', { name: 'Migration Service (MS)' });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('10:30');
    expect(rowText).toContain('Ministry, room 204');
    expect(rowText).toContain('Anna Petrosyan');
    expect(rowText).toContain('Lilit Hakobyan-Sargsyan');
    expect(rowText).toContain('0 notes');
    // Grouped under the day, in words.
    expect(await page.getByRole('heading', { level: 3, name: /Tuesday, October 4, 2022/ }).count()).toBe(1);
    expect(await row.getByRole('link', { name: en.setup.schedule.openLabel.replace('{{institution}}', 'Migration Service (MS)').replace('{{date}}', 'October 4, 2022') }).getAttribute('href')).toMatch(
      /^#\/a\/[^/]+\/interviews\/[^/]+$/,
    );

    await openAssessmentScreen(page, en.shell.nav.setup);
    await page.getByRole('heading', { level: 2, name: en.setup.heading }).waitFor();
    expect(await page.getByLabel(en.setup.team.nameOf.replace('{{name}}', 'Lilit Hakobyan-Sargsyan'), { exact: true }).inputValue()).toBe('Lilit Hakobyan-Sargsyan');
    expect(await page.getByLabel(en.setup.team.roleOf.replace('{{name}}', 'Mark Evans')).inputValue()).toBe('observer');
    expect(await page.getByLabel(en.setup.team.emailOf.replace('{{name}}', 'Mark Evans')).inputValue()).toBe('mark@example.org');
    for (const [institution, pillar] of ticks) expect(await pillarCheckbox(page, institution, pillar.code, pillar.name.en).isChecked()).toBe(true);
    expect(await pillarCheckbox(page, 'EKENG', strategy.code, strategy.name.en).isChecked()).toBe(false);
    // The bottom row counts institutions per pillar: three for data management.
    const counts = await page.locator('.pillar-matrix tfoot td').allTextContents();
    expect(counts[pillars.indexOf(data)]).toBe('3');

    // Back on the list, the assessment is there with its country and dates.
    await page.getByRole('navigation', { name: en.shell.nav.globalLabel }).getByRole('link', { name: en.shell.nav.assessments }).click();
    const card = page.getByRole('listitem', { name: 'MMDMA Armenia 2022' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Armenia');
    expect(await card.textContent()).toContain('October 3');
    expectNoErrors(errors);
    await page.close();
  });

  it('archives and restores an assessment, with the archive collapsed', async () => {
    const { page, errors } = await freshPage();
    await createAssessment(page, { title: 'Eswatini 2024', country: 'Eswatini', leadName: 'Anna' });
    await page.goto(`${app().baseUrl}#/`);
    const card = page.getByRole('listitem', { name: 'Eswatini 2024' });
    await card.getByRole('button', { name: en.assessments.card.archiveLabel.replace('{{title}}', 'Eswatini 2024') }).click();
    const archive = page.locator('details.archived-assessments');
    await archive.waitFor();
    expect(await archive.getAttribute('open')).toBeNull();
    await page.getByText(en.assessments.list.allArchived).waitFor();
    await archive.locator('summary').click();
    await archive.getByRole('button', { name: en.assessments.card.unarchiveLabel.replace('{{title}}', 'Eswatini 2024') }).click();
    await eventually(() => page.locator('details.archived-assessments').count(), 0);
    expect(await page.getByRole('listitem', { name: 'Eswatini 2024' }).textContent()).toContain(en.assessments.status.planning);
    expectNoErrors(errors);
    await page.close();
  });

  it('keeps two tabs consistent: an edit in one appears in the other without a reload', async () => {
    const { page: first, errors } = await freshPage();
    await createAssessment(first, { title: 'Two tabs', country: 'Armenia', leadName: 'Anna' });
    const setupUrl = first.url();
    const second = await app().context.newPage();
    const secondErrors = recordErrors(second);
    await second.goto(setupUrl);
    await second.getByRole('heading', { level: 2, name: en.setup.heading }).waitFor();

    // Title edited in the first tab: the second tab's header and field follow.
    const title = first.getByRole('textbox', { name: en.setup.details.title, exact: true });
    await title.fill('Two tabs, renamed');
    await title.blur();
    await eventually(() => h1(second), 'Two tabs, renamed');
    expect(await second.getByRole('textbox', { name: en.setup.details.title, exact: true }).inputValue()).toBe('Two tabs, renamed');

    // An institution added in the second tab appears in the first.
    await addInstitution(second, 'Central Bank', 'CBA', 'Central bank');
    await first.getByLabel(en.setup.institutions.acronymOf.replace('{{name}}', 'Central Bank'), { exact: true }).waitFor();
    // "Me" is per device, so both tabs of this device agree.
    expect(await second.getByLabel(en.setup.team.me).locator('option:checked').textContent()).toBe('Anna');

    // The list in another tab follows too.
    const list = await app().context.newPage();
    await list.goto(app().baseUrl);
    await list.getByRole('listitem', { name: 'Two tabs, renamed' }).waitFor();
    await first.getByRole('textbox', { name: en.setup.details.title, exact: true }).fill('Two tabs, final');
    await list.getByRole('listitem', { name: 'Two tabs, final' }).waitFor();

    expectNoErrors([...errors, ...secondErrors]);
    await Promise.all([first.close(), second.close(), list.close()]);
  });

  it('lists every problem of an invalid framework file and stores nothing', async () => {
    const { page, errors } = await freshPage();
    await page.getByRole('navigation', { name: en.shell.nav.globalLabel }).getByRole('link', { name: en.shell.nav.settings }).click();
    await page.getByRole('heading', { level: 2, name: enSettings.frameworks.heading }).waitFor();
    const cards = page.locator('.framework-card');
    await eventually(() => cards.count(), 1);

    const expected = validateFramework(JSON.parse(readFileSync(INVALID_FRAMEWORK, 'utf8')) as unknown);
    if (expected.ok) throw new Error('the invalid fixture is valid');
    await page.getByLabel(enSettings.frameworks.importLabel).setInputFiles(INVALID_FRAMEWORK);
    const problems = page.locator('.problem-list li');
    await eventually(() => problems.count(), expected.error.length);
    const shown = await problems.allTextContents();
    expected.error.forEach((problem, index) => {
      expect(shown[index]).toContain(problem.path === '' ? enSettings.frameworks.wholeFile : problem.path);
      expect(shown[index]).toContain(problem.message);
    });
    expect(await page.getByRole('alert').filter({ hasText: 'invalid-framework.json was not imported' }).count()).toBe(1);
    // Focus goes to the list, so a screen reader reads it next.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(String(expected.error.length));

    // Nothing stored: still one framework, also after a reload, and no framework row in the database.
    expect(await cards.count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: enSettings.frameworks.heading }).waitFor();
    await eventually(() => page.locator('.framework-card').count(), 1);
    const rows = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('mmdma-field');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const keys = open.result.transaction('meta').objectStore('meta').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.filter((key) => String(key).startsWith('framework:')).length);
            keys.onerror = () => reject(keys.error);
          };
        }),
    );
    expect(rows).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('imports a valid framework, offers it for new assessments, and refuses it a second time', async () => {
    const { page, errors } = await freshPage();
    await page.goto(`${app().baseUrl}#/settings`);
    await page.getByRole('heading', { level: 2, name: enSettings.frameworks.heading }).waitFor();
    const variant = { ...mmdmaV1, id: 'mmdma-eswatini', version: '1.1.0', name: { en: 'MMDMA Eswatini' } };
    const file = { name: 'eswatini.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(variant)) };
    await page.getByLabel(enSettings.frameworks.importLabel).setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'Imported eswatini.json' }).waitFor();
    await eventually(() => page.locator('.framework-card').count(), 2);
    await page.getByLabel(enSettings.frameworks.importLabel).setInputFiles(file);
    await page.getByText(enSettings.frameworks.alreadyInstalled.replace('{{id}}', 'mmdma-eswatini').replace('{{version}}', '1.1.0')).waitFor();

    await page.goto(`${app().baseUrl}#/`);
    const options = await page.getByLabel(en.assessments.create.framework).locator('option').allTextContents();
    expect(options).toEqual([expect.stringContaining('(built in)'), 'MMDMA Eswatini 1.1.0 (imported)']);
    expectNoErrors(errors);
    await page.close();
  });

  it('says the device is full when a write hits the quota, keeps the text on screen, and saves once space is back', async () => {
    const { page: creator, errors: creatorErrors } = await freshPage();
    await createAssessment(creator, { title: 'Quota', country: 'Armenia', leadName: 'Anna' });
    await allSaved(creator);
    const setupUrl = creator.url();
    const origin = new URL(setupUrl).origin;
    expectNoErrors(creatorErrors);
    // Chromium's IndexedDB caches the space left for an origin while its database is open (and for
    // a grace period after the last connection closes), so a quota lowered mid-session only bites
    // once that cache is gone: close the page, let the backing store close, then shrink the quota.
    await creator.close();
    await new Promise((resolve) => setTimeout(resolve, BACKING_STORE_GRACE_MS));
    const page = await app().context.newPage();
    const errors = recordErrors(page);
    const cdp = await page.context().newCDPSession(page);
    // Far below what the origin already uses (the precached app): every write now fails with a
    // real QuotaExceededError from IndexedDB.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
    await page.goto(setupUrl);
    await page.getByRole('heading', { level: 2, name: en.setup.heading }).waitFor();

    const notes = page.getByLabel(en.setup.details.notes, { exact: true });
    const text = 'Met the deputy head of the Migration Service; the e-visa system exchanges data with the border system in real time.';
    await notes.fill(text);
    await notes.blur();
    const failed = en.shell.save.failed.replace('{{reason}}', en.shell.save.reason.quota);
    await eventually(() => page.locator('.app-header .save-indicator').textContent(), failed, 10_000);
    const alert = page.getByRole('alert').filter({ hasText: en.shell.failure.quota });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing you typed has been lost');
    // The text is still there, in the field, and the same message is not stacked twice.
    expect(await notes.inputValue()).toBe(text);
    await notes.focus();
    await notes.press('End');
    await notes.type(' More.');
    await notes.blur();
    await eventually(() => page.locator('.notice-error').count(), 1);
    expect(await notes.inputValue()).toBe(`${text} More.`);
    await page.screenshot({ path: `${RESULTS_DIR}/shell-quota-full-1366x768.png` });

    // Space is back: the next flush stores the kept edit and the indicator says so.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await notes.focus();
    await notes.blur();
    await allSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: en.setup.heading }).waitFor();
    expect(await page.getByLabel(en.setup.details.notes, { exact: true }).inputValue()).toBe(`${text} More.`);
    await cdp.detach().catch(() => undefined);
    // The QuotaExceededError is expected here; anything else is not.
    expectNoErrors(errors.filter((error) => !/quota/i.test(error)));
    await page.close();
  });
});
