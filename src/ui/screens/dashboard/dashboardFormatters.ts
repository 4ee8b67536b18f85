/**
 * Number and list formats the dashboard needs beyond the app's shared formatters: scores with
 * exactly two decimals ("2.25", "2,25"), signed gaps ("+0.75"), spreads, and lists of names joined
 * the way the language joins them ("A, B and C", "A, B и C"). Intl objects are costly to build, so
 * the screen makes one set per language.
 */
import { createAppIntl } from '../../../i18n/appIntl';
import { isLanguage } from '../../../i18n/languages';

export interface ListPart {
  readonly kind: 'item' | 'literal';
  /** The item's position in the input for items; the joining text for literals. */
  readonly index: number;
  readonly text: string;
}

export interface DashboardFormatters {
  /** A score on the level scale, always two decimals. */
  readonly score: (value: number) => string;
  /** A consensus gap with its sign ("+0.75", "−0.50", "0.00"). */
  readonly gap: (value: number) => string;
  /** A spread in levels, up to two decimals ("1", "0.5"). */
  readonly spread: (value: number) => string;
  /** A whole count ("1,234"). */
  readonly count: (value: number) => string;
  /** How to join `count` items ("A, B and C"), as items and literals, so items can be elements. */
  readonly listParts: (count: number) => readonly ListPart[];
  /** Strings joined into one ("A, B and C"). */
  readonly list: (items: readonly string[]) => string;
}

export function createDashboardFormatters(language: string): DashboardFormatters {
  // The app's Intl layer: its own words where the browser lacks the language, and a real minus
  // sign (U+2212) on negative gaps, never a hyphen.
  const intl = createAppIntl(isLanguage(language) ? language : 'en');
  const score = intl.number({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const gap = intl.number({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const spread = intl.number({ maximumFractionDigits: 2 });
  const count = intl.number({ maximumFractionDigits: 0 });
  const list = intl.list();
  return {
    score: (value) => score.format(value),
    // Rounding first: a gap of 1e-12 from floating point must read "0.00", not "+0.00".
    gap: (value) => gap.format(Math.round(value * 100) / 100 + 0),
    spread: (value) => spread.format(value),
    count: (value) => count.format(value),
    listParts: (n) => {
      // Items are formatted as their own index and read back, so the joining words and their
      // placement stay the language's.
      const parts = list.formatToParts(Array.from({ length: n }, (_, i) => String(i)));
      return parts.map((part) => (part.type === 'element' ? { kind: 'item', index: Number(part.value), text: part.value } : { kind: 'literal', index: -1, text: part.value }));
    },
    list: (items) => list.format(items),
  };
}
