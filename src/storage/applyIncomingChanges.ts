/**
 * Merges changes from elsewhere (a bundle, the sync hub) into this database: last-writer-wins per
 * field, with the same order as the pure core (`compareChangeVersions`), so every replica that has
 * seen the same changes holds the same records whatever the order and number of imports.
 *
 * In ONE read-write transaction: every incoming timestamp is received into the local clock (so the
 * next local edit sorts after everything seen), each change is compared with the field's stored
 * winner, winners go to fieldVersions and the changeLog, and the touched records are rebuilt from
 * their field versions and validated. A record that is invalid after the merge (say, a bundle that
 * carried only some fields of a new record) is stored as merged and reported: its field versions
 * must be kept, or the next bundle that completes it would produce a different result here than on
 * a device that received both at once.
 *
 * Cost, for imports of thousands of changes: all reads come first and in bulk — which incoming
 * fields, records and HLCs are stored here, by key-only reads (storedKeys.ts: one range per table
 * for large batches), then the stored winners of those fields in one `bulkGet`, the logged changes
 * among the input, and the other field versions of the records that exist here only — then every
 * write is a `bulkPut` (fieldVersions, changeLog, one per record table, conflicts). Records are
 * rebuilt in memory; nothing written is read back.
 *
 * Incoming changes are not put in the outbox: the outbox holds what this device authored.
 */
import { changeSchema, type Change } from '../core/merge/change';
import { receive, type ClockFailure } from '../core/clock/hlc';
import { compareChangeVersions, fieldKey, materialise, recordKey } from '../core/merge/mergeChanges';
import { tableNames, type TableName } from '../core/assessment/recordSchemas';
import { formatPath } from '../core/validation/formatPath';
import { err, ok, type Result } from '../core/result';
import type { StoreDeps } from './commitLocalEdit';
import type { MmdmaDatabase, StoredRecordRow } from './databaseSchema';
import { supersededByOwnNode } from './compactChangeLog';
import { parseRecord } from './parseRecord';
import { loadClock, saveClock } from './persistedClock';
import { newConflictRows, type ConflictContext } from './recordConflicts';
import { storedChangeLogKeys, storedFieldVersionKeys, type RecordRef } from './storedKeys';
import { toStorageFailure, type Problem, type StorageFailure } from './storageFailure';
import type { InvalidRow } from './validateRows';

export interface IncomingProblem extends Problem {
  /** Position of the change in the input. */
  readonly index: number;
  /** Why this device's clock refused the change's timestamp, when it did ('clock-drift': too far ahead, for now). */
  readonly clockRefusal?: ClockFailure['kind'];
}

export interface ApplyReport {
  /** Changes that won their field and were written. */
  readonly applied: number;
  /** Changes older than the field's current value here (or than a newer change in the same input). */
  readonly stale: number;
  /** Changes already here: the field's current version, or a change already in the change log. */
  readonly duplicate: number;
  /** Changes refused: malformed, too far in the future, or reusing another change's timestamp. */
  readonly invalid: number;
  readonly problems: readonly IncomingProblem[];
  /**
   * Some change carried this device's node id with a timestamp this device never issued: another
   * installation runs with the same node id (a cloned profile, a restored backup). Call
   * `resetNodeId()` and import again.
   */
  readonly nodeIdConflict: boolean;
  /** Records that fail validation after the merge; stored, but skipped by reads until fixed. */
  readonly invalidRecords: readonly InvalidRow[];
  /** Concurrent edits newly recorded in the conflicts table (only when asked, see ApplyOptions). */
  readonly conflictsRecorded: number;
}

type Outcome = 'applied' | 'stale' | 'duplicate' | 'invalid';

export interface ApplyOptions {
  /**
   * Record concurrent edits in the conflicts table (recordConflicts.ts). Needs to know what the
   * sender held; without it (changes of unknown provenance) no conflict is recorded.
   */
  readonly conflicts?: ConflictContext;
}

export async function applyIncomingChanges(
  db: MmdmaDatabase,
  deps: StoreDeps,
  input: readonly unknown[],
  options: ApplyOptions = {},
): Promise<Result<ApplyReport, StorageFailure>> {
  const problems: IncomingProblem[] = [];
  const candidates: Array<{ readonly index: number; readonly change: Change }> = [];
  input.forEach((raw, index) => {
    const parsed = changeSchema.safeParse(raw);
    if (parsed.success) candidates.push({ index, change: parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ index, path: formatPath(issue.path), message: issue.message });
  });
  const outcomes = new Map<number, Outcome>();
  for (const problem of problems) outcomes.set(problem.index, 'invalid');
  if (candidates.length === 0) return ok(report(outcomes, problems, false, [], 0));

  try {
    return await db.transaction('rw', [...tableNames, 'fieldVersions', 'changeLog', 'meta', 'conflicts'], async () => {
      let nodeIdConflict = false;
      const before = await loadClock(db, deps.randomBytes);
      const nowMs = deps.now();
      // Each timestamp is checked against the clock as it was (too far ahead? our node id but not
      // ours?); the clock is then advanced once, past the newest accepted one. Chaining `receive`
      // over every change would give the same guarantee but bump the counter once per change, and
      // a bundle of more than 65,536 changes would overflow it within the one millisecond `now`.
      let newest: Change['hlc'] | undefined;
      const received: Array<{ readonly index: number; readonly change: Change }> = [];
      for (const candidate of candidates) {
        const check = receive(before, candidate.change.hlc, nowMs);
        if (check.ok) {
          received.push(candidate);
          if (newest === undefined || candidate.change.hlc > newest) newest = candidate.change.hlc;
          continue;
        }
        // Refusing the change is what keeps local edits ordered after everything accepted; the
        // sender's clock (or our node id) has to be fixed before it can come in.
        if (check.error.kind === 'duplicate-node') nodeIdConflict = true;
        outcomes.set(candidate.index, 'invalid');
        problems.push({ index: candidate.index, path: 'hlc', message: clockMessage(check.error.kind), clockRefusal: check.error.kind });
      }
      const advanced = newest === undefined ? ok(before) : receive(before, newest, nowMs);
      if (!advanced.ok) throw new ClockRefusal(advanced.error);
      const clock = advanced.value;

      const stored = await readStoredVersions(db, received.map(({ change }) => change));

      // Pass 1: the winner of every field after this import (stored winner vs. every incoming
      // version), remembering which input position first produced it.
      const winners = new Map<string, { readonly change: Change; readonly index: number | undefined }>();
      for (const [key, change] of stored.winners) winners.set(key, { change, index: undefined });
      const fieldOfHlc = new Map<string, string>();
      for (const [hlc, change] of stored.logged) fieldOfHlc.set(hlc, fieldKey(change));
      const accepted: Array<{ readonly index: number; readonly change: Change }> = [];
      for (const { index, change } of received) {
        const key = fieldKey(change);
        const other = fieldOfHlc.get(change.hlc);
        if (other !== undefined && other !== key) {
          // Two different fields under one timestamp: no honest node does that (one tick per change),
          // and the change log, keyed by HLC, could keep only one of them.
          outcomes.set(index, 'invalid');
          problems.push({ index, path: 'hlc', message: `reuses the timestamp of a change to ${other.split('\u0000').join('.')}` });
          continue;
        }
        fieldOfHlc.set(change.hlc, key);
        accepted.push({ index, change });
        const current = winners.get(key);
        if (current === undefined || compareChangeVersions(change, current.change) > 0) winners.set(key, { change, index });
      }

      // Pass 2: each change against its field's final winner. Counting against the final state
      // (not the order within the input) makes a second import of the same input report
      // `duplicate = applied + duplicate` and the same `stale` as the first.
      for (const { index, change } of accepted) {
        const winner = winners.get(fieldKey(change));
        if (winner !== undefined && compareChangeVersions(change, winner.change) === 0) {
          outcomes.set(index, winner.index === index ? 'applied' : 'duplicate');
        } else {
          // Older than the winner: already here if this very change is in the log, else it lost.
          outcomes.set(index, stored.logged.has(change.hlc) ? 'duplicate' : 'stale');
        }
      }

      const conflicts =
        options.conflicts === undefined
          ? []
          : await newConflictRows(db, stored, accepted.map(({ change }) => change), options.conflicts, new Date(deps.now()).toISOString());
      const applied = [...winners.values()].filter((w) => w.index !== undefined).map((w) => w.change);
      if (applied.length === 0) {
        // Nothing won, so nothing is written but newly found conflicts (a concurrent edit that lost
        // here), not even the clock: importing the same bundle again leaves the database
        // byte-for-byte as it was. Skipping the clock is safe: every change seen here lost to a
        // stored winner, and the clock is already past every stored winner.
        if (conflicts.length > 0) await db.conflicts.bulkAdd(conflicts);
        return ok(report(outcomes, problems, nodeIdConflict, [], conflicts.length));
      }
      // Everything is read before anything is written: the records to rebuild come from the field
      // versions read here plus the winners just decided, never from reading our own writes back.
      const { rows, invalidRecords } = await rematerialise(db, applied, stored);
      // The stored winners these changes replace, where the same node made both (compactChangeLog.ts).
      const superseded = supersededByOwnNode(
        applied.map((change) => stored.winners.get(fieldKey(change))),
        applied,
      );
      await Promise.all([
        ...(superseded.length > 0 ? [db.changeLog.bulkDelete(superseded)] : []),
        db.fieldVersions.bulkPut(applied),
        db.changeLog.bulkPut(applied),
        ...[...rows].map(([table, tableRows]) => db[table].bulkPut(tableRows)),
        ...(conflicts.length > 0 ? [db.conflicts.bulkAdd(conflicts)] : []),
        saveClock(db, clock),
      ]);
      return ok(report(outcomes, problems, nodeIdConflict, invalidRecords, conflicts.length));
    });
  } catch (error) {
    if (error instanceof ClockRefusal) return err({ kind: 'clock', failure: error.failure, message: 'the clock cannot advance past these changes' });
    return err(toStorageFailure(error));
  }
}

/** Thrown to roll the import back when the clock cannot move past it (counter exhausted). */
class ClockRefusal extends Error {
  constructor(readonly failure: ClockFailure) {
    super(failure.kind);
  }
}

/**
 * The stored winner of every field the input touches, the logged changes with the input's HLCs, and
 * which of the input's records have field versions here (exist here).
 *
 * The stored field keys come from key-only reads (storedKeys.ts); only incoming fields among them
 * are read with `bulkGet`. A first import reads no value at all; a later batch of
 * the same import, only the fields of the record split across the batch boundary; a bundle of edits
 * to stored records, just those fields. The change log likewise: only logged HLCs are read.
 */
async function readStoredVersions(db: MmdmaDatabase, changes: readonly Change[]) {
  const [loggedHlcs, stored] = await Promise.all([storedChangeLogKeys(db, changes.map((change) => change.hlc)), storedFieldVersionKeys(db, changes)]);
  const fieldKeys = new Map<string, [string, string, string]>();
  for (const change of changes) {
    const key = fieldKey(change);
    if (stored.fields.has(key)) fieldKeys.set(key, [change.table, change.id, change.field]);
  }
  const hlcs = [...loggedHlcs];
  const [versionRows, logRows] = await Promise.all([
    fieldKeys.size === 0 ? [] : db.fieldVersions.bulkGet([...fieldKeys.values()]),
    hlcs.length === 0 ? [] : db.changeLog.bulkGet(hlcs),
  ]);
  const winners = new Map<string, Change>();
  // A damaged stored version counts as absent: the incoming change then repairs the field.
  for (const row of versionRows) {
    if (row === undefined) continue;
    const parsed = changeSchema.safeParse(row);
    if (parsed.success) winners.set(fieldKey(parsed.data), parsed.data);
  }
  const logged = new Map<string, Change>();
  for (const row of logRows) {
    if (row === undefined) continue;
    const parsed = changeSchema.safeParse(row);
    if (parsed.success) logged.set(parsed.data.hlc, parsed.data);
  }
  return { winners, logged, versionedRecords: stored.records };
}

/**
 * The touched records rebuilt from all their field versions, by table, ready for `bulkPut`, and the
 * ones that are invalid. Called before anything is written, so it folds the stored versions with
 * `applied` itself (`materialise` keeps the greatest version of each field, whatever the order).
 * A record exists here when it has field versions here (`versionedRecords`): field versions are
 * the truth, and every write stores a record's row in the transaction that stores its field
 * versions. Those records are read back from fieldVersions (`storedVersionsOf`), for the fields
 * the input does not carry; a record with none is created by this batch, its incoming winners are
 * all its field versions, and nothing is read for it.
 */
async function rematerialise(
  db: MmdmaDatabase,
  applied: readonly Change[],
  stored: { readonly versionedRecords: ReadonlySet<string> },
): Promise<{ rows: Map<TableName, StoredRecordRow[]>; invalidRecords: InvalidRow[] }> {
  const touched = new Map<string, RecordRef>();
  for (const change of applied) touched.set(recordKey(change), { table: change.table, id: change.id });
  const existing = [...touched].filter(([key]) => stored.versionedRecords.has(key)).map(([, ref]) => ref);
  const versions = await storedVersionsOf(db, existing);
  const merged = materialise([...versions, ...applied]);

  const rows = new Map<TableName, StoredRecordRow[]>();
  const invalidRecords: InvalidRow[] = [];
  for (const { table, id } of touched.values()) {
    const record = merged.get(table)?.get(id);
    if (record === undefined) continue;
    const parsed = parseRecord(table, record);
    let tableRows = rows.get(table);
    if (tableRows === undefined) rows.set(table, (tableRows = []));
    if (parsed.ok) tableRows.push({ ...parsed.value, id });
    else {
      tableRows.push({ ...record, id });
      invalidRecords.push({ table, id, problems: parsed.error });
    }
  }
  return { rows, invalidRecords };
}

/**
 * Every stored field version of records that exist here. IndexedDB cannot read several key ranges
 * in one request, so this is one `[table+id]` range per record, all requested at once inside the
 * transaction (no await per record). Not Dexie's `anyOf`, which would be one query: it steps a
 * cursor row by row, and on fake-indexeddb (the tests) it took 47 s to read 550 records of 9 fields
 * out of 1,100, against 0.14 s for these ranges.
 */
async function storedVersionsOf(db: MmdmaDatabase, records: readonly RecordRef[]): Promise<Change[]> {
  const perRecord = await Promise.all(records.map(({ table, id }) => db.fieldVersions.where('[table+id]').equals([table, id]).toArray()));
  const versions: Change[] = [];
  for (const rows of perRecord) {
    for (const row of rows) {
      const parsed = changeSchema.safeParse(row);
      if (parsed.success) versions.push(parsed.data);
    }
  }
  return versions;
}

function report(
  outcomes: ReadonlyMap<number, Outcome>,
  problems: readonly IncomingProblem[],
  nodeIdConflict: boolean,
  invalidRecords: readonly InvalidRow[],
  conflictsRecorded: number,
): ApplyReport {
  const counts = { applied: 0, stale: 0, duplicate: 0, invalid: 0 };
  for (const outcome of outcomes.values()) counts[outcome] += 1;
  return { ...counts, problems, nodeIdConflict, invalidRecords, conflictsRecorded };
}

function clockMessage(kind: string): string {
  switch (kind) {
    case 'clock-drift':
      return 'is too far in the future: the sending device’s clock is wrong';
    case 'duplicate-node':
      return 'carries this device’s node id but was not made here: another installation shares the node id';
    case 'counter-overflow':
      return 'cannot be received: too many timestamps in one millisecond';
    default:
      return 'is not a valid timestamp';
  }
}
