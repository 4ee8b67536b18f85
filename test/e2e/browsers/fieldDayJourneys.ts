/**
 * The field day's core journeys, written once against the driver layer (../drivers) and run in each
 * engine by its own file (fieldDay.<engine>.e2e.test.ts): create and plan an assessment, tagged notes
 * by keyboard, a reload, the crash drill, an offline reload from the service worker, the dashboard
 * and a rating, an encrypted bundle with an attachment exported and imported on a second profile,
 * and the three languages. Screenshots of the interview and the dashboard at 768×1024 land in
 * test-artifacts/browsers/<engine>/.
 *
 * A journey that cannot run in an engine fails with the reason (the driver's launch error, or the
 * step that broke); nothing is skipped. The tests of one file share one build, one server and one
 * browser, and run in order: each starts where the previous one left the assessment.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mmdmaV1 from '../../../frameworks/mmdma-v1.json';
import enAssessments from '../../../locales/en/assessments.json';
import enExchange from '../../../locales/en/exchange.json';
import enSetup from '../../../locales/en/setup.json';
import enShell from '../../../locales/en/shell.json';
import hyShell from '../../../locales/hy/shell.json';
import ruShell from '../../../locales/ru/shell.json';
import { launchDriver, type BrowserDriver, type Engine, type Target } from '../drivers';
import { stopXvfb } from '../drivers/xvfb';
import { buildApp, LAPTOP, ROOT, serveApp, TABLET, type BuiltApp, type ServedApp } from '../support';

export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browsers');
const SETUP_TIMEOUT_MS = 240_000;
const PASSPHRASE = 'river tablet cotton seven';
const NOTE = 'The border database is reached by written request only, on paper.';
const CRASH_NOTE = 'Crash drill: the civil registry API has been live since March.';
const ATTACHED_NOTE = 'The paper register of arrivals, photographed.';
const LEFT_NOTE = 'Typed just before opening a link in the same tab.';
const NEXT_PAGE_NOTE = 'Written on the next page while the first one is cached.';
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
      context = { built, server, driver, workDir, artifacts };
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
      await until(
        () =>
          driver.evaluate(
            (text: string) => [...document.querySelectorAll('.note-list .note-row .note-text, .note-composer textarea')].some((node) => (node instanceof HTMLTextAreaElement ? node.value : node.textContent) === text),
            LEFT_NOTE,
          ),
        true,
        15_000,
        'the text typed before leaving',
      );
      await allSaved(driver);
    });
  });
  return () => ({ assessmentId, interviewUrl });
}
