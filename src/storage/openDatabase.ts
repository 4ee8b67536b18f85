import { Dexie, type DexieOptions } from 'dexie';
import { DEFAULT_DATABASE_NAME, defineSchema, type MmdmaDatabase } from './databaseSchema';

/**
 * Options passed through to Dexie. Tests pass `indexedDB` and `IDBKeyRange` from fake-indexeddb;
 * the app passes nothing. Note that Dexie's `liveQuery` checks for a *global* indexedDB when it
 * runs, so watchers need `fake-indexeddb/auto` (imported before dexie) in Node.
 */
export type OpenDatabaseOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange' | 'chromeTransactionDurability'>;

/**
 * A Dexie handle on the app's database, schema defined (see databaseSchema.ts). Dexie opens it
 * lazily on the first query; call `db.open()` to surface an open failure (private mode, a blocked
 * upgrade) early, and `db.close()` when done (tests).
 */
export function openDatabase(name: string = DEFAULT_DATABASE_NAME, options: OpenDatabaseOptions = {}): MmdmaDatabase {
  const db = new Dexie(name, options);
  defineSchema(db);
  // The tables are declared by defineSchema at runtime; TypeScript cannot see that, hence the one
  // assertion (the pattern Dexie documents for typed databases).
  return db as MmdmaDatabase;
}
