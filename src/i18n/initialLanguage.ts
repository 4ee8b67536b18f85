/**
 * The language the app starts in: the one chosen and stored on this device, else the browser's
 * preference, else English. Its own small module (no other dependency than the language list), so
 * the entry can read it before the rest of its code runs (src/ui/shell/earlyStart.ts).
 */
import { isLanguage, pickLanguage, type Language } from './languages';

export const LANGUAGE_STORAGE_KEY = 'mmdma.language';

export function initialLanguageOf(storage: Pick<Storage, 'getItem'> | undefined, preferred: readonly string[] | undefined): Language {
  let stored: string | undefined;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be disabled (private mode, policy); the browser's preference still applies.
  }
  return pickLanguage([isLanguage(stored) ? stored : undefined, ...(preferred ?? [])]);
}
