/**
 * The passphrase of an encrypted bundle. A wrong one is said so (the bundle code tells a wrong
 * passphrase from tampering by a key check), and the person simply types again: the file stays
 * chosen.
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';

export interface ImportPassphraseFormProps {
  readonly fileName: string;
  /** The previous attempt was refused as the wrong passphrase. */
  readonly wrong: boolean;
  /** Attempts so far (a new wrong attempt re-announces the message). */
  readonly attempt: number;
  readonly onSubmit: (passphrase: string) => void;
  readonly onCancel: () => void;
}

export function ImportPassphraseForm({ fileName, wrong, attempt, onSubmit, onCancel }: ImportPassphraseFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [visible, setVisible] = useState(false);
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    input.current?.focus();
    if (wrong) input.current?.select();
  }, [wrong, attempt]);
  const error = empty ? t('exchange:import.passphrase.empty') : wrong ? t('exchange:import.passphrase.wrong') : undefined;
  return (
    <form
      class="xc-passphrase-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase === '') {
          setEmpty(true);
          input.current?.focus();
          return;
        }
        setEmpty(false);
        onSubmit(passphrase);
      }}
    >
      <h4>{t('exchange:import.passphrase.heading')}</h4>
      <p>{t('exchange:import.passphrase.intro', { file: fileName })}</p>
      <div class="field">
        <label for={`${id}-input`}>{t('exchange:import.passphrase.label')}</label>
        <input
          id={`${id}-input`}
          ref={input}
          type={visible ? 'text' : 'password'}
          value={passphrase}
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          aria-invalid={error === undefined ? undefined : 'true'}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </div>
      <div role="alert" class="xc-alert-slot">
        {error !== undefined && (
          <p id={`${id}-error`} class="field-error" key={attempt}>
            {error}
          </p>
        )}
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.currentTarget.checked)} />
        {t('exchange:import.passphrase.show')}
      </label>
      <div class="xc-actions">
        <button type="submit" class="button button-primary">
          {t('exchange:import.passphrase.open')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('exchange:import.cancel')}
        </button>
      </div>
    </form>
  );
}
