/**
 * Attachments in SQL: declared first (size and hash up front), uploaded in parts that must arrive
 * in order, verified by SHA-256 when the last byte arrives, and only then complete. Parts stay as
 * rows (at most MAX_BLOB_PART_BYTES each) so an upload resumes after any failure and a Range
 * download reads only the parts it covers.
 */
import { createHash } from 'node:crypto';
import { HUB_LIMITS, type BlobStatus } from '../../src/core/sync/hubProtocol';
import type { Database, Queryable } from '../db/database';

interface BlobRow {
  sha256: string;
  bytes: string;
  received: string;
  complete: boolean;
  media_type: string;
  ref: string | null;
}

const toStatus = (row: BlobRow): BlobStatus => ({
  sha256: row.sha256,
  bytes: Number(row.bytes),
  received: Number(row.received),
  complete: row.complete,
  partBytes: HUB_LIMITS.BLOB_PART_BYTES,
  ref: row.ref,
});

const BLOB_COLUMNS = 'sha256, bytes::text AS bytes, received::text AS received, complete, media_type, ref';

export async function findBlob(db: Queryable, teamId: string, sha256: string): Promise<(BlobStatus & { mediaType: string }) | null> {
  const [row] = await db.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE team_id = $1 AND sha256 = $2`, [teamId, sha256]);
  return row ? { ...toStatus(row), mediaType: row.media_type } : null;
}

/** The blob an end-to-end encrypted team declared with this tag. */
export async function findBlobByRef(db: Queryable, teamId: string, ref: string): Promise<BlobStatus | null> {
  const [row] = await db.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE team_id = $1 AND ref = $2`, [teamId, ref]);
  return row ? toStatus(row) : null;
}

export type DeclareOutcome =
  | { readonly kind: 'status'; readonly status: BlobStatus }
  | { readonly kind: 'size-mismatch'; readonly bytes: number }
  /** The tag names another blob (or this blob has another tag): a device with another key, or tampering. */
  | { readonly kind: 'ref-mismatch' };

/**
 * Declares an upload, or answers how far it got. Declaring again counts as activity: it keeps an
 * upload that is being resumed from being purged as abandoned.
 */
export async function declareBlob(db: Queryable, teamId: string, input: { sha256: string; bytes: number; mediaType: string; ref?: string | undefined }, nowMs: number): Promise<DeclareOutcome> {
  const ref = input.ref ?? null;
  if (ref !== null) {
    const tagged = await findBlobByRef(db, teamId, ref);
    if (tagged !== null && tagged.sha256 !== input.sha256) return { kind: 'ref-mismatch' };
  }
  const touched = new Date(nowMs).toISOString();
  await db.query(
    `INSERT INTO blobs (team_id, sha256, bytes, media_type, complete, ref, created_at, touched_at) VALUES ($1, $2, $3, $4, false, $5, $6, $6)
     ON CONFLICT (team_id, sha256) DO UPDATE SET touched_at = EXCLUDED.touched_at WHERE blobs.complete = false`,
    [teamId, input.sha256, input.bytes, input.mediaType, ref, touched],
  );
  const found = (await findBlob(db, teamId, input.sha256))!;
  if (found.bytes !== input.bytes) return { kind: 'size-mismatch', bytes: found.bytes };
  if ((found.ref ?? null) !== ref) return { kind: 'ref-mismatch' };
  // An empty blob is complete once its (empty) hash checks.
  if (input.bytes === 0 && !found.complete) {
    if (createHash('sha256').digest('hex') !== input.sha256) return { kind: 'status', status: found };
    await db.query(`UPDATE blobs SET complete = true WHERE team_id = $1 AND sha256 = $2`, [teamId, input.sha256]);
    return { kind: 'status', status: { ...found, complete: true } };
  }
  return { kind: 'status', status: found };
}

export type PartOutcome =
  | { readonly kind: 'status'; readonly status: BlobStatus }
  | { readonly kind: 'not-declared' }
  | { readonly kind: 'offset-mismatch'; readonly received: number }
  | { readonly kind: 'too-long'; readonly remaining: number }
  | { readonly kind: 'checksum-mismatch'; readonly actual: string };

export async function appendBlobPart(db: Database, teamId: string, sha256: string, offset: number, data: Uint8Array, nowMs: number): Promise<PartOutcome> {
  const outcome = await db.transaction(async (tx): Promise<PartOutcome> => {
    const [row] = await tx.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE team_id = $1 AND sha256 = $2 FOR UPDATE`, [teamId, sha256]);
    if (!row) return { kind: 'not-declared' };
    const status = toStatus(row);
    if (status.complete) return { kind: 'status', status };
    if (offset !== status.received) return { kind: 'offset-mismatch', received: status.received };
    if (status.received + data.byteLength > status.bytes) return { kind: 'too-long', remaining: status.bytes - status.received };
    if (data.byteLength === 0) return { kind: 'status', status };
    await tx.query(`INSERT INTO blob_parts (team_id, sha256, start_byte, data) VALUES ($1, $2, $3, $4)`, [teamId, sha256, offset, data]);
    const received = status.received + data.byteLength;
    await tx.query(`UPDATE blobs SET received = $3, touched_at = $4 WHERE team_id = $1 AND sha256 = $2`, [teamId, sha256, received, new Date(nowMs).toISOString()]);
    return { kind: 'status', status: { ...status, received } };
  });
  if (outcome.kind !== 'status' || outcome.status.complete || outcome.status.received < outcome.status.bytes) return outcome;
  // The last byte arrived: the blob counts only if its bytes have the declared hash.
  const hash = createHash('sha256');
  for await (const chunk of readBlobRange(db, teamId, sha256, 0, outcome.status.bytes - 1)) hash.update(chunk);
  const actual = hash.digest('hex');
  if (actual !== sha256) {
    await db.transaction(async (tx) => {
      await tx.query(`DELETE FROM blob_parts WHERE team_id = $1 AND sha256 = $2`, [teamId, sha256]);
      await tx.query(`UPDATE blobs SET received = 0 WHERE team_id = $1 AND sha256 = $2`, [teamId, sha256]);
    });
    return { kind: 'checksum-mismatch', actual };
  }
  await db.query(`UPDATE blobs SET complete = true WHERE team_id = $1 AND sha256 = $2`, [teamId, sha256]);
  return { kind: 'status', status: { ...outcome.status, complete: true } };
}

/**
 * The bytes first..last (inclusive), part by part, without holding the whole blob in memory.
 * ORDER BY names the table's column: the bare name would be the text alias, sorting "9" after
 * "10" — a blob of ten or more parts would then read as having a gap.
 */
export async function* readBlobRange(db: Queryable, teamId: string, sha256: string, first: number, last: number): AsyncGenerator<Uint8Array> {
  let position = first;
  while (position <= last) {
    const [part] = await db.query<{ start_byte: string; data: Uint8Array }>(
      `SELECT start_byte::text AS start_byte, data FROM blob_parts
       WHERE team_id = $1 AND sha256 = $2 AND start_byte <= $3 ORDER BY blob_parts.start_byte DESC LIMIT 1`,
      [teamId, sha256, position],
    );
    if (!part) throw new Error(`blob ${sha256} has no part at byte ${position}`);
    const start = Number(part.start_byte);
    const data = new Uint8Array(part.data.buffer, part.data.byteOffset, part.data.byteLength);
    const from = position - start;
    const to = Math.min(data.byteLength, last - start + 1);
    if (from >= data.byteLength) throw new Error(`blob ${sha256} has a gap at byte ${position}`);
    yield data.subarray(from, to);
    position = start + to;
  }
}

/**
 * Deletes uploads that were declared and then received no part for `abandonedAfterMs`
 * (HUB_LIMITS.ABANDONED_UPLOAD_MS), with the parts they received. Safe beside an upload in progress
 * and on several hubs at once: a part appended meanwhile holds the row lock and moves `touched_at`,
 * and the DELETE re-checks its condition on the row as committed. Returns how many were purged.
 */
export async function purgeAbandonedUploads(db: Queryable, abandonedAfterMs: number, nowMs: number): Promise<number> {
  const rows = await db.query<{ sha256: string }>(
    `DELETE FROM blobs WHERE complete = false AND touched_at < $1 RETURNING sha256`,
    [new Date(nowMs - abandonedAfterMs).toISOString()],
  );
  return rows.length;
}
