/**
 * The app of one browser-test file: started in beforeAll (startApp, then the file's own `setUp`,
 * such as seeding), closed in afterAll. Call it at the top level of the file; the function it
 * returns gives a test the app.
 *
 * Neither a missing Chromium nor a failed set-up is thrown in beforeAll: that reports the file's
 * tests as "skipped", which reads like a pass. The returned function throws the reason instead, so
 * every test that needs the app fails with it.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { missingChromium } from './chromium';
import { RESULTS_DIR } from './paths';
import { startApp, type AppInBrowser, type StartAppOptions } from './startApp';

export interface AppPerFileOptions extends StartAppOptions {
  /** beforeAll's time limit: building the app takes a while. */
  readonly timeoutMs: number;
  /** After the start, before the tests. */
  readonly setUp?: (app: AppInBrowser) => Promise<void>;
}

export function appPerFile(options: AppPerFileOptions): () => AppInBrowser {
  let app: AppInBrowser | undefined;
  let problem: string | undefined;
  beforeAll(async () => {
    problem = missingChromium();
    if (problem) return;
    try {
      mkdirSync(RESULTS_DIR, { recursive: true });
      app = await startApp(options);
      await options.setUp?.(app);
    } catch (error) {
      problem = `set-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
  }, options.timeoutMs);
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (problem) throw new Error(problem);
    if (!app) throw new Error('the app did not start (see beforeAll)');
    return app;
  };
}
