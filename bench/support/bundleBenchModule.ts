/**
 * Runs INSIDE Chromium (bench/bundle.bench.ts builds it into a blank served page), so both sides of
 * each time ratio write to the real IndexedDB of a real browser profile, as they do in the field:
 *   export: exportBundle(store) against JSZip zipping the same files (the same NDJSON change chunks,
 *           the same attachment Blobs read from the same store);
 *   import: readBundle + applyImport into a fresh database against a raw bulk write of the same
 *           records (change log, field versions, materialised rows, blobs) in one transaction, with
 *           no reading, checking or merging.
 * Every timing is taken here with performance.now(), so no DevTools round trip is in a figure.
 */
import JSZip from 'jszip';
import { materialise } from '../../src/core/merge/mergeChanges';
import { CHANGES_PER_CHUNK, blobPath, changesPath } from '../../src/exchange/bundle/format';
import { encodeChanges } from '../../src/exchange/bundle/ndjson';
import { deriveBundleKey, type BundleKey } from '../../src/exchange/bundle/encryption';
import { readBundle, type VerifiedBundle } from '../../src/exchange/bundle/readBundle';
import { exportBundle } from '../../src/exchange/exportBundle';
import { applyImport } from '../../src/exchange/importBundle';
import { createStore, openDatabase, sha256Hex, type MmdmaDatabase, type Store } from '../../src/storage';
import type { StoredBlob } from '../../src/storage';
import { ATTACHMENT_BYTES, ATTACHMENTS, bundleWorkload, noise, type BundleWorkload } from './bundleWorkload';

interface Prepared {
  readonly workload: BundleWorkload;
  readonly shas: readonly string[];
  readonly source: { readonly db: MmdmaDatabase; readonly store: Store };
  readonly bundle: Blob;
  /** The same assessment exported with encryption on, and its key (derived once: PBKDF2 is not what is timed). */
  readonly encrypted: { readonly bundle: Blob; readonly key: BundleKey };
  readonly chunkTexts: ReadonlyArray<readonly [string, Uint8Array]>;
  readonly rows: ReturnType<typeof materialise>;
  readonly blobRows: readonly StoredBlob[];
}

let prepared: Prepared | undefined;
let dbCounter = 0;

function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function freshStore(now: number): { db: MmdmaDatabase; store: Store } {
  const db = openDatabase(`bundle-bench-${Date.now()}-${++dbCounter}`);
  const store = createStore(db, { now: () => now, randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
  return { db, store };
}

function state(): Prepared {
  if (prepared === undefined) throw new Error('call prepare() first');
  return prepared;
}

/** Seeds the source device and exports the bundle that the import runs read. */
export async function prepare(): Promise<{ changes: number; bundleBytes: number; attachmentBytes: number }> {
  const shas: string[] = [];
  const blobs: Blob[] = [];
  for (let i = 0; i < ATTACHMENTS; i++) {
    const blob = new Blob([noise(ATTACHMENT_BYTES, i + 1)], { type: 'image/jpeg' });
    blobs.push(blob);
    shas.push(await sha256Hex(blob));
  }
  const workload = bundleWorkload(shas);
  const source = freshStore(workload.now);
  unwrap(await source.store.applyChanges(workload.changes), 'seeding changes');
  for (const blob of blobs) unwrap(await source.store.putBlob(blob, 'image/jpeg'), 'seeding an attachment');
  const chunkTexts: Array<readonly [string, Uint8Array]> = [];
  for (let i = 0; i * CHANGES_PER_CHUNK < workload.changes.length; i++) {
    chunkTexts.push([changesPath(i + 1), encodeChanges(workload.changes.slice(i * CHANGES_PER_CHUNK, (i + 1) * CHANGES_PER_CHUNK))]);
  }
  const blobRows: StoredBlob[] = [];
  for (const sha of shas) blobRows.push(unwrap(await source.store.getBlob(sha), 'reading an attachment')!);
  const base = { workload, shas, source, chunkTexts, rows: materialise(workload.changes), blobRows };
  const key = await deriveBundleKey('bench: tuesday evening, hotel lobby');
  prepared = { ...base, bundle: (await exportOnce(base)).blob, encrypted: { bundle: (await exportOnce(base, key)).blob, key } };
  return { changes: workload.changes.length, bundleBytes: prepared.bundle.size, attachmentBytes: ATTACHMENTS * ATTACHMENT_BYTES };
}

async function exportOnce(p: Pick<Prepared, 'workload' | 'source'>, key?: BundleKey) {
  return unwrap(
    await exportBundle(p.source.store, {
      assessmentId: p.workload.assessmentId,
      includeAttachments: true,
      createdBy: { name: 'Bench' },
      now: () => p.workload.now,
      ...(key === undefined ? {} : { key }),
    }),
    'export',
  );
}

async function jszipOnce(p: Prepared): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, bytes] of p.chunkTexts) zip.file(path, bytes, { compression: 'DEFLATE' });
  for (const sha of p.shas) zip.file(blobPath(sha), unwrap(await p.source.store.getBlob(sha), 'reading an attachment')!.blob, { compression: 'STORE' });
  zip.file('manifest.json', '{}', { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'uint8array' });
}

async function importOnce(p: Prepared, verifiedEarlier?: VerifiedBundle, part?: 'changes' | 'blobs', encrypted = false): Promise<MmdmaDatabase> {
  const target = freshStore(p.workload.now);
  const verified =
    verifiedEarlier ?? unwrap(await (encrypted ? readBundle(p.encrypted.bundle, { key: p.encrypted.key }) : readBundle(p.bundle)), 'verifying the bundle');
  const subset = part === 'changes' ? { ...verified, blobs: [] } : part === 'blobs' ? { ...verified, changes: [] } : verified;
  const report = unwrap(await applyImport(target.store, subset), 'import');
  const wantChanges = part === 'blobs' ? 0 : p.workload.changes.length;
  const wantBlobs = part === 'changes' ? 0 : ATTACHMENTS;
  if (report.applied !== wantChanges || report.blobsCreated !== wantBlobs) throw new Error(`import incomplete: ${JSON.stringify(report)}`);
  return target.db;
}

async function rawOnce(p: Prepared): Promise<MmdmaDatabase> {
  const target = freshStore(p.workload.now);
  const { changes } = p.workload;
  await target.db.transaction('rw', [...p.rows.keys(), 'changeLog', 'fieldVersions', 'blobs'], async () => {
    await target.db.changeLog.bulkPut(changes);
    await target.db.fieldVersions.bulkPut(changes);
    for (const [table, records] of p.rows) await target.db.table(table).bulkPut([...records.values()]);
    await target.db.blobs.bulkPut([...p.blobRows]);
  });
  return target.db;
}

async function collect(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Milliseconds of `run`; a database it made is deleted afterwards, outside the timing. */
async function timedRun(run: () => Promise<MmdmaDatabase | void>): Promise<number> {
  await collect();
  const start = performance.now();
  const made = await run();
  const ms = performance.now() - start;
  if (made !== undefined) await made.delete();
  return ms;
}

export interface PairedTimes {
  readonly baseline: number[];
  readonly subject: number[];
}

/** One warm-up of each, then `runs` pairs, baseline and subject alternately. */
export async function timePairs(which: 'export' | 'import' | 'export-encrypted' | 'import-encrypted', runs: number): Promise<PairedTimes> {
  const p = state();
  const exporting = which === 'export' || which === 'export-encrypted';
  const encrypted = which.endsWith('-encrypted');
  const baselineRun = exporting ? async () => void (await jszipOnce(p)) : () => rawOnce(p);
  const subjectRun = exporting
    ? async () => void (await exportOnce(p, encrypted ? p.encrypted.key : undefined))
    : () => importOnce(p, undefined, undefined, encrypted);
  await timedRun(baselineRun);
  await timedRun(subjectRun);
  const baseline: number[] = [];
  const subject: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(await timedRun(baselineRun));
    subject.push(await timedRun(subjectRun));
  }
  return { baseline, subject };
}

/** Where import time goes: verification alone, then applying only attachments or only changes. */
export async function timeImportStages(runs: number, encrypted = false): Promise<{ verify: number[]; blobs: number[]; changes: number[] }> {
  const p = state();
  const verifyOnce = async () => unwrap(await (encrypted ? readBundle(p.encrypted.bundle, { key: p.encrypted.key }) : readBundle(p.bundle)), 'verifying');
  const verify: number[] = [];
  const blobs: number[] = [];
  const changes: number[] = [];
  for (let i = 0; i < runs; i++) {
    verify.push(await timedRun(async () => void (await verifyOnce())));
    const verified = await verifyOnce();
    blobs.push(await timedRun(() => importOnce(p, verified, 'blobs')));
    changes.push(await timedRun(() => importOnce(p, verified, 'changes')));
  }
  return { verify, blobs, changes };
}
