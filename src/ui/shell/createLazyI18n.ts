/**
 * The app's i18next instance, with strings fetched on demand rather than bundled: every language's
 * `common` namespace is in the first download (the language menu names each language in itself),
 * and the rest of a language is one chunk (vite.config.ts groups a language's locale files),
 * fetched when the app starts in that language or switches to it. The chunk is precached by the
 * service worker like the rest of the app, so this costs nothing offline.
 *
 * One chunk per language, not one per namespace: every screen but the list waits for the whole
 * language (App's lazy screens), and each file fetched at start-up is a round trip through the
 * service worker that the first screen waits behind; a language is about 30 KB compressed.
 *
 * The instance is made at once (so the shell can be built and start reading while the strings
 * arrive); `ready` says when the starting language is there, and nothing is rendered before it.
 */
import i18next, { type i18n } from 'i18next';
import { FALLBACK_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../../i18n/languages';
import { addAppNumberFormat } from '../../i18n/addAppNumberFormat';
import { loadLanguageStrings, type LanguageStrings } from '../../i18n/loadLanguageStrings';

type Strings = Readonly<Record<string, unknown>>;

const DEFAULT_NAMESPACE = 'common';

const commonFiles = import.meta.glob<Strings>('../../../locales/*/common.json', { eager: true, import: 'default' });
// (formats.json, the Intl fallback's words, and glossary.json, checked by a test, are data read by
// code, not string namespaces: neither is in a language's strings.)

/** `../../../locales/hy/shell.json` → ['hy', 'shell']. */
function parsePath(path: string): readonly [string, string] | undefined {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] !== undefined && match[2] !== undefined ? [match[1], match[2]] : undefined;
}

export interface LazyI18n {
  readonly i18n: i18n;
  /** Fetches every namespace of a language (once; later calls share the first fetch). */
  readonly loadLanguage: (language: Language) => Promise<void>;
  /** Settles when every string of the starting language is loaded (rejects when its chunk cannot be fetched). */
  readonly ready: Promise<void>;
}

/**
 * The instance at once, ready to translate `common`; the rest of `language` is fetched from here,
 * or taken from `started`, its fetch begun earlier (src/ui/shell/earlyStart.ts).
 */
export function createLazyI18n(language: Language, started?: Promise<LanguageStrings>): LazyI18n {
  const instance = i18next.createInstance();
  const resources: Record<string, Record<string, Strings>> = {};
  for (const [path, strings] of Object.entries(commonFiles)) {
    const parsed = parsePath(path);
    if (parsed) resources[parsed[0]] = { [DEFAULT_NAMESPACE]: strings };
  }
  // initAsync false and bundled resources: init is synchronous (the returned promise is already settled).
  void instance.init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [DEFAULT_NAMESPACE],
    defaultNS: DEFAULT_NAMESPACE,
    resources,
    partialBundledLanguages: true,
    initAsync: false,
    returnNull: false,
    // Preact escapes text content itself; escaping here would show "&amp;" on screen.
    interpolation: { escapeValue: false },
  });
  addAppNumberFormat(instance);

  const fetching = new Map<Language, Promise<void>>();
  const loadLanguage = (of: Language): Promise<void> => {
    let pending = fetching.get(of);
    if (!pending) {
      const strings = of === language && started ? started : loadLanguageStrings(of);
      // Used once: a retry after a failure fetches again.
      started = undefined;
      pending = strings.then(
        (files) => {
          for (const [path, strings] of Object.entries(files)) {
            const parsed = parsePath(path);
            if (parsed) instance.addResourceBundle(parsed[0], parsed[1], strings, true, true);
          }
        },
        (error: unknown) => {
          // Forget the failure, so the next attempt (a retry, going back online) fetches again.
          fetching.delete(of);
          throw error;
        },
      );
      fetching.set(of, pending);
    }
    return pending;
  };

  return { i18n: instance, loadLanguage, ready: loadLanguage(language) };
}
