/**
 * The `peers` table (version 3): per assessment, what this device knows of each replica it
 * exchanges with. Storage keeps the rows; their meaning and shape belong to src/sync, which
 * validates every row it reads.
 */
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase, PeerRow } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';

/** The peer rows of one assessment, as stored (unvalidated). */
export async function listPeerRows(db: MmdmaDatabase, assessmentId: string): Promise<Result<PeerRow[], StorageFailure>> {
  try {
    return ok(await db.peers.where('assessmentId').equals(assessmentId).toArray());
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/**
 * Read-modify-write of one peer row in one transaction: `update` gets the stored value (or
 * undefined) and returns the new one, or undefined to leave the row as it is (so repeating an
 * exchange that taught nothing writes nothing). Returns whether it wrote.
 */
export async function updatePeerRow(
  db: MmdmaDatabase,
  assessmentId: string,
  peerId: string,
  update: (previous: unknown) => unknown,
): Promise<Result<boolean, StorageFailure>> {
  try {
    const wrote = await db.transaction('rw', db.peers, async () => {
      const previous = await db.peers.get([assessmentId, peerId]);
      const next = update(previous?.value);
      if (next === undefined) return false;
      await db.peers.put({ assessmentId, peerId, value: next });
      return true;
    });
    return ok(wrote);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

export async function deletePeerRow(db: MmdmaDatabase, assessmentId: string, peerId: string): Promise<Result<void, StorageFailure>> {
  try {
    await db.peers.delete([assessmentId, peerId]);
    return ok(undefined);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
