/** A framework text in one language, falling back to English (which the schema requires). */
export function localize(text: { readonly en: string; readonly [language: string]: string | undefined }, language: string): string {
  const value = text[language];
  return value !== undefined && value.trim() !== '' ? value : text.en;
}
