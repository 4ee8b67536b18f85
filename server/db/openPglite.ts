/**
 * The embedded engine: PGlite with its data in a local folder. PGlite is a single connection, so
 * every statement and every transaction goes through one queue (a transaction holds the queue until
 * it ends), and the folder is locked against a second hub process.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { lockDataFolder } from './dataFolderLock';

export async function openPglite(folder: string): Promise<Database> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const release = lockDataFolder(folder);
  let db: PGlite;
  try {
    db = await PGlite.create(folder);
  } catch (error) {
    release();
    throw error;
  }
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const direct: Queryable = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, [...params])).rows,
  };
  return {
    engine: 'pglite',
    query: (sql, params) => serialised(() => direct.query(sql, params)),
    transaction: (work) =>
      serialised(() =>
        db.transaction((tx) => work({ query: async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, [...params])).rows })),
      ),
    close: () =>
      serialised(async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      }),
  };
}
