type LocalizedValue = { readonly en: string; readonly [language: string]: string | undefined };

/**
 * A framework text in one language, falling back to English (which the schema requires), with the
 * language actually used, so the UI can mark English fallbacks with `lang` for screen readers.
 */
export function resolveLocalized(text: LocalizedValue, language: string): { readonly text: string; readonly language: string } {
  const value = text[language];
  return value !== undefined && value.trim() !== '' ? { text: value, language } : { text: text.en, language: 'en' };
}

/** A framework text in one language, falling back to English. */
export function localize(text: LocalizedValue, language: string): string {
  return resolveLocalized(text, language).text;
}
