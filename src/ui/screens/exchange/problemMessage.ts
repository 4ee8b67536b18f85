/**
 * Every refusal of the bundle code in the interface language, chosen by its stable `code` (the
 * English `message` of the library names entries and numbers for logs and bug reports; the screen
 * shows it under "Technical details"). Written as one literal key per code so the locale test can
 * see that every key exists in every language.
 */
import type { TFunction } from 'i18next';
import { MIN_PASSPHRASE_CHARS } from '../../../exchange/bundle/encryption';
import type { BundleProblemCode } from '../../../exchange/bundle/problem';
import type { ExportProblem } from '../../../exchange/exportBundle';
import type { ImportProblem } from '../../../exchange/importBundle';
import type { StorageFailure } from '../../../storage/storageFailure';

/** What a refused bundle means and what to do, for each code of BUNDLE_PROBLEM_CODES. */
export function bundleProblemText(t: TFunction, code: BundleProblemCode): string {
  switch (code) {
    case 'not-a-zip':
      return t('exchange:problem.not-a-zip');
    case 'truncated':
      return t('exchange:problem.truncated');
    case 'corrupt-zip':
      return t('exchange:problem.corrupt-zip');
    case 'unsupported-zip-feature':
      return t('exchange:problem.unsupported-zip-feature');
    case 'checksum-mismatch':
      return t('exchange:problem.checksum-mismatch');
    case 'missing-manifest':
      return t('exchange:problem.missing-manifest');
    case 'invalid-manifest':
      return t('exchange:problem.invalid-manifest');
    case 'manifest-mismatch':
      return t('exchange:problem.manifest-mismatch');
    case 'unsupported-format':
      return t('exchange:problem.unsupported-format');
    case 'newer-app':
      return t('exchange:problem.newer-app');
    case 'framework-mismatch':
      return t('exchange:problem.framework-mismatch');
    case 'zip-bomb':
      return t('exchange:problem.zip-bomb');
    case 'unsafe-path':
      return t('exchange:problem.unsafe-path');
    case 'duplicate-entry':
      return t('exchange:problem.duplicate-entry');
    case 'oversize-entry':
      return t('exchange:problem.oversize-entry');
    case 'invalid-changes':
      return t('exchange:problem.invalid-changes');
    case 'out-of-scope':
      return t('exchange:problem.out-of-scope');
    case 'needs-passphrase':
      return t('exchange:problem.needs-passphrase');
    case 'wrong-passphrase':
      return t('exchange:problem.wrong-passphrase');
    case 'tampered':
      return t('exchange:problem.tampered');
    case 'read-failed':
      return t('exchange:problem.read-failed');
    case 'clock-ahead':
      return t('exchange:problem.clock-ahead');
    case 'encryption-required':
      return t('exchange:problem.encryption-required');
  }
}

/** A refusal while reading, previewing or applying an import. */
export function importProblemText(t: TFunction, problem: ImportProblem): string {
  switch (problem.code) {
    case 'storage-failed':
      return storageText(t, problem.failure);
    case 'aborted':
      return t('exchange:import.stopped');
    default:
      return bundleProblemText(t, problem.code);
  }
}

function storageText(t: TFunction, failure: StorageFailure): string {
  return failure.kind === 'quota-exceeded' ? t('exchange:problem.storage-full') : t('exchange:problem.storage-failed');
}

/** Why an export could not be made. */
export function exportProblemText(t: TFunction, problem: ExportProblem): string {
  switch (problem.code) {
    case 'assessment-not-found':
      return t('exchange:export.problem.assessment-not-found');
    case 'assessment-invalid':
      return t('exchange:export.problem.assessment-invalid');
    case 'weak-passphrase':
      return t('exchange:export.problem.weak-passphrase', { count: MIN_PASSPHRASE_CHARS });
    case 'too-large':
      return t('exchange:export.problem.too-large');
    case 'storage-failed':
      return problem.failure.kind === 'quota-exceeded' ? t('exchange:export.problem.storage-full') : t('exchange:export.problem.storage-failed');
  }
}

/**
 * Whether records of this device changed before the problem stopped an import. Every refusal while
 * reading and checking the file comes before the first write; while applying, a failure or a stop
 * between batches leaves the batches before it written (each batch is all or nothing), which the
 * partial report counts. Attachment bytes stored before a failure change no record: they are
 * content-addressed and only shown once a record points at them.
 */
export function recordsChangedBefore(problem: ImportProblem): number {
  if (problem.code === 'storage-failed' || problem.code === 'aborted') return problem.partial?.applied ?? 0;
  return 0;
}

/** Why reviewing a conflict (restoring a value, or marking it reviewed) changed nothing. */
export function conflictProblemText(t: TFunction, failure: StorageFailure): string {
  switch (failure.kind) {
    case 'quota-exceeded':
      return t('exchange:conflicts.problem.quota');
    case 'storage-failed':
      return t('exchange:conflicts.problem.storage');
    case 'invalid':
      return t('exchange:conflicts.problem.invalid');
    case 'not-found':
      return t('exchange:conflicts.problem.notFound');
    case 'clock':
      return t('exchange:conflicts.problem.clock');
  }
}
