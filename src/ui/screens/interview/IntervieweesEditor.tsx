/**
 * The people met, edited inline: name and role per row (autosaved), a remove button (undoable),
 * and an add row at the end where Enter adds. Names are required; a blank name is refused with a
 * message and nothing is written.
 */
import { useRef, useState } from 'preact/hooks';
import type { Interview } from '../../../core/assessment/interviewSchema';
import type { Interviewee } from '../../../core/assessment/intervieweeSchema';
import { useTranslation } from '../../useTranslation';
import { AutosavedInput } from './AutosavedInput';
import { useInterview } from './InterviewContext';
import { useAutosavedField } from './useAutosavedField';

export function IntervieweesEditor({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const interviewees = model.interviewees.value;
  return (
    <fieldset class="field-group interviewees">
      <legend>{t('interview:interviewees.heading')}</legend>
      {interviewees.length === 0 ? (
        <p class="muted">{t('interview:interviewees.none')}</p>
      ) : (
        <ul class="interviewee-list">
          {interviewees.map((interviewee, position) => (
            <IntervieweeRow key={interviewee.id} interviewee={interviewee} position={position + 1} />
          ))}
        </ul>
      )}
      <AddInterviewee interview={interview} />
    </fieldset>
  );
}

function IntervieweeRow({ interviewee, position }: { readonly interviewee: Interviewee; readonly position: number }) {
  const { t } = useTranslation();
  const { model, offerUndo } = useInterview();
  const writer = model.session.writer;
  const name = useAutosavedField({
    key: `interviewee:${interviewee.id}:name`,
    stored: interviewee.name,
    save: (value: string) => writer.update('interviewee', interviewee.id, { name: value }),
    validate: (value) => (value.trim() === '' ? t('interview:interviewees.nameRequired') : null),
  });
  const role = useAutosavedField({
    key: `interviewee:${interviewee.id}:role`,
    stored: interviewee.role,
    save: (value: string) => writer.update('interviewee', interviewee.id, { role: value }),
  });
  const id = `interviewee-${interviewee.id}`;
  const remove = async () => {
    const result = await writer.remove('interviewee', interviewee.id);
    if (!result.ok) return;
    offerUndo(t('interview:interviewees.removed', { name: interviewee.name }), () => {
      void writer.update('interviewee', interviewee.id, { deleted: false });
    });
  };
  return (
    <li class="interviewee-row">
      <AutosavedInput id={`${id}-name`} label={t('interview:interviewees.nameOf', { position })} field={name} />
      <AutosavedInput id={`${id}-role`} label={t('interview:interviewees.roleOf', { position })} field={role} />
      <button type="button" class="iv-button iv-button-quiet" onClick={() => void remove()}>
        {t('interview:interviewees.remove', { name: interviewee.name })}
      </button>
    </li>
  );
}

function AddInterviewee({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const { model, announce } = useInterview();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = `add-interviewee-${interview.id}`;

  const add = async () => {
    if (busy) return;
    if (name.trim() === '') {
      setError(t('interview:interviewees.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await model.session.writer.create('interviewee', {
        assessmentId: model.session.assessmentId,
        interviewId: interview.id,
        name: name.trim(),
        role: role.trim(),
        // Usually from the interview's institution; the setup screen can say otherwise.
        institutionId: interview.institutionId,
        deleted: false,
      });
    setBusy(false);
    if (!result.ok) return;
    announce(t('interview:interviewees.added', { name: result.value.name }));
    setName('');
    setRole('');
    setError(null);
    nameRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      void add();
    }
  };

  return (
    <div class="interviewee-row interviewee-add" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} class="visually-hidden">
        {t('interview:interviewees.addHeading')}
      </p>
      <div class="field">
        <label for={`${id}-name`}>{t('interview:interviewees.newName')}</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          value={name}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onInput={(event) => {
            setName(event.currentTarget.value);
            if (error !== null && event.currentTarget.value.trim() !== '') setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        {error !== null && (
          <p id={`${id}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-role`}>{t('interview:interviewees.newRole')}</label>
        <input id={`${id}-role`} type="text" autoComplete="off" value={role} onInput={(event) => setRole(event.currentTarget.value)} onKeyDown={onKeyDown} />
      </div>
      <button type="button" class="iv-button" onClick={() => void add()} aria-disabled={busy ? 'true' : undefined}>
        {t('interview:interviewees.add')}
      </button>
    </div>
  );
}
