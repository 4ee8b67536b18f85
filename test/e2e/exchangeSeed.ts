/**
 * Node side of exchangeSeedModule.ts, shared by the exchange and new-device tests: build the module
 * into a served directory (same origin as the app, so the same IndexedDB) and call its exports in a
 * page of a profile. The app itself has no test hook.
 */
import { join } from 'node:path';
import { buildPageModule, ROOT, type LaunchedChromium } from './support';

export const EXCHANGE_SEED_MODULE = 'e2e-exchange-seed.js';

export async function buildExchangeSeedModule(outDir: string): Promise<void> {
  await buildPageModule({ entry: join(ROOT, 'test/e2e/exchangeSeedModule.ts'), outDir, fileName: EXCHANGE_SEED_MODULE });
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
