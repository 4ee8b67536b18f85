/**
 * Saving a note costs the same whatever the size of the assessment (issue 9): Enter → the note
 * stored (its transaction committed) and listed as stored, in the measured Migration Service interview (64
 * notes) of Armenia-like assessments of 660 (the real mission), 2,000 and 10,000 notes, against
 * appending one <li> to a list on a blank page in the same browser. Goals: under 50 ms, and within
 * 1.5× from 660 to 10,000 notes.
 *
 * The list shows the record the committed write returned; the read-back of the write's storage
 * notice follows and only confirms it (src/storage/watchAssessment.ts, applyCommitted).
 *
 * Real Chromium, production build, data seeded through the storage API in the page (the app has no
 * test hook). Prints; never asserts.
 */
import type { Page } from 'playwright-core';
import { afterAll, it } from 'vitest';
import { buildApp, LAPTOP, launchChromium, missingChromium, serveApp, type LaunchedChromium } from '../test/e2e/support';
import { buildArmeniaSeed, describeSeed, seedArmenia } from './support/armeniaSeed';
import { printRows } from './support/measure';
import { timeStoredAppend } from './support/measureAppend';
import { median } from './support/timeToReady';

const SIZES = [660, 2_000, 10_000] as const;
const APPENDS = 15;
const STORED_BUDGET_MS = 50;
const GROWTH_BUDGET = 1.5;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function blankAppendMs(browser: LaunchedChromium): Promise<number> {
  const page = await browser.context.newPage();
  await page.setContent(`<!doctype html><html lang="en"><body><ol id="list">${'<li>Note</li>'.repeat(64)}</ol><textarea id="text"></textarea></body></html>`);
  await page.evaluate(() => {
    const text = document.getElementById('text') as HTMLTextAreaElement;
    const list = document.getElementById('list') as HTMLOListElement;
    text.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      list.insertAdjacentHTML('beforeend', `<li class="note-row"><p class="note-text"></p></li>`);
      (list.lastElementChild?.firstElementChild as HTMLElement).textContent = text.value;
      text.value = '';
    });
  });
  // The same in-page timer as the app's, on a list with the app's class names.
  await page.evaluate(() => document.getElementById('list')?.classList.add('note-list'));
  await page.locator('#text').focus();
  const times: number[] = [];
  for (let i = 0; i < APPENDS; i++) times.push(await timeStoredAppend(page, `Appended note ${i}: confirmed by the deputy head.`));
  await page.close();
  return median(times);
}

async function appAppendMs(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    times.push(await timeStoredAppend(page, `Appended note ${i}: confirmed by the deputy head.`));
    await page.waitForTimeout(300);
  }
  return median(times);
}

it(`Enter → stored and listed at ${SIZES.join(', ')} notes`, async () => {
  const missing = missingChromium();
  if (missing) {
    console.log(`\nNote save benchmark not run: ${missing}\n`);
    return;
  }
  const built = await buildApp();
  cleanups.push(built.remove);
  await buildArmeniaSeed(built.outDir);
  const server = await serveApp(built.outDir);
  cleanups.push(server.close);
  const browser = await launchChromium({ viewport: LAPTOP });
  cleanups.push(browser.close);

  const baseline = await blankAppendMs(browser);
  console.log(`  baseline (blank page append): ${baseline.toFixed(1)} ms`);
  const results: { size: number; ms: number; described: string }[] = [];
  for (const size of SIZES) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('h1').first().waitFor();
    const seeded = await seedArmenia(page, { rememberMe: true, totalNotes: size });
    console.log(`  seeded ${size} notes in ${seeded.seedMs.toFixed(0)} ms`);
    await page.goto(`${server.url}#/a/${seeded.assessmentId}/interviews/${seeded.interviewId}`);
    await page.reload();
    await page.locator('.note-composer textarea').waitFor({ timeout: 60_000 });
    await page.waitForFunction((count) => document.querySelectorAll('.note-list .note-row').length >= count, seeded.interviewNotes, { timeout: 60_000 });
    await page.locator('.note-composer textarea').focus();
    // One unmeasured save first (the first write warms the code paths).
    await timeStoredAppend(page, 'Warm-up note.');
    await page.waitForTimeout(500);
    results.push({ size, ms: await appAppendMs(page), described: describeSeed(seeded) });
    console.log(`  ${size} notes: ${results.at(-1)?.ms.toFixed(1)} ms`);
    await page.close();
  }
  for (const result of results) console.log(`  ${result.size} notes: ${result.described}`);
  const first = results[0]?.ms ?? NaN;
  printRows(`Enter → note stored (transaction committed) and listed as stored (median of ${APPENDS} saves, in a 64-note interview)`, [
    ...results.map((result) => ({
      figure: `assessment of ${result.size.toLocaleString('en')} notes`,
      value: result.ms,
      unit: 'ms',
      baselineName: 'append one <li> on a blank page, same timer',
      baseline,
      budget: `< ${STORED_BUDGET_MS} ms`,
      withinBudget: result.ms < STORED_BUDGET_MS,
    })),
    ...results.slice(1).map((result) => ({
      figure: `growth from 660 to ${result.size.toLocaleString('en')} notes`,
      value: result.ms,
      unit: 'ms',
      baselineName: 'the same at 660 notes',
      baseline: first,
      budget: `≤ ${GROWTH_BUDGET}× the 660-note figure`,
      withinBudget: result.ms / first <= GROWTH_BUDGET,
    })),
  ]);
}, 900_000);
