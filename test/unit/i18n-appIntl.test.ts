/**
 * The app's own formats when the browser lacks the interface language's locale data (Chromium has
 * none for Armenian): the fallback must read as the language's own CLDR formats do. Node carries
 * full ICU, so the runtime's output is the reference, and the fallback is forced with native=false.
 */
import { describe, expect, it } from 'vitest';
import { createAppIntl, MINUS_SIGN, runtimeSupports } from '../../src/i18n/appIntl';

const OCT_4 = new Date(2022, 9, 4, 8, 29);
const OCT_6 = new Date(2022, 9, 6, 16, 5);
/**
 * Where the app's words knowingly differ from CLDR's: ICU pads the day in some Armenian patterns
 * ("04 հոկտեմբերի", the fallback writes "4"), and abbreviates the Armenian year "թ." with a Latin
 * full stop where the app's glossary writes the Armenian «․» (see locales/hy/glossary.json).
 */
const unpadDay = (text: string) => text.replace(/(^|\s)0(\d)(?=\s)/g, '$1$2').replace(/թ\./g, 'թ\u2024');

describe('runtimeSupports', () => {
  it('knows what this runtime has data for, and refuses what it would only pretend to format', () => {
    expect(runtimeSupports('en')).toBe(true);
    expect(runtimeSupports('ru')).toBe(true);
    expect(runtimeSupports('zz')).toBe(false);
  });
});

describe.each(['hy', 'ru'] as const)('the %s fallback', (language) => {
  const fallback = createAppIntl(language, false);
  const native = createAppIntl(language, true);

  it('writes dates with the language’s month and weekday names, as CLDR does', () => {
    for (const style of ['full', 'long', 'medium'] as const) {
      expect(fallback.dateTime({ date: style }).format(OCT_4), style).toBe(unpadDay(native.dateTime({ date: style }).format(OCT_4)));
    }
  });

  it('uses a 24-hour clock, alone and after a date', () => {
    expect(fallback.dateTime({ time: true }).format(OCT_6)).toBe('16:05');
    expect(fallback.dateTime({ time: true }).format(OCT_4)).toBe('08:29');
    expect(native.dateTime({ time: true }).format(OCT_6)).toBe('16:05');
    expect(fallback.dateTime({ date: 'medium', time: true }).format(OCT_4)).toBe(unpadDay(native.dateTime({ date: 'medium', time: true }).format(OCT_4)));
  });

  it('writes numbers with the language’s separators and a real minus sign', () => {
    for (const [value, options] of [
      [2.7, {}],
      [1234567.891, {}],
      [-0.5, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }],
      [0.75, { minimumFractionDigits: 2, signDisplay: 'exceptZero' }],
      [0.42, { style: 'percent' }],
    ] as const) {
      expect(fallback.number(options).format(value), `${value}`).toBe(native.number(options).format(value));
    }
    expect(fallback.number().format(-3)).toBe(`${MINUS_SIGN}3`);
    expect(fallback.number().format(2.7)).toBe('2,7');
  });

  it('joins lists with the language’s words', () => {
    for (const items of [['A'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D']]) {
      expect(fallback.list().format(items)).toBe(native.list().format(items));
      expect(fallback.list().formatToParts(items).filter((part) => part.type === 'element').map((part) => part.value)).toEqual(items);
    }
  });

  it('writes numeric dates day first, and ranges with an en dash', () => {
    expect(fallback.dateTime({ date: 'numeric' }).format(OCT_4)).toBe('04.10.2022');
    expect(fallback.dateTime({ date: 'long' }).formatRange(OCT_4, OCT_6)).toContain(' – ');
  });
});

describe('English', () => {
  it('uses the runtime, with a minus sign for negatives', () => {
    const intl = createAppIntl('en');
    expect(intl.native).toBe(true);
    expect(intl.dateTime({ date: 'full' }).format(OCT_4)).toBe('Tuesday, October 4, 2022');
    expect(intl.number({ minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(-0.5)).toBe(`${MINUS_SIGN}0.50`);
  });
});

describe('every date, number and list on screen goes through the app’s Intl layer', () => {
  it('no file in src/ builds its own Intl date, number or list formatter', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const root = join(import.meta.dirname, '../..');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = walk(join(root, 'src'))
      .filter((file) => !file.endsWith(join('i18n', 'appIntl.ts')))
      .filter((file) => /new Intl\.(DateTimeFormat|NumberFormat|ListFormat|RelativeTimeFormat)\(|\.toLocale(Date|Time)?String\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
