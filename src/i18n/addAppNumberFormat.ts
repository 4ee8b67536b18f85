/**
 * "{{count, number}}" in every string goes through the app's Intl layer (appIntl.ts) too: Armenian
 * digits grouped the Armenian way even where the browser has no Armenian data, and negatives with
 * a minus sign. Formatters are cached per language and options.
 */
import type { i18n } from 'i18next';
import { createAppIntl, type AppNumberFormat } from './appIntl';
import { FALLBACK_LANGUAGE, isLanguage } from './languages';

export function addAppNumberFormat(instance: i18n): void {
  const formats = new Map<string, AppNumberFormat>();
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined, options: Intl.NumberFormatOptions) => {
    const tag = isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
    const key = `${tag}|${JSON.stringify(options ?? {})}`;
    let format = formats.get(key);
    if (!format) {
      format = createAppIntl(tag).number(options ?? {});
      formats.set(key, format);
    }
    return typeof value === 'number' ? format.format(value) : String(value);
  });
}
