/**
 * Import: what a verified bundle would do to this device (`previewImport`), doing it on the user's
 * confirmation (`applyImport`), and remembering what each peer holds (`listBundlePeers`) so the next
 * export to it can carry only what it lacks. The bundle transport over src/sync: what is the
 * bundle's own (its attachments, its framework and app version, its peer record) is here; the
 * preview and batched apply of the changes are src/sync/incoming.ts, shared with the hub client.
 *
 * Order of writes in applyImport, and why:
 * 1. Attachments first (content-addressed, so a blob can never overwrite anything): after an
 *    interruption, no attachment record points at bytes that are not there yet.
 * 2. Changes in batches, oldest HLC first, each batch one transaction of `store.applyChanges`. A
 *    batch is all or nothing; an import stopped between batches (closed tab, crash, abort) leaves
 *    this device holding, for every node, a prefix of that node's changes — exactly what version
 *    vectors assume — and importing the same bundle again completes it. Merging is last-writer-wins
 *    per field, so the order of bundles and repeated imports do not matter.
 * 3. The peer record (storage's `peers` table, src/sync/bundlePeers.ts) last.
 */
import type { TableName } from '../core/assessment/recordSchemas';
import { err, ok, type Result } from '../core/result';
import type { IncomingProblem, IncomingState, InvalidRow, StorageFailure, Store, VerifiedBlob } from '../storage';
import { listBundlePeers, rememberBundlePeer, type BundlePeer } from '../sync/bundlePeers';
import { releaseDueChanges } from '../sync/heldChanges';
import {
  APPLY_BATCH_CHANGES,
  MAX_PREVIEW_CONFLICTS,
  MAX_REPORTED_PROBLEMS,
  NO_CHANGES_APPLIED,
  applyIncoming,
  checkIncomingScope,
  previewIncoming,
  type FieldConflict,
  type IncomingPreview,
  type IncomingReport,
  type RecordCounts,
} from '../sync/incoming';
import { MMDMA_APP_VERSION, type BundleManifest, type FrameworkRef } from './bundle/format';
import { compareVersions, frameworkFit } from './bundle/frameworkMatch';
import type { BundleProblem } from './bundle/problem';
import type { OnBundleProgress } from './bundle/progress';
import type { VerifiedBundle } from './bundle/readBundle';
import { bundleClockProblem } from './bundle/bundleClock';
import { groupsWithin, PARALLEL_BYTES } from './bundle/boundedParallel';

export { listBundlePeers, MAX_PREVIEW_CONFLICTS, MAX_REPORTED_PROBLEMS, type BundlePeer, type FieldConflict, type RecordCounts };

/** Changes per `store.applyChanges` call (one transaction each). */
export const IMPORT_BATCH_CHANGES = APPLY_BATCH_CHANGES;

export type ImportProblem =
  | BundleProblem
  | { readonly code: 'storage-failed'; readonly message: string; readonly failure: StorageFailure; readonly partial?: ImportReport }
  | { readonly code: 'aborted'; readonly message: string; readonly partial: ImportReport };

/** What the bundle would change (the replication layer's preview) and what it is. */
export interface ImportPreview extends Omit<IncomingPreview, 'noNewChanges'> {
  readonly bundleId: string;
  readonly createdAt: string;
  readonly createdBy: BundleManifest['createdBy'];
  /** True when this very device exported the bundle. */
  readonly fromThisDevice: boolean;
  readonly assessment: { readonly id: string; readonly title: string; readonly existsHere: boolean };
  readonly framework: FrameworkRef;
  /** Set when the framework version differs from this device's but fits (ids kept as they are). */
  readonly frameworkNote: string | undefined;
  /**
   * The app version that made the bundle, when it is newer than this one. Bundles this app can read
   * (same format, a record schema it knows) are imported anyway, so a team need not update in
   * lockstep in the field; the preview asks to update. Newer formats and schemas are refused.
   */
  readonly newerAppVersion: string | undefined;
  readonly encrypted: boolean;
  /** Exported "since" a peer's vector: only part of the assessment. */
  readonly partial: boolean;
  readonly attachments: { readonly new: number; readonly present: number; readonly newBytes: number };
  /** Importing would change nothing (all changes and attachments already here). */
  readonly nothingNew: boolean;
}

/** What applying the bundle's changes did (the same report as the hub's pulls, src/sync/incoming.ts), and its attachments. */
export interface ImportReport extends IncomingReport {
  readonly blobsCreated: number;
  readonly blobsPresent: number;
  /** Nothing was written: importing this bundle again reports exactly this. */
  readonly nothingChanged: boolean;
}

export interface PreviewOptions {
  /** Wall-clock ms; default Date.now (for `futureChanges`). */
  readonly now?: () => number;
}

export async function previewImport(store: Store, bundle: VerifiedBundle, options: PreviewOptions = {}): Promise<Result<ImportPreview, ImportProblem>> {
  const now = options.now ?? (() => Date.now());
  const { manifest, changes } = bundle;
  // The clock rule again, with this device's clock now (the bundle may have been read earlier).
  const clockProblem = bundleClockProblem(bundle, now());
  if (clockProblem !== undefined) return err(clockProblem);
  // Only read: a preview writes nothing, not even the node id of a device that never wrote.
  const node = await store.existingNodeId();
  if (!node.ok) return storageFailed(node.error);

  const local = await readLocal(store, bundle);
  if (!local.ok) return local;
  const fit = checkLocalFit(bundle, local.value);
  if (!fit.ok) return fit;

  const incoming = previewIncoming(changes, manifest.versionVector, local.value, now());
  const newBlobs = bundle.blobs.filter((b) => !local.value.blobsHere.has(b.sha256));
  return ok({
    bundleId: manifest.bundleId,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    fromThisDevice: manifest.createdBy.node === node.value,
    assessment: { id: manifest.assessment.id, title: manifest.assessment.title, existsHere: local.value.assessmentFramework !== undefined },
    framework: manifest.framework,
    frameworkNote: fit.value ?? bundle.frameworkNote,
    newerAppVersion: compareVersions(manifest.appVersion, MMDMA_APP_VERSION) > 0 ? manifest.appVersion : undefined,
    encrypted: bundle.encrypted,
    partial: manifest.since !== null,
    changes: incoming.changes,
    records: incoming.records,
    byTable: incoming.byTable,
    conflicts: incoming.conflicts,
    conflictCount: incoming.conflictCount,
    attachments: { new: newBlobs.length, present: bundle.blobs.length - newBlobs.length, newBytes: newBlobs.reduce((s, b) => s + b.bytes, 0) },
    futureChanges: incoming.futureChanges,
    nothingNew: incoming.noNewChanges && newBlobs.length === 0,
  });
}

export interface ApplyImportOptions {
  readonly onProgress?: OnBundleProgress;
  /** Stops between batches; the report so far comes back with code 'aborted'. */
  readonly signal?: AbortSignal;
  /** Changes per transaction; default IMPORT_BATCH_CHANGES. */
  readonly batchChanges?: number;
  /** This device's wall clock in ms (default Date.now), for the clock rule (clockSkew.ts). */
  readonly now?: () => number;
}

export async function applyImport(store: Store, bundle: VerifiedBundle, options: ApplyImportOptions = {}): Promise<Result<ImportReport, ImportProblem>> {
  // The checks of the preview again: the database may have changed since the user looked.
  const clockProblem = bundleClockProblem(bundle, (options.now ?? Date.now)());
  if (clockProblem !== undefined) return err(clockProblem);
  const local = await readLocal(store, bundle, { fieldVersions: false });
  if (!local.ok) return local;
  const fit = checkLocalFit(bundle, local.value);
  if (!fit.ok) return fit;
  const node = await store.nodeId();
  if (!node.ok) return storageFailed(node.error);

  // Changes an earlier import or sync kept for this device's clock, now due, go in first.
  const released = await releaseDueChanges(store, bundle.manifest.assessment.id, (options.now ?? Date.now)());
  if (!released.ok) return storageFailed(released.error);

  const sum = { blobsCreated: 0, blobsPresent: 0 };
  let changes: IncomingReport = NO_CHANGES_APPLIED;
  const report = (): ImportReport => ({
    ...changes,
    ...sum,
    nothingChanged: changes.applied === 0 && sum.blobsCreated === 0 && changes.conflictsRecorded === 0 && changes.held === 0,
  });
  const aborted = () => err({ code: 'aborted' as const, message: 'The import was stopped; import the same bundle again to complete it.', partial: report() });

  const blobTotal = bundle.blobs.reduce((s, b) => s + b.bytes, 0);
  let blobDone = 0;
  const newBlobs = bundle.blobs.filter((info) => !local.value.blobsHere.has(info.sha256));
  sum.blobsPresent += bundle.blobs.length - newBlobs.length;
  // In groups of at most PARALLEL_BYTES (or one larger attachment), each stored in one transaction:
  // one commit per group rather than per attachment. A group's Blobs are zero-copy slices of a plain
  // bundle, or decrypted bytes (authenticated again as they are decrypted); either way the group's
  // bytes are in memory only until the group is stored (as bytes: see putVerifiedBlobs). readBundle verified every attachment against its SHA-256, so the store takes the
  // verified hash instead of hashing 100 MB a second time.
  for (const group of groupsWithin(newBlobs, (info) => info.bytes, PARALLEL_BYTES)) {
    if (options.signal?.aborted) return aborted();
    // A plain bundle's Blobs are slices, so all at once; an encrypted one's are decrypted into
    // memory, so one after the other, each as its chunks (no contiguous copy).
    const read = bundle.encrypted ? await mapInTurn(group, (info) => bundle.readBlob(info.sha256)) : await Promise.all(group.map((info) => bundle.readBlob(info.sha256)));
    const entries: VerifiedBlob[] = [];
    for (const [i, blob] of read.entries()) {
      if (!blob.ok) return err(blob.error);
      entries.push({ sha256: group[i]!.sha256, blob: blob.value, mediaType: group[i]!.mediaType });
    }
    const put = await store.putVerifiedBlobs(entries);
    if (!put.ok) return err(storageProblem(put.error, report()));
    for (const outcome of put.value) {
      if (outcome.created) sum.blobsCreated += 1;
      else sum.blobsPresent += 1;
      blobDone += outcome.bytes;
    }
    options.onProgress?.({ stage: 'attachments', done: blobDone, total: blobTotal, unit: 'bytes' });
  }
  if (options.signal?.aborted) return aborted();

  // The changes, through the one replication path (src/sync/incoming.ts): batches of one
  // transaction each, concurrent edits recorded in the conflicts table for the lead to review.
  const applied = await applyIncoming(store, {
    assessmentId: bundle.manifest.assessment.id,
    changes: bundle.changes,
    knownToSender: bundle.manifest.versionVector,
    source: { kind: 'bundle', id: bundle.manifest.bundleId, by: bundle.manifest.createdBy.assessor },
    batchChanges: options.batchChanges ?? IMPORT_BATCH_CHANGES,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onBatch: (done, total) => options.onProgress?.({ stage: 'changes', done, total, unit: 'changes' }),
  });
  if (!applied.ok) {
    changes = applied.error.partial;
    return applied.error.code === 'aborted' ? aborted() : storageFailed(applied.error.failure, report());
  }
  changes = applied.value;

  // The peer record last: what it says the peer holds is now here.
  if (bundle.manifest.createdBy.kind === 'device' && bundle.manifest.createdBy.node !== node.value) {
    const { manifest } = bundle;
    const remembered = await rememberBundlePeer(store, {
      assessmentId: manifest.assessment.id,
      node: manifest.createdBy.node,
      assessor: manifest.createdBy.assessor,
      assessorId: manifest.createdBy.assessorId,
      versionVector: manifest.versionVector,
      blobsHeld: manifest.blobsHeld,
      bundleId: manifest.bundleId,
      createdAt: manifest.createdAt,
    });
    if (!remembered.ok) return storageFailed(remembered.error, report());
  }
  return ok(report());

}

// ——— local state ———

type LocalState = IncomingState;

async function readLocal(store: Store, bundle: VerifiedBundle, read: { fieldVersions: boolean } = { fieldVersions: true }): Promise<Result<LocalState, ImportProblem>> {
  const local = await store.readIncomingState({
    assessmentId: bundle.manifest.assessment.id,
    changes: bundle.changes,
    blobs: bundle.blobs.map((b) => b.sha256),
    fieldVersions: read.fieldVersions,
  });
  return local.ok ? local : storageFailed(local.error);
}

/** Framework and scope against this device; the framework note when versions differ but fit. */
function checkLocalFit(bundle: VerifiedBundle, local: LocalState): Result<string | undefined, ImportProblem> {
  const scope = checkIncomingScope(local, 'The bundle');
  if (!scope.ok) return err(scope.error);
  if (local.assessmentFramework === undefined) return ok(undefined);
  const fit = frameworkFit(bundle.manifest.framework, local.assessmentFramework, 'this assessment on this device');
  if (fit.fit === 'incompatible') return err({ code: 'framework-mismatch', message: fit.reason });
  return ok(fit.fit === 'compatible' ? fit.note : undefined);
}

function storageFailed(failure: StorageFailure, partial?: ImportReport): Result<never, ImportProblem> {
  return err(storageProblem(failure, partial));
}

function storageProblem(failure: StorageFailure, partial?: ImportReport): ImportProblem {
  return {
    code: 'storage-failed',
    message: failure.kind === 'quota-exceeded' ? 'The device is full: free some space, then import again.' : 'The device’s storage refused the import; import again.',
    failure,
    ...(partial === undefined ? {} : { partial }),
  };
}

async function mapInTurn<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await map(item));
  return out;
}
