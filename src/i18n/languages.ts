/** The interface languages. Framework texts may carry others; those fall back to English. */
export const SUPPORTED_LANGUAGES = ['en', 'hy', 'ru'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among BCP 47 candidates (a stored choice, then `navigator.languages`),
 * matched on the primary subtag so "ru-RU" picks Russian; English when none matches.
 */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const primary = candidate.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}
