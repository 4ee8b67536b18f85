/**
 * Attachments' bytes, stored once per content: the key is the SHA-256 of the bytes, so the same
 * photo attached on two devices (or twice on one) is one row, and a bundle can verify every blob it
 * carries. Blobs are immutable; only the attachment record (caption, links) changes.
 */
import { mediaTypeSchema, sha256HexSchema } from '../core/assessment/attachmentSchema';
import { err, ok, type Result } from '../core/result';
import type { BlobRow, MmdmaDatabase } from './databaseSchema';
import { problemsOf, toStorageFailure, type StorageFailure } from './storageFailure';

export interface PutBlobOutcome {
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** False when these bytes were already stored (the call changed nothing). */
  readonly created: boolean;
}

/** Hashes the bytes and stores them under their SHA-256. For bytes from anywhere (the user's files). */
export async function putBlob(
  db: MmdmaDatabase,
  now: () => number,
  blob: Blob,
  mediaType: string,
): Promise<Result<PutBlobOutcome, StorageFailure>> {
  const type = mediaTypeSchema.safeParse(mediaType);
  if (!type.success) return err({ kind: 'invalid', problems: problemsOf(type.error, ['mediaType']) });
  // Hash before the transaction: crypto.subtle is not IndexedDB, and awaiting it inside a
  // transaction would let IndexedDB commit it early (Dexie.waitFor exists for that, but spins the
  // transaction with dummy requests; there is nothing to gain by hashing inside it).
  // The bytes are read once, before the transaction too, and both hashed and stored (as bytes, not
  // as the Blob: see `blobs` in databaseSchema.ts).
  const data = await blob.arrayBuffer();
  const sha256 = await sha256HexOfBytes(data);
  const stored = await storeBlobs(db, now, [{ sha256, data, mediaType: type.data }]);
  return stored.ok ? ok(stored.value[0]!) : stored;
}

/**
 * Stores bytes whose SHA-256 the CALLER HAS ALREADY VERIFIED, without hashing them again: the
 * import of a bundle, where readBundle checked every attachment against the digest in the
 * manifest (hashing 100 MB of attachments a second time cost ~200 ms an import). The hash must be
 * the SHA-256 of `blob`'s bytes, computed on these very bytes: a wrong one stores the bytes under a
 * key they do not match, and `blobs` is content-addressed and never rewritten, so the mistake would
 * outlive the import. Anything else — a file the user picked, bytes from the network or from
 * another store — goes through `putBlob`, which hashes.
 *
 * Every `sha256` must be 64 lower-case hex digits (anything else is refused as `invalid`, as is a
 * bad media type, and then nothing is stored). Like putBlob, a second put of the same hash changes
 * nothing; the same hash twice in one call is stored once.
 */
export async function putVerifiedBlobs(db: MmdmaDatabase, now: () => number, entries: readonly VerifiedBlob[]): Promise<Result<PutBlobOutcome[], StorageFailure>> {
  const problems = entries.flatMap(({ sha256, mediaType }, index) => {
    const hash = sha256HexSchema.safeParse(sha256);
    const type = mediaTypeSchema.safeParse(mediaType);
    return [...(hash.success ? [] : problemsOf(hash.error, [index, 'sha256'])), ...(type.success ? [] : problemsOf(type.error, [index, 'mediaType']))];
  });
  if (problems.length > 0) return err({ kind: 'invalid', problems });
  // Read every Blob before the transaction: awaiting Blob.arrayBuffer() inside it would let
  // IndexedDB commit it early. The caller bounds a call's bytes (importBundle stores in groups).
  let read: BytesToStore[];
  try {
    read = await Promise.all(entries.map(async ({ sha256, blob, mediaType }) => ({ sha256, data: await blob.arrayBuffer(), mediaType })));
  } catch (error) {
    return err(toStorageFailure(error));
  }
  return storeBlobs(db, now, read);
}

export interface VerifiedBlob {
  /** The SHA-256 of `blob`'s bytes, verified by the caller; 64 lower-case hex digits. */
  readonly sha256: string;
  readonly blob: Blob;
  readonly mediaType: string;
}

interface BytesToStore {
  readonly sha256: string;
  readonly data: ArrayBuffer;
  readonly mediaType: string;
}

/**
 * All in one transaction: several attachments cost one commit (with the flush to disk a commit
 * implies) instead of one each — a fifth of the time of 20 transactions for 20 photos in Chromium.
 */
async function storeBlobs(db: MmdmaDatabase, now: () => number, entries: readonly BytesToStore[]): Promise<Result<PutBlobOutcome[], StorageFailure>> {
  if (entries.length === 0) return ok([]);
  try {
    const created = await db.transaction('rw', db.blobs, async () => {
      // A second put of the same bytes is a no-op: the stored row, its media type and its date stay.
      const stored = await db.blobs.bulkGet(entries.map((entry) => entry.sha256));
      const seen = new Set(entries.filter((_, i) => stored[i] !== undefined).map((entry) => entry.sha256));
      const rows: BlobRow[] = [];
      const createdHere = entries.map((entry) => {
        if (seen.has(entry.sha256)) return false;
        seen.add(entry.sha256);
        rows.push({ sha256: entry.sha256, mediaType: entry.mediaType.toLowerCase(), bytes: entry.data.byteLength, data: entry.data, createdAt: new Date(now()).toISOString() });
        return true;
      });
      await db.blobs.bulkAdd(rows);
      return createdHere;
    });
    return ok(entries.map((entry, i) => ({ sha256: entry.sha256, bytes: entry.data.byteLength, created: created[i]! })));
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** SHA-256 of the bytes as 64 lower-case hex digits (the key of `blobs` and of bundle entries). */
export async function sha256Hex(blob: Blob): Promise<string> {
  return sha256HexOfBytes(await blob.arrayBuffer());
}

async function sha256HexOfBytes(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
