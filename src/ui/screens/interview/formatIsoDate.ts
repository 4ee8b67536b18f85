/**
 * A calendar date ("2022-10-10") in the interface language. Parsed as a local date: `new Date(iso)`
 * would read it as UTC midnight and show the day before west of Greenwich.
 */
export function formatIsoDate(iso: string, formatDate: (value: Date) => string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? iso : formatDate(date);
}
