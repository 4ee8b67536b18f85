/**
 * One sentence for a failed write, naming what was being saved and what to do. A full disk says so
 * and says the text is still on screen (autosave retries it), so nobody retypes in a panic.
 */
import type { TFunction } from 'i18next';
import type { StorageFailure } from '../../../storage/storageFailure';

export function storageFailureMessage(t: TFunction, failure: StorageFailure, what: string): string {
  switch (failure.kind) {
    case 'quota-exceeded':
      return t('rating:failure.quota', { what });
    case 'invalid':
      return t('rating:failure.invalid', {
        what,
        problems: failure.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; '),
      });
    case 'not-found':
      return t('rating:failure.notFound', { what });
    case 'clock':
      return t('rating:failure.clock', { what, message: failure.message });
    case 'storage-failed':
      return t('rating:failure.storage', { what, message: failure.message });
  }
}
