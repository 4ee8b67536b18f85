/**
 * The first code of the entry to run (main.tsx imports it before anything else, and it imports
 * nothing heavy, so modules evaluate it first): it begins the two slowest things the first render
 * waits for, the language's strings (a chunk from the service worker) and the browser support
 * probe (an IndexedDB open), while the rest of the entry's modules are still being evaluated.
 * Measured on the interview screen's cold start, each took about 60 ms after the entry had run.
 */
import { unsupportedReason } from '../../pwa/browserSupport';
import { initialLanguageOf } from '../../i18n/initialLanguage';
import { loadLanguageStrings } from '../../i18n/loadLanguageStrings';

/** Reading `localStorage` itself throws where storage is blocked (some privacy settings). */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const earlyStorage = safeLocalStorage();
export const earlyLanguage = initialLanguageOf(earlyStorage, navigator.languages);
export const earlyStrings = loadLanguageStrings(earlyLanguage);
export const earlySupportCheck = unsupportedReason(window);
// Handled where they are awaited; this only keeps a failure that arrives first from being reported as unhandled.
earlyStrings.catch(() => undefined);
