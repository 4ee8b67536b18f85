/**
 * Numbers and dates in the interface language. Intl formatters are costly to build, so each
 * language gets one set, made on first use.
 */
import type { Language } from './languages';

export interface Formatters {
  readonly number: (value: number) => string;
  readonly date: (value: Date | number) => string;
  readonly dateTime: (value: Date | number) => string;
}

export function createFormatters(language: Language): Formatters {
  const numberFormat = new Intl.NumberFormat(language);
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (value) => numberFormat.format(value),
    date: (value) => dateFormat.format(value),
    dateTime: (value) => dateTimeFormat.format(value),
  };
}
