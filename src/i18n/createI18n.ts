/**
 * A fresh i18next instance per app (and per test), never the global `i18next` default: components
 * get it through the AppState context, so two instances can coexist without leaking languages.
 */
import i18next, { type i18n } from 'i18next';
import { addAppNumberFormat } from './addAppNumberFormat';
import { FALLBACK_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from './languages';
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
  addAppNumberFormat(instance);
  return instance;
}
