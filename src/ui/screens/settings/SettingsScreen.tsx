/**
 * `#/settings`: interface language, the name this device's user goes by, the device's storage, and
 * the frameworks installed here (import, list, remove).
 */
import { useId, useState } from 'preact/hooks';
import { SUPPORTED_LANGUAGES, isLanguage } from '../../../i18n/languages';
import { useAppState } from '../../AppStateContext';
import { StorageStatusPanel } from '../../shell/StorageStatusPanel';
import { useTranslation } from '../../useTranslation';
import { FrameworksSection } from './FrameworksSection';
import './settings.css';

export function SettingsScreen() {
  return (
    <div class="settings-screen">
      <div class="settings-columns two-columns">
        <div class="settings-column panel-stack">
          <LanguageSection />
          <NameSection />
          <BundleSection />
          <StorageStatusPanel />
        </div>
        <FrameworksSection />
      </div>
    </div>
  );
}

function LanguageSection() {
  const state = useAppState();
  const { t, language } = useTranslation();
  return (
    <section class="panel" aria-labelledby="settings-language-heading">
      <h2 id="settings-language-heading">{t('settings:language.heading')}</h2>
      <fieldset class="fieldset radio-group">
        <legend>{t('settings:language.legend')}</legend>
        {SUPPORTED_LANGUAGES.map((code) => (
          <label key={code} class="radio" lang={code}>
            <input
              type="radio"
              name="interface-language"
              value={code}
              checked={code === language}
              onChange={(event) => {
                const next = event.currentTarget.value;
                if (isLanguage(next)) state.setLanguage(next);
              }}
            />
            {state.i18n.getFixedT(code)('language.self')}
          </label>
        ))}
      </fieldset>
      <p class="field-hint">{t('settings:language.hint')}</p>
    </section>
  );
}

/** The team's rule for bundles on this device: refuse plain (unencrypted) ones. */
function BundleSection() {
  const state = useAppState();
  const { t } = useTranslation();
  const id = useId();
  return (
    <section class="panel" aria-labelledby="settings-bundles-heading">
      <h2 id="settings-bundles-heading">{t('settings:bundles.heading')}</h2>
      <label class="checkbox" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={state.requireEncryptedBundles.value}
          aria-describedby={`${id}-hint`}
          onChange={(event) => state.setRequireEncryptedBundles(event.currentTarget.checked)}
        />
        {t('settings:bundles.requireEncryption')}
      </label>
      <p id={`${id}-hint`} class="field-hint">
        {t('settings:bundles.requireEncryptionHint')}
      </p>
    </section>
  );
}

function NameSection() {
  const state = useAppState();
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(state.defaultName.value);
  return (
    <section class="panel" aria-labelledby="settings-name-heading">
      <h2 id="settings-name-heading">{t('settings:name.heading')}</h2>
      <div class="field">
        <label for={id}>{t('settings:name.label')}</label>
        <input
          id={id}
          type="text"
          value={draft}
          autoComplete="name"
          aria-describedby={`${id}-hint`}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            state.setDefaultName(event.currentTarget.value);
          }}
        />
        <p id={`${id}-hint`} class="field-hint">
          {t('settings:name.hint')}
        </p>
      </div>
    </section>
  );
}
