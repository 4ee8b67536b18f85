import { z } from 'zod';
import { mediaTypeSchema, sha256HexSchema } from '../core/assessment/attachmentSchema';
import { isoDateTimeSchema } from '../core/assessment/recordBase';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { problemsOf, toStorageFailure, type StorageFailure } from './storageFailure';

const rowBase = {
  sha256: sha256HexSchema,
  mediaType: mediaTypeSchema,
  bytes: z.number().int().min(0),
  createdAt: isoDateTimeSchema,
};

/**
 * A row of `blobs` as read: the bytes as written now (`data`), or a Blob as written before (see
 * `blobs` in databaseSchema.ts). Either way the caller gets a Blob, as it always did.
 */
export const storedBlobSchema = z.union([
  z.object({ ...rowBase, data: z.instanceof(ArrayBuffer) }).transform(({ data, ...row }) => ({ ...row, blob: new Blob([data], { type: row.mediaType }) })),
  z.object({ ...rowBase, blob: z.instanceof(Blob) }),
]);
export type StoredBlob = z.infer<typeof storedBlobSchema>;

/**
 * The stored blob with these bytes, or undefined when this device does not have it (yet: bundles
 * and sync bring blobs separately from the records that link them). A damaged row is reported as
 * `invalid` rather than handed to an <img> that would fail obscurely.
 */
export async function getBlob(db: MmdmaDatabase, sha256: string): Promise<Result<StoredBlob | undefined, StorageFailure>> {
  let row: unknown;
  try {
    row = await db.blobs.get(sha256);
  } catch (error) {
    return err(toStorageFailure(error));
  }
  if (row === undefined) return ok(undefined);
  const parsed = storedBlobSchema.safeParse(row);
  if (!parsed.success) return err({ kind: 'invalid', problems: problemsOf(parsed.error, ['blobs', sha256]) });
  if (parsed.data.sha256 !== sha256) return err({ kind: 'invalid', problems: [{ path: `blobs.${sha256}.sha256`, message: 'does not match the key' }] });
  return ok(parsed.data);
}
