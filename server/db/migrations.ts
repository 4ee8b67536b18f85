/**
 * The hub's schema, as numbered migrations that run unchanged on PGlite and on a PostgreSQL server.
 * Each runs once, in its own transaction, under an advisory lock so that several hubs starting at
 * once on one server don't race. Append; never edit a migration that has shipped.
 *
 * Why the tables look as they do:
 * - `teams.last_seq` is the team's cursor counter. A push locks the team row (`FOR UPDATE`), numbers
 *   its changes from `last_seq + 1` and commits with the lock held, so sequence numbers become
 *   visible in order: a reader never sees 11 before 10 (which a SERIAL cannot promise).
 * - `changes` is keyed by (team, seq) for pulls and unique on (team, hlc) for idempotence: an HLC
 *   ends with its node id, so HLC alone identifies a change within a team.
 * - Secrets (hub secret, tokens, invite codes) are stored only as SHA-256 hex.
 */
import type { Database } from './database';

export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE hub_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        assessment_id uuid NOT NULL,
        encrypted boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seq bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE devices (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        label text NOT NULL,
        role text NOT NULL CHECK (role IN ('lead', 'assessor', 'observer')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX devices_team ON devices (team_id);
      CREATE TABLE invites (
        code_hash text PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        role text NOT NULL CHECK (role IN ('lead', 'assessor', 'observer')),
        created_by uuid NOT NULL REFERENCES devices(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by uuid REFERENCES devices(id)
      );
      CREATE TABLE changes (
        team_id uuid NOT NULL REFERENCES teams(id),
        seq bigint NOT NULL,
        hlc text NOT NULL,
        node text NOT NULL,
        tbl text NOT NULL,
        rec_id uuid NOT NULL,
        field text NOT NULL,
        value text,
        enc text,
        received_at timestamptz NOT NULL DEFAULT now(),
        pushed_by uuid NOT NULL,
        PRIMARY KEY (team_id, seq),
        UNIQUE (team_id, hlc),
        CHECK ((value IS NULL) <> (enc IS NULL))
      );
      CREATE TABLE blobs (
        team_id uuid NOT NULL REFERENCES teams(id),
        sha256 text NOT NULL,
        bytes bigint NOT NULL,
        media_type text NOT NULL,
        received bigint NOT NULL DEFAULT 0,
        complete boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, sha256)
      );
      CREATE TABLE blob_parts (
        team_id uuid NOT NULL,
        sha256 text NOT NULL,
        start_byte bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (team_id, sha256, start_byte),
        FOREIGN KEY (team_id, sha256) REFERENCES blobs(team_id, sha256) ON DELETE CASCADE
      );
    `,
  },
  {
    // 2: abandoned uploads are purged by the time of their last part (`touched_at`); encrypted
    // teams find a blob by its opaque `ref`; the lead lists invites by the code's first five
    // characters (25 of its 100 bits: the other 75 still make it unguessable).
    version: 2,
    sql: `
      ALTER TABLE blobs ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE blobs ADD COLUMN ref text;
      CREATE UNIQUE INDEX blobs_team_ref ON blobs (team_id, ref) WHERE ref IS NOT NULL;
      CREATE INDEX blobs_abandoned ON blobs (touched_at) WHERE NOT complete;
      ALTER TABLE invites ADD COLUMN code_prefix text;
      CREATE INDEX invites_team ON invites (team_id, created_at)
    `,
  },
];

const MIGRATION_LOCK_KEY = 424_242_010;

export async function migrate(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query('CREATE TABLE IF NOT EXISTS hub_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM hub_migrations')).map((row) => row.version));
    let applied = 0;
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.sql.split(';').map((part) => part.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO hub_migrations (version) VALUES ($1)', [migration.version]);
      applied += 1;
    }
    return applied;
  });
}
