/**
 * Who an export is signed by: an assessor of the team (the file name and the importer's preview show
 * the name), or a name typed in for someone not in the team list yet. Starts at "me" when this
 * device knows who it is, and otherwise asks rather than guessing.
 */
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import { useTranslation } from '../../useTranslation';
import { OTHER_SIGNER } from './exportScope';

export interface SignerFieldProps {
  readonly assessors: readonly Assessor[];
  readonly choice: string;
  readonly name: string;
  readonly onChoice: (choice: string) => void;
  readonly onName: (name: string) => void;
  /** Shown after a first attempt to export. */
  readonly problem: 'choose' | 'name' | undefined;
  readonly selectRef: Ref<HTMLSelectElement>;
  readonly nameRef: Ref<HTMLInputElement>;
}

export function SignerField({ assessors, choice, name, onChoice, onName, problem, selectRef, nameRef }: SignerFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      {assessors.length > 0 && (
        <div class="field">
          <label for={`${id}-select`}>{t('exchange:export.signer.label')}</label>
          <select
            id={`${id}-select`}
            ref={selectRef}
            value={choice}
            aria-invalid={problem === 'choose' ? 'true' : undefined}
            aria-describedby={`${id}-hint${problem === 'choose' ? ` ${id}-choose` : ''}`}
            onChange={(event) => onChoice(event.currentTarget.value)}
          >
            {choice === '' && <option value="">{t('exchange:export.signer.placeholder')}</option>}
            {assessors.map((assessor) => (
              <option key={assessor.id} value={assessor.id}>
                {assessor.name}
              </option>
            ))}
            <option value={OTHER_SIGNER}>{t('exchange:export.signer.other')}</option>
          </select>
          {problem === 'choose' && (
            <p id={`${id}-choose`} class="field-error">
              {t('exchange:export.signer.choose')}
            </p>
          )}
        </div>
      )}
      {choice === OTHER_SIGNER && (
        <div class="field">
          <label for={`${id}-name`}>{t('exchange:export.signer.nameLabel')}</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            type="text"
            value={name}
            autoComplete="name"
            aria-invalid={problem === 'name' ? 'true' : undefined}
            aria-describedby={`${id}-hint${problem === 'name' ? ` ${id}-name-error` : ''}`}
            onInput={(event) => onName(event.currentTarget.value)}
          />
          {problem === 'name' && (
            <p id={`${id}-name-error`} class="field-error">
              {t('exchange:export.signer.required')}
            </p>
          )}
        </div>
      )}
      <p id={`${id}-hint`} class="field-hint">
        {t('exchange:export.signer.hint')}
      </p>
    </>
  );
}
