/**
 * The number of outbox entries (local changes the hub has not acknowledged), now and after the
 * outbox changes: for the sync status and the loop's "an edit was made, push soon".
 *
 * Counting is not free: IndexedDB counts a store by walking it, and an assessment typed on this
 * device for weeks without a hub has tens of thousands of entries. A live query re-counted after
 * every commit, at the very moment the note just saved is read back for its list, and the two
 * reads queued behind each other (Enter → listed: 30 ms of a 90 ms save at 660 notes, more at
 * 10,000). So the count follows the outbox a little later: QUIET_MS after the last change, or at
 * the latest MAX_WAIT_MS after the first one of a burst (continuous typing autosaves every 400 ms).
 * Changes in other tabs arrive by Dexie's storagemutated notices like this tab's.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';

export const PENDING_COUNT_QUIET_MS = 1000;
export const PENDING_COUNT_MAX_WAIT_MS = 5000;

export interface PendingCountTiming {
  readonly quietMs?: number;
  readonly maxWaitMs?: number;
}

export function watchPendingCount(
  db: MmdmaDatabase,
  onChange: (count: number) => void,
  onError: (failure: StorageFailure) => void,
  timing: PendingCountTiming = {},
): () => void {
  const quietMs = timing.quietMs ?? PENDING_COUNT_QUIET_MS;
  const maxWaitMs = timing.maxWaitMs ?? PENDING_COUNT_MAX_WAIT_MS;
  const outboxPart = `idb://${db.name}/outbox/`;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet counted arrived. */
  let firstChangeAt: number | undefined;
  let counting = false;
  let again = false;

  const count = async () => {
    if (counting) {
      again = true;
      return;
    }
    counting = true;
    try {
      do {
        again = false;
        try {
          const n = await db.outbox.count();
          if (!closed) onChange(n);
        } catch (error) {
          if (!closed) onError(toStorageFailure(error));
        }
      } while (again && !closed);
    } finally {
      counting = false;
    }
  };

  const onMutated = (parts: ObservabilitySet) => {
    if (closed || !Object.keys(parts).some((part) => part.startsWith(outboxPart))) return;
    const now = Date.now();
    firstChangeAt ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - now));
    timer = setTimeout(() => {
      timer = undefined;
      firstChangeAt = undefined;
      void count();
    }, wait);
  };

  Dexie.on('storagemutated', onMutated);
  void count();
  return () => {
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
