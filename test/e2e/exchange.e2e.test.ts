/**
 * The exchange screen in real Chromium, across TWO browser profiles (two launches, two user-data
 * directories, so two separate IndexedDB databases and two node ids), against the production build
 * served on 127.0.0.1:
 *
 * - profile A holds an assessment (interview, a note tagged to a sub-topic with a suggested level, a
 *   photo, a rating), seeded through the real storage API inside the page, and exports it through
 *   the UI, encrypted; the downloaded file holds none of the note's text in the clear;
 * - profile B imports it through the UI: a wrong passphrase first (said so), then the right one, the
 *   preview, the import; B's dashboard then shows the same Table 3 as A's, and the photo decodes;
 * - importing the same file again says "nothing new"; a byte-flipped copy and the bundle engineer's
 *   hostile fixtures are each refused with their own message, and B's database is unchanged;
 * - B sends back only what A lacks, with a concurrent edit of the same field: A's preview lists the
 *   conflict and which value the newest-wins rule keeps; after the import, A's conflicts section
 *   lists it with both values, the set-aside one can be used instead (by keyboard), and reopened.
 *
 * B has no device-level import entry yet (see ImportBundleScreen): it imports from the exchange
 * screen of an assessment of its own, which takes bundles of any assessment and says so.
 *
 * Screenshots at 768×1024 and 1366×768 land in test-results/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enExchange from '../../locales/en/exchange.json';
import ruExchange from '../../locales/ru/exchange.json';
import { OTHER_SIGNER } from '../../src/ui/screens/exchange/exportScope';
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
  TABLET,
  type BuiltApp,
  type LaunchedChromium,
  type ServedApp,
} from './support';

const SETUP_TIMEOUT_MS = 240_000;
const FIXTURES = join(ROOT, 'test/fixtures/bundles');
const PASSPHRASE = 'river tablet cotton seven';
/** Confidential text that must never appear in the clear in an encrypted bundle. */
const NOTE = 'NSS-7731: the border database is copied to a USB stick every Friday; do not quote.';
const TITLE = 'Armenia 2022 (exchange test)';
const LEAD = 'Anna Petrosyan';

let built: BuiltApp | undefined;
let server: ServedApp | undefined;
let profileA: LaunchedChromium | undefined;
let profileB: LaunchedChromium | undefined;
let seeded: SeededAssessment | undefined;
let ownB: SeededAssessment | undefined;
let exported: { path: string; fileName: string; bytes: Uint8Array } | undefined;
let setupError: string | undefined;
const missing = missingChromium();
const workDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-exchange-'));

beforeAll(async () => {
  if (missing) return;
  try {
    built = await buildApp();
    await buildExchangeSeedModule(built.outDir);
    server = await serveApp(built.outDir);
    // Two launches, each on its own fresh user-data-dir: two devices as far as the app can tell.
    profileA = await launchChromium({ viewport: LAPTOP });
    profileB = await launchChromium({ viewport: LAPTOP });
    const photo = [...readFileSync(join(ROOT, 'test/fixtures/photo.png'))];
    seeded = await seedIn(profileA, 'seedAssessment', { title: TITLE, lead: LEAD, note: NOTE, photo });
    // B's own assessment, whose exchange screen receives A's bundle.
    ownB = await seedIn(profileB, 'seedAssessment', { title: 'Eswatini 2024 (profile B)', lead: 'Boris Ivanov', note: 'B’s own note.', photo: [] });
  } catch (error) {
    setupError = `set-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await profileA?.close();
  await profileB?.close();
  await server?.close();
  built?.remove();
  rmSync(workDir, { recursive: true, force: true });
});

/** Calls an export of the seed module in a page of the profile (same origin, same IndexedDB). */
const seedIn = <T>(profile: LaunchedChromium, name: string, argument: unknown): Promise<T> => callExchangeSeed<T>(profile, server!.url, name, argument);

function ready(): { a: LaunchedChromium; b: LaunchedChromium; base: string; seed: SeededAssessment; own: SeededAssessment } {
  if (missing) throw new Error(missing);
  if (setupError) throw new Error(setupError);
  if (!profileA || !profileB || !server || !seeded || !ownB) throw new Error('the browsers did not start (see beforeAll)');
  return { a: profileA, b: profileB, base: server.url, seed: seeded, own: ownB };
}

async function open(profile: LaunchedChromium, hash: string, options: { viewport?: { width: number; height: number }; language?: string } = {}) {
  const page = await profile.context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(options.viewport ?? LAPTOP);
  await page.addInitScript((value) => localStorage.setItem('mmdma.language', value), options.language ?? 'en');
  await page.goto(`${ready().base}${hash}`);
  return { page, errors };
}

const exchangeHash = (assessmentId: string) => `#/a/${assessmentId}/exchange`;
const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

async function exchangeScreen(page: Page): Promise<void> {
  await page.locator('.xc-export').waitFor({ timeout: 20_000 });
}

/** Picks a file in the import panel (the keyboard way: the file input). */
async function pick(page: Page, path: string): Promise<void> {
  await page.locator('.xc-import input[type="file"]').setInputFiles(path);
}

async function passphrase(page: Page, value: string): Promise<void> {
  const form = page.locator('.xc-passphrase-form');
  await form.waitFor();
  await form.getByLabel('Passphrase', { exact: true }).fill(value);
  await form.getByRole('button', { name: enExchange.import.passphrase.open }).click();
}

/** The whole database of a profile, to compare before and after a refused import. */
const fingerprint = (profile: LaunchedChromium) => seedIn<string>(profile, 'fingerprint', undefined);

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated over the DevTools protocol, not added as an inline <script>: the app's CSP forbids those.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async (root) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const element = document.querySelector(root);
    if (!element) return [{ id: 'missing', impact: 'critical', help: `${root} is not on the page`, targets: [] as string[] }];
    const { violations } = await run(element, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, selector);
  return results
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} @ ${violation.targets.join(', ')}`);
}

async function overflow(page: Page): Promise<string | undefined> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  return scrollWidth > innerWidth ? `page is ${scrollWidth}px wide in a ${innerWidth}px window` : undefined;
}

/** Records every aria-valuenow a progress bar shows from now on (they come and go within seconds). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"][aria-valuenow]')) seen.push(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

/** Counts of a bytes array inside another (for "no plaintext in the file"). */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A copy of the bundle with one byte flipped inside the ciphertext of its second encrypted entry. */
function flipInsideEntry(bytes: Uint8Array, entryName: string): Uint8Array {
  const name = new TextEncoder().encode(entryName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 30 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(i + 26, true);
    const extraLength = view.getUint16(i + 28, true);
    if (nameLength !== name.length || !contains(bytes.subarray(i + 30, i + 30 + nameLength), name)) continue;
    const copy = new Uint8Array(bytes);
    // Past the 12-byte IV: a byte of the AES-GCM ciphertext.
    const at = i + 30 + nameLength + extraLength + 40;
    copy[at] = (copy[at] ?? 0) ^ 0x5a;
    return copy;
  }
  throw new Error(`no local header for ${entryName}`);
}

describe('exchange between two devices', () => {
  it('A exports the assessment encrypted through the UI; the file holds none of it in the clear', async () => {
    const { a, seed } = ready();
    const { page, errors } = await open(a, exchangeHash(seed.assessmentId));
    await exchangeScreen(page);
    expect(await text(page, '.xc h2')).toBe('Exchange');
    const form = page.locator('.xc-export-form');
    // One photo of 10,468 bytes, its size in decimal units like the storage panel's.
    expect(await text(page, '.xc-export-form .checkbox >> nth=0')).toBe('Include the attachment (1 file, 10 kB)');
    expect(await page.locator('.xc-export-form input[type="radio"]').count()).toBe(1);
    expect(await text(page, '.xc-export-form fieldset >> nth=0')).toContain(enExchange.export.scope.noPeers);
    expect(await form.locator('select').inputValue()).toBe(seed.leadId);
    expect(await text(page, '.xc-passphrase-warning')).toContain('A lost passphrase cannot be recovered.');

    // Encryption is on by default; an empty passphrase, then two that differ, are refused in words.
    const exportButton = page.getByRole('button', { name: enExchange.export.start });
    await exportButton.click();
    expect(await text(page, '.xc-passphrase .field-error')).toBe(enExchange.export.passphrase.problem.empty);
    // The focus is on the field to fix.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await form.getByLabel('Passphrase', { exact: true }).fill('short');
    expect(await text(page, '.xc-strength')).toBe(enExchange.export.passphrase.strength['too-short']);
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('Passphrase again').fill(`${PASSPHRASE}s`);
    expect(await text(page, '.xc-strength')).toBe(enExchange.export.passphrase.strength.strong);
    await exportButton.click();
    expect(await text(page, '.xc-passphrase .field-error')).toBe(enExchange.export.passphrase.problem.mismatch);
    await form.getByLabel('Passphrase again').fill(PASSPHRASE);

    await watchProgress(page);
    await exportButton.click();
    await page.locator('.xc-result h4').waitFor({ timeout: 30_000 });
    expect(await focusedText(page)).toBe(enExchange.export.doneHeading);
    const seen = await progressSeen(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBe(100);
    const facts = await text(page, '.xc-result .xc-facts');
    expect(facts).toContain('1 file, 10 kB');
    expect(facts).toContain('Encrypted with your passphrase');
    expect(facts).toContain('The whole assessment');
    expect(facts).toMatch(/\d+ changes/);
    // The passphrase does not linger in the form.
    expect(await page.locator('input[type="password"]').count()).toBe(0);

    const link = page.locator('a.xc-download');
    const fileName = (await link.getAttribute('download')) ?? '';
    // Encrypted: the name says nothing the content hides (issue 8): no title, no assessor, no date.
    expect(fileName).toMatch(/^mmdma-encrypted_[0-9a-f]{12}\.mmdma\.zip$/);
    expect(await link.getAttribute('href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    const path = join(workDir, fileName);
    await download.saveAs(path);
    const bytes = new Uint8Array(readFileSync(path));
    exported = { path, fileName, bytes };

    // Nothing of the content in the clear: not the note, its distinctive words, the title, the
    // lead's name, the rationale, nor the photo's bytes.
    const utf8 = (value: string) => new TextEncoder().encode(value);
    for (const secret of [NOTE, 'NSS-7731', 'USB stick every Friday', TITLE, LEAD, 'All registers are connected', 'Printed strategy']) {
      expect(contains(bytes, utf8(secret)), secret).toBe(false);
    }
    const photo = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/photo.png')));
    expect(contains(bytes, photo.subarray(16, 80))).toBe(false);
    // The one entry in the clear says how to decrypt, and nothing about the assessment.
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['enc/000001', 'enc/000002', 'enc/manifest', 'manifest.json']);
    const header = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['bundleId', 'encryption', 'format', 'formatVersion']);

    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-export-done-1366x768.png'));
    expect(await seriousViolations(page, '.xc')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('B imports it through the UI: a wrong passphrase is said so, the right one shows the preview, then the import', async () => {
    const { b, own } = ready();
    if (!exported) throw new Error('the export test did not run');
    const before = await fingerprint(b);
    const { page, errors } = await open(b, exchangeHash(own.assessmentId));
    await exchangeScreen(page);
    await pick(page, exported.path);

    await passphrase(page, 'river tablet cotton eight');
    const alert = page.locator('.xc-passphrase-form [role="alert"] .field-error');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toBe(enExchange.import.passphrase.wrong);
    expect(await fingerprint(b)).toBe(before);

    await watchProgress(page);
    await passphrase(page, PASSPHRASE);
    const heading = page.locator('.xc-preview h4');
    await heading.waitFor({ timeout: 30_000 });
    expect(await focusedText(page)).toBe(enExchange.preview.heading);
    expect(Math.max(...(await progressSeen(page)))).toBe(100);
    // Still nothing written: the preview comes before any write.
    expect(await fingerprint(b)).toBe(before);

    const preview = page.locator('.xc-preview');
    expect(await text(page, '.xc-preview .banner-warning')).toBe(
      `This bundle is of another assessment, “${TITLE}”. Importing it adds that assessment to this device or updates it; “Eswatini 2024 (profile B)” does not change.`,
    );
    expect(await text(page, '.xc-verdict')).toBe(enExchange.preview.verdict.newAssessment);
    const facts = await text(page, '.xc-preview .xc-facts');
    expect(facts).toMatch(/Made by Anna Petrosyan, on device …[0-9a-f]{6}/);
    expect(facts).toContain('Framework mmdma 1.0.0');
    expect(facts).toContain('Protection Encrypted');
    expect(facts).toContain('Contents The whole assessment');
    expect(facts).toContain(`Assessment ${TITLE} (not on this device yet)`);
    const row = (table: string) => preview.locator(`tr[data-table="${table}"] td`).allTextContents();
    expect(await row('observation')).toEqual(['1', '0', '0', '0']);
    expect(await row('rating')).toEqual(['1', '0', '0', '0']);
    expect(await row('attachment')).toEqual(['1', '0', '0', '0']);
    expect(await row('assessment')).toEqual(['1', '0', '0', '0']);
    expect(await preview.textContent()).toContain('1 new (10 kB).');
    expect(await preview.locator('.xc-conflicts').count()).toBe(0);
    expect(await seriousViolations(page, '.xc')).toEqual([]);
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-preview-1366x768.png'));
    await page.setViewportSize(TABLET);
    expect(await overflow(page)).toBeUndefined();
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-preview-768x1024.png'));
    await page.setViewportSize(LAPTOP);

    await page.getByRole('button', { name: enExchange.preview.import, exact: true }).click();
    await page.locator('.xc-report h4').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`no report; the import panel says: ${await text(page, '.xc-import')}; errors: ${errors.join('; ')}`, { cause: error });
    });
    expect(await focusedText(page)).toBe(enExchange.report.heading);
    expect(await text(page, '.xc-report .xc-verdict')).toBe(`The bundle is imported into “${TITLE}”.`);
    expect(Number(await text(page, '[data-figure="applied"]'))).toBeGreaterThan(20);
    expect(await text(page, '[data-figure="blobs-created"]')).toBe('1');
    // The note's attachmentIds were set twice on A ([] then [photo]); only the winning change is
    // exported (docs/bundle-format.md), so nothing in the bundle is superseded.
    expect(await text(page, '[data-figure="stale"]')).toBe('0');
    expect(await seriousViolations(page, '.xc')).toEqual([]);
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-report-1366x768.png'));

    // The report links to the imported assessment.
    await page.getByRole('link', { name: `Open “${TITLE}”` }).click();
    await page.locator('.dash-pillar-table').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('B`s dashboard shows the same Table 3 as A`s, and the photo opens on B', async () => {
    const { a, b, seed } = ready();
    const table3 = async (profile: LaunchedChromium) => {
      const { page } = await open(profile, `#/a/${seed.assessmentId}/dashboard`);
      await page.locator('.dash-pillar-table').waitFor({ timeout: 20_000 });
      // The note's suggested level and the rating both count: wait for the data-management row.
      await eventually(async () => (await page.locator('.dash-pillar-group[data-pillar-id="data-management"] .dash-figure-score').count()) > 0, true);
      const value = ((await page.locator('.dash-pillar-table').innerText()) ?? '').replace(/\s+/g, ' ').trim();
      await page.close();
      return value;
    };
    const onA = await table3(a);
    const onB = await table3(b);
    expect(onA).toContain('Data management');
    expect(onB).toBe(onA);

    const { page, errors } = await open(b, `#/a/${seed.assessmentId}/interviews/${seed.interviewId}`);
    const image = page.locator('.attachment img');
    await image.waitFor({ timeout: 20_000 });
    await eventually(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), 96, 10_000);
    expect(await page.locator('.note-text').first().textContent()).toBe(NOTE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('B importing the same file again is told "nothing new", and nothing changes', async () => {
    const { b, seed } = ready();
    if (!exported) throw new Error('the export test did not run');
    const before = await fingerprint(b);
    // This time from the exchange screen of the imported assessment itself.
    const { page, errors } = await open(b, exchangeHash(seed.assessmentId));
    await exchangeScreen(page);
    // A is now a known peer of this assessment on B.
    expect(await text(page, '.xc-peer')).toMatch(/^Only what Anna Petrosyan lacks Their last bundle: .+ · device …[0-9a-f]{6}$/);
    await pick(page, exported.path);
    await passphrase(page, PASSPHRASE);
    await page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
    expect(await text(page, '.xc-verdict')).toBe(enExchange.preview.verdict.nothingNew);
    expect(await page.getByRole('button', { name: enExchange.preview.import, exact: true }).count()).toBe(0);
    expect(await page.locator('.xc-preview .banner-warning').count()).toBe(0);
    await page.getByRole('button', { name: enExchange.preview.close }).click();
    expect(await fingerprint(b)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a byte-flipped copy and hostile files, each with its own message, and leaves B unchanged', async () => {
    const { b, own } = ready();
    if (!exported) throw new Error('the export test did not run');
    const before = await fingerprint(b);
    const flipped = join(workDir, 'flipped.mmdma.zip');
    writeFileSync(flipped, flipInsideEntry(exported.bytes, 'enc/000002'));
    const fixturePassphrase = readFileSync(join(FIXTURES, 'passphrase.txt'), 'utf8').replace(/\n$/, '');

    const { page, errors } = await open(b, exchangeHash(own.assessmentId));
    await exchangeScreen(page);
    const cases: ReadonlyArray<readonly [file: string, code: keyof typeof enExchange.problem, passphrase?: string]> = [
      [flipped, 'tampered', PASSPHRASE],
      [join(FIXTURES, 'not-a-zip.mmdma.zip'), 'not-a-zip'],
      [join(FIXTURES, 'truncated.mmdma.zip'), 'truncated'],
      [join(FIXTURES, 'newer-format.mmdma.zip'), 'newer-app'],
      [join(FIXTURES, 'path-traversal.mmdma.zip'), 'unsafe-path'],
      [join(FIXTURES, 'zip-bomb-ratio.mmdma.zip'), 'zip-bomb'],
      [join(FIXTURES, 'checksum-mismatch.mmdma.zip'), 'checksum-mismatch'],
      [join(FIXTURES, 'framework-mismatch.mmdma.zip'), 'framework-mismatch'],
      [join(FIXTURES, 'encrypted-tampered.mmdma.zip'), 'tampered', fixturePassphrase],
    ];
    for (const [file, code, secret] of cases) {
      await pick(page, file);
      if (secret !== undefined) await passphrase(page, secret);
      const refusal = page.locator('.xc-refusal');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.getAttribute('data-code'), file).toBe(code);
      expect(await text(page, '.xc-refusal-message'), file).toBe(enExchange.problem[code]);
      expect(await text(page, '.xc-refusal-effect'), file).toBe(enExchange.import.nothingChanged);
      expect(await focusedText(page), file).toMatch(/was not imported$/);
      if (code === 'newer-app') {
        expect(await text(page, '.xc-refusal-message')).toContain('Update MMDMA Field first');
        await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-refused-1366x768.png'));
        await page.setViewportSize(TABLET);
        expect(await overflow(page)).toBeUndefined();
        await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-refused-768x1024.png'));
        expect(await seriousViolations(page, '.xc')).toEqual([]);
        await page.setViewportSize(LAPTOP);
      }
      await page.getByRole('button', { name: enExchange.import.another }).click();
      // Back to the file input, with the focus on it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');
    }
    expect(await fingerprint(b)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();

    // In Russian, the same refusal in Russian; this time the file is dropped on the drop zone.
    const russian = await open(b, exchangeHash(own.assessmentId), { language: 'ru' });
    await exchangeScreen(russian.page);
    const dropped = [...readFileSync(join(FIXTURES, 'not-a-zip.mmdma.zip'))];
    await russian.page.evaluate((bytes) => {
      const zone = document.querySelector('.xc-drop');
      if (!zone) throw new Error('no drop zone');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'not-a-zip.mmdma.zip', { type: 'application/zip' }));
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, dropped);
    await russian.page.locator('.xc-refusal').waitFor({ timeout: 30_000 });
    expect(await text(russian.page, '.xc-refusal-message')).toBe(ruExchange.problem['not-a-zip']);
    expect(await text(russian.page, '.xc-refusal-effect')).toBe(ruExchange.import.nothingChanged);
    await russian.page.close();
  });

  it('B sends back only what A lacks; a field edited on both sides shows as a conflict with the newest kept', async () => {
    const { a, b, seed } = ready();
    // A edits the assessment's notes after its export; B, not having seen that, edits the same field
    // later, and adds a piece of evidence.
    await seedIn(a, 'updateAssessment', { assessmentId: seed.assessmentId, notes: 'A: second visit planned for Thursday.' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seedIn(b, 'updateAssessment', { assessmentId: seed.assessmentId, notes: 'B: the NSS asked for the draft first.' });
    await seedIn(b, 'addNote', { assessmentId: seed.assessmentId, authorId: seed.leadId, text: 'Decree 1093 sets up the exchange layer.' });

    const { page, errors } = await open(b, exchangeHash(seed.assessmentId));
    await exchangeScreen(page);
    await page.locator('.xc-peer input').check();
    // B's device does not know who it is in this assessment: it asks instead of signing as the lead.
    const signer = page.getByLabel(enExchange.export.signer.label);
    expect(await signer.inputValue()).toBe('');
    await page.getByLabel(enExchange.export.protection.encrypt).uncheck();
    await page.getByRole('button', { name: 'Export what Anna Petrosyan lacks' }).click();
    expect(await text(page, '.xc-export-form .field-error')).toBe(enExchange.export.signer.choose);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await signer.selectOption(OTHER_SIGNER);
    await page.getByLabel(enExchange.export.signer.nameLabel).fill('Boris Ivanov');
    expect(await text(page, '.xc-export-form .checkbox >> nth=0')).toBe(enExchange.export.attachments.peerHasAll);
    expect(await text(page, '.xc-export-form .banner-warning')).toBe(enExchange.export.protection.plainWarning);
    await page.getByRole('button', { name: 'Export what Anna Petrosyan lacks' }).click();
    await page.locator('.xc-result h4').waitFor({ timeout: 30_000 });
    const facts = await text(page, '.xc-result .xc-facts');
    expect(facts).toContain('What Anna Petrosyan lacked');
    expect(facts).toContain('Not encrypted');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.xc-download').click()]);
    const back = join(workDir, `back-${download.suggestedFilename()}`);
    await download.saveAs(back);
    expect(errors).toEqual([]);
    await page.close();

    const onA = await open(a, exchangeHash(seed.assessmentId), { viewport: TABLET });
    await exchangeScreen(onA.page);
    await pick(onA.page, back);
    await onA.page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
    expect(await text(onA.page, '.xc-verdict')).toBe(enExchange.preview.verdict.updates);
    const factsOnA = await text(onA.page, '.xc-preview .xc-facts');
    expect(factsOnA).toContain('Contents Only what the sender thought this device lacked');
    expect(factsOnA).toMatch(/Made by Boris Ivanov, on device …[0-9a-f]{6}/);
    expect(await onA.page.locator('tr[data-table="observation"] td').allTextContents()).toEqual(['1', '0', '0', '0']);
    const conflict = onA.page.locator('.xc-conflict');
    expect(await conflict.count()).toBe(1);
    const conflictText = ((await conflict.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(conflictText).toContain(`${TITLE} — notes`);
    expect(conflictText).toContain('A: second visit planned for Thursday.');
    expect(conflictText).toContain('B: the NSS asked for the draft first.');
    expect(conflictText).toContain(enExchange.preview.conflicts.keptIncoming);
    expect(conflictText).toContain(enExchange.preview.conflicts.localStays);
    expect(await conflict.locator('.is-kept').textContent()).toContain('B: the NSS asked');
    expect(await text(onA.page, '.xc-conflicts h5')).toBe('1 conflicting field');
    expect(await overflow(onA.page)).toBeUndefined();
    expect(await seriousViolations(onA.page, '.xc')).toEqual([]);
    await saveFullPageScreenshot(onA.page, join(RESULTS_DIR, 'exchange-conflict-768x1024.png'));

    await onA.page.getByRole('button', { name: enExchange.preview.import, exact: true }).click();
    await onA.page.locator('.xc-report h4').waitFor({ timeout: 30_000 });
    expect(await text(onA.page, '[data-figure="blobs-created"]')).toBe('0');
    // The report says the losing edit was set aside, and takes the focus to the conflicts section.
    expect(await text(onA.page, '.xc-report-conflicts p')).toBe(enExchange.report.conflictsRecorded_one.replace('{{count, number}}', '1'));
    await eventually(() => text(onA.page, '.xc-review h3'), 'Conflicts to review (1)');
    await onA.page.getByRole('button', { name: enExchange.report.reviewConflicts }).press('Enter');
    expect(await focusedText(onA.page)).toBe('Conflicts to review (1)');
    await saveFullPageScreenshot(onA.page, join(RESULTS_DIR, 'exchange-report-768x1024.png'));
    // The open assessment's live data took the import in (same session, no reload): B's desk
    // research is on A's dashboard.
    await onA.page.getByRole('link', { name: enExchange.report.toDashboard }).click();
    await onA.page.locator('.dash-grid').waitFor({ timeout: 20_000 });
    await eventually(() => onA.page.locator('.dash-grid tbody tr.dash-grid-other').count(), 1);
    expect(onA.errors).toEqual([]);
    await onA.page.close();
  });

  it('A reviews that conflict on the exchange screen: uses the set-aside value by keyboard, then reopens it', async () => {
    const { a, seed } = ready();
    const KEPT = 'B: the NSS asked for the draft first.';
    const LOST = 'A: second visit planned for Thursday.';
    const { page, errors } = await open(a, exchangeHash(seed.assessmentId));
    await exchangeScreen(page);
    const openItems = page.locator('.xc-review > .xc-review-list > .xc-review-item');
    await openItems.first().waitFor({ timeout: 20_000 });
    expect(await openItems.count()).toBe(1);
    expect(await text(page, '.xc-review h3')).toBe('Conflicts to review (1)');
    const item = openItems.first();
    expect(await text(page, '.xc-review-item h4')).toBe(`Assessment “${TITLE}”`);
    expect(await text(page, '.xc-review-item .xc-review-field')).toBe('Field: notes');
    // Both values, each with who and when: the bundle's newer one kept, this device's set aside.
    const kept = await text(page, '.xc-review-item [data-side="kept"]');
    expect(kept).toMatch(new RegExp(`^${enExchange.conflicts.kept.replace(/[()]/g, '\\$&')} Boris Ivanov’s bundle, .+ ${KEPT}$`));
    const lost = await text(page, '.xc-review-item [data-side="lost"]');
    expect(lost).toMatch(new RegExp(`^${enExchange.conflicts.lost} this device, .+ ${LOST}$`));
    expect(await item.locator('time').count()).toBe(2);
    expect(await overflow(page)).toBeUndefined();
    expect(await seriousViolations(page, '.xc')).toEqual([]);
    await saveFullPageScreenshot(page, join(RESULTS_DIR, 'exchange-conflicts-1366x768.png'));

    // By keyboard: from "Keep the newer value", Tab to "Use the set-aside value instead", Enter.
    await item.getByRole('button', { name: enExchange.conflicts.keep }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe(enExchange.conflicts.useLost);
    await page.keyboard.press('Enter');
    const reviewed = page.locator('.xc-reviewed');
    await reviewed.waitFor({ timeout: 10_000 });
    expect(await openItems.count()).toBe(0);
    expect(await text(page, '.xc-review h3')).toBe(enExchange.conflicts.heading);
    expect(await text(page, '.xc-review-empty')).toBe(enExchange.conflicts.allReviewed);
    expect(await text(page, '.xc-review .xc-status')).toBe(`The set-aside value is in use now: Assessment “${TITLE}”, notes. It wins on every device after the next exchange.`);
    // Nothing left to review: the focus is on the section's heading, not lost with the button.
    expect(await focusedText(page)).toBe(enExchange.conflicts.heading);
    expect(await reviewed.getAttribute('open')).toBeNull();
    expect(await text(page, '.xc-reviewed summary')).toBe('Reviewed (1)');

    // The assessment's notes, where Setup shows them, are the set-aside value now.
    const setup = await open(a, `#/a/${seed.assessmentId}/setup`);
    const notes = setup.page.getByLabel('Notes', { exact: true });
    await notes.waitFor({ timeout: 20_000 });
    await eventually(() => notes.inputValue(), LOST);
    expect(setup.errors).toEqual([]);
    await setup.page.close();

    // The reviewed group opens by keyboard; the conflict says the set-aside value is in use; Reopen.
    await page.locator('.xc-reviewed summary').focus();
    await page.keyboard.press('Enter');
    expect(await reviewed.getAttribute('open')).not.toBeNull();
    const done = page.locator('.xc-reviewed .xc-review-item');
    expect(await done.count()).toBe(1);
    expect(await text(page, '.xc-reviewed .xc-review-item')).toContain(enExchange.conflicts.inUse.lost);
    expect(await text(page, '.xc-reviewed .xc-review-item')).toMatch(/Reviewed .+\./);
    expect(await overflow(page)).toBeUndefined();
    expect(await seriousViolations(page, '.xc')).toEqual([]);
    await done.getByRole('button', { name: enExchange.conflicts.reopen }).focus();
    await page.keyboard.press('Enter');
    await openItems.first().waitFor({ timeout: 10_000 });
    expect(await openItems.count()).toBe(1);
    expect(await page.locator('.xc-reviewed').count()).toBe(0);
    expect(await text(page, '.xc-review h3')).toBe('Conflicts to review (1)');
    expect(await focusedText(page)).toBe(`Assessment “${TITLE}”`);
    expect(await text(page, '.xc-review .xc-status')).toBe(`Open for review again: Assessment “${TITLE}”, notes.`);
    expect(await text(page, '.xc-review-item')).toContain(enExchange.conflicts.inUse.lost);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out the screen on a tablet and a laptop, in English, Armenian and Russian, without overflow, and passes axe', async () => {
    const { a, seed } = ready();
    for (const [viewport, name, language] of [
      [TABLET, 'exchange-768x1024', 'en'],
      [LAPTOP, 'exchange-1366x768', 'en'],
      [TABLET, 'exchange-768x1024-hy', 'hy'],
      [LAPTOP, 'exchange-1366x768-ru', 'ru'],
    ] as const) {
      const { page, errors } = await open(a, exchangeHash(seed.assessmentId), { viewport, language });
      await exchangeScreen(page);
      // The conflict reopened in the test before is listed, with both values and its buttons.
      await page.locator('.xc-review > .xc-review-list > .xc-review-item').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('.xc-review-item [data-side]').count(), name).toBe(2);
      expect(await overflow(page), name).toBeUndefined();
      // Touch targets of the controls people press (those shown: a closed <details> hides its own).
      const heights = await page
        .locator('.xc .button, .xc .radio, .xc .checkbox, .xc .xc-show-all, .xc summary')
        .evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).map((element) => element.getBoundingClientRect().height));
      expect(Math.min(...heights), name).toBeGreaterThanOrEqual(40);
      expect(await seriousViolations(page, '.xc'), name).toEqual([]);
      await saveFullPageScreenshot(page, join(RESULTS_DIR, `${name}.png`));
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });
});
