import { createAppIntl, type DateStyle } from './appIntl';
import type { Language } from './languages';

/**
 * Formats a calendar date ("2022-10-04", as records and the report store it) in `language`, through
 * the app's Intl layer so Armenian gets its own month names where the runtime has none. The date is
 * read as a local day: `new Date(iso)` would be UTC midnight and show the day before west of
 * Greenwich. Anything that is not such a date is returned as written.
 */
export function calendarDateFormat(language: Language, style: Exclude<DateStyle, 'numeric'> = 'long'): (iso: string) => string {
  const format = createAppIntl(language).dateTime({ date: style });
  return (iso) => {
    const date = localDayOf(iso);
    return date === undefined ? iso : format.format(date);
  };
}

/** "2022-10-04" as that day in local time, or undefined for anything that is not such a date. */
export function localDayOf(iso: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
