/**
 * The write side of storage: the only way the app changes assessment data. Every write is one
 * IndexedDB transaction that stores the changed record, one change per changed field (each with its
 * own HLC) in fieldVersions, changeLog and outbox, and the advanced clock — or stores nothing.
 *
 * Reads are plain functions of the database (listAssessments, loadAssessment, recordQueries,
 * watchAssessment…); they need no clock and no randomness.
 */
import type { NodeId } from '../core/clock/hlc';
import type { RecordInputOf, TableName } from '../core/assessment/recordSchemas';
import type { Change } from '../core/merge/change';
import type { VersionVector } from '../core/merge/versionVector';
import { createUuidV7 } from '../core/ids/uuidv7';
import { err, ok, type Result } from '../core/result';
import { tableNames } from '../core/assessment/recordSchemas';
import { assessmentScope, type AssessmentChangesRead, type AssessmentOutline } from './assessmentChanges';
import type { IncomingState, IncomingStateRequest } from './readIncomingState';
import type { ApplyOptions, ApplyReport } from './applyIncomingChanges';
import type { ConflictsRead } from './conflicts';
import { commitLocalEdit, commitLocalEdits, type LocalEdit, type StoreDeps, type WriteOutcome } from './commitLocalEdit';
import type { HeldChangeRow, MmdmaDatabase, PeerRow } from './databaseSchema';
import { getBlob, type StoredBlob } from './getBlob';
import { naturalId } from './naturalId';
import { parseRecord } from './parseRecord';
import type { OutboxRead } from './pendingChanges';
import { freshClock, loadClock, saveClock, storedClock } from './persistedClock';
import { planCreate, planUpdate, unknownFieldProblems } from './planEdit';
import { putBlob, type PutBlobOutcome, type VerifiedBlob } from './putBlob';
import type { ChangeLogRead } from './readChangeLog';
import { toStorageFailure, type Problem, type StorageFailure } from './storageFailure';
import { watchPendingCount } from './watchPendingCount';

/** What `createRecord` takes: the table's input type (defaults optional), without the id it assigns. */
export type CreateInput<T extends TableName> = Omit<RecordInputOf<T>, 'id'>;
/** What `updateFields` takes: any subset of the fields, by their input types. */
export type FieldPatch<T extends TableName> = Partial<Omit<RecordInputOf<T>, 'id'>>;

export type WriteResult<T extends TableName> = Result<WriteOutcome<T>, StorageFailure>;

export interface Store {
  /**
   * Validates `input` with the table's schema and creates the record: a new UUIDv7 id, or for
   * ratings and consensus the natural-key id (`ratingId`/`consensusId`), in which case creating a
   * record that already exists updates the fields the input names (and undeletes it).
   */
  createRecord<T extends TableName>(table: T, input: CreateInput<T>): Promise<WriteResult<T>>;
  /**
   * Creates many records of one table in one transaction, each exactly as `createRecord` would
   * (validated, given its id, its changes stamped in turn): all are written, or none when one is
   * invalid (its problems' paths start with its position, `[3].title`) or the write fails. The
   * outcomes are in the order of `inputs`.
   */
  createRecords<T extends TableName>(table: T, inputs: readonly CreateInput<T>[]): Promise<Result<WriteOutcome<T>[], StorageFailure>>;
  /** Writes the fields of `patch` that differ from the stored record, after validating the result. */
  updateFields<T extends TableName>(table: T, id: string, patch: FieldPatch<T>): Promise<WriteResult<T>>;
  /** Sets `deleted: true` (never a hard delete: a delete merges, and can be undone, like an edit). */
  deleteRecord<T extends TableName>(table: T, id: string): Promise<WriteResult<T>>;
  /**
   * Merges changes from a bundle or the hub (validated here; anything may arrive). With
   * `conflicts`, concurrent edits are recorded in the conflicts table in the same transaction.
   */
  applyChanges(changes: readonly unknown[], options?: ApplyOptions): Promise<Result<ApplyReport, StorageFailure>>;
  /** The conflicts recorded for an assessment on this device, open ones first. */
  listConflicts(assessmentId: string): Promise<Result<ConflictsRead, StorageFailure>>;
  /** Marks a conflict reviewed (or open again); false when there is no such conflict. */
  markConflictReviewed(lostHlc: string, reviewed?: boolean): Promise<Result<boolean, StorageFailure>>;
  /** Hashes the bytes and stores them once under their SHA-256. For the user's files, and any bytes not verified yet. */
  putBlob(blob: Blob, mediaType: string): Promise<Result<PutBlobOutcome, StorageFailure>>;
  /**
   * Stores bytes under SHA-256s the caller has ALREADY VERIFIED against these very bytes, without
   * hashing them again (bundle import: readBundle checked every attachment), all in one
   * transaction. A wrong hash would be stored for good under the wrong key; when in doubt, use
   * putBlob. See putBlob.ts.
   */
  putVerifiedBlobs(entries: readonly VerifiedBlob[]): Promise<Result<PutBlobOutcome[], StorageFailure>>;
  getBlob(sha256: string): Promise<Result<StoredBlob | undefined, StorageFailure>>;
  /** This installation's node id (created and persisted on first use). */
  nodeId(): Promise<Result<NodeId, StorageFailure>>;
  /** This installation's node id if it has one already; undefined on a device that never wrote (creates nothing). */
  existingNodeId(): Promise<Result<NodeId | undefined, StorageFailure>>;
  /**
   * Gives this installation a new node id. Call after restoring a backup or cloning a profile: two
   * installations with one node id would issue equal timestamps for different edits, and the merge
   * would silently keep one and drop the other. The clock keeps its time, so new edits still sort
   * after everything this device has seen; changes already made under the old id stay valid.
   */
  resetNodeId(): Promise<Result<NodeId, StorageFailure>>;
  /** Logged changes a peer with `vector` lacks (`{}`: all), for bundles and sync. */
  changesSince(vector: VersionVector): Promise<Result<ChangeLogRead, StorageFailure>>;
  /** Node → newest HLC held here, for a bundle manifest. */
  versionVector(): Promise<Result<VersionVector, StorageFailure>>;
  /**
   * One assessment's field winners a peer with `vector` lacks (`{}`: all of them), with the scope
   * proofs and the assessment's own version vector (assessmentChanges.ts). For bundles and sync.
   */
  assessmentChangesSince(assessmentId: string, vector: VersionVector): Promise<Result<AssessmentChangesRead, StorageFailure>>;
  /** The assessment row and its attachment rows, unvalidated. */
  readAssessmentOutline(assessmentId: string): Promise<Result<AssessmentOutline, StorageFailure>>;
  /** Record keys (`recordKey`) of the assessment and of every record that belongs to it. */
  assessmentRecordKeys(assessmentId: string): Promise<Result<Set<string>, StorageFailure>>;
  /**
   * Calls `onChange` with the number of outbox entries now and after commits that change it, in
   * this tab or another, a second or so later (watchPendingCount.ts); returns the unsubscribe.
   */
  watchPendingCount(onChange: (count: number) => void, onError: (failure: StorageFailure) => void): () => void;
  /** Which of these SHA-256 have bytes here. */
  heldBlobs(sha256s: readonly string[]): Promise<Result<Set<string>, StorageFailure>>;
  /** What this device holds of what incoming changes touch (readIncomingState.ts). */
  readIncomingState(request: IncomingStateRequest): Promise<Result<IncomingState, StorageFailure>>;
  /** The peer rows of an assessment (src/sync validates them). */
  listPeerRows(assessmentId: string): Promise<Result<PeerRow[], StorageFailure>>;
  /** Read-modify-write of one peer row; `update` returning undefined writes nothing. */
  updatePeerRow(assessmentId: string, peerId: string, update: (previous: unknown) => unknown): Promise<Result<boolean, StorageFailure>>;
  deletePeerRow(assessmentId: string, peerId: string): Promise<Result<void, StorageFailure>>;
  /** Keeps incoming changes this device's clock may not receive yet (src/sync/heldChanges.ts gives the rows their meaning). */
  holdChangeRows(rows: readonly HeldChangeRow[]): Promise<Result<void, StorageFailure>>;
  /** One assessment's held rows up to an HLC bound (all without it), in time order, unvalidated. */
  listHeldChangeRows(assessmentId: string, upToHlc?: string): Promise<Result<HeldChangeRow[], StorageFailure>>;
  /** How many changes an assessment holds and the last to come due. */
  heldChangeSummary(assessmentId: string): Promise<Result<{ count: number; lastHlc: string | undefined }, StorageFailure>>;
  dropHeldChangeRows(assessmentId: string, hlcs: readonly string[]): Promise<Result<void, StorageFailure>>;
  /** Local changes not yet acknowledged by the hub, one per field. */
  pendingChanges(): Promise<Result<OutboxRead, StorageFailure>>;
  /** Drops pushed changes from the outbox unless the field was edited again meanwhile. */
  acknowledgeChanges(pushed: readonly Change[]): Promise<Result<number, StorageFailure>>;
}

export interface StoreOptions {
  /** Wall-clock ms; default Date.now. */
  readonly now?: () => number;
  /** Cryptographic randomness for ids and node ids; default crypto.getRandomValues. */
  readonly randomBytes?: (n: number) => Uint8Array;
}

export function createStore(db: MmdmaDatabase, options: StoreOptions = {}): Store {
  const deps: StoreDeps = {
    now: options.now ?? (() => Date.now()),
    randomBytes: options.randomBytes ?? ((n) => crypto.getRandomValues(new Uint8Array(n))),
  };

  /** A new record validated and given its id, and the edit that creates it (or updates its natural-key twin). */
  function prepareCreate<T extends TableName>(table: T, input: CreateInput<T>): Result<LocalEdit<T>, Problem[]> {
    const fields: Readonly<Record<string, unknown>> = isObject(input) ? input : {};
    const inputKeys = Object.keys(fields);
    const unknown = unknownFieldProblems(table, fields);
    if (unknown.length > 0) return err(unknown);
    // Validate with a provisional id first: a natural-key id is computed from validated fields.
    const provisionalId = createUuidV7(deps.now(), deps.randomBytes);
    const parsed = parseRecord(table, { ...fields, id: provisionalId });
    if (!parsed.ok) return err(parsed.error);
    const id = naturalId(table, parsed.value) ?? provisionalId;
    const record = { ...parsed.value, id };
    return ok({ id, plan: (current) => planCreate(table, record, inputKeys, current) });
  }

  async function createRecord<T extends TableName>(table: T, input: CreateInput<T>): Promise<WriteResult<T>> {
    const prepared = prepareCreate(table, input);
    if (!prepared.ok) return err({ kind: 'invalid', problems: prepared.error });
    return commitLocalEdit(db, deps, table, prepared.value.id, prepared.value.plan);
  }

  async function createRecords<T extends TableName>(table: T, inputs: readonly CreateInput<T>[]): Promise<Result<WriteOutcome<T>[], StorageFailure>> {
    const edits: LocalEdit<T>[] = [];
    const problems: Problem[] = [];
    inputs.forEach((input, i) => {
      const prepared = prepareCreate(table, input);
      if (prepared.ok) edits.push(prepared.value);
      else for (const problem of prepared.error) problems.push({ ...problem, path: problem.path === '' ? `[${i}]` : `[${i}].${problem.path}` });
    });
    if (problems.length > 0) return err({ kind: 'invalid', problems });
    return commitLocalEdits(db, deps, table, edits);
  }

  async function updateFields<T extends TableName>(table: T, id: string, patch: FieldPatch<T>): Promise<WriteResult<T>> {
    const fields: Readonly<Record<string, unknown>> = isObject(patch) ? patch : {};
    return commitLocalEdit(db, deps, table, id, (current) =>
      current === undefined ? err({ kind: 'not-found', table, id }) : planUpdate(table, current, fields),
    );
  }

  async function deleteRecord<T extends TableName>(table: T, id: string): Promise<WriteResult<T>> {
    return commitLocalEdit(db, deps, table, id, (current) =>
      current === undefined ? err({ kind: 'not-found', table, id }) : planUpdate(table, current, { deleted: true }),
    );
  }

  async function nodeId(): Promise<Result<NodeId, StorageFailure>> {
    try {
      const clock = await db.transaction('rw', db.meta, db.changeLog, () => loadClock(db, deps.randomBytes));
      return ok(clock.nodeId);
    } catch (error) {
      return err(toStorageFailure(error));
    }
  }

  async function existingNodeId(): Promise<Result<NodeId | undefined, StorageFailure>> {
    try {
      return ok((await storedClock(db))?.nodeId);
    } catch (error) {
      return err(toStorageFailure(error));
    }
  }

  async function resetNodeId(): Promise<Result<NodeId, StorageFailure>> {
    try {
      const clock = await db.transaction('rw', db.meta, db.changeLog, async () => {
        const previous = await loadClock(db, deps.randomBytes);
        const next = await freshClock(db, deps.randomBytes, previous);
        await saveClock(db, next);
        return next;
      });
      return ok(clock.nodeId);
    } catch (error) {
      return err(toStorageFailure(error));
    }
  }

  return {
    createRecord,
    createRecords,
    updateFields,
    deleteRecord,
    applyChanges: (changes, options) => replicating((m) => m.applyIncomingChanges(db, deps, changes, options)),
    listConflicts: (assessmentId) => replicating((m) => m.listConflicts(db, assessmentId)),
    markConflictReviewed: (lostHlc, reviewed) => replicating((m) => m.markConflictReviewed(db, deps.now, lostHlc, reviewed)),
    putBlob: (blob, mediaType) => putBlob(db, deps.now, blob, mediaType),
    putVerifiedBlobs: (entries) => replicating((m) => m.putVerifiedBlobs(db, deps.now, entries)),
    getBlob: (sha256) => getBlob(db, sha256),
    nodeId,
    existingNodeId,
    resetNodeId,
    changesSince: (vector) => replicating((m) => m.changesSince(db, vector)),
    versionVector: () => replicating((m) => m.versionVector(db)),
    assessmentChangesSince: (assessmentId, vector) => replicating((m) => m.assessmentChangesSince(db, assessmentId, vector)),
    readAssessmentOutline: (assessmentId) => replicating((m) => m.readAssessmentOutline(db, assessmentId)),
    heldBlobs: (sha256s) => replicating((m) => m.heldBlobs(db, sha256s)),
    assessmentRecordKeys: async (assessmentId) => {
      try {
        return ok(await db.transaction('r', [...tableNames], () => assessmentScope(db, assessmentId)));
      } catch (error) {
        return err(toStorageFailure(error));
      }
    },
    watchPendingCount: (onChange, onError) => watchPendingCount(db, onChange, onError),
    readIncomingState: (request) => replicating((m) => m.readIncomingState(db, request)),
    listPeerRows: (assessmentId) => replicating((m) => m.listPeerRows(db, assessmentId)),
    updatePeerRow: (assessmentId, peerId, update) => replicating((m) => m.updatePeerRow(db, assessmentId, peerId, update)),
    deletePeerRow: (assessmentId, peerId) => replicating((m) => m.deletePeerRow(db, assessmentId, peerId)),
    holdChangeRows: (rows) => replicating((m) => m.holdChangeRows(db, rows)),
    listHeldChangeRows: (assessmentId, upToHlc) => replicating((m) => m.listHeldChangeRows(db, assessmentId, upToHlc)),
    heldChangeSummary: (assessmentId) => replicating((m) => m.heldChangeSummary(db, assessmentId)),
    dropHeldChangeRows: (assessmentId, hlcs) => replicating((m) => m.dropHeldChangeRows(db, assessmentId, hlcs)),
    pendingChanges: () => replicating((m) => m.pendingChanges(db)),
    acknowledgeChanges: (pushed) => replicating((m) => m.acknowledgeChanges(db, pushed)),
  };
}

type ReplicationMethods = typeof import('./replicationMethods');
let replicationMethods: Promise<ReplicationMethods> | undefined;

/**
 * Runs a replication method once its module is loaded (replicationMethods.ts). A module that
 * cannot load (an app update removed the old chunk from the cache) is a storage failure like any
 * other, reported, not thrown; the next call tries the load again.
 */
async function replicating<T>(call: (methods: ReplicationMethods) => Promise<Result<T, StorageFailure>>): Promise<Result<T, StorageFailure>> {
  replicationMethods ??= import('./replicationMethods');
  let methods: ReplicationMethods;
  try {
    methods = await replicationMethods;
  } catch (error) {
    replicationMethods = undefined;
    return err(toStorageFailure(error));
  }
  return call(methods);
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
