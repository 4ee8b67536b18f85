/**
 * Fetches the strings of a language (all its namespaces but `common`, which is bundled): one module
 * per language (src/i18n/strings/<lang>.ts), so one chunk, keyed by locale file path
 * (`../../../locales/hy/shell.json`).
 */
import type { Language } from './languages';

export type LanguageStrings = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const languageFiles = import.meta.glob<LanguageStrings>('./strings/*.ts', { import: 'default' });

/** Resolves to no strings for a language without a strings module (a test checks each has one). */
export function loadLanguageStrings(language: Language): Promise<LanguageStrings> {
  const load = languageFiles[`./strings/${language}.ts`];
  return load ? load() : Promise.resolve({});
}
