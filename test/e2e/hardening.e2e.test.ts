/**
 * Issue 8 in real Chromium, against the production build served by `vite preview` on 127.0.0.1:
 *
 * - the app is served with the security headers of src/core/security/securityHeaders.ts, and the
 *   built index.html carries the same content security policy as a <meta>;
 * - a bundle file with an SVG "photo" carrying script (test/fixtures/bundles/hostile-svg.mmdma.zip)
 *   is imported through the import screen; on the interview screen the SVG is offered only as a
 *   download, typed application/octet-stream, never as an image or a page: clicking it downloads,
 *   opening its URL in a tab renders nothing, and no script of it ever runs (no title change, no
 *   IndexedDB database, no localStorage mark);
 * - walking every screen reports no CSP violation and no console error;
 * - a framework file with 100,000 mistakes is checked in a worker: the settings screen answers while
 *   it is being checked, then lists the first 100 problems and counts the rest.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import enExchange from '../../locales/en/exchange.json';
import { CSP_META_VALUE, SECURITY_HEADERS } from '../../src/core/security/securityHeaders';
import { appPerFile, recordErrors, ROOT, type AppInBrowser } from './support';

const SETUP_TIMEOUT_MS = 240_000;
const HOSTILE_SVG_BUNDLE = join(ROOT, 'test/fixtures/bundles/hostile-svg.mmdma.zip');
const ASSESSMENT_ID = '01900000-0000-7000-8000-000000000001';
const INTERVIEW_ID = '01900000-0000-7000-8000-000000000011';

const app = appPerFile({ timeoutMs: SETUP_TIMEOUT_MS, setUp });

async function setUp({ context }: AppInBrowser): Promise<void> {
  await context.addInitScript(() => {
    localStorage.setItem('mmdma.language', 'en');
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Whether any script of the SVG ran in this origin: its marks in the title, IndexedDB, localStorage. */
async function svgMarks(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const marks: string[] = [];
    if (/PWNED/.test(document.title)) marks.push(`title: ${document.title}`);
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    for (const name of names) if (name.startsWith('pwned')) marks.push(`IndexedDB database ${name}`);
    if (localStorage.getItem('pwned-by-svg') !== null) marks.push('localStorage mark');
    return marks;
  });
}

describe('the served app', () => {
  it('comes with the security headers, and its index.html with the same policy as a <meta>', async () => {
    const { baseUrl, context } = app();
    const response = await fetch(baseUrl);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(self\), microphone=\(self\)/);
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CSP_META_VALUE);
      // The policy is really in force: an inline script added now does not run.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
      });
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan === true)).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe('a hostile SVG attachment from an imported bundle', () => {
  it('is offered only as a download and runs no script, however it is opened', async () => {
    const { baseUrl, context } = app();
    const page = await context.newPage();
    const errors = recordErrors(page);
    try {
      await page.goto(`${baseUrl}#/import`);
      await page.locator('.xc-standalone .xc-import input[type="file"]').waitFor({ timeout: 30_000 });
      await page.locator('.xc-import input[type="file"]').setInputFiles(HOSTILE_SVG_BUNDLE);
      await page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: enExchange.preview.import, exact: true }).click();
      await page.locator('.xc-report h4').waitFor({ timeout: 30_000 });

      await page.goto(`${baseUrl}#/a/${ASSESSMENT_ID}/interviews/${INTERVIEW_ID}`);
      const chip = page.locator('li.attachment', { hasText: 'org-chart.svg' });
      await chip.waitFor({ timeout: 30_000 });
      const link = chip.getByRole('link', { name: 'org-chart.svg' });
      await link.waitFor({ timeout: 10_000 });
      // A file chip, not a thumbnail: no <img> shows it, the link downloads.
      expect(await chip.locator('img').count()).toBe(0);
      expect(await chip.getAttribute('class')).toMatch(/attachment-file/);
      expect(await link.getAttribute('download')).toBe('org-chart.svg');
      expect(await link.getAttribute('target')).toBeNull();
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^blob:/);

      // Clicking downloads; no page opens.
      const pagesBefore = context.pages().length;
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), link.click()]);
      expect(download.suggestedFilename()).toBe('org-chart.svg');
      expect(await download.failure()).toBeNull();
      expect(context.pages().length).toBe(pagesBefore);

      // Opening the URL itself in a tab (what "open in new tab" does) renders nothing either.
      const tab = await context.newPage();
      const navigation = await tab.goto(href).then(
        () => 'rendered',
        (error: unknown) => (error instanceof Error && /Download is starting|net::ERR_ABORTED/.test(error.message) ? 'download' : String(error)),
      );
      expect(navigation).toBe('download');
      await tab.close();

      await page.waitForTimeout(500);
      expect(await svgMarks(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('every screen', () => {
  it('runs under the content security policy without a single violation', async () => {
    const { baseUrl, context } = app();
    const page = await context.newPage();
    const errors = recordErrors(page);
    const consoleCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) consoleCsp.push(message.text());
    });
    try {
      const screens = [
        '#/',
        '#/settings',
        '#/framework',
        '#/import',
        `#/a/${ASSESSMENT_ID}/dashboard`,
        `#/a/${ASSESSMENT_ID}/setup`,
        `#/a/${ASSESSMENT_ID}/interviews`,
        `#/a/${ASSESSMENT_ID}/interviews/${INTERVIEW_ID}`,
        `#/a/${ASSESSMENT_ID}/rating`,
        `#/a/${ASSESSMENT_ID}/findings`,
        `#/a/${ASSESSMENT_ID}/exchange`,
      ];
      await page.goto(baseUrl);
      const visited: string[] = [];
      for (const hash of screens) {
        await page.evaluate((target) => {
          location.hash = target;
        }, hash);
        await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(400);
        visited.push(`${hash}: ${(await page.locator('main h1, main h2').first().innerText()).trim()}`);
      }
      // A full reload of the deepest screen too: the first paint runs under the policy as well.
      await page.reload();
      await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
      expect(visited).toHaveLength(screens.length);
      expect(await violations(page)).toEqual([]);
      expect(consoleCsp).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('a team that requires encrypted bundles', () => {
  it('has a plain bundle refused on import, with a message saying why, and nothing written', async () => {
    const { baseUrl, context } = app();
    const page = await context.newPage();
    const errors = recordErrors(page);
    try {
      await page.goto(`${baseUrl}#/settings`);
      const rule = page.getByLabel('Our team requires encrypted bundles');
      await rule.waitFor({ timeout: 30_000 });
      await rule.check();
      await page.goto(`${baseUrl}#/import`);
      await page.locator('.xc-standalone .xc-import input[type="file"]').waitFor({ timeout: 30_000 });
      const before = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name).sort());
      await page.locator('.xc-import input[type="file"]').setInputFiles(join(ROOT, 'test/fixtures/bundles/valid-b.mmdma.zip'));
      const refusal = page.locator('.xc-refusal[data-code="encryption-required"]');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.locator('.xc-refusal-message').innerText()).toBe(enExchange.problem['encryption-required']);
      expect(await page.locator('.xc-preview').count()).toBe(0);
      expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name).sort())).toEqual(before);
      // Turned off again, the same file gets as far as the preview.
      await page.goto(`${baseUrl}#/settings`);
      await page.getByLabel('Our team requires encrypted bundles').uncheck();
      await page.goto(`${baseUrl}#/import`);
      await page.locator('.xc-standalone .xc-import input[type="file"]').setInputFiles(join(ROOT, 'test/fixtures/bundles/valid-b.mmdma.zip'));
      await page.locator('.xc-preview h4').waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('a framework file with 100,000 mistakes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mmdma-framework-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is checked without freezing the settings screen, which lists the first problems and counts the rest', async () => {
    const { baseUrl, context } = app();
    // The built-in framework with 50,000 broken indicators in one sub-topic: two mistakes each.
    const framework = JSON.parse(readFileSync(join(ROOT, 'frameworks/mmdma-v1.json'), 'utf8')) as { id: string; pillars: Array<{ subTopics: Array<{ indicators: unknown[] }> }> };
    framework.id = 'huge-broken';
    framework.pillars[0]!.subTopics[0]!.indicators = Array.from({ length: 50_000 }, (_, i) => ({ id: `Bad Id ${i}`, code: 5, label: { en: 'x' }, descriptors: { shared: {} } }));
    const path = join(dir, 'huge-broken.json');
    writeFileSync(path, JSON.stringify(framework));

    const page = await context.newPage();
    const errors = recordErrors(page);
    try {
      await page.goto(`${baseUrl}#/settings`);
      const input = page.getByLabel('Framework file (JSON)');
      await input.waitFor({ timeout: 30_000 });
      await input.setInputFiles(path);
      // While the worker checks, the page still answers and says what it is doing.
      const whileChecking = await page.evaluate(() => document.querySelector('.frameworks-section')?.textContent ?? '');
      expect(whileChecking).toContain('Checking huge-broken.json');
      await page.locator('.problem-list').waitFor({ timeout: 120_000 });
      expect(await page.locator('.problem-list li').count()).toBe(100);
      const heading = (await page.locator('.import-problems h3').innerText()).replace(/\s+/g, ' ');
      const total = Number(/([\d,]+) problems to fix/.exec(heading)?.[1]?.replace(/,/g, ''));
      expect(total).toBeGreaterThanOrEqual(100_000);
      expect(await page.locator('.problem-more').innerText()).toContain(`and ${(total - 100).toLocaleString('en')} more problems`);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
