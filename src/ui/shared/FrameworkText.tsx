import type { LocalizedText } from '../../core/framework/frameworkSchema';
import { resolveLocalized } from '../../i18n/localize';
import { useTranslation } from '../useTranslation';

/**
 * A framework text in the interface language. When it falls back to English inside an Armenian or
 * Russian page, it is wrapped in `lang="en"` so a screen reader switches voice (WCAG 3.1.2).
 */
export function FrameworkText({ value }: { readonly value: LocalizedText }) {
  const { language } = useTranslation();
  const resolved = resolveLocalized(value, language);
  return resolved.language === language ? <>{resolved.text}</> : <span lang={resolved.language}>{resolved.text}</span>;
}
