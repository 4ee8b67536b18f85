/** Small helpers for assertions on a live page. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Collects console errors and uncaught exceptions of a page from now on. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // "Failed to load resource" names no resource in its text; the location says which.
    const { url } = message.location();
    errors.push(`console: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/** Polls until `read` returns `expected` (renders after an input are a frame or two behind). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  expect(actual).toBe(expected);
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each; with `within`
 * (a selector), only in that part of the page (a screen whose surroundings have their own tests),
 * and a critical line of its own when that part is not on the page at all.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<string[]> {
  return (await axeViolations(page, within)).filter((line) => line.startsWith('serious ') || line.startsWith('critical '));
}

/**
 * Every axe-core violation on the page as it is now, whatever its impact (minor and moderate ones
 * too: a repeated landmark name is "moderate" and still confuses a screen-reader user), one line
 * each, as "<impact> <rule>: <help> @ <targets>".
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated over the DevTools protocol, not added as an inline <script>: the app's CSP forbids those.
  // Half a megabyte of source to send and compile: only once per document (a screen reached by its
  // link, without a reload, still has it), the same axe and the same rules every time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const root = selector === null ? document : document.querySelector(selector);
    if (!root) return [{ id: 'no-root', impact: 'critical', help: `${selector} is not on the page`, targets: [] as string[] }];
    const { violations } = await run(root, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, within ?? null);
  return results.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} @ ${violation.targets.join(', ')}`);
}
