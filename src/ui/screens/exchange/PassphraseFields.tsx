/**
 * The passphrase of an encrypted export: typed twice (a typo here locks the recipient out for good),
 * with a "show" switch for tablets' on-screen keyboards, a strength hint, and the warning that a
 * lost passphrase cannot be recovered. The checks are the pure checkPassphrase.
 */
import type { TFunction } from 'i18next';
import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';
import { MIN_PASSPHRASE_CHARS, type PassphraseCheck, type PassphraseProblem, type PassphraseStrength } from './passphraseCheck';

export interface PassphraseFieldsProps {
  readonly passphrase: string;
  readonly confirmation: string;
  readonly onPassphrase: (value: string) => void;
  readonly onConfirmation: (value: string) => void;
  readonly check: PassphraseCheck;
  /** Show the blocking problems (after a first attempt to export). */
  readonly showProblems: boolean;
  readonly passphraseRef?: Ref<HTMLInputElement> | undefined;
  readonly confirmationRef?: Ref<HTMLInputElement> | undefined;
}

export function PassphraseFields(props: PassphraseFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  const { check, showProblems } = props;
  const firstProblem = check.problems.find((problem) => problem !== 'mismatch');
  const passphraseError = showProblems && firstProblem !== undefined ? problemText(t, firstProblem) : undefined;
  const confirmationError = showProblems && check.problems.includes('mismatch') ? problemText(t, 'mismatch') : undefined;
  const type = visible ? 'text' : 'password';
  return (
    <div class="xc-passphrase">
      <div class="field">
        <label for={`${id}-passphrase`}>{t('exchange:export.passphrase.label')}</label>
        <input
          id={`${id}-passphrase`}
          ref={props.passphraseRef}
          type={type}
          value={props.passphrase}
          autoComplete="new-password"
          autoCapitalize="off"
          spellcheck={false}
          aria-invalid={passphraseError === undefined ? undefined : 'true'}
          aria-describedby={[`${id}-hint`, `${id}-strength`, passphraseError === undefined ? '' : `${id}-error`].filter(Boolean).join(' ')}
          onInput={(event) => props.onPassphrase(event.currentTarget.value)}
        />
        <p id={`${id}-hint`} class="field-hint">
          {t('exchange:export.passphrase.hint', { count: MIN_PASSPHRASE_CHARS })}
        </p>
        <p id={`${id}-strength`} class={`xc-strength xc-strength-${props.passphrase === '' ? 'none' : check.strength}`}>
          <span class="xc-strength-meter" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {props.passphrase === '' ? t('exchange:export.passphrase.strength.none') : strengthText(t, check.strength)}
        </p>
        {passphraseError !== undefined && (
          <p id={`${id}-error`} class="field-error">
            {passphraseError}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-confirmation`}>{t('exchange:export.passphrase.confirm')}</label>
        <input
          id={`${id}-confirmation`}
          ref={props.confirmationRef}
          type={type}
          value={props.confirmation}
          autoComplete="new-password"
          autoCapitalize="off"
          spellcheck={false}
          aria-invalid={confirmationError === undefined ? undefined : 'true'}
          aria-describedby={confirmationError === undefined ? undefined : `${id}-confirmation-error`}
          onInput={(event) => props.onConfirmation(event.currentTarget.value)}
        />
        {confirmationError !== undefined && (
          <p id={`${id}-confirmation-error`} class="field-error">
            {confirmationError}
          </p>
        )}
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.currentTarget.checked)} />
        {t('exchange:export.passphrase.show')}
      </label>
      <div class="banner banner-warning xc-passphrase-warning">
        <p>
          <strong>{t('exchange:export.passphrase.warningTitle')}</strong> {t('exchange:export.passphrase.warning')}
        </p>
      </div>
    </div>
  );
}

function problemText(t: TFunction, problem: PassphraseProblem): string {
  switch (problem) {
    case 'empty':
      return t('exchange:export.passphrase.problem.empty');
    case 'too-short':
      return t('exchange:export.passphrase.problem.too-short', { count: MIN_PASSPHRASE_CHARS });
    case 'mismatch':
      return t('exchange:export.passphrase.problem.mismatch');
  }
}

function strengthText(t: TFunction, strength: PassphraseStrength): string {
  switch (strength) {
    case 'too-short':
      return t('exchange:export.passphrase.strength.too-short');
    case 'weak':
      return t('exchange:export.passphrase.strength.weak');
    case 'fair':
      return t('exchange:export.passphrase.strength.fair');
    case 'strong':
      return t('exchange:export.passphrase.strength.strong');
  }
}
