/**
 * A text field that saves itself: each keystroke schedules a write through the shell's autosave
 * (debounced, one pending write per key), leaving the field writes at once. The typed value lives
 * in local state, so typing re-renders this field only, never the list around it.
 *
 * The stored value is adopted when it changes underneath (another device, an undo) while the field
 * is neither focused nor waiting for its own write, so a merge never overwrites what is being typed.
 */
import type { JSX, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import { useShell } from '../../shell/ShellContext';

export interface AutosaveTextareaProps {
  readonly id: string;
  /** The stored value. */
  readonly value: string;
  /** Autosave key, e.g. `rating:<id>:rationale`. */
  readonly saveKey: string;
  /** Writes a value; runs later, so it must read the latest state when it runs. */
  readonly save: (value: string) => Promise<Result<unknown, StorageFailure>>;
  /** Every local change, for parents that need the draft (e.g. to include it in a create). */
  readonly onValue?: (value: string) => void;
  /** After the field is left and its write has been flushed. */
  readonly onLeave?: (value: string) => void;
  readonly onKeyDown?: (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => void;
  readonly disabled?: boolean;
  readonly rows?: number;
  readonly class?: string;
  readonly placeholder?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-label'?: string;
  readonly textareaRef?: Ref<HTMLTextAreaElement>;
}

export function AutosaveTextarea(props: AutosaveTextareaProps) {
  const { autosave } = useShell();
  const [local, setLocal] = useState(props.value);
  const focused = useRef(false);
  // Edits are numbered; a write that finishes marks its edit (and the replaced ones before it) done.
  const typed = useRef(0);
  const written = useRef(0);

  useEffect(() => {
    // Only a change of the stored value pulls it in; `local` changing is the user typing.
    if (!focused.current && written.current >= typed.current && props.value !== local) setLocal(props.value);
  }, [props.value]);

  const onInput = (event: JSX.TargetedEvent<HTMLTextAreaElement>) => {
    const value = event.currentTarget.value;
    setLocal(value);
    props.onValue?.(value);
    const edit = ++typed.current;
    const save = props.save;
    autosave.schedule(props.saveKey, async () => {
      try {
        return await save(value);
      } finally {
        written.current = Math.max(written.current, edit);
      }
    });
  };

  return (
    <textarea
      id={props.id}
      ref={props.textareaRef}
      class={props.class}
      value={local}
      rows={props.rows ?? 3}
      disabled={props.disabled}
      placeholder={props.placeholder}
      aria-describedby={props['aria-describedby']}
      aria-label={props['aria-label']}
      onInput={onInput}
      onKeyDown={props.onKeyDown}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={(event) => {
        focused.current = false;
        const value = event.currentTarget.value;
        void autosave.flush(props.saveKey).then(() => props.onLeave?.(value));
      }}
    />
  );
}
