/**
 * Device-local settings kept in `meta` under a key prefix (imported frameworks: `framework:`), for
 * code outside storage that must not touch Dexie. Rows are returned as stored: the caller validates.
 */
import { liveQuery } from 'dexie';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';

/** Every meta row whose key starts with `prefix`. */
export function readMetaRows(db: MmdmaDatabase, prefix: string): Promise<unknown[]> {
  return db.meta.where('key').startsWith(prefix).toArray();
}

/** Calls `onChange` with the rows now and whenever a write under `prefix` commits, in this tab or another. */
export function watchMetaRows(db: MmdmaDatabase, prefix: string, onChange: (rows: unknown[]) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(() => readMetaRows(db, prefix)).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * Stores `value` under `key` unless a row is there already, checked inside the transaction (two tabs
 * cannot both win). Returns the row that was there, or undefined when this call stored it.
 */
export async function insertMetaRowIfAbsent(db: MmdmaDatabase, key: string, value: unknown): Promise<{ readonly existing: unknown }> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(key);
    if (existing !== undefined) return { existing };
    await db.meta.put({ key, value });
    return { existing: undefined };
  });
}

export async function deleteMetaRow(db: MmdmaDatabase, key: string): Promise<Result<void, StorageFailure>> {
  try {
    await db.meta.delete(key);
    return ok(undefined);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
