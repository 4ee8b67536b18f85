/**
 * Incoming changes, whatever carried them (a bundle file, a hub pull): what they would do here
 * (`previewIncoming`) and doing it in batches (`applyIncoming`). The transports add only what is
 * theirs — a bundle its attachments, framework check and peer record; the hub client its cursor.
 *
 * Order and atomicity of `applyIncoming`: changes in batches, in the order given (oldest HLC first
 * for a bundle, the hub's commit order for a pull), each batch one transaction of
 * `store.applyChanges`. A batch is all or nothing; stopped between batches (closed tab, crash,
 * abort), this device holds, for every node, a prefix of that node's changes — what version vectors
 * assume — and receiving the same changes again completes it. Merging is last-writer-wins per
 * field, so order and repetition do not matter.
 */
import type { TableName } from '../core/assessment/recordSchemas';
import { MAX_DRIFT_MS, parseHlc } from '../core/clock/hlc';
import type { Change, JsonValue } from '../core/merge/change';
import { classifyChanges } from '../core/merge/classifyChanges';
import { isConcurrentEdit } from '../core/merge/concurrentEdit';
import { fieldKey, recordKey } from '../core/merge/mergeChanges';
import type { VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import type { ApplyReport, ConflictSource, IncomingProblem, IncomingState, InvalidRow, StorageFailure, Store } from '../storage';
import { clockRefusedIndexes, heldSummary, holdChanges } from './heldChanges';

/** Changes per `store.applyChanges` call (one transaction each). */
export const APPLY_BATCH_CHANGES = 5_000;
/** Conflicts listed in full in a preview (all are counted). */
export const MAX_PREVIEW_CONFLICTS = 200;
/** Problems listed in full in a report (all are counted). */
export const MAX_REPORTED_PROBLEMS = 100;

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
  /** Records this device has, of which at least one field would take the incoming value. */
  readonly changed: number;
  /** Records with a field edited both here and there without either side seeing the other. */
  readonly conflicting: number;
  /** Records the incoming changes touch that would not change. */
  readonly unchanged: number;
}

export interface IncomingPreview {
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
  readonly conflictCount: number;
  /** Changes stamped more than MAX_DRIFT_MS ahead of this device's clock: they will wait here until it reaches them (heldChanges.ts). */
  readonly futureChanges: number;
  /** No change would be written. */
  readonly noNewChanges: boolean;
}

export type ScopeRefusal = { readonly code: 'out-of-scope'; readonly message: string };

/** Refuses changes that would write into a record of another assessment on this device. */
export function checkIncomingScope(local: IncomingState, sender = 'The changes'): Result<void, ScopeRefusal> {
  const first = local.foreign[0];
  if (first === undefined) return ok(undefined);
  return err({
    code: 'out-of-scope',
    message: `${sender} would change ${first.table} ${first.id}, which belongs to another assessment (${String(first.assessmentId)}) on this device.`,
  });
}

/** What applying `changes` (sent by a replica that held `knownToSender`) would do, given `local`. */
export function previewIncoming(changes: readonly Change[], knownToSender: VersionVector, local: IncomingState, nowMs: number): IncomingPreview {
  const winners = local.fieldVersions;
  const classified = classifyChanges((table, id, field) => winners.get(fieldKey({ table, id, field }))?.hlc, changes);
  const conflicts: FieldConflict[] = [];
  let conflictCount = 0;
  const conflictingRecords = new Set<string>();
  const changedRecords = new Set<string>();
  const consider = (incoming: Change, kept: 'local' | 'incoming') => {
    const localWinner = winners.get(fieldKey(incoming));
    // The same rule as the conflicts table the apply writes (storage/recordConflicts.ts).
    if (localWinner === undefined || !isConcurrentEdit(localWinner, incoming, knownToSender, local.loggedHere.has(incoming.hlc))) return;
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
  for (const [key, { table, exists }] of local.records) {
    const counts = (byTable[table] ??= { new: 0, changed: 0, conflicting: 0, unchanged: 0 });
    const kind = !exists ? 'new' : conflictingRecords.has(key) ? 'conflicting' : changedRecords.has(key) ? 'changed' : 'unchanged';
    counts[kind] += 1;
    totals[kind] += 1;
  }
  const limitMs = nowMs + MAX_DRIFT_MS;
  return {
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
    futureChanges: changes.filter((c) => (parseHlc(c.hlc)?.wallMs ?? 0) > limitMs).length,
    noNewChanges: classified.wins.length === 0,
  };
}

/** The sum of the batches' reports; problems indexed in the whole input. */
export interface IncomingReport {
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
  /** Concurrent edits newly recorded in the conflicts table for the lead to review. */
  readonly conflictsRecorded: number;
  /**
   * Changes stamped too far ahead of this device's clock: kept (heldChanges.ts) and applied once the
   * clock reaches them, not counted in `invalid` or `problems`.
   */
  readonly held: number;
  /** When the last held change of this assessment comes due here (ms), if any wait. */
  readonly heldDueByMs: number | undefined;
}

/** The report of applying nothing. */
export const NO_CHANGES_APPLIED: IncomingReport = {
  applied: 0,
  stale: 0,
  duplicate: 0,
  invalid: 0,
  problems: [],
  problemCount: 0,
  nodeIdConflict: false,
  invalidRecords: [],
  conflictsRecorded: 0,
  held: 0,
  heldDueByMs: undefined,
};

export interface ApplyIncomingRequest {
  readonly assessmentId: string;
  readonly changes: readonly Change[];
  /** What the sender held: a bundle's vector, or for the hub what its changes are known to cover. */
  readonly knownToSender: VersionVector;
  readonly source: ConflictSource;
  readonly batchChanges?: number;
  readonly signal?: AbortSignal;
  readonly onBatch?: (done: number, total: number) => void;
}

export type ApplyIncomingProblem =
  | { readonly code: 'storage-failed'; readonly failure: StorageFailure; readonly partial: IncomingReport }
  | { readonly code: 'aborted'; readonly partial: IncomingReport };

export async function applyIncoming(store: Store, request: ApplyIncomingRequest): Promise<Result<IncomingReport, ApplyIncomingProblem>> {
  const sum = { applied: 0, stale: 0, duplicate: 0, invalid: 0, problemCount: 0, nodeIdConflict: false, conflictsRecorded: 0, held: 0, heldDueByMs: undefined as number | undefined };
  const problems: IncomingProblem[] = [];
  const invalidRecords: InvalidRow[] = [];
  const report = (): IncomingReport => ({ ...sum, problems: [...problems], invalidRecords: [...invalidRecords] });
  const batch = Math.max(1, request.batchChanges ?? APPLY_BATCH_CHANGES);
  const conflicts = { assessmentId: request.assessmentId, knownToSender: request.knownToSender, source: request.source };
  const { changes } = request;
  for (let start = 0; start < changes.length; start += batch) {
    if (request.signal?.aborted) return err({ code: 'aborted', partial: report() });
    const slice = changes.slice(start, start + batch);
    const applied = await store.applyChanges(slice, { conflicts });
    if (!applied.ok) return err({ code: 'storage-failed', failure: applied.error, partial: report() });
    // Too far ahead of this device's clock: kept for later rather than refused (heldChanges.ts).
    const ahead = clockRefusedIndexes(applied.value);
    if (ahead.size > 0) {
      const held = await holdChanges(store, request.assessmentId, slice.filter((_, index) => ahead.has(index)), conflicts);
      if (!held.ok) return err({ code: 'storage-failed', failure: held.error, partial: report() });
    }
    addBatch(sum, problems, invalidRecords, applied.value, start, ahead);
    request.onBatch?.(Math.min(changes.length, start + batch), changes.length);
  }
  if (sum.held > 0) {
    const waiting = await heldSummary(store, request.assessmentId);
    if (!waiting.ok) return err({ code: 'storage-failed', failure: waiting.error, partial: report() });
    sum.heldDueByMs = waiting.value.dueByMs;
  }
  return ok(report());
}

function addBatch(
  sum: { applied: number; stale: number; duplicate: number; invalid: number; problemCount: number; nodeIdConflict: boolean; conflictsRecorded: number; held: number },
  problems: IncomingProblem[],
  invalidRecords: InvalidRow[],
  batch: ApplyReport,
  offset: number,
  held: ReadonlySet<number>,
) {
  sum.applied += batch.applied;
  sum.stale += batch.stale;
  sum.duplicate += batch.duplicate;
  sum.invalid += batch.invalid - held.size;
  sum.held += held.size;
  sum.conflictsRecorded += batch.conflictsRecorded;
  sum.nodeIdConflict ||= batch.nodeIdConflict;
  for (const problem of batch.problems) {
    if (held.has(problem.index)) continue;
    sum.problemCount += 1;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ ...problem, index: problem.index + offset });
  }
  invalidRecords.push(...batch.invalidRecords);
}
