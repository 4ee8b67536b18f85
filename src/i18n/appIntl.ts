/**
 * Dates, times, numbers and lists in the interface language, whatever the browser knows.
 *
 * Chromium ships without Armenian locale data: `new Intl.DateTimeFormat('hy')` quietly formats in
 * US English ("Tuesday, October 4, 2022", "08:29 AM", "2.7"). So each formatter first asks the
 * runtime whether it really supports the language (supportedLocalesOf, then what the formatter
 * resolved to); when it does not, it formats with the app's own month and weekday names, patterns,
 * separators and list words from locales/<lang>/formats.json, on a 24-hour clock.
 *
 * Two rules hold either way: a negative number carries a real minus sign (U+2212), not a hyphen;
 * and times use a 24-hour clock in Armenian and Russian.
 */
import type enFormats from '../../locales/en/formats.json';
import hyFormats from '../../locales/hy/formats.json';
import ruFormats from '../../locales/ru/formats.json';
import type { Language } from './languages';

type FormatWords = typeof enFormats;
/**
 * The fallback's words. Every runtime has English data (it is the default locale of Intl), so the
 * English file is only the template the others follow (and the test's reference), not bundled:
 * the first screen's JavaScript has a budget.
 */
const WORDS: Record<Exclude<Language, 'en'>, FormatWords> = { hy: hyFormats, ru: ruFormats };
const MONTH_KEYS = Object.keys(hyFormats.months) as (keyof FormatWords['months'])[];
const WEEKDAY_KEYS = Object.keys(hyFormats.weekdays) as (keyof FormatWords['weekdays'])[];

export const MINUS_SIGN = '\u2212';

/** Whether this runtime has real locale data for `language` (not a silent fallback to another). */
export function runtimeSupports(language: string): boolean {
  // Asked for every formatter made (each screen makes several); the answer cannot change while the page lives.
  let known = RUNTIME_SUPPORT.get(language);
  if (known === undefined) {
    known = detectRuntimeSupport(language);
    RUNTIME_SUPPORT.set(language, known);
  }
  return known;
}

const RUNTIME_SUPPORT = new Map<string, boolean>();

function detectRuntimeSupport(language: string): boolean {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([language]).length === 0) return false;
    if (Intl.NumberFormat.supportedLocalesOf([language]).length === 0) return false;
    const resolved = new Intl.DateTimeFormat(language).resolvedOptions().locale;
    return resolved.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0];
  } catch {
    return false;
  }
}

export interface AppNumberFormat {
  format(value: number): string;
}

export type DateStyle = 'full' | 'long' | 'medium' | 'numeric';

export interface AppDateFormatOptions {
  /** The date part, if any. `numeric` is day, month and year in digits ("04.10.2022"). */
  readonly date?: DateStyle;
  /** Hours and minutes. */
  readonly time?: boolean;
}

export interface AppDateFormat {
  format(value: Date | number): string;
  formatRange(from: Date | number, to: Date | number): string;
}

export interface AppListFormat {
  format(items: readonly string[]): string;
  formatToParts(items: readonly string[]): { readonly type: 'element' | 'literal'; readonly value: string }[];
}

export interface AppIntl {
  /** Whether the runtime's own data is used (true) or the app's fallback (false). */
  readonly native: boolean;
  number(options?: Intl.NumberFormatOptions): AppNumberFormat;
  dateTime(options: AppDateFormatOptions): AppDateFormat;
  list(): AppListFormat;
}

/** Fill `{{name}}` placeholders (the locale files' syntax). */
function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The formatters of one interface language. `native` says whether to trust the runtime; it is
 * detected when omitted (tests pass false to exercise the fallback on a runtime that has the data).
 */
export function createAppIntl(language: Language, nativeWanted: boolean = runtimeSupports(language)): AppIntl {
  const native = language === 'en' || nativeWanted;
  // English is always native, so its words are never read (any file of the same shape will do).
  const words = language === 'en' ? hyFormats : WORDS[language];
  const sample = words.number.sample;
  // "1,234.5" / "1 234,5": the character after the first digit groups, the one before the last decimal.
  const group = sample.charAt(1);
  const decimal = sample.charAt(sample.length - 2);
  const twentyFourHour = language !== 'en';

  const number = (options: Intl.NumberFormatOptions = {}): AppNumberFormat => {
    const formatter = new Intl.NumberFormat(native ? language : 'en', options);
    return {
      format: (value) =>
        formatter
          .formatToParts(value)
          .map((part) => {
            if (part.type === 'minusSign') return MINUS_SIGN;
            if (native) return part.value;
            if (part.type === 'group') return group;
            if (part.type === 'decimal') return decimal;
            return part.value;
          })
          .join('')
          // The fallback's percent pattern: "42%" in English shape, "42 %" in Russian.
          .replace(/^(.*?)%$/u, (whole, body: string) => (native || options.style !== 'percent' ? whole : fill(words.number.percent, { number: body }))),
    };
  };

  const dateTime = ({ date, time = false }: AppDateFormatOptions): AppDateFormat => {
    if (native && date !== 'numeric') {
      const formatter = new Intl.DateTimeFormat(language, {
        ...(date ? { dateStyle: date } : {}),
        ...(time ? (date ? { timeStyle: 'short' as const } : { hour: '2-digit' as const, minute: '2-digit' as const }) : {}),
        ...(time && twentyFourHour ? { hourCycle: 'h23' as const } : {}),
      });
      return { format: (value) => formatter.format(value), formatRange: (from, to) => formatter.formatRange(from, to) };
    }
    const pad = (n: number) => String(n).padStart(2, '0');
    const datePart = (value: Date): string => {
      if (!date) return '';
      const day = date === 'numeric' ? pad(value.getDate()) : String(value.getDate());
      const monthKey = MONTH_KEYS[value.getMonth()] ?? 'january';
      return fill(words.date[date === 'numeric' ? 'numeric' : date], {
        day,
        month: words.months[monthKey],
        monthShort: words.monthsShort[monthKey],
        monthNumber: pad(value.getMonth() + 1),
        year: String(value.getFullYear()),
        weekday: words.weekdays[WEEKDAY_KEYS[value.getDay()] ?? 'sunday'],
      });
    };
    const timePart = (value: Date): string => fill(words.date.time, { hour: pad(value.getHours()), minute: pad(value.getMinutes()) });
    const format = (input: Date | number): string => {
      const value = new Date(input);
      if (Number.isNaN(value.getTime())) return '';
      if (date && time) return fill(words.date.dateTime, { date: datePart(value), time: timePart(value) });
      return date ? datePart(value) : timePart(value);
    };
    return { format, formatRange: (from, to) => fill(words.date.range, { from: format(from), to: format(to) }) };
  };

  const list = (): AppListFormat => {
    const formatter = native ? new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }) : undefined;
    const formatToParts = (items: readonly string[]): { type: 'element' | 'literal'; value: string }[] => {
      if (formatter) return formatter.formatToParts(items).map((part) => ({ type: part.type, value: part.value }));
      // Joined from the end, as CLDR does: "{first}, {second}" in the middle, the "end" pattern last.
      if (items.length === 0) return [];
      const marker = (i: number) => `\u0000${i}\u0000`;
      let joined = marker(items.length - 1);
      for (let i = items.length - 2; i >= 0; i--) {
        const pattern = items.length === 2 ? words.list.pair : i === items.length - 2 ? words.list.end : words.list.middle;
        joined = fill(pattern, { first: marker(i), second: joined });
      }
      return joined
        .split(/\u0000/)
        .map((piece, position) => (position % 2 === 1 ? { type: 'element' as const, value: items[Number(piece)] ?? '' } : { type: 'literal' as const, value: piece }))
        .filter((part) => part.type === 'element' || part.value !== '');
    };
    return { format: (items) => formatToParts(items).map((part) => part.value).join(''), formatToParts };
  };

  return { native, number, dateTime, list };
}
