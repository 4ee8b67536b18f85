/**
 * Node side of the in-page seeding (interviewSeedModule.ts): builds that module as one ES file into
 * a built app's directory, so `vite preview` serves it from the app's origin (same IndexedDB), and
 * runs it in a page. The app itself is untouched: no test hook, no extra entry in its build.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { SeedOptions, SeedResult } from './interviewSeedModule';
import { buildPageModule, CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './support';

export const SEED_PATH = '/__interview-seed__/seed.js';

/** Another in-page module built the same way; the defaults build interviewSeedModule.ts to SEED_PATH. */
export interface SeedModuleBuild {
  /** The module's source, relative to the repository root. */
  readonly entry?: string;
  /** The folder under the build it is written to, served as `/<folder>/seed.js`. */
  readonly folder?: string;
}

export async function buildSeedModule(outDir: string, options: SeedModuleBuild = {}): Promise<void> {
  const { entry = 'test/e2e/interviewSeedModule.ts', folder = '__interview-seed__' } = options;
  await buildPageModule({ entry: join(ROOT, entry), outDir: join(outDir, folder), fileName: 'seed.js', emptyOutDir: true, minify: false });
}

/** Seeds from a page already on the app's origin. */
export async function seedInPage(page: Page, options: SeedOptions): Promise<SeedResult> {
  // A string, not a function: Vitest would rewrite a function's import() into its own loader.
  return page.evaluate(`import(${JSON.stringify(SEED_PATH)}).then((module) => module.seed(${JSON.stringify(options)}))`) as Promise<SeedResult>;
}

export function interviewUrl(baseUrl: string, seeded: Pick<SeedResult, 'assessmentId' | 'interviewId'>): string {
  return `${baseUrl}#/a/${seeded.assessmentId}/interviews/${seeded.interviewId}`;
}

/**
 * Chromium started as a plain child process (in its own process group) on a given profile, and
 * driven over CDP. Playwright's own launchers do not expose the browser's pid for a persistent
 * profile, and the crash drill must SIGKILL the real browser and start it again on the same
 * user-data-dir.
 */
export interface OwnChromium {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly pid: number;
  /** SIGKILL to the whole process group (browser, renderers, GPU, utilities); resolves on exit. */
  readonly kill: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function launchOwnChromium(userDataDir: string, extraArgs: readonly string[] = []): Promise<OwnChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', ...extraArgs, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${CHROMIUM_PATH}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint within 30 s:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before listening:\n${output}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const killGroup = async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  };
  return {
    browser,
    context,
    pid,
    kill: killGroup,
    close: async () => {
      await browser.close().catch(() => undefined);
      await killGroup();
    },
  };
}
