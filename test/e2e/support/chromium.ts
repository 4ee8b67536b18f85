/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser. Each launch gets a fresh
 * profile in a temporary directory (so no service worker, cache or storage carries over) that is
 * deleted on close.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's package; override only to point at another system Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const TABLET = { width: 768, height: 1024 } as const;
export const LAPTOP = { width: 1366, height: 768 } as const;

/**
 * Why the browser tests can't run, or undefined when they can. Tests should fail with this message
 * rather than throw in beforeAll: a failing beforeAll reports its tests as "skipped", which reads
 * like a pass.
 */
export function missingChromium(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return (
    `Chromium is not installed at ${CHROMIUM_PATH}. The end-to-end tests drive the system browser and never download one: ` +
    'install it with `apt-get install -y chromium` and run the tests again.'
  );
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  readonly close: () => Promise<void>;
}

export async function launchChromium(
  options: { locale?: string; viewport?: { width: number; height: number }; extraArgs?: readonly string[] } = {},
): Promise<LaunchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-profile-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
      headless: true,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? LAPTOP,
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
