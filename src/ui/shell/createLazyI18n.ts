/**
 * The app's i18next instance, with strings fetched on demand rather than bundled: every language's
 * `common` namespace is in the first download (the language menu names each language in itself),
 * the current language's shell namespaces are fetched before the first render, and the rest of
 * that language (the other screens' namespaces) right after it, in the background. Another language
 * is fetched when chosen. Each locale file is its own small chunk, precached by the service worker
 * like the rest of the app, so this costs nothing offline.
 *
 * This keeps about two thirds of the strings (the two other languages) and the framework-heavy
 * screens' strings out of the JavaScript the first screen waits for.
 */
import i18next, { type i18n } from 'i18next';
import { FALLBACK_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../../i18n/languages';
import { addAppNumberFormat } from '../../i18n/addAppNumberFormat';

type Strings = Readonly<Record<string, unknown>>;

/** What the first screen (the assessments list, the header, the update prompt) needs. */
// 'explorer' too: the header shows its title and counts on the #/framework route before the rest of
// the language has arrived.
export const FIRST_SCREEN_NAMESPACES = ['common', 'shell', 'assessments', 'pwa', 'explorer'] as const;
const DEFAULT_NAMESPACE = 'common';

const commonFiles = import.meta.glob<Strings>('../../../locales/*/common.json', { eager: true, import: 'default' });
// formats.json (the Intl fallback's words, src/i18n/appIntl.ts) and glossary.json (checked by a
// test) are data read by code, not string namespaces.
const otherFiles = import.meta.glob<Strings>(['../../../locales/*/*.json', '!../../../locales/*/common.json', '!../../../locales/*/formats.json', '!../../../locales/*/glossary.json'], { import: 'default' });

/** `../../../locales/hy/shell.json` → ['hy', 'shell']. */
function parsePath(path: string): readonly [string, string] | undefined {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] !== undefined && match[2] !== undefined ? [match[1], match[2]] : undefined;
}

export interface LazyI18n {
  readonly i18n: i18n;
  /** Fetches every namespace of a language (once; later calls share the first fetch). */
  readonly loadLanguage: (language: Language) => Promise<void>;
}

/** Resolves once the first screen's strings of `language` are loaded and the instance is ready. */
export async function createLazyI18n(language: Language): Promise<LazyI18n> {
  const instance = i18next.createInstance();
  const resources: Record<string, Record<string, Strings>> = {};
  for (const [path, strings] of Object.entries(commonFiles)) {
    const parsed = parsePath(path);
    if (parsed) resources[parsed[0]] = { [DEFAULT_NAMESPACE]: strings };
  }
  await instance.init({
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

  const fetching = new Map<string, Promise<void>>();
  const loadFile = (path: string): Promise<void> => {
    let pending = fetching.get(path);
    if (!pending) {
      const load = otherFiles[path];
      const parsed = parsePath(path);
      if (!load || !parsed) return Promise.resolve();
      pending = load().then(
        (strings) => {
          instance.addResourceBundle(parsed[0], parsed[1], strings, true, true);
        },
        (error: unknown) => {
          // Forget the failure, so the next attempt (a retry, going back online) fetches again.
          fetching.delete(path);
          throw error;
        },
      );
      fetching.set(path, pending);
    }
    return pending;
  };
  const filesOf = (of: Language, namespaces?: readonly string[]) =>
    Object.keys(otherFiles).filter((path) => {
      const parsed = parsePath(path);
      return parsed !== undefined && parsed[0] === of && (namespaces === undefined || namespaces.includes(parsed[1]));
    });
  const loadLanguage = async (of: Language) => {
    await Promise.all(filesOf(of).map(loadFile));
  };

  await Promise.all(filesOf(language, FIRST_SCREEN_NAMESPACES).map(loadFile));
  return { i18n: instance, loadLanguage };
}
