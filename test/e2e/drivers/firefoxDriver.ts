/**
 * Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core: no driver and no browser is
 * downloaded (puppeteer-core never downloads; the executable is the system's). Each launch gets a
 * fresh profile directory; the crash drill SIGKILLs Firefox's whole process group and starts it again
 * on that profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { LAPTOP } from '../support';
import { makeDriver } from './makeDriver';
import { gone, killQuietly } from './processTree';
import type { BrowserDriver, Viewport } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function missingFirefox(): string | undefined {
  if (existsSync(FIREFOX_PATH)) return undefined;
  return `Firefox ESR is not installed at ${FIREFOX_PATH}. The browser tests drive the system's Firefox and never download one: apt-get install -y firefox-esr.`;
}

const MODIFIERS: Record<string, 'Alt' | 'Control' | 'Shift' | 'Meta'> = { Alt: 'Alt', Control: 'Control', Ctrl: 'Control', Shift: 'Shift', Meta: 'Meta' };

export async function launchFirefoxDriver(options: { viewport?: Viewport; prefs?: Record<string, unknown> } = {}): Promise<BrowserDriver> {
  const missing = missingFirefox();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'mmdma-e2e-firefox-'));
  let viewport = options.viewport ?? LAPTOP;
  let browser: Browser;
  let page: Page;
  const open = async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      // Firefox's first-run pages and update checks are noise here.
      extraPrefsFirefox: {
        'browser.shell.checkDefaultBrowser': false,
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        ...options.prefs,
      },
    });
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(viewport);
  };
  try {
    await open();
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const killAll = async () => {
    const pid = browser.process()?.pid;
    if (pid === undefined) throw new Error('Firefox has no process to kill');
    // The launcher starts Firefox in its own process group: the content processes die with it.
    killQuietly(-pid);
    killQuietly(pid);
    await gone(pid);
    browser.disconnect().catch(() => undefined);
  };
  return makeDriver({
    engine: 'firefox',
    version: await browser!.version(),
    run: async <R>(source: string, arg: unknown) => (await page.evaluate(`(${source})(${JSON.stringify(arg)})`)) as R,
    runExpression: async <R>(expression: string) => (await page.evaluate(expression)) as R,
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    back: async () => {
      // page.goBack() waits for a load that a same-document entry (a hash route) never fires.
      await page.evaluate('history.back()');
    },
    url: async () => page.url(),
    clickSelector: (selector) => page.click(selector),
    typeText: (text) => page.keyboard.type(text),
    pressKeys: async (modifiers, key) => {
      const held = modifiers.map((name) => {
        const modifier = MODIFIERS[name];
        if (!modifier) throw new Error(`unknown modifier ${name}`);
        return modifier;
      });
      for (const modifier of held) await page.keyboard.down(modifier);
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
      for (const modifier of held.reverse()) await page.keyboard.up(modifier);
    },
    upload: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`firefox: no ${selector} to upload into`);
      await (input as unknown as { uploadFile: (file: string) => Promise<void> }).uploadFile(path);
    },
    setViewport: async (next) => {
      viewport = next;
      await page.setViewport(next);
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    crashAndRestart: async (url) => {
      await killAll();
      await open();
      await page.goto(url);
    },
    close: async () => {
      await browser.close().catch(async () => killAll());
      rmSync(profile, { recursive: true, force: true });
    },
  });
}
