/**
 * Live data for the screens: Dexie's liveQuery re-runs the read whenever a committed write touches
 * what it read, in this tab and in every other tab, worker or window of the origin (Dexie 4
 * broadcasts each committed transaction's changed key ranges over a BroadcastChannel;
 * https://dexie.org/docs/liveQuery() and Dexie.on.storagemutated). Hidden tabs catch up when shown.
 *
 * The callback receives validated data (invalid rows skipped and counted, as in every read). A
 * read that fails (IndexedDB refused it) goes to `onError` and the subscription stays open for the
 * next change; only a bug (an exception thrown by the read) ends it, also through `onError`.
 *
 * Call the returned function when the screen goes away: a forgotten subscription keeps re-reading
 * the whole assessment after every write.
 */
import { liveQuery } from 'dexie';
import type { Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { loadAssessment, type AssessmentSnapshot } from './loadAssessment';
import type { StorageFailure } from './storageFailure';
import type { ReadOptions } from './validateRows';

export type Unsubscribe = () => void;
export type OnStorageError = (failure: StorageFailure) => void;

/** Calls `onChange` with the assessment's snapshot now and after every change to it. */
export function watchAssessment(
  db: MmdmaDatabase,
  assessmentId: string,
  onChange: (snapshot: AssessmentSnapshot) => void,
  onError: OnStorageError = reportToConsole,
  options: ReadOptions = {},
): Unsubscribe {
  return watch(() => loadAssessment(db, assessmentId, options), onChange, onError);
}

/** Subscribes to a read; shared by the watchers. */
export function watch<T>(
  read: () => Promise<Result<T, StorageFailure>>,
  onChange: (value: T) => void,
  onError: OnStorageError,
): Unsubscribe {
  const subscription = liveQuery(read).subscribe({
    next: (result) => (result.ok ? onChange(result.value) : onError(result.error)),
    // The reads turn storage errors into results; what reaches here is a bug (a thrown TypeError).
    error: (error: unknown) => onError({ kind: 'storage-failed', message: error instanceof Error ? error.message : String(error) }),
  });
  return () => subscription.unsubscribe();
}

function reportToConsole(failure: StorageFailure): void {
  console.error('storage watch failed', failure);
}
