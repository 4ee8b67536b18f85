/**
 * Bundle budgets (issue: bundle format): export and import of a bundle with 10,000 changes and
 * 100 MB of attachments (20 incompressible 5 MiB files), each timed against a baseline measured in
 * the same run —
 *   export: JSZip zipping the same files (the same change chunks and the same attachment Blobs
 *           read from the same store), the usual way to make a zip in a browser;
 *   import: a raw bulk write of the same records (change log, field versions, materialised rows
 *           and blobs) into the same kind of database, with no reading, checking or merging;
 * — and the peak memory of each, against the budget of 2× the attachment size.
 *
 * Time: baseline and subject run alternately, RUNS pairs; the figure is the median of each, and the
 * ratio is the median of the per-pair ratios (robust to other processes loading the machine).
 * Memory: the peak of JS heap + ArrayBuffer/Blob bytes (process.memoryUsage().heapUsed +
 * arrayBuffers), sampled every millisecond and at every progress callback, above the value just
 * before the operation (after a full GC). Garbage counts until collected, as it would in a tab.
 * RSS is not used: the allocator keeps freed 5 MiB buffers resident, so it reflects history.
 * Storage is fake-indexeddb, as in the integration tests; in a browser both sides of each ratio
 * write to real IndexedDB instead.
 */
import 'fake-indexeddb/auto';
import JSZip from 'jszip';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { formatHlc } from '../src/core/clock/hlc';
import type { Change, JsonValue } from '../src/core/merge/change';
import { materialise } from '../src/core/merge/mergeChanges';
import type { TableName } from '../src/core/assessment/recordSchemas';
import { ratingId } from '../src/core/assessment/ratingSchema';
import { createUuidV7 } from '../src/core/ids/uuidv7';
import { encodeChanges } from '../src/exchange/bundle/ndjson';
import { CHANGES_PER_CHUNK, changesPath, blobPath } from '../src/exchange/bundle/format';
import { readBundle, type VerifiedBundle } from '../src/exchange/bundle/readBundle';
import { exportBundle } from '../src/exchange/exportBundle';
import { applyImport } from '../src/exchange/importBundle';
import { createStore, openDatabase, sha256Hex, type MmdmaDatabase, type Store } from '../src/storage';
import { printRows } from './support/measure';

const MiB = 1024 * 1024;
const ATTACHMENTS = 20;
const ATTACHMENT_BYTES = 5 * MiB;
const TARGET_CHANGES = 10_000;
const RUNS = 5;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function allocatedMiB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / MiB;
}

/** Peak allocated memory above the starting point while `work` runs. */
async function peakMemory<T>(work: (sample: () => void) => Promise<T>): Promise<{ result: T; peakMiB: number }> {
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
  try {
    const result = await work(sample);
    sample();
    return { result, peakMiB: peak - base };
  } finally {
    clearInterval(timer);
  }
}

/** Baseline and subject alternately; medians of each and of the per-pair ratios. */
async function paired(baseline: () => Promise<number>, subject: () => Promise<number>): Promise<{ baselineMs: number; subjectMs: number; ratio: number }> {
  const b: number[] = [];
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const bm = await baseline();
    gc();
    const sm = await subject();
    b.push(bm);
    s.push(sm);
    r.push(sm / bm);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { baselineMs: median(b), subjectMs: median(s), ratio: median(r) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Incompressible bytes, like the JPEGs and PDFs assessors attach. */
function noise(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const words = new Uint32Array(out.buffer);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  return out;
}

const NODE = 'b3b3b3b3b3b3b3b3';
const NOTE = 'The Migration Service exchanges visa data with the Border Guard through a shared database; residence permits still travel as scanned PDFs by e-mail, and statistics reach ARMSTAT quarterly on paper. ';

/** An assessment of ~10,000 changes: notes with realistic text, ratings, attachment records. */
async function syntheticAssessment(shas: readonly string[]) {
  let ms = Date.UTC(2022, 9, 3, 9);
  let seq = 0;
  const random = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (seq * 31 + i * 17) & 0xff;
    seq++;
    return out;
  };
  const changes: Change[] = [];
  const add = (table: TableName, id: string, fields: Record<string, JsonValue>) => {
    for (const [field, value] of Object.entries(fields)) {
      ms += 1;
      changes.push({ hlc: formatHlc({ wallMs: ms, counter: 0, nodeId: NODE }), node: NODE, table, id, field, value });
    }
  };
  const assessmentId = createUuidV7(ms, random);
  add('assessment', assessmentId, { title: 'MMDMA Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: '2022-10-06', frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork', notes: '', deleted: false });
  const assessors: string[] = [];
  for (const name of ['Anna', 'Aram', 'Lilit']) {
    const id = createUuidV7(ms, random);
    assessors.push(id);
    add('assessor', id, { assessmentId, name, role: 'assessor', deleted: false });
  }
  shas.forEach((sha, i) => {
    add('attachment', createUuidV7(ms, random), { assessmentId, sha256: sha, mediaType: 'image/jpeg', bytes: ATTACHMENT_BYTES, fileName: `photo-${i}.jpg`, caption: '', observationId: null, deleted: false });
  });
  for (let i = 0; i < 100; i++) {
    const assessorId = assessors[i % 3]!;
    const indicatorId = `ind-${Math.floor(i / 2)}`;
    const trackId = i % 2 === 0 ? 'central' : 'migration';
    add('rating', ratingId(assessmentId, indicatorId, trackId, assessorId), { assessmentId, assessorId, indicatorId, trackId, level: 'developing', rationale: NOTE.slice(0, 80), evidenceIds: [], deleted: false });
  }
  for (let i = 0; changes.length + 9 <= TARGET_CHANGES; i++) {
    add('observation', createUuidV7(ms, random), {
      assessmentId,
      interviewId: null,
      authorId: assessors[i % 3]!,
      kind: 'note',
      text: `${i}: ${NOTE}${NOTE.slice(0, i % 120)}`,
      tags: [{ subTopicId: `6.${(i % 10) + 1}.1`, trackIds: ['migration'] }],
      suggestedLevel: 'developing',
      createdAt: new Date(ms).toISOString(),
      deleted: false,
    });
  }
  return { assessmentId, changes, now: ms + 60_000 };
}

let dbCounter = 0;
function freshStore(now: number): { db: MmdmaDatabase; store: Store } {
  const db = openDatabase(`bundle-bench-${++dbCounter}`);
  const store = createStore(db, { now: () => now, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
  return { db, store };
}

function unwrap<T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

it('bundle: export and import of 10,000 changes and 100 MB of attachments', async () => {
  // ——— the source device ———
  const attachmentBytes = Array.from({ length: ATTACHMENTS }, (_, i) => noise(ATTACHMENT_BYTES, i + 1));
  const shas = await Promise.all(attachmentBytes.map((b) => sha256Hex(new Blob([b as Uint8Array<ArrayBuffer>]))));
  const { assessmentId, changes, now } = await syntheticAssessment(shas);
  const source = freshStore(now);
  unwrap(await source.store.applyChanges(changes));
  for (const bytes of attachmentBytes.splice(0)) unwrap(await source.store.putBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'image/jpeg'));
  const totalAttachmentMiB = (ATTACHMENTS * ATTACHMENT_BYTES) / MiB;

  // ——— export ———
  const exportOnce = async (sample: () => void = () => undefined) =>
    unwrap(await exportBundle(source.store, source.db, { assessmentId, includeAttachments: true, createdBy: { name: 'Bench' }, now: () => now, onProgress: sample }));
  // Baseline: JSZip zipping the same files — the same NDJSON chunks and the same attachment Blobs.
  const chunkTexts: Array<[string, Uint8Array]> = [];
  for (let i = 0; i * CHANGES_PER_CHUNK < changes.length; i++) {
    chunkTexts.push([changesPath(i + 1), encodeChanges(changes.slice(i * CHANGES_PER_CHUNK, (i + 1) * CHANGES_PER_CHUNK))]);
  }
  const jszipOnce = async (sample: () => void = () => undefined) => {
    const zip = new JSZip();
    for (const [path, bytes] of chunkTexts) zip.file(path, bytes, { compression: 'DEFLATE' });
    for (const sha of shas) zip.file(blobPath(sha), unwrap(await source.store.getBlob(sha))!.blob, { compression: 'STORE' });
    zip.file('manifest.json', '{}', { compression: 'DEFLATE' });
    return zip.generateAsync({ type: 'uint8array' }, () => sample());
  };

  // ——— import ———
  const importOnce = async (bundleBlob: Blob, sample: () => void = () => undefined) => {
    const target = freshStore(now);
    const verified = unwrap(await readBundle(bundleBlob, { onProgress: sample }));
    const report = unwrap(await applyImport(target.store, target.db, verified, { onProgress: sample }));
    if (report.applied !== changes.length || report.blobsCreated !== ATTACHMENTS) throw new Error(`import incomplete: ${JSON.stringify(report)}`);
    return target;
  };
  // Baseline: a raw bulk write of the same records, already in memory, in one transaction.
  const rows = materialise(changes);
  const blobRows = await Promise.all(shas.map(async (sha) => unwrap(await source.store.getBlob(sha))!));
  const rawOnce = async () => {
    const target = freshStore(now);
    await target.db.transaction('rw', [...rows.keys(), 'changeLog', 'fieldVersions', 'blobs'], async () => {
      await target.db.changeLog.bulkPut(changes);
      await target.db.fieldVersions.bulkPut(changes);
      for (const [table, records] of rows) await target.db.table(table).bulkPut([...records.values()]);
      await target.db.blobs.bulkPut(blobRows);
    });
    return target;
  };

  // Memory first, each from a collected heap.
  const exportMemory = await peakMemory((sample) => exportOnce(sample));
  const bundle = exportMemory.result;
  const jszipMemory = await peakMemory((sample) => jszipOnce(sample));
  const importMemory = await peakMemory((sample) => importOnce(bundle.blob, sample));
  await importMemory.result.db.delete();
  const rawMemory = await peakMemory(() => rawOnce());
  await rawMemory.result.db.delete();

  // Then time, after one warm-up of each.
  await jszipOnce();
  await exportOnce();
  const exportTime = await paired(() => timed(() => jszipOnce()), () => timed(() => exportOnce()));
  await (await rawOnce()).db.delete();
  await (await importOnce(bundle.blob)).db.delete();
  const dropAfter = (make: () => Promise<{ db: MmdmaDatabase }>) => async () => {
    const t = performance.now();
    const made = await make();
    const ms = performance.now() - t;
    await made.db.delete();
    return ms;
  };
  const importTime = await paired(dropAfter(rawOnce), dropAfter(() => importOnce(bundle.blob)));

  // Where import time goes, for reference: each stage alone, medians of RUNS.
  const stage = async (run: (verified: VerifiedBundle) => Promise<number>) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      gc();
      const verified = unwrap(await readBundle(bundle.blob));
      times.push(await run(verified));
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  const verifyMs = await stage(async () => timed(() => readBundle(bundle.blob)));
  const blobsMs = await stage(async (verified) => {
    const target = freshStore(now);
    const ms = await timed(() => applyImport(target.store, target.db, { ...verified, changes: [] }));
    await target.db.delete();
    return ms;
  });
  const changesMs = await stage(async (verified) => {
    const target = freshStore(now);
    const ms = await timed(() => applyImport(target.store, target.db, { ...verified, blobs: [] }));
    await target.db.delete();
    return ms;
  });

  printRows(
    `Bundles (${changes.length} changes, ${ATTACHMENTS} attachments × ${ATTACHMENT_BYTES / MiB} MiB = ${totalAttachmentMiB} MiB; bundle ${(bundle.bytes / MiB).toFixed(1)} MiB; medians of ${RUNS} alternating runs; ratios are medians of per-run ratios)`,
    [
      { figure: 'export time', value: exportTime.subjectMs, unit: 'ms', baselineName: 'JSZip zipping the same files', baseline: exportTime.baselineMs, budget: `≤ 1.5× baseline (median per-run ratio ${exportTime.ratio.toFixed(2)}×)`, withinBudget: exportTime.ratio <= 1.5 },
      { figure: 'import time (verify + apply)', value: importTime.subjectMs, unit: 'ms', baselineName: 'raw bulk write of the same records', baseline: importTime.baselineMs, budget: `≤ 1.5× baseline (median per-run ratio ${importTime.ratio.toFixed(2)}×)`, withinBudget: importTime.ratio <= 1.5 },
      { figure: 'import stage: verify everything (readBundle)', value: verifyMs, unit: 'ms', baselineName: 'raw bulk write', baseline: importTime.baselineMs, budget: 'none (breakdown)', withinBudget: undefined },
      { figure: 'import stage: attachments (store.putBlob, hashes again)', value: blobsMs, unit: 'ms', baselineName: 'raw bulk write', baseline: importTime.baselineMs, budget: 'none (breakdown)', withinBudget: undefined },
      { figure: 'import stage: changes (store.applyChanges, 5,000 per call)', value: changesMs, unit: 'ms', baselineName: 'raw bulk write', baseline: importTime.baselineMs, budget: 'none (breakdown)', withinBudget: undefined },
      { figure: 'export peak memory', value: exportMemory.peakMiB, unit: 'MiB', baselineName: 'attachment size', baseline: totalAttachmentMiB, budget: '< 2× attachment size', withinBudget: exportMemory.peakMiB < 2 * totalAttachmentMiB },
      { figure: 'import peak memory', value: importMemory.peakMiB, unit: 'MiB', baselineName: 'attachment size', baseline: totalAttachmentMiB, budget: '< 2× attachment size', withinBudget: importMemory.peakMiB < 2 * totalAttachmentMiB },
      { figure: 'JSZip export peak memory (reference)', value: jszipMemory.peakMiB, unit: 'MiB', baselineName: 'attachment size', baseline: totalAttachmentMiB, budget: 'none: shows what the streaming writer avoids', withinBudget: undefined },
      { figure: 'raw bulk write peak memory (reference)', value: rawMemory.peakMiB, unit: 'MiB', baselineName: 'attachment size', baseline: totalAttachmentMiB, budget: 'none', withinBudget: undefined },
    ],
  );
  await source.db.delete();
});

