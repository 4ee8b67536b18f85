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
  try {
    const outcome = await db.transaction('rw', [table, ...LOCAL_WRITE_STORES], async (): Promise<WriteOutcome<T>> => {
      // Requests are issued together where they do not depend on each other: IndexedDB runs them
      // in order all the same, and each await is a round trip to the browser's storage process,
      // whose answer also waits for the page's main thread (a note's save went from eight round
      // trips to three, then two: the record's field versions are read with it, all of them by the
      // [table+id] index, rather than those of the changed fields once the plan names them).
      const [current, loadedClock, versions] = await Promise.all([
        db[table].get(id),
        loadClock(db, deps.randomBytes),
        db.fieldVersions.where('[table+id]').equals([table, id]).toArray(),
      ]);
      const planned = plan(current);
      if (!planned.ok) throw new Rollback(planned.error);
      const { record, fields } = planned.value;
      if (fields.length === 0) return { record, changes: [] };

      let clock = loadedClock;
      const nowMs = deps.now();
      const values: Readonly<Record<string, unknown>> = record;
      const changes: Change[] = [];
      for (const field of fields) {
        const stamped = tick(clock, nowMs);
        if (!stamped.ok) {
          throw new Rollback({ kind: 'clock', failure: stamped.error, message: `the clock refused to stamp a change (${stamped.error.kind})` });
        }
        clock = stamped.value.clock;
        changes.push({ hlc: stamped.value.hlc, node: clock.nodeId, table, id, field, value: toJson(values[field], field) });
      }
      const versionOf = new Map<string, unknown>(versions.map((version) => [version.field, version] as const));
      const superseded = supersededByOwnNode(changes.map((change) => versionOf.get(change.field)), changes);
      // One batch of writes; any failure rejects and aborts the whole transaction.
      await Promise.all([
        db.fieldVersions.bulkPut(changes),
        superseded.length > 0 ? db.changeLog.bulkDelete(superseded) : undefined,
        // bulkAdd, not bulkPut: HLCs are unique by construction, and a collision (a bug) must fail
        // loudly rather than overwrite a change another device may still need.
        db.changeLog.bulkAdd(changes),
        // Keyed by field: an unpushed older change to the same field is replaced (compaction).
        db.outbox.bulkPut(changes),
        db[table].put({ ...record, id }),
        saveClock(db, clock),
      ]);
      return { record, changes };
    });
    return ok(outcome);
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
