/**
 * What a failed write means for the person typing, in their language. The quota message is the one
 * that matters most: a full device in the middle of an interview must not read like data loss, so
 * it says that what is on screen is kept and what to do about it.
 */
import type { TFunction } from 'i18next';
import type { Problem, StorageFailure } from '../../storage';

/** The full sentence for a notice. */
export function describeStorageFailure(t: TFunction, failure: StorageFailure): string {
  switch (failure.kind) {
    case 'quota-exceeded':
      return t('shell:failure.quota');
    case 'storage-failed':
      return t('shell:failure.storage', { message: failure.message });
    case 'invalid':
      return t('shell:failure.invalid', { problems: listProblems(failure.problems) });
    case 'not-found':
      return t('shell:failure.notFound');
    case 'clock':
      return t('shell:failure.clock', { message: failure.message });
  }
}

/** An invalid write's problems on one line, each after its field's path (none for the whole value). */
export function listProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => (problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`)).join('; ');
}

/** The short reason after "Not saved:" in the header's save indicator. */
export function storageFailureReason(t: TFunction, failure: StorageFailure): string {
  switch (failure.kind) {
    case 'quota-exceeded':
      return t('shell:save.reason.quota');
    case 'storage-failed':
      return t('shell:save.reason.storage');
    case 'invalid':
      return t('shell:save.reason.invalid');
    case 'not-found':
      return t('shell:save.reason.notFound');
    case 'clock':
      return t('shell:save.reason.clock');
  }
}
