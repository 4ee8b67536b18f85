/**
 * A date typed and shown in the interface language (see i18n/dateInput.ts), in place of the native
 * date input, which follows the browser's language. The value in and out is ISO ("2022-10-04", or
 * '' for none); what cannot be read as a date is passed on as typed, so the field's own check
 * refuses it with its message and nothing is saved.
 *
 * Under the input, tied to it for screen readers, the date as the app understood it, in words
 * ("Tuesday, 4 October 2022"): the assessor sees at once whether 04.10 was read as 4 October. With
 * nothing to read yet, that line says the layout to type instead.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateInput, parseDateInput } from '../../i18n/dateInput';
import { useTranslation } from '../useTranslation';

export interface DateInputProps {
  readonly id: string;
  /** ISO date, '' for none, or text that is not a date (shown as it is). */
  readonly value: string;
  readonly onValue: (value: string) => void;
  /** Other descriptions of the input (hint, error), before the date in words. */
  readonly describedBy?: string | undefined;
  readonly required?: boolean | undefined;
  readonly invalid?: boolean | undefined;
  readonly name?: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement> | undefined;
  readonly onFocus?: (() => void) | undefined;
  readonly onBlur?: (() => void) | undefined;
}

export function DateInput(props: DateInputProps) {
  const { t, language, format } = useTranslation();
  const [text, setText] = useState(() => formatDateInput(props.value, language));
  // The value this field last reported. A value that comes back as that one is our own typing
  // echoed by the form, perhaps a keystroke late: rewriting the text from it would undo the keys
  // typed since (a fast typist's "2022-10-04" became "00/10/20224").
  const reported = useRef(props.value);
  // Follows the value (and the language) when something else changed it.
  useEffect(() => {
    if (props.value === reported.current) return;
    reported.current = props.value;
    setText((typed) => (typed.trim() === '' ? props.value === '' : (parseDateInput(typed) ?? typed.trim()) === props.value) ? typed : formatDateInput(props.value, language));
  }, [props.value]);
  useEffect(() => {
    setText((typed) => {
      const read = parseDateInput(typed);
      return read === undefined ? typed : formatDateInput(read, language);
    });
  }, [language]);
  const read = parseDateInput(text);
  // Noon of that local day (safe from DST edges), as shell/dates.ts does; not imported from there,
  // which would split that module out of the first screen's bundle.
  const day = read === undefined ? undefined : new Date(Number(read.slice(0, 4)), Number(read.slice(5, 7)) - 1, Number(read.slice(8, 10)), 12);
  const wordsId = `${props.id}-words`;
  return (
    <>
      <input
        id={props.id}
        ref={props.inputRef}
        name={props.name}
        type="text"
        class="date-input"
        autoComplete="off"
        placeholder={t('shell:dateInput.pattern')}
        value={text}
        required={props.required}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={[props.describedBy, wordsId].filter(Boolean).join(' ')}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          reported.current = typed.trim() === '' ? '' : (parseDateInput(typed) ?? typed.trim());
          props.onValue(reported.current);
        }}
        onFocus={props.onFocus}
        onBlur={() => {
          // Once the assessor moves on, the date is written back in the app's own layout.
          if (read !== undefined) setText(formatDateInput(read, language));
          props.onBlur?.();
        }}
      />
      <span id={wordsId} class="date-input-words">
        {day !== undefined ? format.fullDate(day) : t('shell:dateInput.hint', { pattern: t('shell:dateInput.pattern') })}
      </span>
    </>
  );
}
