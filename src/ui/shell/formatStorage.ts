/**
 * Storage figures in the interface language: sizes with Intl's unit formatting (decimal units, as
 * the unit names say: 1 MB = 1,000,000 bytes, which is also how operating systems report disks now)
 * and the share of the quota used.
 */
import { createAppIntl } from '../../i18n/appIntl';
import { isLanguage } from '../../i18n/languages';

/** The app's Intl layer (own words where the browser has no locale data) for a language tag. */
const intlOf = (language: string) => createAppIntl(isLanguage(language) ? language : 'en');

const UNITS = [
  { unit: 'gigabyte', bytes: 1e9 },
  { unit: 'megabyte', bytes: 1e6 },
  { unit: 'kilobyte', bytes: 1e3 },
] as const;

export function formatBytes(bytes: number, language: string): string {
  const scale = UNITS.find((candidate) => bytes >= candidate.bytes);
  const value = scale ? bytes / scale.bytes : bytes;
  return intlOf(language).number({
    style: 'unit',
    unit: scale?.unit ?? 'byte',
    // "512 bytes" (long) reads better than "512 byte"; "1.2 MB" (short) better than "1.2 megabytes".
    unitDisplay: scale ? 'short' : 'long',
    maximumFractionDigits: scale && value < 10 ? 1 : 0,
  }).format(value);
}

/** The share of the quota used, e.g. "0.4%"; finer digits near empty so it never says "0%" with data. */
export function formatShare(usage: number, quota: number, language: string): string {
  const share = quota > 0 ? usage / quota : 0;
  return intlOf(language).number({ style: 'percent', maximumFractionDigits: share < 0.01 ? 2 : 0 }).format(share);
}

/** The quota is nearly used up: below this much room the status block warns. */
export const LOW_SPACE_SHARE = 0.9;

export function isLowOnSpace(usage: number | null, quota: number | null): boolean {
  return usage !== null && quota !== null && quota > 0 && usage / quota >= LOW_SPACE_SHARE;
}
