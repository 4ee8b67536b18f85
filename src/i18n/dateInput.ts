/**
 * What a date field shows and accepts, in the interface language rather than the browser's: a
 * native <input type="date"> follows the browser's locale, so a Russian assessor on an English
 * browser saw "10/03/2022" and read 10 March. Here the field is day, month, year in digits in the
 * language's own layout ("04.10.2022" in Armenian and Russian, "04/10/2022" in English: the app's
 * English is international, not US), and what is stored stays ISO ("2022-10-04").
 *
 * Typing is forgiving about separators (dot, slash, hyphen, space) and leading zeros, and an ISO
 * date is always understood; anything else, or a day that does not exist (31.02.2022), is not a date.
 */
import type { Language } from './languages';

/**
 * The numeric layout of each language, as `date.numeric` in locales/<lang>/formats.json says (a
 * unit test holds them equal). Written out here rather than imported: this module loads with the
 * date field, after the first screen, and importing those files would split them out of the first
 * screen's bundle into a chunk of their own.
 */
const NUMERIC: Record<Language, string> = { en: '{{day}}/{{monthNumber}}/{{year}}', hy: '{{day}}.{{monthNumber}}.{{year}}', ru: '{{day}}.{{monthNumber}}.{{year}}' };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[./\-\s]+(\d{1,2})[./\-\s]+(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return undefined;
  // The day must exist in that month (no 31 February): a UTC date round-trips only if it does.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export { NUMERIC as DATE_INPUT_LAYOUTS };

/** "2022-10-04" → "04.10.2022" (ru, hy) or "04/10/2022" (en); anything not a real ISO date is returned as it is. */

export function formatDateInput(value: string, language: Language): string {
  const match = ISO.exec(value);
  // Half-typed text ("2022-10-0") is not a date: shown as it is, never as day 00.
  if (!match || isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === undefined) return value;
  return NUMERIC[language].replace('{{day}}', pad(Number(match[3]))).replace('{{monthNumber}}', pad(Number(match[2]))).replace('{{year}}', match[1] ?? '');
}

/** The ISO date typed in `text` (day, month, year in the language's order, or ISO), or undefined. */
export function parseDateInput(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(trimmed);
  if (dmy) return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return undefined;
}
