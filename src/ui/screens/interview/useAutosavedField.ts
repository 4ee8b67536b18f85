/**
 * One field of a stored record, edited in place: the input shows the stored value until the user
 * edits it, then their text; each edit is scheduled with autosave (written AUTOSAVE_DEBOUNCE_MS
 * after the last keystroke) and flushed when the field loses focus. A value that fails validation
 * shows its message and is not written. Once stored, the field follows the record again, so an
 * edit merged in from another device shows up.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import { useInterview } from './InterviewContext';
import { sameValue } from '../../shared/structuralSharing';

export interface AutosavedField<V> {
  readonly value: V;
  /** Translated message of the last value's problem, or null. */
  readonly error: string | null;
  readonly onChange: (value: V) => void;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
}

export interface AutosavedFieldOptions<V> {
  /** Autosave key, e.g. `interview:<id>:location`. */
  readonly key: string;
  readonly stored: V;
  readonly save: (value: V) => Promise<Result<unknown, StorageFailure>>;
  /** A translated message when the value may not be stored. */
  readonly validate?: (value: V) => string | null;
  /** Selects and checkboxes: write at once rather than after the debounce. */
  readonly immediate?: boolean;
}

export function useAutosavedField<V>({ key, stored, save, validate, immediate = false }: AutosavedFieldOptions<V>): AutosavedField<V> {
  const { autosave } = useInterview();
  const [draft, setDraft] = useState<{ readonly value: V } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const latest = useRef({ save, validate, stored });
  latest.current = { save, validate, stored };

  // Back to following the record once it holds what was typed (and the field is not being edited).
  useEffect(() => {
    if (draft !== null && !focused.current && error === null && sameValue(draft.value, stored)) setDraft(null);
  }, [draft, stored, error]);

  // Leaving the screen writes what is pending rather than waiting for the timer.
  useEffect(() => () => void autosave.flush(key), [autosave, key]);

  const onChange = useCallback(
    (value: V) => {
      setDraft({ value });
      const problem = latest.current.validate?.(value) ?? null;
      setError(problem);
      if (problem !== null) return;
      autosave.schedule(key, () => latest.current.save(value));
      if (immediate) void autosave.flush(key);
    },
    [autosave, key, immediate],
  );

  const onFocus = useCallback(() => {
    focused.current = true;
  }, []);

  const onBlur = useCallback(() => {
    focused.current = false;
    void autosave.flush(key).then(() => {
      // Re-run the follow-the-record check now that the field is no longer focused.
      setDraft((current) => (current !== null && sameValue(current.value, latest.current.stored) ? null : current));
    });
  }, [autosave, key]);

  return { value: draft === null ? stored : draft.value, error, onChange, onFocus, onBlur };
}
