/**
 * Calendar dates (`YYYY-MM-DD`) as the user means them: local days, never UTC midnights. `new
 * Date('2024-05-01')` is midnight UTC, which Intl prints as 30 April anywhere west of Greenwich.
 */

/** The local Date at noon of an ISO calendar date (noon: safe from DST edges); undefined if malformed. */
export function localDateOf(iso: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** Today's local calendar date as `YYYY-MM-DD`. */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True when both dates are set and the end comes before the start. */
export function endBeforeStart(start: string | null | undefined, end: string | null | undefined): boolean {
  return Boolean(start && end && end < start);
}
