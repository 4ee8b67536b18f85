/**
 * Initial load (PWA issue):
 * (a) the JavaScript the app loads eagerly (its entry and static imports, the same whatever the
 *     route), gzip level 9, against the 120 KB budget and a bare Preact "hello" built with the same
 *     vite.config.ts in the same run;
 * (b) offline, after one online visit installed the service worker and an Armenia-size assessment
 *     was stored: time from navigation start to the interview screen's note composer being visible
 *     and usable, median of N reloads, against the ≤ 1 s budget and a blank HTML page precached and
 *     served by the same worker, reloaded N times in the same browser; the assessments list (the
 *     app's first screen) with the same data, for reference.
 *
 * Prints, never asserts on time; throws only when the set-up is broken (the seed fails, or the page
 * measured offline does not show the seeded interview's notes).
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { afterAll, it } from 'vitest';
import {
  buildApp,
  launchChromium,
  missingChromium,
  serveApp,
  waitForServiceWorkerControl,
  type BuiltApp,
  type LaunchedChromium,
  type ServedApp,
} from '../test/e2e/support';
import { buildArmeniaSeed, describeSeed, seedArmenia, type ArmeniaSeedResult } from './support/armeniaSeed';
import { eagerJavaScript } from './support/eagerJavaScript';
import { printRows } from './support/measure';
import { median, reloadAndTime, watchForReady, type ReadyMark, type StartPhases } from './support/timeToReady';

/** What prepare() stored; the target's path and checks need its ids (the store makes them). */
let seeded: ArmeniaSeedResult | undefined;
const seededAssessment = (): ArmeniaSeedResult => {
  if (!seeded) throw new Error('nothing seeded: INITIAL_LOAD_TARGET.prepare() has not run');
  return seeded;
};

/**
 * What "the first screen is ready" means: the one place to change when the first screen changes.
 * Now the interview screen, opened offline on one interview of an Armenia-size assessment.
 */
export const INITIAL_LOAD_TARGET = {
  name: 'interview screen (Armenia-size assessment stored)',
  /** Page to load, relative to the app's origin: the interview's hash route, known once prepare() has seeded. */
  path: (): string => {
    const { assessmentId, interviewId } = seededAssessment();
    return `/#/a/${assessmentId}/interviews/${interviewId}`;
  },
  /** The element that must be visible and enabled: the note composer's textarea (rendered with the notes). */
  readySelector: '.note-composer textarea.composer-text',
  /** Navigation → ready, median of the offline reloads (the issue: ≤ 1 s headless on this machine). */
  budgetMs: 1000,
  /** Adds what prepare() needs to the build, outside the precache (served online only). */
  addToBuild: (outDir: string): Promise<void> => buildArmeniaSeed(outDir),
  /**
   * Runs once, online, on the app's first screen after the service worker controls the page, and
   * before going offline: seeds storage through the store, and sets "me" (the lead) as the app's
   * WhoAmI does, so the interview opens on the composer.
   */
  prepare: async (page: Page): Promise<void> => {
    seeded = await seedArmenia(page, { rememberMe: true });
    console.log(`\nSeeded the Armenia-size assessment in ${seeded.seedMs.toFixed(0)} ms: ${describeSeed(seeded)}`);
  },
  /** Throws unless the page shows the seeded interview with all its notes (a broken set-up, not a slow one). */
  verify: async (page: Page): Promise<void> => {
    const { interviewNotes, interviewLastNote } = seededAssessment();
    await page.locator(INITIAL_LOAD_TARGET.readySelector).waitFor({ timeout: 30_000 });
    const rows = () => page.locator('.note-list .note-row:not(.is-pending)').count();
    const deadline = Date.now() + 10_000;
    let shown = await rows();
    while (shown !== interviewNotes && Date.now() < deadline) {
      await page.waitForTimeout(50);
      shown = await rows();
    }
    if (shown !== interviewNotes) throw new Error(`the interview screen shows ${shown} notes, not the ${interviewNotes} seeded`);
    const listText = (await page.locator('.note-list').textContent()) ?? '';
    if (!listText.includes(interviewLastNote)) throw new Error(`the interview screen does not show the seeded note "${interviewLastNote}"`);
    const heading = (await page.locator('.interview-header h2').textContent()) ?? '';
    if (!heading.includes('Migration Service')) throw new Error(`the interview screen is headed "${heading}", not the Migration Service's`);
  },
};

/** The app's first screen with the same data, for reference (no budget of its own). */
const ASSESSMENTS_LIST = {
  name: 'assessments list (same data)',
  path: '/#/',
  readySelector: '.assessment-cards .assessment-card-title a',
  verify: async (page: Page): Promise<void> => {
    const titles = await page.locator(ASSESSMENTS_LIST.readySelector).allTextContents();
    if (!titles.includes('Armenia MMDMA 2022')) throw new Error(`the assessments list shows ${JSON.stringify(titles)}, not the seeded assessment`);
  },
};

/** Reloads measured per page, after one unmeasured warm-up reload. */
const RELOADS = 10;
/** Issue 9: the interview screen's cold start at Armenia size and with 10,000 notes stored. */
const LARGE_NOTES = 10_000;
const LARGE_BUDGET_MS = 1500;
const ARMENIA_RATIO_BUDGET = 3;
const SHIFT_KEY = '__mmdmaLayoutShift';
const SHIFT_SETTLE_MS = 1000;
const JS_BUDGET_BYTES = 120_000; // 120 KB, 1 KB = 1,000 bytes (the stricter reading)

const BLANK_PAGE = 'bench-blank.html';
const BLANK_SELECTOR = '#bench-blank';
/** Adds a blank page to the build, so the service worker precaches it and serves it like the app. */
const blankPage: Plugin = {
  name: 'mmdma-bench-blank-page',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: BLANK_PAGE,
      source: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><p id="bench-blank">Blank</p></body></html>`,
    });
  },
};

const HELLO_ROOT = fileURLToPath(new URL('./support/hello/', import.meta.url));
const kb = (bytes: number) => bytes / 1000;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it('initial JavaScript, gzip: eager chunks of the first screen vs a bare Preact app', async () => {
  const app = await buildApp({ manifest: true });
  cleanups.push(app.remove);
  const hello = await buildApp({ root: HELLO_ROOT, manifest: true });
  cleanups.push(hello.remove);

  const appJs = eagerJavaScript(app.outDir);
  const helloJs = eagerJavaScript(hello.outDir);
  console.log(
    `\nEager JavaScript of the app: ${appJs.files.join(', ')} (${kb(appJs.rawBytes).toFixed(1)} KB raw)` +
      `\nLazy chunks (not counted): ${appJs.lazyFiles.join(', ') || 'none'}` +
      `\nBare Preact "hello": ${helloJs.files.join(', ')} (${kb(helloJs.rawBytes).toFixed(1)} KB raw)`,
  );
  printRows('Initial JavaScript (gzip -9; 1 KB = 1,000 bytes)', [
    {
      figure: 'eager JS of the app (entry + static imports, the same whatever the route)',
      value: kb(appJs.gzipBytes),
      unit: 'KB',
      baselineName: 'bare Preact "hello", same Vite config',
      baseline: kb(helloJs.gzipBytes),
      budget: `≤ ${kb(JS_BUDGET_BYTES)} KB gzip`,
      withinBudget: appJs.gzipBytes <= JS_BUDGET_BYTES,
    },
  ]);
});

it(`offline load: navigation to ${INITIAL_LOAD_TARGET.name} usable vs a blank page, both from the service worker`, async () => {
  const missing = missingChromium();
  if (missing) throw new Error(missing);
  const build: BuiltApp = await buildApp({ plugins: [blankPage] });
  cleanups.push(build.remove);
  await INITIAL_LOAD_TARGET.addToBuild(build.outDir);
  const server: ServedApp = await serveApp(build.outDir);
  cleanups.push(server.close);
  const browser: LaunchedChromium = await launchChromium();
  cleanups.push(browser.close);
  const { context } = browser;
  await watchForReady(context, [INITIAL_LOAD_TARGET.readySelector, ASSESSMENTS_LIST.readySelector, BLANK_SELECTOR]);
  // Cumulative layout shift from the first byte (shifts right after user input do not count).
  await context.addInitScript((key) => {
    const target = window as unknown as Record<string, number>;
    target[key] = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) target[key] = (target[key] ?? 0) + entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, SHIFT_KEY);

  // One online visit to the first screen installs the worker (it claims the page: no reload
  // needed); then the data is stored, and the target opened once online.
  const appPage = await context.newPage();
  await appPage.goto(new URL(ASSESSMENTS_LIST.path, server.url).href);
  await waitForServiceWorkerControl(appPage);
  await INITIAL_LOAD_TARGET.prepare(appPage);
  // A second, much larger assessment in the same origin: 10,000 notes (its measured interview has
  // the same 64 notes), for the cost that must not grow with the assessment.
  const large = await seedArmenia(appPage, { rememberMe: true, totalNotes: LARGE_NOTES });
  console.log(`Seeded the ${LARGE_NOTES.toLocaleString('en')}-note assessment in ${large.seedMs.toFixed(0)} ms: ${describeSeed(large)}`);
  await appPage.goto(new URL(INITIAL_LOAD_TARGET.path(), server.url).href);
  await appPage.reload();
  await INITIAL_LOAD_TARGET.verify(appPage);
  const largePage = await context.newPage();
  await largePage.goto(new URL(`/#/a/${large.assessmentId}/interviews/${large.interviewId}`, server.url).href);
  await largePage.reload();
  await largePage.locator(INITIAL_LOAD_TARGET.readySelector).waitFor({ timeout: 60_000 });
  const listPage = await context.newPage();
  await listPage.goto(new URL(ASSESSMENTS_LIST.path, server.url).href);
  await listPage.locator(ASSESSMENTS_LIST.readySelector).first().waitFor();
  const blankPageTab = await context.newPage();
  await blankPageTab.goto(new URL(BLANK_PAGE, server.url).href);
  await blankPageTab.locator(BLANK_SELECTOR).waitFor();

  // Then no network at all: the browser is offline and the server is gone.
  await context.setOffline(true);
  await server.close();

  const appTimes: ReadyMark[] = [];
  const listTimes: ReadyMark[] = [];
  const blankTimes: ReadyMark[] = [];
  // Unmeasured warm-up reloads; then make sure what will be measured is the app, served offline
  // with the seeded data (not an error page, not an empty interview).
  await reloadAndTime(appPage);
  await INITIAL_LOAD_TARGET.verify(appPage);
  await reloadAndTime(listPage);
  await ASSESSMENTS_LIST.verify(listPage);
  await reloadAndTime(blankPageTab);
  await reloadAndTime(largePage);
  const largeTimes: ReadyMark[] = [];
  const listShifts: number[] = [];
  // Interleaved, so a slow spell of the machine hits all series alike.
  for (let i = 0; i < RELOADS; i++) {
    appTimes.push(await reloadAndTime(appPage));
    largeTimes.push(await reloadAndTime(largePage));
    listTimes.push(await reloadAndTime(listPage));
    listShifts.push(await settledLayoutShift(listPage));
    blankTimes.push(await reloadAndTime(blankPageTab));
  }
  await largePage.locator('.note-list .note-row').nth(large.interviewNotes - 1).waitFor({ timeout: 30_000 });
  await INITIAL_LOAD_TARGET.verify(appPage);
  await ASSESSMENTS_LIST.verify(listPage);

  const appReady = median(appTimes.map((time) => time.paintedMs));
  const listReady = median(listTimes.map((time) => time.paintedMs));
  const blankReady = median(blankTimes.map((time) => time.paintedMs));
  const round = (times: readonly { foundMs: number; paintedMs: number }[]) =>
    `painted ${times.map((time) => time.paintedMs.toFixed(0)).join(', ')}\n      (attached ${times.map((time) => time.foundMs.toFixed(0)).join(', ')})`;
  console.log(
    `\nOffline reloads, ms from navigation start to the element painted (and attached and usable, before paint):` +
      `\n  ${INITIAL_LOAD_TARGET.name} (${INITIAL_LOAD_TARGET.readySelector}):\n      ${round(appTimes)}` +
      `\n  ${ASSESSMENTS_LIST.name} (${ASSESSMENTS_LIST.readySelector}):\n      ${round(listTimes)}` +
      `\n  blank page (${BLANK_SELECTOR}):\n      ${round(blankTimes)}` +
      `\nStored: ${describeSeed(seededAssessment())}`,
  );
  printRows(`Offline load, service worker installed, network off and server stopped (median of ${RELOADS} reloads each)`, [
    {
      figure: `${INITIAL_LOAD_TARGET.name}: navigation → ${INITIAL_LOAD_TARGET.readySelector} visible, enabled and painted`,
      value: appReady,
      unit: 'ms',
      baselineName: 'blank HTML page from the same service worker',
      baseline: blankReady,
      budget: `≤ ${INITIAL_LOAD_TARGET.budgetMs} ms headless on this machine`,
      withinBudget: appReady <= INITIAL_LOAD_TARGET.budgetMs,
    },
    {
      figure: `${INITIAL_LOAD_TARGET.name}: navigation → element attached and usable (before paint)`,
      value: median(appTimes.map((time) => time.foundMs)),
      unit: 'ms',
      baselineName: 'blank page, same measure',
      baseline: median(blankTimes.map((time) => time.foundMs)),
      budget: 'none set by the issue (printed for reference)',
      withinBudget: undefined,
    },
    {
      figure: `interview screen, ${LARGE_NOTES.toLocaleString('en')}-note assessment stored: navigation → ${INITIAL_LOAD_TARGET.readySelector} visible, enabled and painted`,
      value: median(largeTimes.map((time) => time.paintedMs)),
      unit: 'ms',
      baselineName: 'blank HTML page from the same service worker',
      baseline: blankReady,
      budget: `< ${LARGE_BUDGET_MS} ms (issue 9)`,
      withinBudget: median(largeTimes.map((time) => time.paintedMs)) < LARGE_BUDGET_MS,
    },
    {
      figure: `${INITIAL_LOAD_TARGET.name}: the same, as a ratio to the blank page`,
      value: appReady,
      unit: 'ms',
      baselineName: 'blank HTML page from the same service worker',
      baseline: blankReady,
      budget: `≤ ${ARMENIA_RATIO_BUDGET}× the blank page (issue 9)`,
      withinBudget: appReady / blankReady <= ARMENIA_RATIO_BUDGET,
    },
    {
      figure: `${ASSESSMENTS_LIST.name}: navigation → ${ASSESSMENTS_LIST.readySelector} visible and painted`,
      value: listReady,
      unit: 'ms',
      baselineName: 'blank HTML page from the same service worker',
      baseline: blankReady,
      budget: 'none set by the issue (the app\'s first screen, printed for reference)',
      withinBudget: undefined,
    },
  ]);
  console.log(startBreakdown(appTimes, blankTimes));
  console.log(
    `First screen (${ASSESSMENTS_LIST.name}) cumulative layout shift within ${SHIFT_SETTLE_MS} ms of load, median of ${RELOADS} reloads: ` +
      `${median(listShifts).toFixed(3)} (each: ${listShifts.map((shift) => shift.toFixed(3)).join(', ')}); good is ≤ 0.1, the blank page's is 0\n`,
  );
});

/**
 * Where the interview screen's cold start goes, medians over the reloads: the steps every start
 * takes before any data is read (the document, the entry script from the worker's cache, its code
 * run), then the rest (strings, storage, the screen's code, reading and drawing the interview).
 */
function startBreakdown(app: readonly ReadyMark[], blank: readonly ReadyMark[]): string {
  const at = (pick: (phases: StartPhases) => number | undefined) => median(app.map((time) => pick(time.phases) ?? NaN));
  const rows: [string, number][] = [
    ['document received (the blank page: painted at ' + median(blank.map((time) => time.paintedMs)).toFixed(0) + ' ms)', at((phases) => phases.documentReceived)],
    ['entry script received from the worker', at((phases) => phases.entryReceived)],
    ['entry code run (every static import evaluated)', at((phases) => phases.entryEvaluated)],
    ['first render begins (strings and the support probe in)', at((phases) => phases.firstRender)],
    ['note box painted', median(app.map((time) => time.paintedMs))],
  ];
  return `\nWhere the interview screen's cold start goes (ms from navigation start, medians of ${app.length} reloads):\n` + rows.map(([step, ms]) => `  ${ms.toFixed(0).padStart(5)}  ${step}`).join('\n');
}

/** Layout shift of the page since its last load (no user input), read once it has settled. */
async function settledLayoutShift(page: Page): Promise<number> {
  await page.waitForTimeout(SHIFT_SETTLE_MS);
  return page.evaluate((key) => Number((window as unknown as Record<string, unknown>)[key] ?? NaN), SHIFT_KEY);
}
