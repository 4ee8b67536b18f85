/**
 * The usual beforeAll of a browser test in one call: build the app, serve it, launch Chromium with a
 * fresh profile. `close()` undoes all three (safe to call after a partial start).
 */
import type { BrowserContext } from 'playwright-core';
import { buildApp, type BuildAppOptions, type BuiltApp } from './buildApp';
import { launchChromium, type LaunchedChromium } from './chromium';
import { serveApp, type ServedApp } from './serveApp';

export interface AppInBrowser {
  readonly build: BuiltApp;
  readonly server: ServedApp;
  readonly browser: LaunchedChromium;
  readonly context: BrowserContext;
  /** `http://127.0.0.1:<port>/` */
  readonly baseUrl: string;
  readonly close: () => Promise<void>;
}

export interface StartAppOptions {
  readonly build?: BuildAppOptions;
  /** Runs on the build before it is served, e.g. to add an in-page seed module to its folder. */
  readonly beforeServe?: (build: BuiltApp) => Promise<void>;
  readonly locale?: string;
  readonly viewport?: { width: number; height: number };
}

export async function startApp(options: StartAppOptions = {}): Promise<AppInBrowser> {
  let build: BuiltApp | undefined;
  let server: ServedApp | undefined;
  let browser: LaunchedChromium | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    build?.remove();
  };
  try {
    build = await buildApp(options.build);
    await options.beforeServe?.(build);
    server = await serveApp(build.outDir);
    browser = await launchChromium({
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    return { build, server, browser, context: browser.context, baseUrl: server.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
