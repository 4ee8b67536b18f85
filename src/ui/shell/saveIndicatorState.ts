/**
 * The header's save indicator as a pure function of the autosave's signals, so every combination is
 * unit-tested: a failure wins over "saving" only when nothing is being retried right now, and
 * "saved" is said only when nothing is pending and the last write succeeded.
 */
import type { StorageFailure } from '../../storage';

export type SaveIndicatorState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly failure: StorageFailure };

export interface SaveSignals {
  /** Edits not yet stored (waiting for the debounce, being written, or kept after a failure). */
  readonly pending: number;
  /** A write is running now. */
  readonly saving: boolean;
  /** The last write's failure, until a later write succeeds. */
  readonly lastError: StorageFailure | null;
}

export function saveIndicatorState({ pending, saving, lastError }: SaveSignals): SaveIndicatorState {
  if (saving) return { kind: 'saving' };
  if (lastError !== null) return { kind: 'failed', failure: lastError };
  if (pending > 0) return { kind: 'saving' };
  return { kind: 'saved' };
}
