/**
 * Reading and reviewing the conflicts table (conflictRow.ts). Rows are written only by imports
 * (recordConflicts.ts, inside the transaction that merges); here the lead lists them and marks
 * them reviewed. Restoring the set-aside value is an ordinary local edit of the field (it then wins
 * everywhere, as the newest), followed by marking the conflict reviewed.
 */
import { err, ok, type Result } from '../core/result';
import { conflictRowSchema, type ConflictRow } from './conflictRow';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';

export interface ConflictsRead {
  /** Open ones first, then reviewed ones; newest first within each. */
  readonly conflicts: readonly ConflictRow[];
  /** Rows skipped because they failed validation. */
  readonly invalid: number;
}

export async function listConflicts(db: MmdmaDatabase, assessmentId: string): Promise<Result<ConflictsRead, StorageFailure>> {
  try {
    const rows: unknown[] = await db.conflicts.where('assessmentId').equals(assessmentId).toArray();
    const conflicts: ConflictRow[] = [];
    let invalid = 0;
    for (const row of rows) {
      const parsed = conflictRowSchema.safeParse(row);
      if (parsed.success) conflicts.push(parsed.data);
      else invalid += 1;
    }
    conflicts.sort((a, b) => {
      const open = Number(a.reviewedAt !== null) - Number(b.reviewedAt !== null);
      if (open !== 0) return open;
      return a.detectedAt < b.detectedAt ? 1 : a.detectedAt > b.detectedAt ? -1 : a.lostHlc < b.lostHlc ? 1 : -1;
    });
    return ok({ conflicts, invalid });
  } catch (error) {
    return err(toStorageFailure(error));
  }
}

/** Marks a conflict reviewed (or open again with `reviewed: false`); false when there is no such conflict. */
export async function markConflictReviewed(db: MmdmaDatabase, now: () => number, lostHlc: string, reviewed = true): Promise<Result<boolean, StorageFailure>> {
  try {
    const changed = await db.conflicts.update(lostHlc, { reviewedAt: reviewed ? new Date(now()).toISOString() : null });
    return ok(changed === 1);
  } catch (error) {
    return err(toStorageFailure(error));
  }
}
