/**
 * The change relay in SQL: push (idempotent, all or nothing, numbered under the team's row lock),
 * pull by cursor, and the drift digest. See "Push" and "Pull" in docs/hub-protocol.md for why the
 * cursor is a per-team sequence and not an HLC or a serial.
 */
import { isEncryptedHubChange, type DigestDay, type HubChange } from '../../src/core/sync/hubProtocol';
import type { Database, Queryable } from '../db/database';
import { canonicalJson } from './canonicalJson';

interface StoredRow {
  hlc: string;
  node: string;
  tbl: string;
  rec_id: string;
  field: string;
  value: string | null;
  enc: string | null;
}

export type PushOutcome =
  | { readonly kind: 'stored'; readonly accepted: number; readonly duplicates: number; readonly cursor: string }
  | { readonly kind: 'conflict'; readonly conflicts: readonly { hlc: string; node: string }[] }
  | { readonly kind: 'no-team' };

const MAX_REPORTED_CONFLICTS = 20;

function toRow(change: HubChange): StoredRow {
  return {
    hlc: change.hlc,
    node: change.node,
    tbl: change.table,
    rec_id: change.id,
    field: change.field,
    value: isEncryptedHubChange(change) ? null : canonicalJson(change.value),
    enc: isEncryptedHubChange(change) ? change.enc : null,
  };
}

const sameContent = (a: StoredRow, b: StoredRow): boolean =>
  a.node === b.node && a.tbl === b.tbl && a.rec_id === b.rec_id && a.field === b.field && a.value === b.value && a.enc === b.enc;

export async function pushChanges(db: Database, teamId: string, deviceId: string, changes: readonly HubChange[]): Promise<PushOutcome> {
  // Within the batch: the same change twice counts once; the same HLC with other content is a conflict.
  const batch = new Map<string, StoredRow>();
  const conflicts: { hlc: string; node: string }[] = [];
  let duplicates = 0;
  for (const change of changes) {
    const row = toRow(change);
    const earlier = batch.get(row.hlc);
    if (!earlier) batch.set(row.hlc, row);
    else if (sameContent(earlier, row)) duplicates += 1;
    else conflicts.push({ hlc: row.hlc, node: row.node });
  }
  if (conflicts.length > 0) return { kind: 'conflict', conflicts: conflicts.slice(0, MAX_REPORTED_CONFLICTS) };

  return db.transaction(async (tx) => {
    const [team] = await tx.query<{ last_seq: string }>('SELECT last_seq::text AS last_seq FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
    if (!team) return { kind: 'no-team' } as const;
    const stored = await tx.query<StoredRow>(
      'SELECT hlc, node, tbl, rec_id::text AS rec_id, field, value, enc FROM changes WHERE team_id = $1 AND hlc = ANY($2::text[])',
      [teamId, [...batch.keys()]],
    );
    for (const existing of stored) {
      const incoming = batch.get(existing.hlc)!;
      if (sameContent(existing, incoming)) {
        duplicates += 1;
        batch.delete(existing.hlc);
      } else conflicts.push({ hlc: existing.hlc, node: existing.node });
    }
    if (conflicts.length > 0) return { kind: 'conflict', conflicts: conflicts.slice(0, MAX_REPORTED_CONFLICTS) } as const;
    const rows = [...batch.values()];
    let cursor = BigInt(team.last_seq);
    if (rows.length > 0) {
      await insertRows(tx, teamId, deviceId, cursor, rows);
      cursor += BigInt(rows.length);
      await tx.query('UPDATE teams SET last_seq = $2::bigint WHERE id = $1', [teamId, cursor.toString()]);
    }
    return { kind: 'stored', accepted: rows.length, duplicates, cursor: cursor.toString() } as const;
  });
}

async function insertRows(tx: Queryable, teamId: string, deviceId: string, afterSeq: bigint, rows: readonly StoredRow[]): Promise<void> {
  // One statement for the whole batch: parameters are arrays, so the statement has a fixed shape.
  await tx.query(
    `INSERT INTO changes (team_id, seq, hlc, node, tbl, rec_id, field, value, enc, pushed_by)
     SELECT $1::uuid, $2::bigint + u.ord, u.hlc, u.node, u.tbl, u.rec_id::uuid, u.field, u.value, u.enc, $3::uuid
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS u(hlc, node, tbl, rec_id, field, value, enc, ord)`,
    [
      teamId,
      afterSeq.toString(),
      deviceId,
      rows.map((row) => row.hlc),
      rows.map((row) => row.node),
      rows.map((row) => row.tbl),
      rows.map((row) => row.rec_id),
      rows.map((row) => row.field),
      rows.map((row) => row.value),
      rows.map((row) => row.enc),
    ],
  );
}

export interface PullPage {
  readonly changes: HubChange[];
  readonly cursor: string;
  readonly hasMore: boolean;
}

export async function pullChanges(db: Queryable, teamId: string, after: string, limit: number): Promise<PullPage> {
  const rows = await db.query<StoredRow & { seq: string }>(
    `SELECT c.seq::text AS seq, c.hlc, c.node, c.tbl, c.rec_id::text AS rec_id, c.field, c.value, c.enc
     FROM changes c WHERE c.team_id = $1 AND c.seq > $2::bigint ORDER BY c.seq LIMIT $3`,
    [teamId, after, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes = page.map((row) => {
    const key = { hlc: row.hlc, node: row.node, table: row.tbl, id: row.rec_id, field: row.field };
    return (row.enc !== null ? { ...key, enc: row.enc } : { ...key, value: JSON.parse(row.value!) }) as HubChange;
  });
  return { changes, cursor: page.length > 0 ? page[page.length - 1]!.seq : after, hasMore };
}

export async function teamDigest(db: Queryable, teamId: string): Promise<{ changes: number; cursor: string; days: DigestDay[] }> {
  const [totals] = await db.query<{ changes: number; cursor: string }>(
    `SELECT (SELECT count(*)::int FROM changes WHERE team_id = $1) AS changes, last_seq::text AS cursor FROM teams WHERE id = $1`,
    [teamId],
  );
  const days = await db.query<DigestDay>(
    `SELECT day, count(*)::int AS fields,
            encode(sha256(convert_to(string_agg(hlc, E'\\n' ORDER BY hlc COLLATE "C"), 'UTF8')), 'hex') AS sha256
     FROM (
       SELECT DISTINCT ON (tbl, rec_id, field) hlc,
              to_char(to_timestamp(substr(hlc, 1, 15)::bigint / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
       FROM changes WHERE team_id = $1
       ORDER BY tbl, rec_id, field, hlc COLLATE "C" DESC
     ) winners
     GROUP BY day ORDER BY day`,
    [teamId],
  );
  return { changes: totals?.changes ?? 0, cursor: totals?.cursor ?? '0', days };
}
