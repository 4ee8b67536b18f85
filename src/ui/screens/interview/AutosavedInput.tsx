/** A labelled one-line input on an autosaved field, with the field's message under it when it has one. */
import { DateInput } from '../../shared/DateInput';
import type { AutosavedField } from './useAutosavedField';

interface AutosavedInputProps {
  readonly id: string;
  readonly label: string;
  readonly field: AutosavedField<string>;
  readonly type?: 'text' | 'date' | 'time';
  readonly required?: boolean;
}

export function AutosavedInput({ id, label, field, type = 'text', required }: AutosavedInputProps) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'date' ? (
        <DateInput
          id={id}
          value={field.value}
          required={required}
          invalid={field.error !== null}
          describedBy={field.error !== null ? errorId : undefined}
          onValue={field.onChange}
          onFocus={field.onFocus}
          onBlur={field.onBlur}
        />
      ) : (
        <input
          id={id}
          type={type}
          required={required}
          // Names and places typed here are not the browser's to suggest.
          autoComplete={type === 'text' ? 'off' : undefined}
          value={field.value}
          aria-invalid={field.error !== null}
          aria-describedby={field.error !== null ? errorId : undefined}
          onInput={(event) => field.onChange(event.currentTarget.value)}
          onFocus={field.onFocus}
          onBlur={field.onBlur}
        />
      )}
      {field.error !== null && (
        <p id={errorId} class="field-error">
          {field.error}
        </p>
      )}
    </div>
  );
}
