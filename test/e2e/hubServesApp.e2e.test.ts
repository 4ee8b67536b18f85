/**
 * The hub serves the production build of the app from its own origin under its content security
 * policy: in real Chromium the app starts, its service worker installs, and nothing is blocked
 * (a CSP violation is a console error, which this test refuses).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, launchChromium, missingChromium, recordErrors, type BuiltApp, type LaunchedChromium } from './support';
import { startHub, type HubProcess } from '../integration/support/hubTestKit';

let built: BuiltApp | undefined;
let hub: HubProcess | undefined;
let browser: LaunchedChromium | undefined;
const missing = missingChromium();

beforeAll(async () => {
  if (missing) return;
  built = await buildApp();
  hub = await startHub({ engine: 'pglite', args: ['--app', built.outDir] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  built?.remove();
});

it('runs the app from the hub under its content security policy, with no blocked resource', async (ctx) => {
  if (missing) {
    console.log(`SKIPPED the hub-served app in Chromium: ${missing}`);
    ctx.skip();
  }
  const page = await browser!.context.newPage();
  const errors = recordErrors(page);
  const response = await page.goto(`${hub!.url}/`);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.locator('h1').first().waitFor();
  // A deep link is the app too (the hub answers unknown paths with index.html).
  await page.goto(`${hub!.url}/#/framework`);
  await page.locator('h1').first().waitFor();
  const controlled = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration !== undefined || (await navigator.serviceWorker.ready.then(() => true));
  });
  expect(controlled).toBe(true);
  expect(errors).toEqual([]);
});
