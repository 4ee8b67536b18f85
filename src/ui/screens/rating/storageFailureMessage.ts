/**
 * One sentence for a failed write, naming what was being saved and what to do. A full disk says so
 * and says the text is still on screen (autosave retries it), so nobody retypes in a panic.
 *
 * The shell's describeStorageFailure speaks of writes it cannot name ("your last change"); the
 * sentences differ, so each keeps its own, and only the list of problems is shared.
 */
import type { TFunction } from 'i18next';
import type { StorageFailure } from '../../../storage/storageFailure';
import { listProblems } from '../../shell/describeStorageFailure';

export function storageFailureMessage(t: TFunction, failure: StorageFailure, what: string): string {
  switch (failure.kind) {
    case 'quota-exceeded':
      return t('rating:failure.quota', { what });
    case 'invalid':
      return t('rating:failure.invalid', { what, problems: listProblems(failure.problems) });
    case 'not-found':
      return t('rating:failure.notFound', { what });
    case 'clock':
      return t('rating:failure.clock', { what, message: failure.message });
    case 'storage-failed':
      return t('rating:failure.storage', { what, message: failure.message });
  }
}
