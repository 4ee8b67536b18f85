/**
 * A fresh i18next instance per app (and per test), never the global `i18next` default: components
 * get it through the AppState context, so two instances can coexist without leaking languages.
 */
import i18next, { type i18n } from 'i18next';
import { createAppIntl } from './appIntl';
import { FALLBACK_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';
import { DEFAULT_NAMESPACE, NAMESPACES, resources } from './resources';

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  // Resources are bundled, so with initAsync off init completes before it returns and the first
  // render already has every string.
  void instance.init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NAMESPACE,
    resources,
    initAsync: false,
    returnNull: false,
    // Preact escapes text content itself; escaping here would show "&amp;" on screen.
    interpolation: { escapeValue: false },
  });
  // "{{count, number}}" through the app's Intl layer too: Armenian digits grouped the Armenian way
  // even where the browser has no Armenian data, and negatives with a minus sign.
  const numberFormats = new Map<string, ReturnType<ReturnType<typeof createAppIntl>['number']>>();
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined, options: Intl.NumberFormatOptions) => {
    const tag = isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
    const key = `${tag}|${JSON.stringify(options ?? {})}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = createAppIntl(tag).number(options ?? {});
      numberFormats.set(key, format);
    }
    return typeof value === 'number' ? format.format(value) : String(value);
  });
  return instance;
}
