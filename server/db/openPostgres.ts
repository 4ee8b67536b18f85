/**
 * A PostgreSQL server through node-postgres. Several hub processes may share one database: the
 * hub's only shared state is in it, and the per-team row lock orders pushes across processes.
 * `schema` (optional) puts the hub's tables in their own schema, made if missing: tests run in a
 * fresh schema each so parallel runs on one server don't collide.
 */
import pg from 'pg';
import type { Database, Queryable } from './database';

export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(connectionString: string, options: { schema?: string; maxConnections?: number } = {}): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME_PATTERN.test(schema)) throw new Error(`The schema name "${schema}" must be lower-case letters, digits and _`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  if (schema !== undefined) {
    // Queries on a client run in order, so this runs before anything the hub sends on it.
    pool.on('connect', (client) => {
      client.query(`SET search_path TO ${schema}`).catch(() => undefined);
    });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as Row[],
  });
  return {
    engine: 'postgres',
    ...asQueryable(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
