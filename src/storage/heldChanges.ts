/**
 * The `heldChanges` table (version 4): per assessment, incoming changes stamped further ahead of this
 * device's clock than it may receive (MAX_DRIFT_MS in hlc.ts), kept until the clock reaches them.
 * Storage keeps the rows; their meaning and shape belong to src/sync (heldChanges.ts there), which
 * validates every row it reads.
 */
import { err, ok, type Result } from '../core/result';
import type { HeldChangeRow, MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';

/** Puts the rows (the same change held twice is one row: the key is assessment + HLC). */
export async function holdChangeRows(db: MmdmaDatabase, rows: readonly HeldChangeRow[]): Promise<Result<void, StorageFailure>> {
  try {
    if (rows.length > 0) await db.heldChanges.bulkPut([...rows]);
    return ok(undefined);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/**
 * One assessment's held rows whose HLC sorts at or below `upToHlc` (all of them without it), in time
 * order. HLC strings sort by wall time, so a bound made of a wall time selects what is due by then.
 */
export async function listHeldChangeRows(db: MmdmaDatabase, assessmentId: string, upToHlc?: string): Promise<Result<HeldChangeRow[], StorageFailure>> {
  try {
    const upper = upToHlc ?? '\uffff';
    return ok(await db.heldChanges.where('[assessmentId+hlc]').between([assessmentId, ''], [assessmentId, upper], true, true).toArray());
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** How many changes an assessment holds, and the newest one's HLC (the last to come due). */
export async function heldChangeSummary(db: MmdmaDatabase, assessmentId: string): Promise<Result<{ count: number; lastHlc: string | undefined }, StorageFailure>> {
  try {
    // A fresh collection for each query: Dexie's last() reverses the collection it is called on.
    const range = () => db.heldChanges.where('[assessmentId+hlc]').between([assessmentId, ''], [assessmentId, '\uffff'], true, true);
    const [count, last] = await db.transaction('r', db.heldChanges, () => Promise.all([range().count(), range().last()]));
    return ok({ count, lastHlc: last?.hlc });
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

export async function dropHeldChangeRows(db: MmdmaDatabase, assessmentId: string, hlcs: readonly string[]): Promise<Result<void, StorageFailure>> {
  try {
    if (hlcs.length > 0) await db.heldChanges.bulkDelete(hlcs.map((hlc): [string, string] => [assessmentId, hlc]));
    return ok(undefined);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
