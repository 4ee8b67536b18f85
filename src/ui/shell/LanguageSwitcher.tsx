import { useId } from 'preact/hooks';
import { isLanguage, SUPPORTED_LANGUAGES } from '../../i18n/languages';
import { useAppState } from '../AppStateContext';
import { useTranslation } from '../useTranslation';

export function LanguageSwitcher() {
  const state = useAppState();
  const { t, language } = useTranslation();
  const id = useId();
  return (
    <div class="language-switcher">
      <label for={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isLanguage(next)) state.setLanguage(next);
        }}
      >
        {SUPPORTED_LANGUAGES.map((code) => (
          // Each language names itself, in its own script, whatever the current language is.
          <option key={code} value={code} lang={code}>
            {state.i18n.getFixedT(code)('language.self')}
          </option>
        ))}
      </select>
    </div>
  );
}
