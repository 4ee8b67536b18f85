import { localDayOf } from '../../../i18n/calendarDateFormat';

/**
 * A calendar date ("2022-10-10") in the interface language. Parsed as a local date: `new Date(iso)`
 * would read it as UTC midnight and show the day before west of Greenwich.
 */
export function formatIsoDate(iso: string, formatDate: (value: Date) => string): string {
  const date = localDayOf(iso);
  return date === undefined ? iso : formatDate(date);
}
