/**
 * Issue 11 in a real browser (Debian's Chromium, fresh profile, production build): a new user opens
 * the Armenia 2022 example from the assessments screen and lands on its report; Table 3 and Table 4
 * show the experts' levels; Chromium prints the report to PDF and pdftotext (poppler-utils, a reader
 * nobody here wrote) finds the table rows, the running title and the page numbers; the charts pass
 * axe with no violations at all; a narrative written in place is saved and survives a reload.
 *
 * Screenshots of the report, its charts and the dashboard at 768×1024 and 1366×768 in English,
 * Armenian and Russian land in test-results/ for review.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/armenia-2022.json';
import { appPerFile, LAPTOP, recordErrors, RESULTS_DIR, seriousAxeViolations, TABLET } from './support';

const SETUP_TIMEOUT_MS = 240_000;
const app = appPerFile({ timeoutMs: SETUP_TIMEOUT_MS });
const OUT = join(RESULTS_DIR, 'report');
mkdirSync(OUT, { recursive: true });
let reportUrl = '';

async function openExample(): Promise<{ page: Page; errors: string[] }> {
  const { context, baseUrl } = app();
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.setViewportSize(LAPTOP);
  if (reportUrl !== '') {
    await page.goto(reportUrl);
  } else {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Open the Armenia 2022 example' }).click();
    await page.waitForURL(/#\/a\/[^/]+\/report$/, { timeout: 30_000 });
    reportUrl = page.url();
  }
  await page.locator('#table-3').waitFor({ timeout: 30_000 });
  return { page, errors };
}

const rowsOf = (page: Page, tableId: string) =>
  page.locator(`#${tableId} tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );

describe('the report of the Armenia example', () => {
  it('opens from the assessments screen with Table 3 and Table 4 at the experts’ levels', async () => {
    const { page, errors } = await openExample();
    const levels = ['Emerging', 'Developing', 'Established', 'Advanced'];
    const table3 = await rowsOf(page, 'table-3');
    expect(table3).toHaveLength(10);
    reference.pillarLevels.forEach((expected, n) => {
      const column = levels.findIndex((name) => name.toLowerCase() === expected.level) + 1;
      expect(table3[n]![column], `${table3[n]![0]}`).toMatch(/^✓/);
    });
    const table4 = (await rowsOf(page, 'table-4')).filter((cells) => cells.slice(1).some((cell) => cell !== ''));
    expect(table4).toHaveLength(24);
    expect(await page.locator('a.level').count()).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('prints to a PDF whose text holds the table rows, the running title and page numbers', async () => {
    const { page } = await openExample();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    const pdfPath = join(OUT, 'armenia-example-report.pdf');
    writeFileSync(pdfPath, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Table 3. Overall digital maturity per pillar');
    for (const row of ['1. Strategic planning', '5. Data management, secure data exchange', '10. International cooperation']) {
      expect(text).toMatch(new RegExp(`${row.replace(/[.]/g, '\\.')}\\s+✓\\s*Developing`));
    }
    expect(text).toContain('Table 4. Digital maturity by sub-topic: Migration management');
    expect(text).toMatch(/Page 1 \/ \d+/);
    expect(text).toMatch(/Page (\d+) \/ \1/);
    expect(text).toContain('Migration Management Digital Maturity Assessment Report: Armenia — Example: Armenia 2022');
    // No navigation chrome in print.
    expect(text).not.toContain('Skip to main content');
    expect(text).not.toMatch(/Download DOCX|Print or save as PDF/);
    await page.close();
  }, 120_000);

  it('draws charts that pass axe with no violations, each with a title, a description and a data table', async () => {
    const { page } = await openExample();
    const figures = page.locator('.report-figure');
    expect(await figures.count()).toBe(3);
    for (const figure of await figures.all()) {
      expect(await figure.locator('svg title').count()).toBe(1);
      expect(await figure.locator('svg desc').count()).toBe(1);
      expect(await figure.locator('table caption').count()).toBe(1);
    }
    // Evaluated over the DevTools protocol: the app's CSP forbids an inline <script>.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const found: string[] = [];
      for (const figure of document.querySelectorAll('.report-figure')) {
        const { violations } = await run(figure, { resultTypes: ['violations'] });
        for (const v of violations) found.push(`${v.impact} ${v.id}: ${v.help}`);
      }
      return found;
    });
    expect(violations).toEqual([]);
    await figures.first().screenshot({ path: join(OUT, 'chart-radar.png') });
    await figures.nth(1).screenshot({ path: join(OUT, 'chart-heatmap.png') });
    await figures.nth(2).screenshot({ path: join(OUT, 'chart-spread.png') });
    await page.close();
  }, 120_000);

  it('saves the prose written in place, through the record writer, across a reload', async () => {
    const { page } = await openExample();
    await page.getByRole('button', { name: 'Write: Executive summary' }).click();
    const field = page.getByLabel('Writing: Executive summary');
    await field.fill('The example shows the report the team hands to the client.');
    await field.blur();
    await page.getByRole('button', { name: 'Done' }).click();
    // Written before the reload: a frame after the edit (which scheduled its write), the header's
    // indicator says every change is stored. It used to sleep 500 ms.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await expect.poll(() => page.locator('.app-header .save-indicator').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.reload();
    await page.locator('#table-3').waitFor();
    await expect.poll(() => page.locator('[data-narrative="executive-summary"] .narrative').textContent()).toBe('The example shows the report the team hands to the client.');
    await page.close();
  }, 120_000);

  it('saves screenshots of the report and the dashboard at both sizes in three languages', async () => {
    const { page } = await openExample();
    const dashboardUrl = reportUrl.replace(/\/report$/, '/dashboard');
    for (const language of ['en', 'hy', 'ru'] as const) {
      await page.evaluate((lang) => localStorage.setItem('mmdma.language', lang), language);
      for (const [name, size] of [['laptop', LAPTOP], ['tablet', TABLET]] as const) {
        await page.setViewportSize(size);
        await page.goto(reportUrl);
        await page.reload();
        await page.locator('#table-3').waitFor();
        await page.screenshot({ path: join(OUT, `report-${language}-${name}.png`) });
        await page.goto(dashboardUrl);
        await page.locator('.dash-pillar-table').waitFor();
        await page.screenshot({ path: join(OUT, `dashboard-${language}-${name}.png`) });
        // The radar and the pillar strip are readable without scrolling.
        for (const selector of ['.dash-radar svg', '.dash-strip']) {
          const box = await page.locator(selector).boundingBox();
          expect(box, `${selector} ${language} ${name}`).not.toBeNull();
          expect(box!.y + box!.height, `${selector} ${language} ${name}`).toBeLessThanOrEqual(size.height);
        }
        expect(await seriousAxeViolations(page, '.dash-glance')).toEqual([]);
      }
    }
    await page.close();
  }, 240_000);
});
