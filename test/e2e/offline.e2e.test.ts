/**
 * Offline and updates in a real browser (Debian's Chromium, fresh profile each time) against the
 * production build served by `vite preview` on 127.0.0.1:
 *
 * - one online visit installs the service worker; then, with the browser offline AND the server
 *   stopped, the app reloads, opens deep links and works;
 * - the web app manifest is linked, valid for Chromium, and its icons load;
 * - a second build served on the same origin is found, announced, and waits: nothing reloads until
 *   "Update now", which then loads the new version.
 *
 * The lifecycle rules themselves ("save, then switch, then reload") are also checked against a fake
 * Workbox at the end, where ordering can be observed exactly.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enExplorer from '../../locales/en/explorer.json';
import enPwa from '../../locales/en/pwa.json';
import hyPwa from '../../locales/hy/pwa.json';
import ruExplorer from '../../locales/ru/explorer.json';
import ruPwa from '../../locales/ru/pwa.json';
import { createServiceWorkerBridge, type BridgeEnvironment, type WorkboxLifecycleLike, type WorkboxLike } from '../../src/pwa/registerServiceWorker';
import { builtinMmdma } from '../support/builtinFrameworks';
import {
  buildApp,
  checkForServiceWorkerUpdate,
  eventually,
  hasWaitingServiceWorker,
  LAPTOP,
  launchChromium,
  missingChromium,
  recordErrors,
  RESULTS_DIR,
  serveApp,
  seriousAxeViolations,
  TABLET,
  waitForServiceWorkerControl,
  type BuiltApp,
  type LaunchedChromium,
  type ServedApp,
} from './support';

const SETUP_TIMEOUT_MS = 180_000;
const LANGUAGE_KEY = 'mmdma.language';
/** How long the page is watched, after the update is announced, for a reload nobody asked for. */
const NO_RELOAD_WATCH_MS = 3_000;
/**
 * Where the framework explorer lives: its hash route in the app shell (a lazily loaded screen, so
 * loading it offline also proves lazy chunks are precached). The app before the shell ignores the hash.
 */
const EXPLORER_PATH = '/#/framework';
const THEME_COLOR = '#0b3a5b';
const BACKGROUND_COLOR = '#f3f5f8';

/** The second version differs in its HTML (a meta tag) and in its entry JavaScript (a data attribute). */
const SECOND_VERSION = 'e2e-v2';
const secondVersion: Plugin = {
  name: 'mmdma-e2e-second-version',
  transformIndexHtml: (html) => html.replace('</head>', `  <meta name="mmdma-build" content="${SECOND_VERSION}" />\n  </head>`),
  transform(code, id) {
    if (!id.endsWith('/src/main.tsx')) return null;
    return { code: `${code}\ndocument.documentElement.dataset.build = ${JSON.stringify(SECOND_VERSION)};\n`, map: null };
  },
};

const { framework } = builtinMmdma();

let missingBrowser: string | undefined;
let first: BuiltApp | undefined;
let second: BuiltApp | undefined;

beforeAll(async () => {
  // Not thrown: a failing beforeAll reports its tests as "skipped". Each browser test fails instead.
  missingBrowser = missingChromium();
  if (missingBrowser) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  first = await buildApp();
  second = await buildApp({ plugins: [secondVersion] });
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  first?.remove();
  second?.remove();
});

function builds(): { first: BuiltApp; second: BuiltApp } {
  if (missingBrowser) throw new Error(missingBrowser);
  if (!first || !second) throw new Error('the builds did not finish (see beforeAll)');
  return { first, second };
}

const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim() ?? '';
const explorerUrl = (server: ServedApp) => new URL(EXPLORER_PATH, server.url).href;
const pillarButtons = (page: Page) => page.locator('button[data-pillar-id]');
const statusRegion = (page: Page) => page.locator('[role="status"].pwa-status');
const appBuild = (page: Page) => page.evaluate(() => document.documentElement.dataset.build ?? 'first');
const buildMeta = (page: Page) => page.evaluate(() => document.querySelector('meta[name="mmdma-build"]')?.getAttribute('content') ?? null);

/** Every file of a build the service worker must serve offline: all but source maps and the worker's own scripts. */
function filesToPrecache(outDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(outDir, path).split('\\').join('/')];
    });
  return walk(outDir)
    .filter((file) => !file.endsWith('.map') && file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file))
    .sort();
}

describe('offline: after one online visit', () => {
  let browser: LaunchedChromium | undefined;
  let server: ServedApp | undefined;

  beforeAll(async () => {
    if (missingBrowser) return;
    server = await serveApp(builds().first.outDir);
    browser = await launchChromium({ viewport: LAPTOP });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = () => {
    if (missingBrowser) throw new Error(missingBrowser);
    if (!browser || !server) throw new Error('the browser or server did not start (see beforeAll)');
    return { context: browser.context, server };
  };

  it('installs on the first visit, says it is ready offline, and precaches every file but source maps', async () => {
    const { context, server } = started();
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(server.url);
    // No reload needed: the first install claims the page.
    await waitForServiceWorkerControl(page);
    const toast = statusRegion(page).locator('.pwa-offline-ready');
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toContain(enPwa.offlineReady.message);
    await toast.getByRole('button', { name: enPwa.offlineReady.dismiss }).click();
    await eventually(() => toast.count(), 0);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname.slice(1));
      }
      return urls.sort();
    });
    const expected = filesToPrecache(builds().first.outDir);
    expect(expected.some((file) => /^assets\/.+\.js$/.test(file))).toBe(true);
    // The lazily imported workbox-window chunk is one of the build's JS files; all must be cached.
    expect(expected.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(1);
    expect(cached).toEqual(expect.arrayContaining(expected));
    expect(cached.filter((url) => url.endsWith('.map'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a web app manifest that Chromium accepts, with icons that load at their stated sizes', async () => {
    const { context, server } = started();
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(server.url);
    await page.locator('h1').waitFor();

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await page.request.get(new URL(href ?? '', server.url).href);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest).toMatchObject({
      id: '/',
      name: 'MMDMA Field',
      short_name: 'MMDMA Field',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      lang: 'en',
    });
    expect(String(manifest.description)).toMatch(/Migration Management Digital Maturity Assessment/);
    expect(manifest.categories).toEqual(expect.arrayContaining(['productivity']));
    // The browser chrome and the installed app agree on the colour.
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(THEME_COLOR);

    const icons = manifest.icons;
    const purposes = (icon: { purpose?: string }) => (icon.purpose ?? 'any').split(/\s+/);
    const pngAnyOf = (size: string) => icons.some((icon) => icon.sizes === size && icon.type === 'image/png' && purposes(icon).includes('any'));
    expect(pngAnyOf('192x192')).toBe(true);
    expect(pngAnyOf('512x512')).toBe(true);
    expect(icons.some((icon) => icon.type === 'image/png' && purposes(icon).includes('maskable'))).toBe(true);
    const appleTouchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const iconChecks = [...icons, { src: appleTouchIcon ?? '(missing)', sizes: '180x180', type: 'image/png' }];
    for (const icon of iconChecks) {
      // Decoded by the browser itself: a PNG that is really a PNG of the size the manifest states.
      const decoded = await page.evaluate(async (src) => {
        const reply = await fetch(src);
        const blob = await reply.blob();
        if (!reply.ok) return { status: reply.status, type: blob.type, width: 0, height: 0 };
        if (blob.type === 'image/svg+xml') return { status: reply.status, type: blob.type, width: -1, height: -1 };
        const bitmap = await createImageBitmap(blob);
        return { status: reply.status, type: blob.type, width: bitmap.width, height: bitmap.height };
      }, icon.src);
      expect(decoded.status, icon.src).toBe(200);
      expect(decoded.type, icon.src).toBe(icon.type);
      if (icon.type === 'image/png') expect(`${decoded.width}x${decoded.height}`, icon.src).toBe(icon.sizes);
    }

    // Chromium's own reading of the manifest and its installability verdict.
    await waitForServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string; critical: number }[] };
    expect(parsed.url).toBe(new URL('/manifest.webmanifest', server.url).href);
    expect(parsed.errors).toEqual([]);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installability.installabilityErrors.map((error) => error.errorId)).toEqual([]);
    await cdp.detach();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts on one strings chunk, and fetches the service worker code only once the first screen is shown', async () => {
    const { context, server } = started();
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('h1')) return;
        (window as unknown as Record<string, number>)['__firstScreenAt'] = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(explorerUrl(server));
    await waitForServiceWorkerControl(page);
    await page.reload();
    await page.locator('h1').waitFor();
    const loaded = () =>
      page.evaluate(() => ({
        firstScreenAt: (window as unknown as Record<string, number>)['__firstScreenAt'] ?? NaN,
        files: performance.getEntriesByType('resource').map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime })),
      }));
    await eventually(async () => (await loaded()).files.some((file) => file.path.includes('workbox-window')), true);
    const { firstScreenAt, files } = await loaded();
    // The language is one chunk (src/i18n/strings/<lang>.ts), not a file per namespace.
    expect(files.filter((file) => /^\/assets\/(en|hy|ru)-[\w-]+\.js$/.test(file.path)).map((file) => file.path.slice('/assets/'.length, '/assets/xx'.length))).toEqual(['en']);
    expect(files.filter((file) => /^\/assets\/(shell|assessments|pwa|explorer|interview|notes|rating|dashboard|settings|setup|sync|exchange|findings)-[\w-]+\.js$/.test(file.path))).toEqual([]);
    // Registering the worker is not the first screen's work: its code is asked for after that screen is there.
    const workboxWindow = files.find((file) => file.path.includes('workbox-window'));
    expect(firstScreenAt).toBeGreaterThan(0);
    expect(workboxWindow?.startTime).toBeGreaterThanOrEqual(firstScreenAt);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloads, opens a deep link and works with the network off and the server stopped', async () => {
    const { context, server } = started();
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(explorerUrl(server));
    await waitForServiceWorkerControl(page);
    const appUrl = server.url;

    await context.setOffline(true);
    await server.close();
    // The network really is gone: a request the worker does not answer fails (and logs that
    // failure, the one console error this test expects).
    const probe = `not-in-the-app-${Date.now()}.json`;
    expect(await page.evaluate((path) => fetch(`/${path}`).then(() => 'answered', () => 'failed'), probe)).toBe('failed');
    await eventually(() => Promise.resolve(errors.filter((error) => error.includes(probe)).length), 1);
    errors.splice(0, errors.length, ...errors.filter((error) => !error.includes(probe)));

    await page.reload();
    const pillars = pillarButtons(page);
    await pillars.first().waitFor();
    expect(await h1(page)).toBe(enExplorer.title);
    expect(await pillars.count()).toBe(framework.pillars.length);
    expect(await pillars.first().getAttribute('aria-current')).toBe('true');
    const target = framework.pillars[4];
    if (!target) throw new Error('the framework has fewer than five pillars');
    await page.locator(`button[data-pillar-id="${target.id}"]`).click();
    await eventually(() => page.locator(`button[data-pillar-id="${target.id}"]`).getAttribute('aria-current'), 'true');
    expect(await page.locator('main h2').first().textContent()).toContain(target.name.en);
    // Every language is bundled, so switching works offline too.
    await page.getByLabel(enCommon.language.label).selectOption('ru');
    await eventually(() => h1(page), ruExplorer.title);

    // A deep link in a new tab: the navigation fallback serves the app shell.
    const deep = await context.newPage();
    const deepErrors = recordErrors(deep);
    await deep.goto(new URL(`some/deep/path?from=bookmark${EXPLORER_PATH.replace(/^\//, '')}`, appUrl).href);
    await pillarButtons(deep).first().waitFor();
    expect(await pillarButtons(deep).count()).toBe(framework.pillars.length);

    expect([...errors, ...deepErrors]).toEqual([]);
    await deep.close();
    await page.close();
    await context.setOffline(false);
  });
});

describe('update: a new version waits for the user', () => {
  let browser: LaunchedChromium | undefined;
  let server: ServedApp | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('announces the new version, never reloads by itself, and loads it on "Update now"', async () => {
    const { first, second } = builds();
    server = await serveApp(first.outDir);
    browser = await launchChromium({ viewport: LAPTOP });
    const page = await browser.context.newPage();
    const errors = recordErrors(page);
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    // First visit: installs, and says once that the app is ready offline.
    await page.goto(explorerUrl(server));
    await waitForServiceWorkerControl(page);
    await eventually(async () => (await statusRegion(page).textContent())?.includes(enPwa.offlineReady.message) ?? false, true, 15_000);
    // A returning visit, controlled from the start: no offline toast again.
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await statusRegion(page).textContent()).toBe('');
    expect(await appBuild(page)).toBe('first');

    // The second version goes live on the same origin; the browser checks for it.
    const port = server.port;
    await server.close();
    server = await serveApp(second.outDir, { port });
    await page.evaluate(() => {
      (window as unknown as { unsavedNote: string }).unsavedNote = 'typed but not saved';
    });
    navigations = 0;
    await checkForServiceWorkerUpdate(page);

    const banner = statusRegion(page).locator('.pwa-update');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain(enPwa.update.message);
    const updateNow = banner.getByRole('button', { name: enPwa.update.apply });
    const later = banner.getByRole('button', { name: enPwa.update.later });
    expect(await updateNow.isVisible()).toBe(true);
    expect(await later.isVisible()).toBe(true);
    // Non-modal: the banner does not take focus from whatever the user is doing.
    expect(await page.evaluate(() => document.querySelector('.pwa-status')?.contains(document.activeElement) ?? false)).toBe(false);

    // Nothing happens on its own: same document, same version, the new worker still waiting.
    await page.waitForTimeout(NO_RELOAD_WATCH_MS);
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { unsavedNote?: string }).unsavedNote)).toBe('typed but not saved');
    expect(await appBuild(page)).toBe('first');
    expect(await hasWaitingServiceWorker(page)).toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'update-banner-en-1366x768.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // "Later" hides the banner and still does not reload.
    await later.click();
    await eventually(() => banner.count(), 0);
    await page.waitForTimeout(500);
    expect(navigations).toBe(0);
    expect(await hasWaitingServiceWorker(page)).toBe(true);

    // A reload keeps the old version (the new one is still waiting) and offers the update again,
    // in the interface language: screenshots in Armenian (tablet) and Russian for layout review.
    for (const [language, strings, viewport] of [
      ['hy', hyPwa, TABLET],
      ['ru', ruPwa, LAPTOP],
      ['en', enPwa, LAPTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
      await page.reload();
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toContain(strings.update.message);
      expect(await appBuild(page)).toBe('first');
      if (language !== 'en') await page.screenshot({ path: join(RESULTS_DIR, `update-banner-${language}-${viewport.width}x${viewport.height}.png`) });
    }
    expect(await buildMeta(page)).toBeNull();

    // "Update now": the page reloads once, into the second version.
    const loaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: enPwa.update.apply }).click();
    await loaded;
    await pillarButtons(page).first().waitFor();
    await eventually(() => appBuild(page), SECOND_VERSION);
    expect(await buildMeta(page)).toBe(SECOND_VERSION);
    expect(await page.evaluate(() => (window as unknown as { unsavedNote?: string }).unsavedNote)).toBeUndefined();
    expect(await hasWaitingServiceWorker(page)).toBe(false);
    expect(await statusRegion(page).locator('.pwa-update').count()).toBe(0);
    expect(await h1(page)).toBe(enExplorer.title);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('update bridge rules (fake Workbox, no browser)', () => {
  type Listener = (event: WorkboxLifecycleLike) => void;

  function fakeWorkbox() {
    const listeners = new Map<string, Listener[]>();
    const log: string[] = [];
    const workbox: WorkboxLike = {
      addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      messageSkipWaiting: () => log.push('SKIP_WAITING'),
    };
    const emit = (type: 'waiting' | 'activated' | 'controlling', event: WorkboxLifecycleLike = {}) => {
      for (const listener of listeners.get(type) ?? []) listener(event);
    };
    return { workbox, emit, log };
  }

  function environment(log: string[], overrides: Partial<BridgeEnvironment> = {}): BridgeEnvironment {
    return {
      flushPendingWrites: async () => {
        log.push('flush');
      },
      isControlled: () => true,
      hasWaitingWorker: async () => true,
      reload: () => log.push('reload'),
      ...overrides,
    };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('saves pending input before SKIP_WAITING, and reloads once, only when the new version controls the page', async () => {
    const { workbox, emit, log } = fakeWorkbox();
    let finishFlush: () => void = () => {};
    const bridge = createServiceWorkerBridge(
      Promise.resolve(workbox),
      environment(log, {
        flushPendingWrites: () =>
          new Promise<void>((resolve) => {
            log.push('flush started');
            finishFlush = () => {
              log.push('flush done');
              resolve();
            };
          }),
      }),
    );
    await settle();
    expect(bridge.needRefresh.value).toBe(false);
    emit('waiting', { isUpdate: true });
    expect(bridge.needRefresh.value).toBe(true);

    const applying = bridge.applyUpdate();
    await settle();
    expect(log).toEqual(['flush started']);
    finishFlush();
    await applying;
    expect(log).toEqual(['flush started', 'flush done', 'SKIP_WAITING']);
    emit('controlling', { isUpdate: true });
    emit('controlling', { isUpdate: true });
    expect(log).toEqual(['flush started', 'flush done', 'SKIP_WAITING', 'reload']);
  });

  it('neither switches nor reloads when saving fails', async () => {
    const { workbox, emit, log } = fakeWorkbox();
    const bridge = createServiceWorkerBridge(
      Promise.resolve(workbox),
      environment(log, {
        flushPendingWrites: async () => {
          throw new Error('quota exceeded');
        },
      }),
    );
    await settle();
    emit('waiting', { isUpdate: true });
    await expect(bridge.applyUpdate()).rejects.toThrow('quota exceeded');
    expect(log).toEqual([]);
    expect(bridge.needRefresh.value).toBe(true);
  });

  it('announces "ready offline" once on first install, and the first claim of the page reloads nothing', async () => {
    const { workbox, emit, log } = fakeWorkbox();
    const bridge = createServiceWorkerBridge(Promise.resolve(workbox), environment(log, { isControlled: () => false }));
    await settle();
    emit('controlling', {});
    emit('activated', {});
    expect(bridge.offlineReady.value).toBe(true);
    bridge.offlineReady.value = false;
    emit('activated', {});
    expect(bridge.offlineReady.value).toBe(false);
    expect(bridge.needRefresh.value).toBe(false);
    expect(log).toEqual([]);
  });

  it('says nothing about offline on an update, and offers a reload when another tab applied it', async () => {
    const { workbox, emit, log } = fakeWorkbox();
    const bridge = createServiceWorkerBridge(Promise.resolve(workbox), environment(log, { hasWaitingWorker: async () => false }));
    await settle();
    emit('activated', { isUpdate: true });
    emit('activated', { isExternal: true });
    expect(bridge.offlineReady.value).toBe(false);
    emit('controlling', { isExternal: true });
    expect(bridge.needRefresh.value).toBe(true);
    expect(log).toEqual([]);
    await bridge.applyUpdate();
    // No worker is waiting any more: save, then just load the new version.
    expect(log).toEqual(['flush', 'reload']);
  });
});
