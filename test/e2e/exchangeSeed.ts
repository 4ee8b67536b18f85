/**
 * Node side of exchangeSeedModule.ts, shared by the exchange and new-device tests: build the module
 * into a served directory (same origin as the app, so the same IndexedDB) and call its exports in a
 * page of a profile. The app itself has no test hook.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, type LaunchedChromium } from './support';

export const EXCHANGE_SEED_MODULE = 'e2e-exchange-seed.js';

export async function buildExchangeSeedModule(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: false,
        lib: { entry: join(ROOT, 'test/e2e/exchangeSeedModule.ts'), formats: ['es'], fileName: () => EXCHANGE_SEED_MODULE },
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Calls an export of the seed module in a page of the profile, on the app's origin. */
export async function callExchangeSeed<T>(profile: LaunchedChromium, appUrl: string, name: string, argument: unknown): Promise<T> {
  const page = await profile.context.newPage();
  try {
    await page.goto(appUrl);
    // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
    return (await page.evaluate(`import('/${EXCHANGE_SEED_MODULE}').then((module) => module.${name}(${JSON.stringify(argument)}))`)) as T;
  } finally {
    await page.close();
  }
}
