/**
 * Issue 8, item 4: memory is bounded by what is legitimate. Verification (`readBundle`, every check
 * an import or `mmdma bundle verify` makes) of the worst hostile bundles of about 2 MB we could build
 * under the limits, next to a valid bundle of the same size — peak memory and time, each as a ratio
 * against the valid bundle, plus absolute figures. Goal: any bundle up to 2 MB verifies in under
 * 256 MiB and 10 s, whatever it claims inside.
 *
 * The hostile bundles, each built here with the same raw zip code as the fixtures:
 * - "most changes": valid change chunks at the total compression ratio limit (50×), in chunks just
 *   under the chunk limit, all in scope: verification has to parse and keep every one of them;
 * - "compressed attachment": a 1 GiB attachment of zeros, deflated (the format says stored);
 * - "64 MiB chunks": change chunks declaring 64 MiB each (the old limit);
 * - "many small bombs": 5,000 deflated entries of 64 KiB − 1 zeros each, each under the
 *   per-entry ratio check.
 * Also how long the refusal of every hostile fixture file takes (test/fixtures/bundles; the tests
 * no longer assert a wall time).
 *
 * Memory: the peak of heapUsed + arrayBuffers above the value just before (after a full GC),
 * sampled every millisecond and at every progress callback, as in bundle.bench.ts. Node, same code
 * as the app; garbage counts until collected.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync } from 'node:zlib';
import { it } from 'vitest';
import { formatHlc } from '../src/core/clock/hlc';
import { versionVector } from '../src/core/merge/versionVector';
import type { Change } from '../src/core/merge/change';
import { sha256Hex } from '../src/exchange/bundle/bytes';
import { crc32 } from '../src/exchange/bundle/crc32';
import { BUNDLE_LIMITS } from '../src/exchange/bundle/limits';
import { blobPath, changesPath, type BundleManifest } from '../src/exchange/bundle/format';
import { encodeChanges } from '../src/exchange/bundle/ndjson';
import { readBundle } from '../src/exchange/bundle/readBundle';
import { writeBundle } from '../src/exchange/bundle/writeBundle';
import { bundleWorkload, MiB, noise } from './support/bundleWorkload';
import { printRows } from './support/measure';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const allocatedMiB = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / MiB;
};

async function measured(bytes: Uint8Array): Promise<{ peakMiB: number; ms: number; outcome: string }> {
  gc();
  await new Promise((r) => setTimeout(r, 20));
  gc();
  const base = allocatedMiB();
  let peak = base;
  const sample = () => {
    const now = allocatedMiB();
    if (now > peak) peak = now;
  };
  const timer = setInterval(sample, 1);
  const started = performance.now();
  try {
    const read = await readBundle(new Blob([bytes as Uint8Array<ArrayBuffer>]), { onProgress: sample });
    const ms = performance.now() - started;
    sample();
    return { peakMiB: peak - base, ms, outcome: read.ok ? `verified, ${read.value.changes.length} changes` : `refused (${read.error.code})` };
  } finally {
    clearInterval(timer);
  }
}

// ——— raw zip, as scripts/make-bundle-fixtures.ts writes it ———
interface Raw {
  readonly name: string;
  readonly data?: Uint8Array;
  /** Already-deflated bytes and the size they declare. */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number; readonly crc: number };
  readonly method?: 'store' | 'deflate';
}
function rawZip(entries: readonly Raw[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const method = entry.deflated !== undefined || entry.method === 'deflate' ? 8 : 0;
    const body = entry.deflated?.bytes ?? (method === 8 ? new Uint8Array(deflateRawSync(entry.data!)) : entry.data!);
    const size = entry.deflated?.size ?? entry.data!.length;
    const crc = entry.deflated?.crc ?? crc32(entry.data!);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const cv = new DataView(header.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    header.set(name, 46);
    parts.push(local, body);
    central.push(header);
    offset += local.length + body.length;
  }
  const directoryBytes = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directoryBytes, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directoryBytes + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const NODE = 'e5e5e5e5e5e5e5e5';
const ASSESSMENT = '01900000-0000-7000-8000-0000000000a1';
const T0 = Date.UTC(2024, 0, 1);

function manifestOf(changes: readonly Change[], files: BundleManifest['files'], extra: Partial<BundleManifest> = {}): BundleManifest {
  return {
    format: 'mmdma-bundle',
    formatVersion: 1,
    schemaVersion: 1,
    appVersion: '0.1.0',
    bundleId: '01900000-0000-7000-8000-0000000000e1',
    createdAt: new Date(T0).toISOString(),
    createdBy: { kind: 'device', node: NODE, assessor: null, assessorId: null },
    assessment: { id: ASSESSMENT, title: 'Hostile' },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: changes.length > 0 ? versionVector(changes) : {},
    since: null,
    includesAttachments: true,
    blobsHeld: [],
    counts: {
      changes: files.reduce((s, f) => s + (f.kind === 'changes' ? f.changes : 0), 0),
      blobs: files.filter((f) => f.kind === 'blob').length,
      blobBytes: files.reduce((s, f) => s + (f.kind === 'blob' ? f.bytes : 0), 0),
    },
    files,
    ...extra,
  };
}

/** Valid, in-scope changes that compress as well as the limits allow: the most a 2 MB file can make a reader hold. */
async function mostChanges(targetBytes: number): Promise<Uint8Array> {
  const chunks: Array<{ path: string; bytes: Uint8Array; deflated: Uint8Array; count: number; changes: Change[] }> = [];
  let compressed = 0;
  let n = 0;
  let record = 0;
  const all: Change[] = [];
  while (compressed < targetBytes - 64 * 1024 && n < BUNDLE_LIMITS.MAX_CHANGES) {
    const changes: Change[] = [];
    let textBytes = 0;
    // Many fields of few records: the smallest objects per change a reader must keep. Record by
    // record (201 changes) while the chunk stays under the chunk limit.
    for (;;) {
      const id = `01900000-0000-7000-8000-${String(record).padStart(12, '0')}`;
      const group: Change[] = [];
      // One timestamp per record and values of 3 bits: as compressible as the total ratio limit
      // lets through (about 45×; all-equal values compress past 50× and are refused).
      const hlc = formatHlc({ wallMs: T0 + record, counter: 0, nodeId: NODE });
      group.push({ hlc, node: NODE, table: 'observation', id, field: 'assessmentId', value: ASSESSMENT });
      for (let f = 0; f < 200; f++) group.push({ hlc, node: NODE, table: 'observation', id, field: `f${f}`, value: Math.imul(n + f, 2654435761) >>> 29 });
      const groupBytes = encodeChanges(group).length;
      if (textBytes + groupBytes > BUNDLE_LIMITS.MAX_CHANGES_ENTRY_BYTES || n + group.length > BUNDLE_LIMITS.MAX_CHANGES) break;
      for (const c of group) changes.push(c);
      textBytes += groupBytes;
      n += group.length;
      record++;
    }
    if (changes.length === 0) break;
    const bytes = encodeChanges(changes);
    const deflated = new Uint8Array(deflateRawSync(bytes, { level: 9 }));
    chunks.push({ path: changesPath(chunks.length + 1), bytes, deflated, count: changes.length, changes });
    compressed += deflated.length;
    for (const c of changes) all.push(c);
  }
  const inflatedTotal = chunks.reduce((s, c) => s + c.bytes.length, 0);
  console.log(`most changes: ${n} changes, ${(inflatedTotal / MiB).toFixed(1)} MiB of NDJSON deflated to ${(compressed / MiB).toFixed(2)} MiB (${(inflatedTotal / compressed).toFixed(1)}×)`);
  const files: BundleManifest['files'] = [];
  for (const c of chunks) files.push({ kind: 'changes', path: c.path, sha256: await sha256Hex(c.bytes), bytes: c.bytes.length, changes: c.count });
  const entries: Raw[] = chunks.map((c) => ({ name: c.path, deflated: { bytes: c.deflated, size: c.bytes.length, crc: crc32(c.bytes) } }));
  if (compressed < targetBytes - 64 * 1024) {
    // Fill up to the size with a stored attachment (it does not count towards the deflate ratio).
    const pad = noise(Math.max(4, Math.floor((targetBytes - compressed - 8192) / 4) * 4), 99);
    const sha = await sha256Hex(pad);
    files.push({ kind: 'blob', path: blobPath(sha), sha256: sha, bytes: pad.length, mediaType: 'image/jpeg' });
    entries.push({ name: blobPath(sha), data: pad });
  }
  entries.push({ name: 'manifest.json', data: new TextEncoder().encode(JSON.stringify(manifestOf(all, files))), method: 'deflate' });
  return rawZip(entries);
}

/** A 1 GiB attachment of zeros, deflated (about 1 MB), declared as such. */
function compressedAttachment(): Uint8Array {
  const gib = 1024 * MiB;
  const stream = deflateRawSync(Buffer.alloc(gib));
  const sha = '0'.repeat(64);
  const files: BundleManifest['files'] = [{ kind: 'blob', path: blobPath(sha), sha256: sha, bytes: gib, mediaType: 'image/png' }];
  return rawZip([
    { name: blobPath(sha), deflated: { bytes: new Uint8Array(stream), size: gib, crc: 0 } },
    { name: 'manifest.json', data: new TextEncoder().encode(JSON.stringify(manifestOf([], files))), method: 'deflate' },
  ]);
}

/** Change chunks declaring 64 MiB each (text that deflates ~190×). */
function bigChunks(): Uint8Array {
  const line = `${JSON.stringify({ hlc: formatHlc({ wallMs: T0, counter: 0, nodeId: NODE }), node: NODE, table: 'assessment', id: ASSESSMENT, field: 'notes', value: 'x' })}\n`;
  const text = new TextEncoder().encode(line.repeat(Math.floor((64 * MiB) / line.length)));
  const deflated = new Uint8Array(deflateRawSync(text));
  const files: BundleManifest['files'] = [];
  const entries: Raw[] = [];
  for (let i = 1; i <= 3; i++) {
    files.push({ kind: 'changes', path: changesPath(i), sha256: '0'.repeat(64), bytes: text.length, changes: text.length / line.length });
    entries.push({ name: changesPath(i), deflated: { bytes: deflated, size: text.length, crc: crc32(text) } });
  }
  entries.push({ name: 'manifest.json', data: new TextEncoder().encode(JSON.stringify(manifestOf([], files))), method: 'deflate' });
  return rawZip(entries);
}

/** 5,000 small deflated entries of zeros, each exempt from the per-entry ratio check. */
function manySmallBombs(): Uint8Array {
  const zeros = new Uint8Array(BUNDLE_LIMITS.RATIO_CHECK_MIN_BYTES - 1);
  const deflated = new Uint8Array(deflateRawSync(zeros));
  const crc = crc32(zeros);
  const entries: Raw[] = Array.from({ length: 5_000 }, (_, i) => ({ name: changesPath(i + 1), deflated: { bytes: deflated, size: zeros.length, crc } }));
  entries.push({ name: 'manifest.json', data: new TextEncoder().encode('{}'), method: 'deflate' });
  return rawZip(entries);
}

/** A real export of about `targetBytes`: 10,000 changes of the bundle bench and incompressible photos. */
async function validOfSize(targetBytes: number): Promise<Uint8Array> {
  const workload = bundleWorkload([]);
  const changes = workload.changes.filter((c) => c.table !== 'attachment');
  const first = await writeBundle({
    bundleId: '01900000-0000-7000-8000-0000000000e2',
    createdAt: new Date(workload.now).toISOString(),
    createdBy: { kind: 'device', node: 'b3b3b3b3b3b3b3b3', assessor: null, assessorId: null },
    assessment: { id: changes[0]!.id, title: 'Valid' },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: versionVector(changes),
    since: null,
    includesAttachments: true,
    blobsHeld: [],
    changes,
    blobs: [],
  });
  if (!first.ok) throw new Error(first.error.message);
  const photo = noise(Math.max(4, Math.floor((targetBytes - first.value.bytes - 1024) / 4) * 4), 7);
  const sha = await sha256Hex(photo);
  const written = await writeBundle({
    bundleId: '01900000-0000-7000-8000-0000000000e2',
    createdAt: new Date(workload.now).toISOString(),
    createdBy: { kind: 'device', node: 'b3b3b3b3b3b3b3b3', assessor: null, assessorId: null },
    assessment: { id: changes[0]!.id, title: 'Valid' },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: versionVector(changes),
    since: null,
    includesAttachments: true,
    blobsHeld: [sha],
    changes,
    blobs: [{ sha256: sha, mediaType: 'image/jpeg', bytes: photo.length, read: async () => photo }],
  });
  if (!written.ok) throw new Error(written.error.message);
  return new Uint8Array(await written.value.blob!.arrayBuffer());
}

it('bundle verification: worst hostile bundles of about 2 MB against a valid one of the same size', async () => {
  const TARGET = 2 * 1000 * 1000;
  const valid = await validOfSize(TARGET);
  const hostile: Array<[string, Uint8Array]> = [
    ['most changes the limits allow', await mostChanges(TARGET)],
    ['compressed 1 GiB attachment', compressedAttachment()],
    ['three 64 MiB change chunks', bigChunks()],
    ['5,000 small deflate bombs', manySmallBombs()],
  ];
  // Warm up the code paths once.
  await measured(valid);
  const base = await measured(valid);
  const rows = [];
  rows.push({ figure: `valid bundle (${(valid.length / 1e6).toFixed(2)} MB): peak memory — ${base.outcome}`, value: base.peakMiB, unit: 'MiB', baselineName: 'itself', baseline: base.peakMiB, budget: '< 256 MiB', withinBudget: base.peakMiB < 256 });
  rows.push({ figure: 'valid bundle: time', value: base.ms, unit: 'ms', baselineName: 'itself', baseline: base.ms, budget: '< 10 s', withinBudget: base.ms < 10_000 });
  for (const [name, bytes] of hostile) {
    const m = await measured(bytes);
    rows.push({ figure: `${name} (${(bytes.length / 1e6).toFixed(2)} MB): peak memory — ${m.outcome}`, value: m.peakMiB, unit: 'MiB', baselineName: 'valid bundle of about the same size', baseline: base.peakMiB, budget: '< 256 MiB', withinBudget: m.peakMiB < 256 });
    rows.push({ figure: `${name}: time`, value: m.ms, unit: 'ms', baselineName: 'valid bundle of about the same size', baseline: base.ms, budget: '< 10 s', withinBudget: m.ms < 10_000 });
  }
  printRows('Bundle verification (readBundle) of hostile bundles of about 2 MB, Node, peak of heapUsed + arrayBuffers above the start', rows);

  // Every hostile fixture file: how long its refusal takes (the tests assert only that it is refused).
  const dir = 'test/fixtures/bundles';
  const fixtureRows = [];
  const fixtureNames = readdirSync(dir).filter((f) => f.endsWith('.zip'));
  const times: number[] = [];
  for (const name of fixtureNames) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const started = performance.now();
    await readBundle(bytes, { passphrase: 'not the passphrase' });
    times.push(performance.now() - started);
  }
  const slowest = Math.max(...times);
  fixtureRows.push({ figure: `slowest of ${fixtureNames.length} fixture files (${fixtureNames[times.indexOf(slowest)]})`, value: slowest, unit: 'ms', baselineName: 'valid 2 MB bundle', baseline: base.ms, budget: '< 2 s (was asserted in bundleHostile.test.ts)', withinBudget: slowest < 2_000 });
  printRows('Refusal time of every fixture file (test/fixtures/bundles), wrong passphrase for the encrypted ones', fixtureRows);
});
