/**
 * What a component needs to speak the interface language. Reading `language.value` here subscribes
 * the calling component, so switching language re-renders exactly the components that show text.
 */
import type { TFunction } from 'i18next';
import type { Formatters } from '../i18n/createFormatters';
import type { Language } from '../i18n/languages';
import { localize } from '../i18n/localize';
import type { LocalizedText } from '../core/framework/frameworkSchema';
import { useAppState } from './AppStateContext';

export interface Translation {
  readonly t: TFunction;
  readonly language: Language;
  readonly format: Formatters;
  /** A framework text in the interface language, English when it has no translation. */
  readonly text: (value: LocalizedText) => string;
}

export function useTranslation(): Translation {
  const state = useAppState();
  const language = state.language.value;
  return {
    t: state.translator(language),
    language,
    format: state.formatters.value,
    text: (value) => localize(value, language),
  };
}
