/**
 * Chromium, as the other browser tests drive it: Debian's /usr/bin/chromium over CDP through
 * playwright-core, started as a plain child in its own process group so the crash drill can SIGKILL
 * all of it and start it again on the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchOwnChromium, type OwnChromium } from '../interviewSeed';
import { LAPTOP, missingChromium } from '../support';
import { makeDriver } from './makeDriver';
import type { BrowserDriver, Viewport } from './types';

export async function launchChromiumDriver(options: { viewport?: Viewport; extraArgs?: readonly string[] } = {}): Promise<BrowserDriver> {
  const missing = missingChromium();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'mmdma-e2e-chromium-'));
  let viewport = options.viewport ?? LAPTOP;
  let browser: OwnChromium;
  let page: Page;
  const open = async () => {
    browser = await launchOwnChromium(profile, options.extraArgs ?? []);
    page = await browser.context.newPage();
    await page.setViewportSize(viewport);
  };
  try {
    await open();
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return makeDriver({
    engine: 'chromium',
    version: `Chromium ${browser!.browser.version()}`,
    run: (source, arg) => page.evaluate(`(${source})(${JSON.stringify(arg)})`),
    runExpression: (expression) => page.evaluate(expression),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    back: async () => {
      // A page restored from the back/forward cache fires no load event: wait for the commit only.
      await page.goBack({ waitUntil: 'commit' });
    },
    url: async () => page.url(),
    clickSelector: (selector) => page.click(selector),
    typeText: (text) => page.keyboard.type(text),
    pressKeys: (modifiers, key) => page.keyboard.press([...modifiers, key].join('+')),
    // The file's path, not its bytes: over connectOverCDP Playwright counts the browser as remote and
    // sends the whole file through the protocol (18 s for 20 MB); CDP's DOM.setFileInputFiles hands
    // Chromium the path (0.3 s), and Chromium fires input and change as a picker would.
    upload: async (selector, path) => {
      const session = await page.context().newCDPSession(page);
      try {
        const { result } = await session.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
        if (result.subtype !== 'node' || result.objectId === undefined) throw new Error(`chromium: no element ${selector} to upload into`);
        await session.send('DOM.setFileInputFiles', { files: [path], objectId: result.objectId });
      } finally {
        await session.detach().catch(() => undefined);
      }
    },
    setViewport: async (next) => {
      viewport = next;
      await page.setViewportSize(next);
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    crashAndRestart: async (url) => {
      await browser.kill();
      await open();
      await page.goto(url);
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  });
}
