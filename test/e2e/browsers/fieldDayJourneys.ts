/**
 * The field day's core journeys, written once against the driver layer (../drivers) and run in each
 * engine by its own file (fieldDay.<engine>.e2e.test.ts): create and plan an assessment, tagged notes
 * by keyboard, a reload, the crash drill, an offline reload from the service worker, the dashboard
 * and a rating, an encrypted bundle with an attachment exported and imported on a second profile,
 * the three languages, and what differs most between engines: a 400-note interview (content-visibility;
 * imported as a bundle written in Node with the app's own bundle code), Web Crypto and Blobs on a
 * 20 MB attachment carried by an encrypted bundle to a second profile, and a service-worker update
 * (a second build, support/secondVersion.ts, served on the same origin) applied over a note being
 * typed. Screenshots of the interview and the dashboard at 768×1024 land in
 * test-artifacts/browsers/<engine>/.
 *
 * A journey that cannot run in an engine fails with the reason (the driver's launch error, or the
 * step that broke); nothing is skipped. The tests of one file share one build, one server and one
 * browser, and run in order: each starts where the previous one left the assessment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mmdmaV1 from '../../../frameworks/mmdma-v1.json';
import enAssessments from '../../../locales/en/assessments.json';
import enExchange from '../../../locales/en/exchange.json';
import enInterview from '../../../locales/en/interview.json';
import enPwa from '../../../locales/en/pwa.json';
import enSetup from '../../../locales/en/setup.json';
import enShell from '../../../locales/en/shell.json';
import hyShell from '../../../locales/hy/shell.json';
import ruShell from '../../../locales/ru/shell.json';
import { launchDriver, type BrowserDriver, type Engine, type Target } from '../drivers';
import { stopXvfb } from '../drivers/xvfb';
import { buildApp, LAPTOP, ROOT, serveApp, TABLET, type BuiltApp, type ServedApp } from '../support';
import { buildSecondVersion, SECOND_VERSION } from '../support/secondVersion';
import { writeLongInterviewBundle } from './longInterviewBundle';

export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browsers');
const SETUP_TIMEOUT_MS = 240_000;
const PASSPHRASE = 'river tablet cotton seven';
const NOTE = 'The border database is reached by written request only, on paper.';
const CRASH_NOTE = 'Crash drill: the civil registry API has been live since March.';
const ATTACHED_NOTE = 'The paper register of arrivals, photographed.';
const LEFT_NOTE = 'Typed just before opening a link in the same tab.';
const NEXT_PAGE_NOTE = 'Written on the next page while the first one is cached.';
const LONG_INTERVIEW_NOTES = 400;
const LONG_INTERVIEW_NEW_NOTE = 'Note 401, typed at the end of a long interview.';
const LARGE_FILE_BYTES = 20 * 1024 * 1024;
const UPDATE_NOTE = 'Typed in the old version, saved across the update.';
const PILLAR = 'data-management';
const SUB_TOPIC = 'data-management.access-to-data';

const pillarName = (id: string) => mmdmaV1.pillars.find((pillar) => pillar.id === id)?.name.en ?? id;
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Polls `read` until it returns `expected`; fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000, what = 'value'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read().catch(() => undefined);
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read().catch(() => undefined);
  }
  expect(actual, what).toBe(expected);
}

export async function waitForServiceWorker(driver: BrowserDriver): Promise<void> {
  await driver.evaluate(async (timeout: number) => {
    const container = navigator.serviceWorker;
    await Promise.race([
      (async () => {
        await container.ready;
        if (!container.controller) await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
      })(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no service worker controls the page after ${timeout} ms`)), timeout)),
    ]);
  }, 30_000);
}

/**
 * What IndexedDB itself says when the app's storage seems stuck: for each of the app's stores,
 * whether a read-only and a read-write transaction on it completes within 3 s. Writes stuck with
 * reads working point at a transaction the engine never ended (how WebKit's back/forward cache hung
 * the app: storage/inFlightTransactions.ts).
 */
export async function storageDiagnosis(driver: BrowserDriver): Promise<string> {
  return driver
    .evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('mmdma-field');
          const giveUp = setTimeout(() => resolve('opening mmdma-field did not finish in 3 s'), 3_000);
          request.onblocked = () => resolve('opening mmdma-field is blocked');
          request.onerror = () => resolve(`opening mmdma-field failed: ${String(request.error)}`);
          request.onsuccess = async () => {
            clearTimeout(giveUp);
            const db = request.result;
            const outcome = (store: string, mode: IDBTransactionMode) =>
              new Promise<string>((done) => {
                const timer = setTimeout(() => done('stuck'), 3_000);
                try {
                  const transaction = db.transaction(store, mode);
                  transaction.objectStore(store).count();
                  transaction.oncomplete = () => (clearTimeout(timer), done('ok'));
                  transaction.onabort = () => (clearTimeout(timer), done(`aborted: ${String(transaction.error)}`));
                } catch (error) {
                  clearTimeout(timer);
                  done(`refused: ${String(error)}`);
                }
              });
            // Every store at once, so the whole diagnosis takes at most 6 s.
            const lines = await Promise.all([...db.objectStoreNames].map(async (store) => `${store}: read ${await outcome(store, 'readonly')}, write ${await outcome(store, 'readwrite')}`));
            db.close();
            resolve(`IndexedDB v${db.version}: ${lines.join('; ')}`);
          };
        }),
      null,
    )
    .catch((error: unknown) => `the diagnosis itself failed: ${String(error)}`);
}

export const allSaved = (driver: BrowserDriver) =>
  until(() => driver.text({ css: '.save-indicator' }), enShell.save.saved, 15_000, 'save indicator').catch(async (error: unknown) => {
    const diagnosis = await storageDiagnosis(driver);
    throw new Error(`${String(error)}; ${diagnosis}`, { cause: error });
  });

/**
 * From now on, remembers every Blob the page turns into an object URL, so the file behind a download
 * link can be read back. (The app's CSP lets no script fetch a blob: URL, and WebDriver classic has
 * no download event: this works the same way in every engine.)
 */
export async function watchDownloads(driver: BrowserDriver): Promise<void> {
  await driver.evaluate(() => {
    const page = window as unknown as { __blobs?: Map<string, Blob> };
    if (page.__blobs) return;
    const blobs = new Map<string, Blob>();
    page.__blobs = blobs;
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = original(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
  }, null);
}

/** The bytes behind a download link (a blob: URL), as the download would save them. */
export async function downloadFromLink(driver: BrowserDriver, css: string, folder: string): Promise<{ path: string; fileName: string }> {
  const { name, base64 } = await driver.evaluate(async (selector: string) => {
    const link = document.querySelector(selector);
    if (!(link instanceof HTMLAnchorElement)) throw new Error(`${selector} is not a link`);
    const blob = (window as unknown as { __blobs?: Map<string, Blob> }).__blobs?.get(link.href);
    if (!blob) throw new Error(`no Blob behind ${link.href} (call watchDownloads first)`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { name: link.download, base64: btoa(binary) };
  }, css);
  const path = join(folder, name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return { path, fileName: name };
}

/** Exports the open assessment's exchange screen as an encrypted bundle with its attachments. */
export async function exportEncrypted(driver: BrowserDriver, folder: string): Promise<{ path: string; fileName: string }> {
  await driver.waitFor({ css: '.xc-export' }, 20_000);
  const form: Target = { css: '.xc-export-form' };
  await driver.fill({ within: form, role: 'textbox', name: 'Passphrase' }, PASSPHRASE);
  await driver.fill({ within: form, role: 'textbox', name: 'Passphrase again' }, PASSPHRASE);
  await watchDownloads(driver);
  await driver.click({ role: 'button', name: enExchange.export.start });
  await driver.waitFor({ css: 'a.xc-download' }, 60_000);
  return downloadFromLink(driver, 'a.xc-download', folder);
}

/** On the exchange or import screen: picks the file, opens it with the passphrase, imports it. */
export async function importEncrypted(driver: BrowserDriver, file: string): Promise<void> {
  await driver.waitFor({ css: '.xc-import input[type="file"]' }, 20_000);
  await driver.upload('.xc-import input[type="file"]', file);
  const form: Target = { css: '.xc-passphrase-form' };
  await driver.fill({ within: form, role: 'textbox', name: 'Passphrase' }, PASSPHRASE);
  await driver.click({ within: form, role: 'button', name: enExchange.import.passphrase.open });
  await driver.waitFor({ css: '.xc-preview h4' }, 60_000);
  await driver.click({ role: 'button', name: enExchange.preview.import });
  await driver.waitFor({ css: '.xc-report h4' }, 60_000).catch(async (error: unknown) => {
    throw new Error(`no import report; the import panel says: ${await driver.text({ css: '.xc-import' }).catch(() => '?')}`, { cause: error });
  });
}

/** On the import screen: picks an unencrypted bundle and imports it. */
export async function importPlain(driver: BrowserDriver, file: string): Promise<void> {
  await driver.waitFor({ css: '.xc-import input[type="file"]' }, 20_000);
  await driver.upload('.xc-import input[type="file"]', file);
  await driver.waitFor({ css: '.xc-preview h4' }, 60_000).catch(async (error: unknown) => {
    throw new Error(`no import preview; the import panel says: ${await driver.text({ css: '.xc-import' }).catch(() => '?')}`, { cause: error });
  });
  await driver.click({ role: 'button', name: enExchange.preview.import });
  await driver.waitFor({ css: '.xc-report h4' }, 60_000).catch(async (error: unknown) => {
    throw new Error(`no import report; the import panel says: ${await driver.text({ css: '.xc-import' }).catch(() => '?')}`, { cause: error });
  });
}

/** Two frames, so whatever a scroll brought on screen (a chunk of notes) is laid out. */
const settle = (driver: BrowserDriver) =>
  driver.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))), null);

/**
 * What is wrong with an interview's layout now, as lines: sideways scroll (the page wider than the
 * window), and, with `composer`, the note box or "Save note" not wholly inside the viewport.
 */
async function layoutProblems(driver: BrowserDriver, where: string, composer: boolean): Promise<string[]> {
  return driver.evaluate(
    (arg: { where: string; composer: boolean }) => {
      const problems: string[] = [];
      const scroller = document.scrollingElement ?? document.documentElement;
      if (scroller.scrollWidth > window.innerWidth) problems.push(`${arg.where}: the page is ${scroller.scrollWidth}px wide in a ${window.innerWidth}px window`);
      if (!arg.composer) return problems;
      const width = document.documentElement.clientWidth;
      for (const selector of ['.note-composer textarea', '.note-composer .composer-save']) {
        const element = document.querySelector(selector);
        if (!element) {
          problems.push(`${arg.where}: no ${selector}`);
          continue;
        }
        const box = element.getBoundingClientRect();
        if (box.left < 0 || box.top < 0 || box.right > width || box.bottom > window.innerHeight) {
          problems.push(`${arg.where}: ${selector} is off screen at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)} in ${width}×${window.innerHeight}`);
        }
      }
      return problems;
    },
    { where, composer },
  );
}

/**
 * Scrolls the window to the end as a reader would (again while the end moves: chunks coming on
 * screen replace their placeholder height with their real one), then says whether the last note is
 * on screen, uncovered, with the expected text.
 */
async function lastNoteProblem(driver: BrowserDriver, expected: string): Promise<string | null> {
  for (let step = 0; step < 10; step++) {
    const moved = await driver.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      const before = window.scrollY;
      window.scrollTo(0, scroller.scrollHeight);
      return window.scrollY !== before;
    }, null);
    await settle(driver);
    if (!moved && step > 0) break;
  }
  return driver.evaluate((text: string) => {
    const rows = document.querySelectorAll('.note-list .note-row');
    const last = rows[rows.length - 1];
    if (!last) return 'no note row';
    const shown = last.querySelector('.note-text')?.textContent ?? '';
    if (shown !== text) return `the last row says «${shown}», not «${text}»`;
    const box = last.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (bottom - top < 8) return `the last note is off screen at the end of the page (${Math.round(box.top)}–${Math.round(box.bottom)} in a ${window.innerHeight}px window)`;
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), (top + bottom) / 2);
    if (!hit || !last.contains(hit)) return `the last note is covered by ${hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing'}`;
    return null;
  }, expected);
}

/** Size and SHA-256 (hex) of the file behind the download link named `name`, read in the page. */
async function downloadedFileDigest(driver: BrowserDriver, name: string): Promise<{ size: number; sha256: string }> {
  return driver.evaluate(async (fileName: string) => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('a[download]')].find((candidate) => candidate.download === fileName);
    if (!link) throw new Error(`no download link for ${fileName}`);
    const blob = (window as unknown as { __blobs?: Map<string, Blob> }).__blobs?.get(link.href);
    if (!blob) throw new Error(`no Blob behind ${link.href} (call watchDownloads first)`);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    return { size: blob.size, sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
  }, name);
}

/** Waits until `text` is on screen as a stored note or still in the note box (a draft kept). */
export async function untilTypedTextKept(driver: BrowserDriver, text: string, what: string): Promise<void> {
  await until(
    () =>
      driver.evaluate(
        (wanted: string) =>
          [...document.querySelectorAll('.note-list .note-row .note-text, .note-composer textarea')].some((node) => (node instanceof HTMLTextAreaElement ? node.value : node.textContent) === wanted),
        text,
      ),
    true,
    15_000,
    what,
  );
}

/** Table 3 of the dashboard as text, once the pillar's figures are there. */
export async function dashboardTable(driver: BrowserDriver, baseUrl: string, assessmentId: string): Promise<string> {
  await driver.goto(`${baseUrl}#/a/${assessmentId}/dashboard`);
  await driver.waitFor({ css: '.dash-pillar-table' }, 20_000);
  await until(async () => (await driver.count(`.dash-pillar-group[data-pillar-id="${PILLAR}"] .dash-figure-score`)) > 0, true, 15_000, 'a score for data management');
  return driver.text({ css: '.dash-pillar-table' });
}

/**
 * On the first screen (already shown): creates an assessment with the lead, plans one interview of
 * one institution, and takes a note there tagged 6.5.3 by keyboard with a suggested level, all saved.
 */
export async function createAssessmentWithTaggedNote(driver: BrowserDriver, title: string): Promise<{ assessmentId: string; interviewUrl: string }> {
  const create: Target = { role: 'region', name: enAssessments.create.heading };
  await driver.fill({ within: create, role: 'textbox', name: enAssessments.create.title }, title);
  await driver.fill({ within: create, role: 'textbox', name: enAssessments.create.country }, 'Armenia');
  await driver.fill({ within: create, role: 'textbox', name: enAssessments.create.leadName }, 'Anna Lead');
  await driver.click({ within: create, role: 'button', name: enAssessments.create.submit });
  await driver.waitFor({ role: 'heading', level: 2, name: enSetup.heading }, 20_000);
  const assessmentId = /#\/a\/([^/]+)\//.exec(await driver.url())?.[1] ?? '';
  expect(assessmentId, 'assessment id in the URL').not.toBe('');

  const institutions: Target = { role: 'form', name: enSetup.institutions.addHeading };
  await driver.fill({ within: institutions, role: 'textbox', name: enSetup.institutions.name }, 'Migration Service');
  await driver.fill({ within: institutions, role: 'textbox', name: enSetup.institutions.acronym }, 'MS');
  await driver.fill({ within: institutions, role: 'textbox', name: enSetup.institutions.kind }, 'Agency');
  await driver.click({ within: institutions, role: 'button', name: enSetup.institutions.add });
  const checkbox = enSetup.matrix.checkLabel
    .replace('{{institution}}', 'Migration Service')
    .replace('{{code}}', '6.5')
    .replace('{{pillar}}', pillarName(PILLAR));
  await driver.click({ role: 'checkbox', name: checkbox });
  await driver.click({ within: { role: 'navigation', name: enShell.nav.assessmentLabel }, role: 'link', name: enShell.nav.interviews });
  const schedule: Target = { role: 'region', name: enSetup.schedule.addHeading };
  await driver.select({ within: schedule, role: 'combobox', name: enSetup.schedule.institution }, 'Migration Service (MS)');
  // The app's own date field (shared/DateInput), which takes ISO as well as the language's layout.
  await driver.fill({ within: schedule, css: 'input.date-input' }, '2022-10-04');
  await driver.click({ within: schedule, role: 'button', name: enSetup.schedule.add });
  await driver.click({ role: 'link', namePrefix: 'Open interview' });

  // A note tagged 6.5.3 by keyboard (# then the code), suggesting "established" (Alt+3).
  await driver.click({ css: '.note-composer textarea' });
  await driver.type(NOTE.slice(0, 20));
  await driver.type('#');
  await driver.type('6.5.3');
  await driver.press('Enter');
  await driver.type(NOTE.slice(20));
  await driver.press('Alt+3');
  await driver.press('Enter');
  await until(() => driver.count('.note-list .note-row:not(.is-pending)'), 1, 15_000, 'stored notes');
  // A render behind the store in a loaded engine (seen once in WebKit: the row there, its text not yet).
  await until(() => driver.text({ css: '.note-list .note-row .note-text' }), NOTE, 10_000, 'the stored note');
  await allSaved(driver);
  return { assessmentId, interviewUrl: await driver.url() };
}

export interface JourneyContext {
  readonly built: BuiltApp;
  server: ServedApp;
  readonly driver: BrowserDriver;
  readonly workDir: string;
  readonly artifacts: string;
  /** Runs `cleanup` when the file ends (e.g. removes a build a journey served). */
  readonly atEnd: (cleanup: () => void | Promise<void>) => void;
}

/**
 * The app built and served once for the file, and one browser of the engine. The returned function
 * throws the set-up's failure in every test (a failing beforeAll would report them as skipped).
 */
export function journeyContext(engine: Engine, extra: { beforeServe?: (built: BuiltApp) => Promise<void> } = {}): () => JourneyContext {
  let context: JourneyContext | undefined;
  let problem: string | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    const started = Date.now();
    try {
      const built = await buildApp();
      cleanups.push(() => built.remove());
      await extra.beforeServe?.(built);
      const server = await serveApp(built.outDir);
      const driver = await launchDriver(engine, { viewport: LAPTOP });
      const workDir = mkdtempSync(join(tmpdir(), `mmdma-e2e-${engine}-`));
      const artifacts = join(ARTIFACTS, engine);
      // This run's pictures only: a failure picture left from an earlier run would mislead.
      rmSync(artifacts, { recursive: true, force: true });
      mkdirSync(artifacts, { recursive: true });
      context = { built, server, driver, workDir, artifacts, atEnd: (cleanup) => cleanups.push(cleanup) };
      cleanups.push(
        () => driver.close(),
        () => context?.server.close(),
        () => rmSync(workDir, { recursive: true, force: true }),
      );
      console.info(`[${engine}] ${driver.version}: built, served and launched in ${seconds(started)} s`);
    } catch (error) {
      problem = `${engine}: set-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    // The test worker may be ended without an exit event: the display goes with the file.
    stopXvfb();
  });
  return () => {
    if (problem) throw new Error(problem);
    if (!context) throw new Error(`${engine}: the app did not start (see beforeAll)`);
    return context;
  };
}

/** Defines the journeys; the returned function tells later tests of the file where they left off. */
export function defineFieldDayJourneys(engine: Engine, ready: () => JourneyContext): () => { assessmentId: string; interviewUrl: string } {
  let assessmentId = '';
  let interviewUrl = '';
  const started = Date.now();

  describe(`the field day in ${engine}`, () => {
    afterAll(() => {
      console.info(`[${engine}] journeys took ${seconds(started)} s (set-up included)`);
    });
    // A failed step leaves a picture of the screen it failed on, for the person reading the failure.
    afterEach(async ({ task }) => {
      if (task.result?.state !== 'fail') return;
      const context = (() => {
        try {
          return ready();
        } catch {
          return undefined;
        }
      })();
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await context?.driver.screenshot(join(context.artifacts, `failed-${slug}.png`)).catch(() => undefined);
    });

    it('creates and plans an assessment, takes a tagged note by keyboard, and a reload keeps it', async () => {
      const { driver, server, artifacts } = ready();
      await driver.goto(server.url);
      await driver.waitFor({ css: 'h1' }, 30_000);
      await waitForServiceWorker(driver);

      ({ assessmentId, interviewUrl } = await createAssessmentWithTaggedNote(driver, `Armenia field day (${engine})`));
      expect(await driver.count('.note-list .note-row .tag-chip, .note-list .note-row [data-tag]')).toBeGreaterThan(0);

      await driver.setViewport(TABLET);
      await driver.screenshot(join(artifacts, 'interview-768x1024.png'));
      await driver.setViewport(LAPTOP);

      await driver.reload();
      await until(() => driver.text({ css: '.note-list .note-row .note-text' }), NOTE, 20_000, 'the note after a reload');
    });

    it('reloads offline from the service worker, with the notes', async () => {
      const context = ready();
      const { driver, server, built } = context;
      await driver.goto(server.url);
      await waitForServiceWorker(driver);
      await server.close();
      try {
        await driver.goto(interviewUrl);
        await driver.reload();
        await driver.waitFor({ css: '.interview-layout' }, 30_000);
        await until(() => driver.text({ css: '.note-list .note-row .note-text' }), NOTE, 15_000, 'the note offline');
      } finally {
        // The server comes back on the same origin (a service worker's scope is its origin).
        context.server = await serveApp(built.outDir, { port: server.port });
      }
    });

    it('the dashboard shows a provisional figure, and follows a rating given by keyboard', async () => {
      const { driver, server, artifacts } = ready();
      const overall = `.dash-pillar-group[data-pillar-id="${PILLAR}"] .dash-overall-cell`;
      await driver.goto(`${server.url}#/a/${assessmentId}/dashboard`);
      await driver.waitFor({ css: '.dash-pillar-table' }, 20_000);
      await until(async () => (await driver.count(`${overall} .dash-tag-provisional`)) > 0, true, 15_000, 'a provisional figure');
      const provisional = await driver.text({ css: `${overall} .dash-figure-score` });
      await driver.setViewport(TABLET);
      await driver.screenshot(join(artifacts, 'dashboard-768x1024.png'));
      await driver.setViewport(LAPTOP);

      await driver.goto(`${server.url}#/a/${assessmentId}/rating/${SUB_TOPIC}`);
      await driver.click({ css: 'section.track-rating input[type="radio"]' });
      await driver.press('2');
      await until(
        () => driver.evaluate(() => document.querySelector<HTMLInputElement>('section.track-rating input[type="radio"]:checked')?.value ?? 'none', null),
        'developing',
        10_000,
        'the rating chosen by keyboard',
      );
      await allSaved(driver);
      await driver.goto(`${server.url}#/a/${assessmentId}/dashboard`);
      await driver.waitFor({ css: '.dash-pillar-table' }, 20_000);
      await until(async () => (await driver.text({ css: `${overall} .dash-figure-score` })) !== provisional, true, 15_000, 'the dashboard moved');
    });

    it('exports an encrypted bundle with an attachment, and a second profile imports it with the same dashboard', async () => {
      const { driver, server, workDir } = ready();
      await driver.goto(interviewUrl);
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      await driver.click({ css: '.note-composer textarea' });
      await driver.type(ATTACHED_NOTE);
      await driver.upload('.note-composer input[type="file"][multiple]', join(ROOT, 'test/fixtures/photo.png'));
      await driver.waitFor({ css: '.note-composer .attachment-name, .note-composer .attachment' }, 15_000);
      const composer = await driver.text({ css: '.note-composer' });
      await driver.click({ css: '.note-composer textarea' });
      await driver.press('Enter');
      const said = async () => `composer before saving: «${composer}»; notices: «${await driver.text({ css: 'body' }).then((text) => text.slice(0, 600))}»`;
      await until(() => driver.count('.note-list .note-row:not(.is-pending) .attachment'), 1, 15_000, 'the stored attachment').catch(async (error: unknown) => {
        throw new Error(`${String(error)}; ${await said()}`, { cause: error });
      });
      await allSaved(driver);

      await driver.goto(`${server.url}#/a/${assessmentId}/exchange`);
      const bundle = await exportEncrypted(driver, workDir);
      expect(bundle.fileName).toMatch(/^mmdma-encrypted_[0-9a-f]{12}\.mmdma\.zip$/);
      const here = await dashboardTable(driver, server.url, assessmentId);

      // The colleague: a second browser of the same engine, its own fresh profile. In WebKit a private
      // window (an ephemeral session, which refuses Blobs in IndexedDB): the attachments must still
      // be stored and shown there.
      const other = await launchDriver(engine, { viewport: LAPTOP, webkitBrowser: 'private' });
      try {
        await other.goto(`${server.url}#/import`);
        await importEncrypted(other, bundle.path);
        expect(await dashboardTable(other, server.url, assessmentId)).toBe(here);
        await other.goto(interviewUrl);
        await other.waitFor({ css: '.note-list' }, 20_000);
        await until(
          () => other.evaluate(() => (document.querySelector('.attachment img') as HTMLImageElement | null)?.naturalWidth ?? 0, null),
          96,
          20_000,
          'the photo decodes on the second profile',
        );
      } finally {
        await other.close();
      }
    });

    it('speaks Armenian and Russian, and English again', async () => {
      const { driver, server } = ready();
      await driver.goto(`${server.url}#/`);
      const label = { css: '.language-switcher select' };
      for (const [code, shell] of [['hy', hyShell], ['ru', ruShell], ['en', enShell]] as const) {
        await driver.select(label, code);
        await until(() => driver.text({ css: '.global-nav' }).then((text) => text.includes(shell.nav.assessments)), true, 15_000, `${code} navigation`);
        expect(await driver.evaluate(() => document.documentElement.lang, null)).toBe(code);
      }
    });
    it('keeps a note typed a second before the browser is killed (crash drill)', async () => {
      const { driver } = ready();
      if (!interviewUrl) throw new Error('the first journey did not reach the interview');
      await driver.goto(interviewUrl);
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      const before = await driver.count('.note-list .note-row');
      await driver.click({ css: '.note-composer textarea' });
      await driver.type(CRASH_NOTE);
      // No Enter, no blur: the note is only in the composer and in whatever autosave wrote.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await driver.crashAndRestart(interviewUrl);
      await driver.waitFor({ css: '.interview-layout' }, 30_000);
      await until(() => driver.count('.note-list .note-row'), before + 1, 15_000, 'notes after the crash');
      const texts = await driver.evaluate(() => [...document.querySelectorAll('.note-list .note-row .note-text')].map((node) => node.textContent), null);
      expect(texts).toContain(CRASH_NOTE);
    });

    it(`a ${LONG_INTERVIEW_NOTES}-note interview, imported as a bundle: no sideways scroll, the note box in reach, the last note reachable, a new note saved`, async () => {
      const { driver, server, workDir, artifacts } = ready();
      const started = Date.now();
      const long = await writeLongInterviewBundle(workDir, LONG_INTERVIEW_NOTES);
      await driver.goto(`${server.url}#/import`);
      await importPlain(driver, long.path);
      const imported = seconds(started);
      const url = `${server.url}#/a/${long.assessmentId}/interviews/${long.interviewId}`;
      const problems: string[] = [];
      const stored = () => driver.evaluate(() => document.querySelectorAll('.note-list .note-row:not(.is-pending)').length, null);
      try {
        for (const viewport of [LAPTOP, TABLET]) {
          const where = `${viewport.width}×${viewport.height}`;
          await driver.setViewport(viewport);
          await driver.goto(url);
          if (viewport === LAPTOP) {
            // This device has not said who types here yet: asked in place, the one assessor chosen.
            await driver.waitFor({ css: '.who-am-i button[type="submit"]' }, 20_000);
            await driver.click({ css: '.who-am-i button[type="submit"]' });
          }
          await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
          await until(stored, LONG_INTERVIEW_NOTES + (viewport === LAPTOP ? 0 : 1), 20_000, `notes shown at ${where}`);
          await settle(driver);
          problems.push(...(await layoutProblems(driver, `${where}, opened`, false)));
          await driver.click({ css: '.note-composer textarea' });
          await settle(driver);
          problems.push(...(await layoutProblems(driver, `${where}, note box focused`, true)));
          await driver.evaluate(() => window.scrollTo(0, 0), null);
          await settle(driver);
          problems.push(...(await layoutProblems(driver, `${where}, at the top`, false)));
          const last = viewport === LAPTOP ? long.texts[long.texts.length - 1]! : LONG_INTERVIEW_NEW_NOTE;
          const unreachable = await lastNoteProblem(driver, last);
          if (unreachable) problems.push(`${where}, scrolled to the end: ${unreachable}`);
          problems.push(...(await layoutProblems(driver, `${where}, at the end`, false)));
          if (viewport === LAPTOP) {
            await driver.click({ css: '.note-composer textarea' });
            await driver.type(LONG_INTERVIEW_NEW_NOTE);
            await driver.press('Enter');
            await until(stored, LONG_INTERVIEW_NOTES + 1, 15_000, 'the new note, stored');
            await allSaved(driver);
          } else {
            await driver.screenshot(join(artifacts, `long-interview-${LONG_INTERVIEW_NOTES}-768x1024.png`));
          }
        }
      } finally {
        await driver.setViewport(LAPTOP);
      }
      console.info(`[${engine}] ${LONG_INTERVIEW_NOTES}-note interview: imported in ${imported} s, checked at two sizes in ${seconds(started)} s`);
      expect(problems).toEqual([]);
    });

    it('Web Crypto on a large input: an encrypted bundle with a 20 MB attachment, imported by a second profile with the same bytes', async () => {
      const { driver, server, workDir } = ready();
      if (!interviewUrl) throw new Error('the first journey did not reach the interview');
      const started = Date.now();
      const bytes = randomBytes(LARGE_FILE_BYTES);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const fileName = 'border-arrivals-2022.bin';
      const file = join(workDir, fileName);
      writeFileSync(file, bytes);
      await driver.goto(interviewUrl);
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      await driver.click({ css: '.note-composer textarea' });
      await driver.type('The arrivals database, exported as one file.');
      await driver.upload('.note-composer input[type="file"][multiple]', file);
      await driver.waitFor({ css: '.note-composer .attachment' }, 30_000);
      await driver.click({ css: '.note-composer textarea' });
      await driver.press('Enter');
      await until(
        () => driver.evaluate((name: string) => [...document.querySelectorAll('.note-list .note-row:not(.is-pending) .attachment')].some((node) => node.textContent?.includes(name) === true), fileName),
        true,
        30_000,
        'the stored 20 MB attachment',
      );
      await allSaved(driver);
      const attached = seconds(started);

      await driver.goto(`${server.url}#/a/${assessmentId}/exchange`);
      const bundle = await exportEncrypted(driver, workDir);
      const exported = seconds(started);
      const other = await launchDriver(engine, { viewport: LAPTOP, webkitBrowser: 'private' });
      try {
        await other.goto(`${server.url}#/import`);
        await importEncrypted(other, bundle.path);
        const imported = seconds(started);
        // Same document (a hash route), so the download links made from now on are remembered.
        await watchDownloads(other);
        await other.evaluate((route: string) => {
          location.hash = route;
        }, interviewUrl.slice(interviewUrl.indexOf('#')));
        await other.waitFor({ css: '.note-list' }, 20_000);
        const link = `a[download="${fileName}"]`;
        await until(async () => (await other.count(link)) > 0, true, 30_000, 'a download link for the 20 MB attachment');
        // The row shows the size from the record; the bytes themselves are checked below.
        expect(await other.text({ css: `.attachment:has(${link})` })).toContain(enInterview.attachments.megabytes.replace('{{size}}', '20'));
        expect(await downloadedFileDigest(other, fileName)).toEqual({ size: LARGE_FILE_BYTES, sha256 });
        console.info(`[${engine}] 20 MB: attached ${attached} s, exported ${exported} s, imported ${imported} s, checked ${seconds(started)} s (cumulative)`);
      } finally {
        await other.close();
      }
    });

    it('offers a new version, applies it without losing a note being typed, and runs it', async () => {
      const context = ready();
      const { driver, server } = context;
      if (!interviewUrl) throw new Error('the first journey did not reach the interview');
      const started = Date.now();
      await driver.goto(interviewUrl);
      await waitForServiceWorker(driver);
      expect(await driver.evaluate(() => document.documentElement.dataset.build ?? 'first', null)).toBe('first');
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      await driver.click({ css: '.note-composer textarea' });
      // Typed, not saved as a note: the draft the update must write before it reloads.
      await driver.type(UPDATE_NOTE);

      // The second version goes live on the same origin (a service worker's scope is its origin).
      const second = await buildSecondVersion();
      const built = seconds(started);
      try {
        await server.close();
        context.server = await serveApp(second.outDir, { port: server.port });
        await driver.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (!registration) throw new Error('no service worker registration');
          await registration.update();
        }, null);
        const banner: Target = { css: '.pwa-status .pwa-update' };
        await driver.waitFor(banner, 30_000);
        expect(await driver.text(banner)).toContain(enPwa.update.message);
        expect(await driver.evaluate(() => document.documentElement.dataset.build ?? 'first', null)).toBe('first');
        await driver.click({ within: banner, role: 'button', name: enPwa.update.apply });
        await until(() => driver.evaluate(() => document.documentElement.dataset.build ?? 'first', null), SECOND_VERSION, 30_000, 'the version running after the update');
        expect(await driver.evaluate(() => document.querySelector('meta[name="mmdma-build"]')?.getAttribute('content') ?? null, null)).toBe(SECOND_VERSION);
        await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
        await untilTypedTextKept(driver, UPDATE_NOTE, 'the note typed before the update');
        expect(await driver.count('.pwa-status .pwa-update')).toBe(0);
        console.info(`[${engine}] update: second version ready in ${built} s, applied and checked in ${seconds(started)} s`);
      } finally {
        // Later tests of the file keep the second version, on the same origin.
        context.atEnd(() => second.remove());
      }
    });

    it('a page kept in the back/forward cache holds no transaction: the next page saves, and going back saves what was typed', async () => {
      const { driver, server } = ready();
      if (!interviewUrl) throw new Error('the first journey did not reach the interview');
      // Full navigations (another query string), so the browser may keep the page it leaves.
      const at = (query: string, route: string) => `${server.url}?${query}${route}`;
      const interviewRoute = interviewUrl.slice(interviewUrl.indexOf('#'));
      await driver.goto(at('visit=1', interviewRoute));
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      await driver.evaluate(() => {
        (window as unknown as { __leftPage?: boolean }).__leftPage = true;
      }, null);
      await driver.click({ css: '.note-composer textarea' });
      await driver.type(LEFT_NOTE);
      // At once, inside the autosave's delay: the pagehide flush starts a write as the page is frozen.
      await driver.goto(at('next=1', '#/'));
      await driver.goto(at('next=1', interviewRoute));
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      await driver.click({ css: '.note-composer textarea' });
      await driver.type(NEXT_PAGE_NOTE);
      await driver.press('Enter');
      await until(
        () => driver.evaluate((text: string) => [...document.querySelectorAll('.note-list .note-row:not(.is-pending) .note-text')].some((node) => node.textContent === text), NEXT_PAGE_NOTE),
        true,
        15_000,
        'the note written on the next page',
      );
      await allSaved(driver);

      // Back to the first page: one step per history entry (engines differ on whether the hash route
      // opened by the driver is an entry of its own).
      // The page's own address: the Firefox driver's URL is not updated when a cached page comes back.
      const address = () => driver.evaluate(() => location.href, null).catch(() => '');
      const onFirstPage = () => address().then((url) => url.includes('visit=1'));
      for (let step = 0; step < 3 && !(await onFirstPage()); step++) {
        const before = await address();
        await driver.back();
        await until(() => address().then((url) => url !== before), true, 10_000, 'a step back in history');
      }
      await until(onFirstPage, true, 10_000, 'back on the first page');
      await driver.waitFor({ css: '.note-composer textarea' }, 20_000);
      const restored = await driver.evaluate(() => (window as unknown as { __leftPage?: boolean }).__leftPage === true, null);
      console.info(`[${driver.engine}] the page left was ${restored ? 'restored from the back/forward cache' : 'loaded again'}`);
      await untilTypedTextKept(driver, LEFT_NOTE, 'the text typed before leaving');
      await allSaved(driver);
    });

  });
  return () => ({ assessmentId, interviewUrl });
}
