/**
 * A labelled input of a form that is submitted as a whole (a new assessment, a new interview): the
 * label, an optional hint, and the problem found at submit, tied to the input for screen readers.
 */
import type { ComponentChild, Ref } from 'preact';
import { useId } from 'preact/hooks';
import { DateInput } from '../../shared/DateInput';

export interface FormFieldProps {
  readonly label: ComponentChild;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: ComponentChild | undefined;
  /** `date`: typed and shown in the interface language, ISO in and out (shared/DateInput, loaded on first use). */
  readonly type?: 'text' | 'email' | 'date' | 'time' | undefined;
  readonly required?: boolean | undefined;
  readonly autoComplete?: string | undefined;
  readonly list?: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement> | undefined;
  readonly name?: string | undefined;
}

export function FormField(props: FormFieldProps) {
  const id = useId();
  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const errorId = props.error === undefined ? undefined : `${id}-error`;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required && <span class="required-mark" aria-hidden="true"> *</span>}
      </label>
      {props.type === 'date' ? (
        <DateInput
          id={id}
          inputRef={props.inputRef}
          name={props.name}
          value={props.value}
          required={props.required}
          invalid={props.error !== undefined}
          describedBy={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          onValue={props.onInput}
        />
      ) : (
        <input
          id={id}
          ref={props.inputRef}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          autoComplete={props.autoComplete}
          list={props.list}
          aria-invalid={props.error === undefined ? undefined : 'true'}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
      {props.hint !== undefined && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      {props.error !== undefined && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
