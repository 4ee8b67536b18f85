/**
 * Node side of the Armenia-size seed (test/e2e/armeniaSeedModule.ts): built with the interview
 * seed's builder into a built app's /__armenia-seed__/, so `vite preview` serves it from the app's
 * origin (same IndexedDB and localStorage), and run in a page of that origin.
 */
import type { Page } from 'playwright-core';
import { buildSeedModule } from '../../test/e2e/interviewSeed';
import type { ArmeniaSeedOptions, ArmeniaSeedResult } from '../../test/e2e/armeniaSeedModule';

export type { ArmeniaSeedResult } from '../../test/e2e/armeniaSeedModule';

const FOLDER = '__armenia-seed__';
const ARMENIA_SEED_PATH = `/${FOLDER}/seed.js`;

/** Writes the seed module into the build (after the app's build: it is not precached). */
export function buildArmeniaSeed(outDir: string): Promise<void> {
  return buildSeedModule(outDir, { entry: 'test/e2e/armeniaSeedModule.ts', folder: FOLDER });
}

/** Seeds from a page already on the app's origin, online. */
export async function seedArmenia(page: Page, options: ArmeniaSeedOptions): Promise<ArmeniaSeedResult> {
  // A string, not a function: Vitest would rewrite a function's import() into its own loader.
  return page.evaluate(`import(${JSON.stringify(ARMENIA_SEED_PATH)}).then((module) => module.seed(${JSON.stringify(options)}))`) as Promise<ArmeniaSeedResult>;
}

export function describeSeed(seeded: ArmeniaSeedResult): string {
  const tables = Object.entries(seeded.records)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
  return `${seeded.totalRecords} records (${tables}); ${seeded.notes} notes in ${seeded.interviews} interviews, ${seeded.interviewNotes} in the measured one`;
}
