/**
 * Node side of exchangeSeedModule.ts, shared by the exchange and new-device tests: build the module
 * into a served directory (same origin as the app, so the same IndexedDB) and call its exports in a
 * page of a profile. The app itself has no test hook.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPageModule, ROOT, type LaunchedChromium } from './support';

export const EXCHANGE_SEED_MODULE = 'e2e-exchange-seed.js';

export async function buildExchangeSeedModule(outDir: string): Promise<void> {
  await buildPageModule({ entry: join(ROOT, 'test/e2e/exchangeSeedModule.ts'), outDir, fileName: EXCHANGE_SEED_MODULE });
}

/**
 * One tab per profile on the app's origin, opened on the first call and kept until the profile
 * closes: each call used to open a tab, load the whole app in it, and close it again.
 */
const seedTabs = new WeakMap<LaunchedChromium, Promise<Page>>();

function seedTab(profile: LaunchedChromium, appUrl: string): Promise<Page> {
  let tab = seedTabs.get(profile);
  if (!tab) {
    tab = (async () => {
      const page = await profile.context.newPage();
      await page.goto(appUrl);
      return page;
    })();
    seedTabs.set(profile, tab);
    // A failed start is not kept: the next call tries again.
    tab.catch(() => seedTabs.delete(profile));
  }
  return tab;
}

/** Calls an export of the seed module in a page of the profile, on the app's origin. */
export async function callExchangeSeed<T>(profile: LaunchedChromium, appUrl: string, name: string, argument: unknown): Promise<T> {
  const page = await seedTab(profile, appUrl);
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
  return (await page.evaluate(`import('/${EXCHANGE_SEED_MODULE}').then((module) => module.${name}(${JSON.stringify(argument)}))`)) as T;
}
