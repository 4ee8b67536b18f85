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
  const sha256 = await sha256Hex(blob);
  return storeBlob(db, now, sha256, blob, type.data);
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
 * `sha256` must be 64 lower-case hex digits (anything else is refused as `invalid`, as is a bad
 * media type). Like putBlob, a second put of the same hash changes nothing.
 */
export async function putVerifiedBlob(
  db: MmdmaDatabase,
  now: () => number,
  sha256: string,
  blob: Blob,
  mediaType: string,
): Promise<Result<PutBlobOutcome, StorageFailure>> {
  const hash = sha256HexSchema.safeParse(sha256);
  const type = mediaTypeSchema.safeParse(mediaType);
  const problems = [...(hash.success ? [] : problemsOf(hash.error, ['sha256'])), ...(type.success ? [] : problemsOf(type.error, ['mediaType']))];
  if (!hash.success || !type.success) return err({ kind: 'invalid', problems });
  return storeBlob(db, now, hash.data, blob, type.data);
}

async function storeBlob(db: MmdmaDatabase, now: () => number, sha256: string, blob: Blob, mediaType: string): Promise<Result<PutBlobOutcome, StorageFailure>> {
  try {
    const created = await db.transaction('rw', db.blobs, async () => {
      // A second put of the same bytes is a no-op: the stored row, its media type and its date stay.
      if ((await db.blobs.get(sha256)) !== undefined) return false;
      await db.blobs.add({
        sha256,
        mediaType: mediaType.toLowerCase(),
        bytes: blob.size,
        blob,
        createdAt: new Date(now()).toISOString(),
      } satisfies BlobRow);
      return true;
    });
    return ok({ sha256, bytes: blob.size, created });
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** SHA-256 of the bytes as 64 lower-case hex digits (the key of `blobs` and of bundle entries). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
