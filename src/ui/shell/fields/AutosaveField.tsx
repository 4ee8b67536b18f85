/**
 * A text, e-mail, date or multi-line field that saves itself: the edit is scheduled with the shell's
 * autosave on every input (one write per pause in typing) and flushed when the field loses focus.
 *
 * The draft is local state, so typing re-renders this field only. While the field has focus the
 * draft is the truth; otherwise it follows the stored value, so an edit made in another tab or
 * merged from a colleague appears without a reload. Input that fails `validate` gets its message
 * under the field and is not saved: the stored value stays as it was.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage';
import { DateInput } from '../../shared/DateInput';
import { useShell } from '../ShellContext';

export interface AutosaveFieldProps {
  readonly label: ComponentChild;
  /** The stored value ('' for none). */
  readonly value: string;
  /** Autosave key, e.g. `assessor:<id>:name`: edits of one key replace each other while pending. */
  readonly saveKey: string;
  readonly save: (value: string) => Promise<Result<unknown, StorageFailure>>;
  /** A message when the value must not be saved; undefined when it is fine. */
  readonly validate?: ((value: string) => string | undefined) | undefined;
  readonly type?: 'text' | 'email' | 'date' | 'time' | undefined;
  readonly multiline?: boolean | undefined;
  readonly hint?: ComponentChild | undefined;
  readonly required?: boolean | undefined;
  readonly autoComplete?: string | undefined;
  readonly class?: string | undefined;
  /** Visually hidden label (inside tables whose column header names the field). */
  readonly hideLabel?: boolean | undefined;
}

export function AutosaveField(props: AutosaveFieldProps) {
  const { autosave } = useShell();
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string | undefined>(undefined);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) {
      setDraft(props.value);
      setError(undefined);
    }
  }, [props.value]);

  const onInput = (next: string) => {
    setDraft(next);
    const problem = props.validate?.(next);
    setError(problem);
    if (problem === undefined) autosave.schedule(props.saveKey, () => props.save(next));
  };

  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    required: props.required,
    'aria-invalid': error === undefined ? undefined : ('true' as const),
    'aria-describedby': describedBy,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void autosave.flush(props.saveKey);
    },
  };

  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id} class={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : props.type === 'date' ? (
        <DateInput id={id} value={draft} required={props.required} invalid={error !== undefined} describedBy={describedBy} onValue={onInput} onFocus={common.onFocus} onBlur={common.onBlur} />
      ) : (
        <input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete} onInput={(event) => onInput(event.currentTarget.value)} />
      )}
      {props.hint !== undefined && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
