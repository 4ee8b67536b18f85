/**
 * An exchange between engines: a bundle made in a Chromium profile (a Windows laptop) and imported
 * in a WebKit profile (an iPad) shows the same dashboard there. Both browsers serve from the same
 * build and origin; each keeps its own profile, as two devices would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchDriver, type BrowserDriver } from '../drivers';
import { stopXvfb } from '../drivers/xvfb';
import { buildApp, LAPTOP, serveApp, type BuiltApp, type ServedApp } from '../support';
import { createAssessmentWithTaggedNote, dashboardTable, exportEncrypted, importEncrypted, waitForServiceWorker } from './fieldDayJourneys';

let built: BuiltApp | undefined;
let server: ServedApp | undefined;
let workDir = '';
const drivers: BrowserDriver[] = [];

beforeAll(async () => {
  built = await buildApp();
  server = await serveApp(built.outDir);
  workDir = mkdtempSync(join(tmpdir(), 'mmdma-e2e-cross-engine-'));
}, 240_000);

afterAll(async () => {
  for (const driver of drivers.splice(0)) await driver.close().catch(() => undefined);
  await server?.close();
  await built?.remove();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  stopXvfb();
});

it('a bundle exported in Chromium and imported in WebKit shows the same dashboard', async () => {
  const url = server!.url;
  const chromium = await launchDriver('chromium', { viewport: LAPTOP });
  drivers.push(chromium);
  await chromium.goto(url);
  await chromium.waitFor({ css: 'h1' }, 30_000);
  await waitForServiceWorker(chromium);
  const { assessmentId } = await createAssessmentWithTaggedNote(chromium, 'Armenia, made in Chromium');
  await chromium.goto(`${url}#/a/${assessmentId}/exchange`);
  const bundle = await exportEncrypted(chromium, workDir);
  const inChromium = await dashboardTable(chromium, url, assessmentId);

  const webkit = await launchDriver('webkit', { viewport: LAPTOP });
  drivers.push(webkit);
  await webkit.goto(`${url}#/import`);
  await importEncrypted(webkit, bundle.path);
  const inWebKit = await dashboardTable(webkit, url, assessmentId);
  expect(inWebKit).toBe(inChromium);
  // Not an empty table on both sides: the note's suggested level gives data management a figure.
  expect(inWebKit).toContain('Data management');
});
