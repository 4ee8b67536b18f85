/**
 * The one path by which a local edit reaches the disk. In ONE read-write transaction over the
 * record's table, fieldVersions, changeLog, outbox and meta it:
 *
 *   1. reads the record as stored and lets the caller plan the edit against it (validation happens
 *      here, inside the transaction, so an edit in another tab cannot slip in between the read and
 *      the write);
 *   2. stamps each changed field with its own HLC (one tick per change: the hub's push is
 *      idempotent on HLC + node, and changesSince relies on it too);
 *   3. writes the changes to fieldVersions, changeLog and outbox, the materialised record, and the
 *      advanced clock, and drops from the change log the versions this device's new changes
 *      supersede (compactChangeLog.ts: an hour of autosaves of one note keeps one row, not hundreds).
 *
 * Two round trips to the storage process: the reads (the record, the clock, the record's field
 * versions) together, then the writes together.
 *
 * `commitLocalEdits` does the same for many records of one table in one transaction (a batch
 * created at once); `commitLocalEdit` is its one-record case, so there is one write path.
 *
 * Either all of that commits or none of it: any failure, including an expected one discovered
 * half-way (a clock refusal), aborts the transaction. "Nothing typed more than a second before a
 * crash may be lost" rests on this: IndexedDB commits a transaction atomically and durably.
 */
import { tick } from '../core/clock/hlc';
import type { RecordOf, TableName } from '../core/assessment/recordSchemas';
import { jsonValueSchema, type Change, type JsonValue } from '../core/merge/change';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase, StoredRecordRow } from './databaseSchema';
import { supersededByOwnNode } from './compactChangeLog';
import { loadClock, saveClock, type RandomBytes } from './persistedClock';
import { toStorageFailure, type StorageFailure } from './storageFailure';

export interface StoreDeps {
  /** Wall-clock milliseconds since the epoch (Date.now in the app; a fake in tests). */
  readonly now: () => number;
  readonly randomBytes: RandomBytes;
}

/** What the caller decided: the record after the edit (validated) and the fields that changed. */
export interface PlannedEdit<T extends TableName> {
  readonly record: RecordOf<T>;
  readonly fields: readonly string[];
}

export type EditPlanner<T extends TableName> = (current: StoredRecordRow | undefined) => Result<PlannedEdit<T>, StorageFailure>;

export interface WriteOutcome<T extends TableName> {
  /** The record as stored after the write. */
  readonly record: RecordOf<T>;
  /** The changes written, one per changed field, in HLC order; empty when nothing changed. */
  readonly changes: readonly Change[];
}

/** A failure found inside the transaction; throwing it is what makes IndexedDB roll back. */
class Rollback extends Error {
  constructor(readonly failure: StorageFailure) {
    super(failure.kind);
  }
}

export const LOCAL_WRITE_STORES = ['fieldVersions', 'changeLog', 'outbox', 'meta'] as const;

export async function commitLocalEdit<T extends TableName>(
  db: MmdmaDatabase,
  deps: StoreDeps,
  table: T,
  id: string,
  plan: EditPlanner<T>,
): Promise<Result<WriteOutcome<T>, StorageFailure>> {
  const committed = await commitLocalEdits(db, deps, table, [{ id, plan }]);
  if (!committed.ok) return committed;
  const [outcome] = committed.value;
  // One edit in, one outcome out: anything else is a bug in commitLocalEdits, not a storage failure.
  if (!outcome) throw new Error('commitLocalEdits returned no outcome for the one edit it was given');
  return ok(outcome);
}

/** One record's edit in a batch: its id and the plan made against it as stored. */
export interface LocalEdit<T extends TableName> {
  readonly id: string;
  readonly plan: EditPlanner<T>;
}

/**
 * Many records of one table edited in ONE transaction, exactly as `commitLocalEdit` edits one: the
 * same reads, plans, stamps and writes, each record's changes stamped in turn with the one clock,
 * so the result is that of editing them one after another, committed (or not) together. For a
 * batch created at once (the example assessment's hundreds of records): one transaction instead of
 * one per record. The ids must differ (two plans against the same stored record would both be
 * made before either is written).
 */
export async function commitLocalEdits<T extends TableName>(
  db: MmdmaDatabase,
  deps: StoreDeps,
  table: T,
  edits: readonly LocalEdit<T>[],
): Promise<Result<WriteOutcome<T>[], StorageFailure>> {
  const ids = edits.map((edit) => edit.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) return err({ kind: 'invalid', problems: [{ path: 'id', message: `the record ${repeated} is edited twice in one batch` }] });
  try {
    const outcomes = await db.transaction('rw', [table, ...LOCAL_WRITE_STORES], async (): Promise<WriteOutcome<T>[]> => {
      // Requests are issued together where they do not depend on each other: IndexedDB runs them
      // in order all the same, and each await is a round trip to the browser's storage process,
      // whose answer also waits for the page's main thread (a note's save went from eight round
      // trips to three, then two: the record's field versions are read with it, all of them by the
      // [table+id] index, rather than those of the changed fields once the plan names them).
      const [currents, loadedClock, versions] = await Promise.all([
        db[table].bulkGet(ids),
        loadClock(db, deps.randomBytes),
        db.fieldVersions
          .where('[table+id]')
          .anyOf(ids.map((id) => [table, id]))
          .toArray(),
      ]);
      const versionsOf = new Map<string, Map<string, unknown>>();
      for (const version of versions) {
        const ofRecord = versionsOf.get(version.id) ?? new Map<string, unknown>();
        ofRecord.set(version.field, version);
        versionsOf.set(version.id, ofRecord);
      }

      let clock = loadedClock;
      const nowMs = deps.now();
      const outcomes: WriteOutcome<T>[] = [];
      const written: Change[] = [];
      const superseded: string[] = [];
      const rows: StoredRecordRow[] = [];
      edits.forEach((edit, i) => {
        const planned = edit.plan(currents[i]);
        if (!planned.ok) throw new Rollback(planned.error);
        const { record, fields } = planned.value;
        const values: Readonly<Record<string, unknown>> = record;
        const changes: Change[] = [];
        for (const field of fields) {
          const stamped = tick(clock, nowMs);
          if (!stamped.ok) {
            throw new Rollback({ kind: 'clock', failure: stamped.error, message: `the clock refused to stamp a change (${stamped.error.kind})` });
          }
          clock = stamped.value.clock;
          changes.push({ hlc: stamped.value.hlc, node: clock.nodeId, table, id: edit.id, field, value: toJson(values[field], field) });
        }
        outcomes.push({ record, changes });
        if (changes.length === 0) return;
        const versionOf = versionsOf.get(edit.id);
        // Loops, not push(...): a batch may hold more changes than a call has room for arguments.
        for (const old of supersededByOwnNode(changes.map((change) => versionOf?.get(change.field)), changes)) superseded.push(old);
        for (const change of changes) written.push(change);
        rows.push({ ...record, id: edit.id });
      });
      if (written.length === 0) return outcomes;
      // One batch of writes; any failure rejects and aborts the whole transaction.
      await Promise.all([
        db.fieldVersions.bulkPut(written),
        superseded.length > 0 ? db.changeLog.bulkDelete(superseded) : undefined,
        // bulkAdd, not bulkPut: HLCs are unique by construction, and a collision (a bug) must fail
        // loudly rather than overwrite a change another device may still need.
        db.changeLog.bulkAdd(written),
        // Keyed by field: an unpushed older change to the same field is replaced (compaction).
        db.outbox.bulkPut(written),
        db[table].bulkPut(rows),
        saveClock(db, clock),
      ]);
      return outcomes;
    });
    return ok(outcomes);
  } catch (error) {
    if (error instanceof Rollback) return err(error.failure);
    return err(toStorageFailure(error));
  }
}

/** Validated records hold JSON values only; anything else here is a bug in a schema. */
function toJson(value: unknown, field: string): JsonValue {
  const parsed = jsonValueSchema.safeParse(value);
  if (!parsed.success) throw new TypeError(`commitLocalEdit: field "${field}" does not hold a JSON value`);
  return parsed.data;
}
