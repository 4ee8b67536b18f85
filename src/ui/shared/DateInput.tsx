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
  // What the field shows. The input itself is not re-rendered from it: the DOM holds what is typed,
  // and the app writes to it only when something else changes the date (the form, the language,
  // the tidy-up on blur). A re-render racing fast typing would otherwise drop keys.
  const [text, setText] = useState(() => formatDateInput(props.value, language));
  const input = useRef<HTMLInputElement | null>(null);
  const show = (next: string) => {
    setText(next);
    if (input.current && input.current.value !== next) input.current.value = next;
  };
  // The values this field reported that the form has not echoed yet, oldest first. Effects run
  // after paint, so the form's echo of our own typing arrives keystrokes late, as an older value:
  // taking it for a change from outside and rewriting the text would undo the keys typed since (a
  // fast typist's "2022-10-04" became "00/10/20224", "202-1004"). Echoes come in order, so one
  // consumes the queue up to it; anything else (a reset after submit) comes from outside.
  const unechoed = useRef<string[]>([]);
  useEffect(() => {
    const echo = unechoed.current.indexOf(props.value);
    if (echo >= 0) {
      unechoed.current.splice(0, echo + 1);
      return;
    }
    unechoed.current = [];
    const typed = input.current?.value ?? text;
    const agrees = typed.trim() === '' ? props.value === '' : (parseDateInput(typed) ?? typed.trim()) === props.value;
    if (!agrees) show(formatDateInput(props.value, language));
  }, [props.value]);
  useEffect(() => {
    const read = parseDateInput(input.current?.value ?? text);
    if (read !== undefined) show(formatDateInput(read, language));
  }, [language]);
  // The element that got its first text. The ref callback is new each render, so Preact calls it
  // with null and then the same element again: only a new element is given the text.
  const filled = useRef<HTMLInputElement | null>(null);
  const setInput = (element: HTMLInputElement | null) => {
    if (element && filled.current !== element) {
      element.value = text;
      filled.current = element;
    }
    input.current = element;
    const outer = props.inputRef;
    if (typeof outer === 'function') outer(element);
    else if (outer) outer.current = element;
  };
  const read = parseDateInput(text);
  // Noon of that local day (safe from DST edges), as shell/dates.ts does.
  const day = read === undefined ? undefined : new Date(Number(read.slice(0, 4)), Number(read.slice(5, 7)) - 1, Number(read.slice(8, 10)), 12);
  const wordsId = `${props.id}-words`;
  return (
    <>
      <input
        id={props.id}
        ref={setInput}
        name={props.name}
        type="text"
        class="date-input"
        autoComplete="off"
        placeholder={t('shell:dateInput.pattern')}
        required={props.required}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={[props.describedBy, wordsId].filter(Boolean).join(' ')}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          const value = typed.trim() === '' ? '' : (parseDateInput(typed) ?? typed.trim());
          unechoed.current.push(value);
          props.onValue(value);
        }}
        onFocus={props.onFocus}
        onBlur={() => {
          // Once the assessor moves on, the date is written back in the app's own layout.
          if (read !== undefined) show(formatDateInput(read, language));
          props.onBlur?.();
        }}
      />
      <span id={wordsId} class="date-input-words">
        {day !== undefined ? format.fullDate(day) : t('shell:dateInput.hint', { pattern: t('shell:dateInput.pattern') })}
      </span>
    </>
  );
}
