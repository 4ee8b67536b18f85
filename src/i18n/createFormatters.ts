/**
 * Numbers and dates in the interface language, through the app's own Intl layer (appIntl.ts), which
 * falls back to the app's words where the browser has no locale data (Armenian in Chromium). Intl
 * formatters are costly to build, so each language gets one set, made on first use.
 */
import { createAppIntl, type AppIntl } from './appIntl';
import type { Language } from './languages';

export interface Formatters {
  readonly number: (value: number) => string;
  /** "4 October 2022" */
  readonly date: (value: Date | number) => string;
  /** "Tuesday, 4 October 2022" */
  readonly fullDate: (value: Date | number) => string;
  /** "4 Oct 2022, 08:29" */
  readonly dateTime: (value: Date | number) => string;
  /** "08:29" (24-hour in Armenian and Russian) */
  readonly time: (value: Date | number) => string;
  /** "4–6 October 2022" */
  readonly dateRange: (from: Date | number, to: Date | number) => string;
  /** Every other format (percentages, signed figures, lists), in the same language. */
  readonly intl: AppIntl;
}

export function createFormatters(language: Language): Formatters {
  const intl = createAppIntl(language);
  // Each Intl formatter is made on first use: making one costs milliseconds (the first loads the
  // locale's data), and a screen's first paint needs one or two of the five.
  const numberFormat = once(() => intl.number());
  const dateFormat = once(() => intl.dateTime({ date: 'long' }));
  const fullDateFormat = once(() => intl.dateTime({ date: 'full' }));
  const dateTimeFormat = once(() => intl.dateTime({ date: 'medium', time: true }));
  const timeFormat = once(() => intl.dateTime({ time: true }));
  return {
    number: (value) => numberFormat().format(value),
    date: (value) => dateFormat().format(value),
    fullDate: (value) => fullDateFormat().format(value),
    dateTime: (value) => dateTimeFormat().format(value),
    time: (value) => timeFormat().format(value),
    dateRange: (from, to) => dateFormat().formatRange(from, to),
    intl,
  };
}

function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
