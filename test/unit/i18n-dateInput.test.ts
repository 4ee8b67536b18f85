/**
 * The date field's text in the interface language (i18n/dateInput.ts): shown as day, month, year in
 * the language's layout, stored ISO, and nothing but a real calendar day read as a date.
 */
import { describe, expect, it } from 'vitest';
import enFormats from '../../locales/en/formats.json';
import hyFormats from '../../locales/hy/formats.json';
import ruFormats from '../../locales/ru/formats.json';
import { DATE_INPUT_LAYOUTS, formatDateInput, parseDateInput } from '../../src/i18n/dateInput';

describe('formatDateInput', () => {
  it('uses the numeric layout of each language’s formats.json', () => {
    expect(DATE_INPUT_LAYOUTS).toEqual({ en: enFormats.date.numeric, hy: hyFormats.date.numeric, ru: ruFormats.date.numeric });
  });

  it('writes an ISO date in each language’s numeric layout, day first', () => {
    expect(formatDateInput('2022-10-04', 'ru')).toBe('04.10.2022');
    expect(formatDateInput('2022-10-04', 'hy')).toBe('04.10.2022');
    expect(formatDateInput('2022-10-04', 'en')).toBe('04/10/2022');
  });

  it('leaves what is not an ISO date as it is (a half-typed field stays as typed)', () => {
    expect(formatDateInput('', 'ru')).toBe('');
    expect(formatDateInput('4.10.', 'ru')).toBe('4.10.');
  });
});

describe('parseDateInput', () => {
  it('reads day, month, year with any usual separator and without leading zeros', () => {
    for (const text of ['04.10.2022', '4.10.2022', '4/10/2022', '04-10-2022', '4 10 2022', ' 04.10.2022 ']) expect(parseDateInput(text), text).toBe('2022-10-04');
  });

  it('reads an ISO date too', () => {
    expect(parseDateInput('2022-10-04')).toBe('2022-10-04');
    expect(parseDateInput('2022-1-4')).toBe('2022-01-04');
  });

  it('round-trips what it writes, in every language', () => {
    for (const language of ['en', 'hy', 'ru'] as const) expect(parseDateInput(formatDateInput('2024-02-29', language))).toBe('2024-02-29');
  });

  it('refuses days that do not exist, months past 12, short years and words', () => {
    for (const text of ['31.02.2022', '29.02.2023', '00.10.2022', '04.13.2022', '04.10.22', '2022-02-30', '10/03', 'tomorrow', '', '04..2022']) expect(parseDateInput(text), text).toBeUndefined();
  });

  it('shows half-typed or impossible ISO text as typed, never as a made-up day', () => {
    for (const text of ['2022-10-0', '2022-1-', '2022-02-30', '2022-13-01']) expect(formatDateInput(text, 'en'), text).toBe(text);
  });
});
