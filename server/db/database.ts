/**
 * The hub's one storage port. Both engines speak PostgreSQL: PGlite (PostgreSQL compiled to
 * WebAssembly, embedded, one connection) and a PostgreSQL server through node-postgres. The hub's
 * SQL is written once, with `$1` parameters, and runs unchanged on both; this thin adapter (rather
 * than Kysely or Drizzle) is enough because the SQL is a dozen statements whose important parts
 * (the team row lock, `unnest` bulk inserts, `ON CONFLICT`) are plain PostgreSQL a query builder
 * would only wrap.
 *
 * Values come back as the drivers parse them; the hub's SQL casts what differs between the two
 * (bigint as text, counts as int) so callers see the same types on both engines.
 */
export type Engine = 'pglite' | 'postgres';

export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
