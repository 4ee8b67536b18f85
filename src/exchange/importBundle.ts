/**
 * Import: what a verified bundle would do to this device (`previewImport`), doing it on the user's
 * confirmation (`applyImport`), and remembering what each peer holds (`listBundlePeers`) so the next
 * export to it can carry only what it lacks. Storage-facing glue over bundle/readBundle.ts.
 *
 * Order of writes in applyImport, and why:
 * 1. Attachments first (content-addressed, so a blob can never overwrite anything): after an
 *    interruption, no attachment record points at bytes that are not there yet.
 * 2. Changes in batches, oldest HLC first, each batch one transaction of `store.applyChanges`. A
 *    batch is all or nothing; an import stopped between batches (closed tab, crash, abort) leaves
 *    this device holding, for every node, a prefix of that node's changes — exactly what version
 *    vectors assume — and importing the same bundle again completes it. Merging is last-writer-wins
 *    per field, so the order of bundles and repeated imports do not matter.
 * 3. The peer record (meta) last.
 */
import { z } from 'zod';
import { sha256HexSchema } from '../core/assessment/attachmentSchema';
import { MAX_DRIFT_MS, parseHlc, nodeIdSchema } from '../core/clock/hlc';
import type { TableName } from '../core/assessment/recordSchemas';
import { changeSchema, type Change, type JsonValue } from '../core/merge/change';
import { classifyChanges } from '../core/merge/classifyChanges';
import { isConcurrentEdit } from '../core/merge/concurrentEdit';
import { fieldKey } from '../core/merge/mergeChanges';
import { versionVectorSchema, type VersionVector } from '../core/merge/versionVector';
import { isoDateTimeSchema } from '../core/assessment/recordBase';
import { uuidSchema } from '../core/ids/uuidSchema';
import { err, ok, type Result } from '../core/result';
import type { ApplyReport, IncomingProblem, InvalidRow, MmdmaDatabase, StorageFailure, Store, VerifiedBlob } from '../storage';
import { toStorageFailure } from '../storage/storageFailure';
import { storedChangeLogKeys, storedFieldVersionKeys, storedRecordIds } from '../storage/storedKeys';
import { MMDMA_APP_VERSION, type BundleManifest, type FrameworkRef } from './bundle/format';
import { compareVersions, frameworkFit } from './bundle/frameworkMatch';
import type { BundleProblem } from './bundle/problem';
import type { OnBundleProgress } from './bundle/progress';
import type { VerifiedBundle } from './bundle/readBundle';
import { bundleClockProblem } from './bundle/bundleClock';
import { ASSESSMENT_ID_FIELD, recordKey } from './bundle/scope';
import { groupsWithin, PARALLEL_BYTES } from './bundle/boundedParallel';

/** Changes per `store.applyChanges` call (one transaction each). */
export const IMPORT_BATCH_CHANGES = 5_000;
/** Conflicts listed in full in a preview (all are counted). */
export const MAX_PREVIEW_CONFLICTS = 200;
/** Problems listed in full in a report (all are counted). */
export const MAX_REPORTED_PROBLEMS = 100;
/** Meta keys of peer records: `bundle-peer:<assessment id>:<node id>`. */
export const PEER_META_PREFIX = 'bundle-peer:';

export type ImportProblem =
  | BundleProblem
  | { readonly code: 'storage-failed'; readonly message: string; readonly failure: StorageFailure; readonly partial?: ImportReport }
  | { readonly code: 'aborted'; readonly message: string; readonly partial: ImportReport };

export interface FieldConflict {
  readonly table: TableName;
  readonly id: string;
  readonly field: string;
  readonly local: { readonly value: JsonValue; readonly hlc: string; readonly node: string };
  readonly incoming: { readonly value: JsonValue; readonly hlc: string; readonly node: string };
  /** Which value the merge keeps (the newer one); the other is what the lead may want to review. */
  readonly kept: 'local' | 'incoming';
}

export interface RecordCounts {
  /** Records this device does not have at all. */
  readonly new: number;
  /** Records this device has, of which at least one field would take the bundle's value. */
  readonly changed: number;
  /** Records with a field edited both here and in the bundle without either side seeing the other. */
  readonly conflicting: number;
  /** Records the bundle carries that would not change. */
  readonly unchanged: number;
}

export interface ImportPreview {
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
  readonly changes: {
    readonly total: number;
    /** Would be written (newer than the value here, or new). */
    readonly newer: number;
    /** Older than the value here: kept out. */
    readonly older: number;
    /** Already here. */
    readonly alreadyHere: number;
  };
  readonly records: RecordCounts;
  readonly byTable: Readonly<Partial<Record<TableName, RecordCounts>>>;
  /** The first MAX_PREVIEW_CONFLICTS conflicting fields. */
  readonly conflicts: readonly FieldConflict[];
  /** Conflicting fields in all (`conflicts` lists the first MAX_PREVIEW_CONFLICTS). */
  readonly conflictCount: number;
  readonly attachments: { readonly new: number; readonly present: number; readonly newBytes: number };
  /** Changes stamped more than MAX_DRIFT_MS ahead of this device's clock: they will be refused. */
  readonly futureChanges: number;
  /** Importing would change nothing (all changes and attachments already here). */
  readonly nothingNew: boolean;
}

export interface ImportReport {
  /** Changes written (they won their field). */
  readonly applied: number;
  /** Changes older than the value here. */
  readonly stale: number;
  /** Changes already here. */
  readonly duplicate: number;
  /** Changes refused by storage (clock far ahead, node id clash); see `problems`. */
  readonly invalid: number;
  readonly problems: readonly IncomingProblem[];
  readonly problemCount: number;
  /** Some change carried this device's node id: see Store.resetNodeId. */
  readonly nodeIdConflict: boolean;
  readonly invalidRecords: readonly InvalidRow[];
  readonly blobsCreated: number;
  /** Concurrent edits newly recorded in the conflicts table for the lead to review. */
  readonly conflictsRecorded: number;
  readonly blobsPresent: number;
  /** Nothing was written: importing this bundle again reports exactly this. */
  readonly nothingChanged: boolean;
}

export interface PreviewOptions {
  /** Wall-clock ms; default Date.now (for `futureChanges`). */
  readonly now?: () => number;
}

export async function previewImport(store: Store, db: MmdmaDatabase, bundle: VerifiedBundle, options: PreviewOptions = {}): Promise<Result<ImportPreview, ImportProblem>> {
  const now = options.now ?? (() => Date.now());
  const { manifest, changes } = bundle;
  // The clock rule again, with this device's clock now (the bundle may have been read earlier).
  const clockProblem = bundleClockProblem(bundle, now());
  if (clockProblem !== undefined) return err(clockProblem);
  // Only read: a preview writes nothing, not even the node id of a device that never wrote.
  const node = await store.existingNodeId();
  if (!node.ok) return storageFailed(node.error);

  const local = await readLocal(db, bundle);
  if (!local.ok) return local;
  const fit = checkLocalFit(bundle, local.value);
  if (!fit.ok) return fit;

  const winners = local.value.fieldVersions;
  const classified = classifyChanges((table, id, field) => winners.get(`${table}\u0000${id}\u0000${field}`)?.hlc, changes);

  const conflicts: FieldConflict[] = [];
  let conflictCount = 0;
  const conflictingRecords = new Set<string>();
  const changedRecords = new Set<string>();
  const consider = (incoming: Change, kept: 'local' | 'incoming') => {
    const localWinner = winners.get(fieldKey(incoming));
    // The same rule as the conflicts table the import writes (storage/recordConflicts.ts).
    if (localWinner === undefined || !isConcurrentEdit(localWinner, incoming, manifest.versionVector, local.value.loggedHere.has(incoming.hlc))) return;
    conflictingRecords.add(recordKey(incoming));
    conflictCount += 1;
    if (conflicts.length < MAX_PREVIEW_CONFLICTS) {
      conflicts.push({
        table: incoming.table,
        id: incoming.id,
        field: incoming.field,
        local: { value: localWinner.value, hlc: localWinner.hlc, node: localWinner.node },
        incoming: { value: incoming.value, hlc: incoming.hlc, node: incoming.node },
        kept,
      });
    }
  };
  for (const { change } of classified.wins) {
    changedRecords.add(recordKey(change));
    consider(change, 'incoming');
  }
  for (const { change } of classified.losses) consider(change, 'local');

  const byTable: Partial<Record<TableName, { new: number; changed: number; conflicting: number; unchanged: number }>> = {};
  const totals = { new: 0, changed: 0, conflicting: 0, unchanged: 0 };
  for (const [key, { table, exists }] of local.value.records) {
    const counts = (byTable[table] ??= { new: 0, changed: 0, conflicting: 0, unchanged: 0 });
    const kind = !exists ? 'new' : conflictingRecords.has(key) ? 'conflicting' : changedRecords.has(key) ? 'changed' : 'unchanged';
    counts[kind] += 1;
    totals[kind] += 1;
  }

  const limitMs = now() + MAX_DRIFT_MS;
  const futureChanges = changes.filter((c) => (parseHlc(c.hlc)?.wallMs ?? 0) > limitMs).length;
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
    changes: {
      total: changes.length,
      newer: classified.wins.length,
      older: classified.losses.length,
      alreadyHere: classified.duplicates.length + classified.superseded.length,
    },
    records: totals,
    byTable,
    conflicts,
    conflictCount,
    attachments: { new: newBlobs.length, present: bundle.blobs.length - newBlobs.length, newBytes: newBlobs.reduce((s, b) => s + b.bytes, 0) },
    futureChanges,
    nothingNew: classified.wins.length === 0 && newBlobs.length === 0,
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

export async function applyImport(store: Store, db: MmdmaDatabase, bundle: VerifiedBundle, options: ApplyImportOptions = {}): Promise<Result<ImportReport, ImportProblem>> {
  // The checks of the preview again: the database may have changed since the user looked.
  const clockProblem = bundleClockProblem(bundle, (options.now ?? Date.now)());
  if (clockProblem !== undefined) return err(clockProblem);
  const local = await readLocal(db, bundle, { fieldVersions: false });
  if (!local.ok) return local;
  const fit = checkLocalFit(bundle, local.value);
  if (!fit.ok) return fit;
  const node = await store.nodeId();
  if (!node.ok) return storageFailed(node.error);

  const sum = { applied: 0, stale: 0, duplicate: 0, invalid: 0, problemCount: 0, nodeIdConflict: false, blobsCreated: 0, blobsPresent: 0, conflictsRecorded: 0 };
  const problems: IncomingProblem[] = [];
  const invalidRecords: InvalidRow[] = [];
  const report = (): ImportReport => ({
    ...sum,
    problems: [...problems],
    invalidRecords: [...invalidRecords],
    nothingChanged: sum.applied === 0 && sum.blobsCreated === 0 && sum.conflictsRecorded === 0,
  });
  const aborted = () => err({ code: 'aborted' as const, message: 'The import was stopped; import the same bundle again to complete it.', partial: report() });

  const blobTotal = bundle.blobs.reduce((s, b) => s + b.bytes, 0);
  let blobDone = 0;
  const newBlobs = bundle.blobs.filter((info) => !local.value.blobsHere.has(info.sha256));
  sum.blobsPresent += bundle.blobs.length - newBlobs.length;
  // In groups of at most PARALLEL_BYTES (or one larger attachment), each stored in one transaction:
  // one commit per group rather than per attachment. A group's Blobs are zero-copy slices of a plain
  // bundle, or decrypted bytes (authenticated again as they are decrypted) held only until the group is
  // stored. readBundle verified every attachment against its SHA-256, so the store takes the
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

  const batch = Math.max(1, options.batchChanges ?? IMPORT_BATCH_CHANGES);
  // Concurrent edits go to the conflicts table with each batch, for the lead to review.
  const conflictContext = {
    assessmentId: bundle.manifest.assessment.id,
    knownToSender: bundle.manifest.versionVector,
    source: { kind: 'bundle' as const, id: bundle.manifest.bundleId, by: bundle.manifest.createdBy.assessor },
  };
  const changes = bundle.changes;
  for (let start = 0; start < changes.length; start += batch) {
    if (options.signal?.aborted) return aborted();
    const applied = await store.applyChanges(changes.slice(start, start + batch), { conflicts: conflictContext });
    if (!applied.ok) return storageFailed(applied.error, report());
    add(sum, problems, invalidRecords, applied.value, start);
    options.onProgress?.({ stage: 'changes', done: Math.min(changes.length, start + batch), total: changes.length, unit: 'changes' });
  }

  if (bundle.manifest.createdBy.kind === 'device' && bundle.manifest.createdBy.node !== node.value) {
    const remembered = await rememberPeer(db, bundle.manifest);
    if (!remembered.ok) return storageFailed(remembered.error, report());
  }
  return ok(report());
}

function add(sum: { applied: number; stale: number; duplicate: number; invalid: number; problemCount: number; nodeIdConflict: boolean; conflictsRecorded: number }, problems: IncomingProblem[], invalidRecords: InvalidRow[], batch: ApplyReport, offset: number) {
  sum.applied += batch.applied;
  sum.stale += batch.stale;
  sum.duplicate += batch.duplicate;
  sum.invalid += batch.invalid;
  sum.conflictsRecorded += batch.conflictsRecorded;
  sum.nodeIdConflict ||= batch.nodeIdConflict;
  sum.problemCount += batch.problems.length;
  for (const problem of batch.problems) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ ...problem, index: problem.index + offset });
  invalidRecords.push(...batch.invalidRecords);
}

// ——— peers ———

export const bundlePeerSchema = z.object({
  assessmentId: uuidSchema,
  node: nodeIdSchema,
  assessor: z.string().nullable(),
  assessorId: uuidSchema.nullable(),
  /** Pointwise maximum of the vectors of every bundle imported from this peer. */
  versionVector: versionVectorSchema,
  /** Union of the attachments the peer said it held. */
  blobsHeld: z.array(sha256HexSchema),
  lastBundleId: uuidSchema,
  lastBundleCreatedAt: isoDateTimeSchema,
  importedAt: isoDateTimeSchema,
});
export type BundlePeer = z.infer<typeof bundlePeerSchema>;

/** Peers whose bundles of this assessment were imported here, most recent first. */
export async function listBundlePeers(db: MmdmaDatabase, assessmentId: string): Promise<Result<BundlePeer[], StorageFailure>> {
  try {
    const rows = await db.meta.where('key').startsWith(`${PEER_META_PREFIX}${assessmentId}:`).toArray();
    const peers = rows.flatMap((row) => {
      const parsed = bundlePeerSchema.safeParse(row.value);
      return parsed.success ? [parsed.data] : [];
    });
    return ok(peers.sort((a, b) => (a.lastBundleCreatedAt < b.lastBundleCreatedAt ? 1 : -1)));
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

async function rememberPeer(db: MmdmaDatabase, manifest: BundleManifest): Promise<Result<void, StorageFailure>> {
  const key = `${PEER_META_PREFIX}${manifest.assessment.id}:${manifest.createdBy.node}`;
  try {
    await db.transaction('rw', db.meta, async () => {
      const previous = bundlePeerSchema.safeParse((await db.meta.get(key))?.value);
      const vector = mergeVectors(previous.success ? previous.data.versionVector : {}, manifest.versionVector);
      const newer = !previous.success || manifest.createdAt >= previous.data.lastBundleCreatedAt;
      const peer: BundlePeer = {
        assessmentId: manifest.assessment.id,
        node: manifest.createdBy.node,
        assessor: newer ? manifest.createdBy.assessor : previous.data.assessor,
        assessorId: newer ? manifest.createdBy.assessorId : previous.data.assessorId,
        versionVector: vector,
        blobsHeld: [...new Set([...(previous.success ? previous.data.blobsHeld : []), ...manifest.blobsHeld])].sort(),
        lastBundleId: newer ? manifest.bundleId : previous.data.lastBundleId,
        lastBundleCreatedAt: newer ? manifest.createdAt : previous.data.lastBundleCreatedAt,
        importedAt: new Date().toISOString(),
      };
      // A re-imported bundle teaches nothing new: leave the row alone, so the database is unchanged.
      if (previous.success && sameExceptImportTime(previous.data, peer)) return;
      await db.meta.put({ key, value: peer });
    });
    return ok(undefined);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

function sameExceptImportTime(a: BundlePeer, b: BundlePeer): boolean {
  return JSON.stringify({ ...a, importedAt: '' }) === JSON.stringify({ ...b, importedAt: '' });
}

function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out = new Map<string, string>(Object.entries(a));
  for (const [node, hlc] of Object.entries(b)) {
    const current = out.get(node);
    if (current === undefined || hlc > current) out.set(node, hlc);
  }
  return Object.fromEntries([...out].sort(([x], [y]) => (x < y ? -1 : 1)));
}

// ——— local state ———

interface LocalState {
  /** Field key → the change that wins the field here (empty when not asked for). */
  readonly fieldVersions: ReadonlyMap<string, Change>;
  /** Record key → whether this device has the record. */
  readonly records: ReadonlyMap<string, { readonly table: TableName; readonly exists: boolean }>;
  /** Records here that belong to another assessment than the bundle's. */
  readonly foreign: ReadonlyArray<{ readonly table: TableName; readonly id: string; readonly assessmentId: unknown }>;
  readonly assessmentFramework: FrameworkRef | undefined;
  readonly blobsHere: ReadonlySet<string>;
  /** HLCs of the bundle's changes that are in this device's change log (empty when not asked for). */
  readonly loggedHere: ReadonlySet<string>;
}

async function readLocal(db: MmdmaDatabase, bundle: VerifiedBundle, read: { fieldVersions: boolean } = { fieldVersions: true }): Promise<Result<LocalState, ImportProblem>> {
  const { changes, manifest } = bundle;
  const assessmentId = manifest.assessment.id;
  const fieldKeys = new Map<string, [string, string, string]>();
  const idsByTable = new Map<TableName, Set<string>>();
  for (const change of changes) {
    fieldKeys.set(fieldKey(change), [change.table, change.id, change.field]);
    let ids = idsByTable.get(change.table);
    if (ids === undefined) idsByTable.set(change.table, (ids = new Set()));
    ids.add(change.id);
  }
  try {
    return ok(
      await db.transaction('r', [...new Set<string>(['fieldVersions', 'changeLog', 'blobs', 'assessment', ...idsByTable.keys()])], async () => {
        // Only fields and records stored here are read (storedKeys.ts): a first import reads none.
        const storedFields = read.fieldVersions ? (await storedFieldVersionKeys(db, changes)).fields : new Set<string>();
        const loggedHere = read.fieldVersions ? await storedChangeLogKeys(db, changes.map((change) => change.hlc)) : new Set<string>();
        const versionRows = await db.fieldVersions.bulkGet([...fieldKeys].filter(([key]) => storedFields.has(key)).map(([, parts]) => parts));
        const fieldVersions = new Map<string, Change>();
        for (const row of versionRows) {
          const parsed = changeSchema.safeParse(row);
          if (parsed.success) fieldVersions.set(fieldKey(parsed.data), parsed.data);
        }
        const records = new Map<string, { table: TableName; exists: boolean }>();
        const foreign: Array<{ table: TableName; id: string; assessmentId: unknown }> = [];
        await Promise.all(
          [...idsByTable].map(async ([table, idSet]) => {
            const ids = [...idSet];
            const stored = await storedRecordIds(db, table, ids);
            for (const id of ids) records.set(recordKey({ table, id }), { table, exists: stored.has(id) });
            if (table === 'assessment') return;
            const storedIds = ids.filter((id) => stored.has(id));
            const rows = await db[table].bulkGet(storedIds);
            rows.forEach((row, i) => {
              if (row !== undefined && Object.hasOwn(row, ASSESSMENT_ID_FIELD) && row[ASSESSMENT_ID_FIELD] !== assessmentId) {
                foreign.push({ table, id: storedIds[i]!, assessmentId: row[ASSESSMENT_ID_FIELD] });
              }
            });
          }),
        );
        // Tables answer in any order; the record named in a refusal must not depend on it.
        foreign.sort((a, b) => (recordKey(a) < recordKey(b) ? -1 : 1));
        const assessmentRow = await db.assessment.get(assessmentId);
        const framework = z.object({ frameworkId: z.string(), frameworkVersion: z.string() }).safeParse(assessmentRow);
        const shas = bundle.blobs.map((b) => b.sha256);
        const blobsHere = new Set((shas.length === 0 ? [] : await db.blobs.where('sha256').anyOf(shas).primaryKeys()).map(String));
        return {
          fieldVersions,
          records,
          foreign,
          assessmentFramework: framework.success ? { id: framework.data.frameworkId, version: framework.data.frameworkVersion } : undefined,
          blobsHere,
          loggedHere,
        };
      }),
    );
  } catch (error) {
    return storageFailed(toStorageFailure(error));
  }
}

/** Framework and scope against this device; the framework note when versions differ but fit. */
function checkLocalFit(bundle: VerifiedBundle, local: LocalState): Result<string | undefined, ImportProblem> {
  const first = local.foreign[0];
  if (first !== undefined) {
    return err({
      code: 'out-of-scope',
      message: `The bundle would change ${first.table} ${first.id}, which belongs to another assessment (${String(first.assessmentId)}) on this device.`,
    });
  }
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
