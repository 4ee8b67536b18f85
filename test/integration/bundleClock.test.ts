/**
 * A wrong clock cannot poison the team (issue 8): a change or version vector stamped more than
 * MAX_CLOCK_SKEW_MS ahead of the reader's clock is refused by `verify`, by `merge` (the tool and the
 * library) and by import, with a message naming the device and the time; nothing is merged, written
 * or remembered, and the importing device's clock stays where it was. Real fixture files throughout
 * (test/fixtures/bundles/clock-ahead*.mmdma.zip, made by scripts/make-bundle-fixtures.ts).
 */
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS } from '../../src/core/clock/clockSkew';
import { formatHlc } from '../../src/core/clock/hlc';
import { mergeBundles } from '../../src/exchange/bundle/mergeBundles';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { applyImport, previewImport } from '../../src/exchange/importBundle';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { versionVector } from '../../src/core/merge/versionVector';
import { NODE_A, NODE_B, OBSERVATION_ID, NOTE_TEXT, sampleBundle, sampleChanges } from './support/bundleTestKit';
import { dumpDatabase, testStoresDeletedAfterEach, unwrap } from './support/storageTestKit';

const run = promisify(execFile);
const FIXTURES = resolve('test/fixtures/bundles');
const fx = (name: string) => join(FIXTURES, name);
const fixture = (name: string) => new Uint8Array(readFileSync(fx(name)));
const work = mkdtempSync(join(tmpdir(), 'mmdma-clock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const openStore = testStoresDeletedAfterEach();

/** The year-33658 change of clock-ahead.mmdma.zip, read by a reader whose clock is just as wrong. */
const FAR_FUTURE_MS = 999_999_999_999_999;

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mmdma.mjs', ...args], { env: { ...process.env, MMDMA_PASSPHRASE: '' }, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a change stamped in the year 33658', () => {
  it('is refused by `mmdma bundle verify`, naming the device and the time', async () => {
    const out = await cli(['bundle', 'verify', fx('clock-ahead.mmdma.zip')]);
    expect(out.code).toBe(1);
    expect(out.stdout).not.toMatch(/OK/);
    expect(out.stderr).toMatch(/refused \(clock-ahead\): The device b2b2b2b2b2b2b2b2 stamped .* at \+033658-09-27T01:46:39\.000Z, 31,631 years ahead of this clock/);
    expect(out.stderr).toMatch(/more than 24 hours ahead are refused/);
  });

  it('makes `mmdma bundle merge` refuse and write nothing', async () => {
    const output = join(work, 'merged.mmdma.zip');
    const out = await cli(['bundle', 'merge', fx('valid.mmdma.zip'), fx('clock-ahead.mmdma.zip'), '-o', output]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/clock-ahead.*b2b2b2b2b2b2b2b2/);
    expect(existsSync(output)).toBe(false);
    // A version vector that points into the future is refused the same way.
    const vector = await cli(['bundle', 'merge', fx('valid.mmdma.zip'), fx('clock-ahead-vector.mmdma.zip'), '-o', output]);
    expect(vector.code).toBe(1);
    expect(vector.stderr).toMatch(/clock-ahead.*a1a1a1a1a1a1a1a1.*version vector reaches 001924992000000/);
    expect(existsSync(output)).toBe(false);
  });

  it('makes the merge library refuse even a bundle verified by a reader with the same wrong clock', async () => {
    const honest = unwrap(await readBundle(fixture('valid.mmdma.zip')));
    // A machine whose clock is in 33658 too verifies it (the rule is relative to the reader)…
    const poisoned = unwrap(await readBundle(fixture('clock-ahead.mmdma.zip'), { nowMs: FAR_FUTURE_MS }));
    // …but a merge with a correct clock refuses it: the honest note never loses to it.
    const merged = await mergeBundles([honest, poisoned], { bundleId: '01900000-0000-7000-8000-0000000000c1', createdAt: '2026-01-01T00:00:00.000Z', node: 'c1c1c1c1c1c1c1c1', assessor: null });
    expect(!merged.ok && merged.error).toMatchObject({ code: 'clock-ahead', message: expect.stringMatching(/device b2b2b2b2b2b2b2b2 stamped/) });
  });

  it('is refused by import: nothing written, nothing remembered, the device clock where it was', async () => {
    const device = openStore({ seed: 21, label: 'clock', start: Date.UTC(2026, 0, 1) });
    unwrap(await applyImport(device.store, unwrap(await readBundle(fixture('valid.mmdma.zip')))));
    const before = await dumpDatabase(device.db);
    const poisoned = unwrap(await readBundle(fixture('clock-ahead.mmdma.zip'), { nowMs: FAR_FUTURE_MS }));
    const preview = await previewImport(device.store, poisoned, { now: device.clock.now });
    expect(!preview.ok && preview.error).toMatchObject({ code: 'clock-ahead', message: expect.stringMatching(/b2b2b2b2b2b2b2b2.*\+033658/) });
    const applied = await applyImport(device.store, poisoned, { now: device.clock.now });
    expect(!applied.ok && applied.error.code).toBe('clock-ahead');
    // Byte for byte: no change, no peer, and the persisted clock (in `meta`) did not move.
    expect(await dumpDatabase(device.db)).toEqual(before);
    const note = unwrap(await loadAssessment(device.db, poisoned.manifest.assessment.id)).records.observation.find((o) => o.id === OBSERVATION_ID);
    expect(note?.text).toBe(NOTE_TEXT);
  });
});

describe('the skew rule', () => {
  it('lets a bundle from a clock a few hours ahead through verification (storage still guards single changes)', async () => {
    const now = Date.UTC(2026, 0, 1);
    const changes = sampleChanges(NODE_A, { startMs: now + 3 * 3_600_000 });
    const bytes = await sampleBundle({ changes, versionVector: versionVector(changes) });
    expect((await readBundle(bytes, { nowMs: now })).ok).toBe(true);
    // The same bundle read more than a day earlier is refused.
    const early = await readBundle(bytes, { nowMs: now + 3 * 3_600_000 - MAX_CLOCK_SKEW_MS - 1 });
    expect(!early.ok && early.error.code).toBe('clock-ahead');
  });

  it('also guards the vector a partial bundle was cut against', async () => {
    const now = Date.UTC(2026, 0, 1);
    const changes = sampleChanges(NODE_A, { startMs: now - 3_600_000 });
    const since = { [NODE_B]: formatHlc({ wallMs: now + 2 * MAX_CLOCK_SKEW_MS, counter: 0, nodeId: NODE_B }) };
    const read = await readBundle(await sampleBundle({ changes, versionVector: versionVector(changes), since }), { nowMs: now });
    expect(!read.ok && read.error).toMatchObject({ code: 'clock-ahead', message: expect.stringMatching(/vector it was cut against/) });
  });
});
