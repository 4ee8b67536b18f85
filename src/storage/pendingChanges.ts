/**
 * The outbox: changes authored here and not yet pushed to the sync hub, at most one per field
 * (a newer edit of the same field replaces the older one on write). The sync client (a later
 * issue) pushes `pendingChanges` and then acknowledges what the hub accepted.
 */
import type { Change } from '../core/merge/change';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';
import type { InvalidRow } from './validateRows';
import { validateChangeRows } from './readChangeLog';

export interface OutboxRead {
  /** In canonical order, oldest first. */
  readonly changes: readonly Change[];
  readonly invalid: number;
  readonly invalidRows: readonly InvalidRow[];
}

export async function pendingChanges(db: MmdmaDatabase): Promise<Result<OutboxRead, StorageFailure>> {
  let rows: unknown[];
  try {
    rows = await db.outbox.toArray();
  } catch (error) {
    return err(toStorageFailure(error));
  }
  return ok(validateChangeRows(rows, 'outbox'));
}

/**
 * Removes pushed changes from the outbox, but only where the outbox still holds that very change:
 * if the user edited the field again while the push was in flight, the newer change stays queued.
 * Returns how many entries were removed.
 */
export async function acknowledgeChanges(db: MmdmaDatabase, pushed: readonly Change[]): Promise<Result<number, StorageFailure>> {
  try {
    const removed = await db.transaction('rw', db.outbox, async () => {
      const keys = pushed.map((c): [string, string, string] => [c.table, c.id, c.field]);
      const queued = await db.outbox.bulkGet(keys);
      const done = keys.filter((_, i) => queued[i] !== undefined && queued[i]?.hlc === pushed[i]?.hlc);
      await db.outbox.bulkDelete(done);
      return done.length;
    });
    return ok(removed);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
