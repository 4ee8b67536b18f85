/**
 * `#/import` in real Chromium: a device that holds no assessment yet receives one from a bundle.
 * Two launches, each on its own user-data-dir, against the production build served on 127.0.0.1:
 *
 * - profile A holds an assessment (interview, a tagged note with a suggested level, a photo, a
 *   rating), seeded through the real storage API inside the page (exchangeSeedModule), and exports
 *   it through the UI, encrypted;
 * - profile C is FRESH: nothing stored. Its assessments list shows the empty state; a hostile bundle
 *   dropped on its `#/import` is refused with its own message and C still holds no assessment;
 * - C follows "Import a bundle" from the list by keyboard (Tab, Enter), picks A's file, types the
 *   passphrase, sees the preview (who made it, everything new), imports; the assessment is then in
 *   C's list, its dashboard shows the same Table 3 as A's; importing the file again says nothing new;
 * - `#/import` has no serious or critical axe violations, no horizontal overflow and no console
 *   errors at 768×1024 and 1366×768; screenshots land in test-results/importNewDevice-*.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enAssessments from '../../locales/en/assessments.json';
import enExchange from '../../locales/en/exchange.json';
import { MMDMA_APP_VERSION } from '../../src/exchange/bundle/format';
import { buildExchangeSeedModule, callExchangeSeed } from './exchangeSeed';
import type { SeededAssessment } from './exchangeSeedModule';
import {
  buildApp,
  eventually,
  LAPTOP,
  launchChromium,
  missingChromium,
  recordErrors,
  RESULTS_DIR,
  ROOT,
  saveFullPageScreenshot,
  serveApp,
  seriousAxeViolations,
  TABLET,
  type BuiltApp,
  type LaunchedChromium,
  type ServedApp,
} from './support';

const SETUP_TIMEOUT_MS = 240_000;
const FIXTURES = join(ROOT, 'test/fixtures/bundles');
const PASSPHRASE = 'river tablet cotton seven';
const NOTE = 'NSS-7731: the border database is copied to a USB stick every Friday; do not quote.';
const TITLE = 'Armenia 2022 (new device test)';
const LEAD = 'Anna Petrosyan';
const IMPORT_HASH = '#/import';

let built: BuiltApp | undefined;
let server: ServedApp | undefined;
let profileA: LaunchedChromium | undefined;
let profileC: LaunchedChromium | undefined;
let seeded: SeededAssessment | undefined;
let exported: { path: string; fileName: string } | undefined;
/** Set once C imported A's bundle (the tests after it build on that). */
let imported = false;
let setupError: string | undefined;
const missing = missingChromium();
const workDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-import-new-device-'));

beforeAll(async () => {
  if (missing) return;
  try {
    built = await buildApp();
    await buildExchangeSeedModule(built.outDir);
    server = await serveApp(built.outDir);
    profileA = await launchChromium({ viewport: LAPTOP });
    // C: a fresh user-data-dir, nothing seeded, never opened before its first test.
    profileC = await launchChromium({ viewport: LAPTOP });
    const photo = [...readFileSync(join(ROOT, 'test/fixtures/photo.png'))];
    seeded = await seedIn(profileA, 'seedAssessment', { title: TITLE, lead: LEAD, note: NOTE, photo });
  } catch (error) {
    setupError = `set-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await profileA?.close();
  await profileC?.close();
  await server?.close();
  built?.remove();
  rmSync(workDir, { recursive: true, force: true });
});

/** Calls an export of the seed module in a page of the profile (same origin, same IndexedDB). */
const seedIn = <T>(profile: LaunchedChromium, name: string, argument: unknown): Promise<T> => callExchangeSeed<T>(profile, server!.url, name, argument);

function ready(): { a: LaunchedChromium; c: LaunchedChromium; base: string; seed: SeededAssessment } {
  if (missing) throw new Error(missing);
  if (setupError) throw new Error(setupError);
  if (!profileA || !profileC || !server || !seeded) throw new Error('the browsers did not start (see beforeAll)');
  return { a: profileA, c: profileC, base: server.url, seed: seeded };
}

function exportedFile(): { path: string; fileName: string } {
  if (!exported) throw new Error('the export test did not run');
  return exported;
}

async function open(profile: LaunchedChromium, hash: string, viewport: { width: number; height: number } = LAPTOP) {
  const page = await profile.context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(viewport);
  await page.addInitScript(() => localStorage.setItem('mmdma.language', 'en'));
  await page.goto(`${ready().base}${hash}`);
  return { page, errors };
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = async (page: Page, selector: string) => squash(await page.locator(selector).first().innerText());
const focusedText = async (page: Page) => squash(await page.evaluate(() => document.activeElement?.textContent ?? ''));

/** The whole database of a profile as one JSON string (equal before and after: nothing changed). */
const fingerprint = (profile: LaunchedChromium) => seedIn<string>(profile, 'fingerprint', undefined);
const assessmentRows = async (profile: LaunchedChromium) => (JSON.parse(await fingerprint(profile)) as { assessment: unknown[] }).assessment.length;

async function importScreen(page: Page): Promise<void> {
  await page.locator('.xc-standalone .xc-import input[type="file"]').waitFor({ timeout: 20_000 });
}

async function overflow(page: Page): Promise<string | undefined> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  return scrollWidth > innerWidth ? `page is ${scrollWidth}px wide in a ${innerWidth}px window` : undefined;
}

async function passphrase(page: Page, value: string): Promise<void> {
  const form = page.locator('.xc-passphrase-form');
  await form.waitFor({ timeout: 20_000 });
  await form.getByLabel(enExchange.import.passphrase.label, { exact: true }).fill(value);
  await form.getByRole('button', { name: enExchange.import.passphrase.open }).click();
}

/** Presses Tab until `isTarget` holds for the focused element; returns how many presses it took. */
async function tabTo(page: Page, isTarget: (page: Page) => Promise<boolean>, what: string, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await isTarget(page)) return presses;
  }
  throw new Error(`${limit} presses of Tab never reached ${what}`);
}

/** Drops a file on the drop zone as a file manager would (dragenter, dragover, drop). */
async function drop(page: Page, path: string, fileName: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  await page.evaluate(
    ({ bytes, fileName }) => {
      const zone = document.querySelector('.xc-drop');
      if (!zone) throw new Error('no drop zone');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], fileName, { type: 'application/zip' }));
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, fileName },
  );
}

/** Table 3 (the pillar table) of the seeded assessment's dashboard, as one line of text. */
async function table3(page: Page): Promise<string> {
  await page.locator('.dash-pillar-table').waitFor({ timeout: 20_000 });
  // The note's suggested level and the rating both count: wait for the data-management row.
  await eventually(async () => (await page.locator('.dash-pillar-group[data-pillar-id="data-management"] .dash-figure-score').count()) > 0, true, 10_000);
  return squash(await page.locator('.dash-pillar-table').innerText());
}

describe('a new device receives an assessment through #/import', () => {
  it('A exports the assessment encrypted through the UI', async () => {
    const { a, seed } = ready();
    const { page, errors } = await open(a, `#/a/${seed.assessmentId}/exchange`);
    await page.locator('.xc-export').waitFor({ timeout: 20_000 });
    const form = page.locator('.xc-export-form');
    expect(await form.locator('select').inputValue()).toBe(seed.leadId);
    await form.getByLabel(enExchange.export.passphrase.label, { exact: true }).fill(PASSPHRASE);
    await form.getByLabel(enExchange.export.passphrase.confirm).fill(PASSPHRASE);
    await page.getByRole('button', { name: enExchange.export.start }).click();
    await page.locator('.xc-result h4').waitFor({ timeout: 30_000 });
    expect(await text(page, '.xc-result .xc-facts')).toContain(enExchange.export.summary.encrypted);

    const link = page.locator('a.xc-download');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const fileName = download.suggestedFilename();
    // Encrypted: the name says nothing the content hides (issue 8): no title, no assessor, no date.
    expect(fileName).toMatch(/^mmdma-encrypted_[0-9a-f]{12}\.mmdma\.zip$/);
    const path = join(workDir, fileName);
    await download.saveAs(path);
    exported = { path, fileName };
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a fresh profile shows the empty state; a hostile bundle dropped on #/import is refused and C still holds no assessment', async () => {
    const { c } = ready();
    const { page, errors } = await open(c, '#/');
    await page.locator('.assessments-screen .empty-state').waitFor({ timeout: 20_000 });
    expect(await text(page, '.empty-state-lead')).toBe(enAssessments.empty.title);
    expect(await page.locator('.assessment-card').count()).toBe(0);
    expect(await text(page, '.assessments-import')).toBe(`${enAssessments.importBundle.lead} ${enAssessments.importBundle.link}`);
    expect(await page.locator('.assessments-import a').getAttribute('href')).toBe(IMPORT_HASH);
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'importNewDevice-empty-1366x768.png'));
    await page.close();

    const before = await fingerprint(c);
    expect((JSON.parse(before) as { assessment: unknown[] }).assessment).toEqual([]);

    const onImport = await open(c, IMPORT_HASH);
    await importScreen(onImport.page);
    const cases: ReadonlyArray<readonly [fixture: string, code: keyof typeof enExchange.problem]> = [
      ['path-traversal.mmdma.zip', 'unsafe-path'],
      ['zip-bomb-ratio.mmdma.zip', 'zip-bomb'],
      ['out-of-scope.mmdma.zip', 'out-of-scope'],
    ];
    for (const [fixture, code] of cases) {
      await drop(onImport.page, join(FIXTURES, fixture), fixture);
      const refusal = onImport.page.locator('.xc-refusal');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.getAttribute('data-code'), fixture).toBe(code);
      expect(await text(onImport.page, '.xc-refusal-message'), fixture).toBe(enExchange.problem[code]);
      expect(await text(onImport.page, '.xc-refusal-effect'), fixture).toBe(enExchange.import.nothingChanged);
      expect(await focusedText(onImport.page), fixture).toBe(`${fixture} was not imported`);
      if (code === 'unsafe-path') {
        expect(await overflow(onImport.page)).toBeUndefined();
        expect(await seriousAxeViolations(onImport.page)).toEqual([]);
        await saveFullPageScreenshot(onImport.page, join(RESULTS_DIR, 'importNewDevice-refused-1366x768.png'));
        await onImport.page.setViewportSize(TABLET);
        expect(await overflow(onImport.page)).toBeUndefined();
        await saveFullPageScreenshot(onImport.page, join(RESULTS_DIR, 'importNewDevice-refused-768x1024.png'));
        await onImport.page.setViewportSize(LAPTOP);
      }
      await onImport.page.getByRole('button', { name: enExchange.import.another }).click();
      expect(await onImport.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');
    }
    // A bundle from a newer app in the same format is readable: the preview asks to update, and
    // cancelling it writes nothing.
    await drop(onImport.page, join(FIXTURES, 'newer-app.mmdma.zip'), 'newer-app.mmdma.zip');
    const notice = onImport.page.locator('[data-notice="newer-app"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe(enExchange.preview.newerApp.replace('{{bundleVersion}}', '0.9.0').replace('{{appVersion}}', MMDMA_APP_VERSION));
    expect(await seriousAxeViolations(onImport.page)).toEqual([]);
    await onImport.page.getByRole('button', { name: enExchange.import.cancel, exact: true }).first().click();
    await onImport.page.locator('.xc-drop').waitFor({ timeout: 10_000 });
    expect(onImport.errors).toEqual([]);
    await onImport.page.close();

    expect(await fingerprint(c)).toBe(before);
    const again = await open(c, '#/');
    await again.page.locator('.assessments-screen .empty-state').waitFor({ timeout: 20_000 });
    expect(await again.page.locator('.assessment-card').count()).toBe(0);
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
  });

  it('C follows "Import a bundle" by keyboard, unlocks the bundle, sees the preview and imports it', async () => {
    const { c, seed } = ready();
    const file = exportedFile();
    const { page, errors } = await open(c, '#/');
    await page.locator('.assessments-screen .empty-state').waitFor({ timeout: 20_000 });

    // Tab from the top of the page to the link, then Enter.
    const link = page.locator('.assessments-import a');
    expect(await link.textContent()).toBe(enAssessments.importBundle.link);
    await tabTo(page, () => link.evaluate((element) => element === document.activeElement), 'the "Import a bundle" link');
    await page.keyboard.press('Enter');
    await importScreen(page);
    expect(new URL(page.url()).hash).toBe(IMPORT_HASH);
    expect(await text(page, '.xc-standalone h2')).toBe(enExchange.receive.title);
    expect(await text(page, '.xc-standalone .xc-import h3')).toBe(enExchange.import.heading);
    // The file picker's button (in the app's language; it opens the hidden file input) is the next
    // stop of the keyboard on this screen.
    const input = page.locator('.xc-import input[type="file"]');
    const chooseButton = page.locator('.xc-import .file-picker button');
    await tabTo(page, () => chooseButton.evaluate((element) => element === document.activeElement), 'the file picker');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-describedby'))).toBeTruthy();

    await input.setInputFiles(file.path);
    expect(await text(page, '.xc-file-line')).toContain(`File: ${file.fileName}`);
    const form = page.locator('.xc-passphrase-form');
    await form.waitFor({ timeout: 20_000 });
    expect(await text(page, '.xc-passphrase-form h4')).toBe(enExchange.import.passphrase.heading);
    // The passphrase field has the focus: type and press Enter.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');

    const preview = page.locator('.xc-preview');
    await page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
    expect(await focusedText(page)).toBe(enExchange.preview.heading);
    // No "another assessment" banner: no assessment is open on this screen.
    expect(await preview.locator('.banner-warning').count()).toBe(0);
    expect(await text(page, '.xc-verdict')).toBe(enExchange.preview.verdict.newAssessment);
    const facts = await text(page, '.xc-preview .xc-facts');
    expect(facts).toMatch(new RegExp(`Made by ${LEAD}, on device …[0-9a-f]{6}`));
    expect(facts).toContain(`Assessment ${TITLE} ${enExchange.preview.assessmentNew}`);
    expect(facts).toContain('Framework mmdma 1.0.0');
    expect(facts).toContain('Contents The whole assessment');
    expect(facts).toContain('Protection Encrypted');
    const row = (table: string) => preview.locator(`tr[data-table="${table}"] td`).allTextContents();
    for (const table of ['assessment', 'assessor', 'institution', 'interview', 'observation', 'attachment', 'rating']) {
      expect(await row(table), table).toEqual(['1', '0', '0', '0']);
    }
    // Everything is new: nothing updated, in conflict or unchanged.
    const total = await preview.locator('tfoot td').allTextContents();
    expect(total.slice(1)).toEqual(['0', '0', '0']);
    expect(Number(total[0])).toBeGreaterThanOrEqual(7);
    expect(await preview.textContent()).toContain('1 new (10 kB).');
    expect(await preview.locator('.xc-conflicts').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // "…80f5fe" stays on one line, whatever the width.
    const deviceLines = () => page.locator('.xc-preview .xc-device').evaluate((element) => new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size);
    expect(await deviceLines()).toBe(1);
    expect(await overflow(page)).toBeUndefined();
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'importNewDevice-preview-1366x768.png'));
    await page.setViewportSize(TABLET);
    expect(await deviceLines()).toBe(1);
    expect(await overflow(page)).toBeUndefined();
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'importNewDevice-preview-768x1024.png'));
    await page.setViewportSize(LAPTOP);
    // Still nothing written before "Import".
    expect(await assessmentRows(c)).toBe(0);

    await page.getByRole('button', { name: enExchange.preview.import, exact: true }).click();
    await page.locator('.xc-report h4').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`no report; the import panel says: ${await text(page, '.xc-import')}; errors: ${errors.join('; ')}`, { cause: error });
    });
    expect(await focusedText(page)).toBe(enExchange.report.heading);
    expect(await text(page, '.xc-report .xc-verdict')).toBe(`The bundle is imported into “${TITLE}”.`);
    expect(Number(await text(page, '[data-figure="applied"]'))).toBeGreaterThan(20);
    expect(await text(page, '[data-figure="blobs-created"]')).toBe('1');
    // The way on is a link to the imported assessment.
    expect(await page.getByRole('link', { name: `Open “${TITLE}”` }).getAttribute('href')).toBe(`#/a/${seed.assessmentId}/dashboard`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBeUndefined();
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'importNewDevice-report-1366x768.png'));
    await page.setViewportSize(TABLET);
    expect(await overflow(page)).toBeUndefined();
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'importNewDevice-report-768x1024.png'));
    imported = true;
    expect(errors).toEqual([]);
    await page.close();
  });

  it('C finds the assessment in its list and its dashboard shows the same Table 3 as A`s', async () => {
    const { a, c, seed } = ready();
    if (!imported) throw new Error('the import test did not get through');
    const { page, errors } = await open(c, '#/');
    const card = page.locator('.assessment-card');
    await card.first().waitFor({ timeout: 20_000 });
    expect(await card.count()).toBe(1);
    expect(await page.locator('.empty-state').count()).toBe(0);
    const title = card.getByRole('link', { name: TITLE, exact: true });
    expect(await title.count()).toBe(1);
    await title.click();
    await eventually(async () => new URL(page.url()).hash, `#/a/${seed.assessmentId}/dashboard`);
    const onC = await table3(page);
    expect(errors).toEqual([]);
    await page.close();

    const onAPage = await open(a, `#/a/${seed.assessmentId}/dashboard`);
    const onA = await table3(onAPage.page);
    expect(onAPage.errors).toEqual([]);
    await onAPage.page.close();
    expect(onA).toContain('Data management');
    expect(onC).toBe(onA);
  });

  it('C importing the same file again is told nothing new, and nothing changes', async () => {
    const { c } = ready();
    if (!imported) throw new Error('the import test did not get through');
    const file = exportedFile();
    const before = await fingerprint(c);
    const { page, errors } = await open(c, IMPORT_HASH);
    await importScreen(page);
    await page.locator('.xc-import input[type="file"]').setInputFiles(file.path);
    await passphrase(page, PASSPHRASE);
    await page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
    expect(await text(page, '.xc-verdict')).toBe(enExchange.preview.verdict.nothingNew);
    expect(await text(page, '.xc-preview .xc-facts')).toContain(`Assessment ${TITLE} ${enExchange.preview.assessmentHere}`);
    expect(await page.getByRole('button', { name: enExchange.preview.import, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: enExchange.preview.close }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');
    expect(await fingerprint(c)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out #/import on a tablet and a laptop without overflow, console errors or serious axe violations', async () => {
    const { c } = ready();
    for (const [viewport, name] of [
      [TABLET, 'importNewDevice-768x1024'],
      [LAPTOP, 'importNewDevice-1366x768'],
    ] as const) {
      const { page, errors } = await open(c, IMPORT_HASH, viewport);
      await importScreen(page);
      expect(await overflow(page), name).toBeUndefined();
      expect(await seriousAxeViolations(page), name).toEqual([]);
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}.png`));

      // The passphrase step as well, at the same size.
      await page.locator('.xc-import input[type="file"]').setInputFiles(exportedFile().path);
      await page.locator('.xc-passphrase-form').waitFor({ timeout: 20_000 });
      expect(await overflow(page), name).toBeUndefined();
      expect(await seriousAxeViolations(page), name).toEqual([]);
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}-passphrase.png`));
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });
});
