/**
 * The team: each assessor's name, e-mail and role, editable in place; who uses this device ("me",
 * which decides whose notes and ratings this device writes); adding and removing people.
 */
import type { TFunction } from 'i18next';
import { memo } from 'preact/compat';
import { useId, useRef, useState } from 'preact/hooks';
import { assessorRoleSchema, type Assessor, type AssessorRole } from '../../../core/assessment/assessorSchema';
import { AutosaveField } from '../../shell/fields/AutosaveField';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import { FormField } from '../../shell/fields/FormField';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { emailProblem, hasLead, ROLES, type EmailProblem } from './setupChecks';

export function TeamSection({ assessors }: { readonly assessors: readonly Assessor[] }) {
  const shell = useShell();
  const { t } = useTranslation();
  const meId = useId();
  const session = shell.session.value;
  if (session === null) return null;
  const me = session.me.value;

  return (
    <section class="panel" aria-labelledby="setup-team-heading">
      <h3 id="setup-team-heading">{t('setup:team.heading')}</h3>
      <div class={`field me-field${me === undefined && assessors.length > 0 ? ' needs-attention' : ''}`}>
        <label for={meId}>{t('setup:team.me')}</label>
        <select
          id={meId}
          value={me?.id ?? ''}
          aria-describedby={`${meId}-hint`}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value !== '') session.setMe(value);
          }}
        >
          <option value="" disabled>
            {t('setup:team.meNone')}
          </option>
          {assessors.map((assessor) => (
            <option key={assessor.id} value={assessor.id}>
              {assessor.name}
            </option>
          ))}
        </select>
        <p id={`${meId}-hint`} class="field-hint">
          {t('setup:team.meHint')}
        </p>
      </div>
      {assessors.length > 0 && !hasLead(assessors) && <p class="banner banner-warning">{t('setup:team.noLead')}</p>}
      {assessors.length === 0 ? (
        <p class="muted">{t('setup:team.empty')}</p>
      ) : (
        <table class="edit-table team-table">
          <caption class="visually-hidden">{t('setup:team.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('setup:team.name')}</th>
              <th scope="col">{t('setup:team.email')}</th>
              <th scope="col">{t('setup:team.role')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('setup:team.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assessors.map((assessor) => (
              <AssessorRow key={assessor.id} assessor={assessor} isMe={assessor.id === me?.id} />
            ))}
          </tbody>
        </table>
      )}
      <AddAssessorForm />
    </section>
  );
}

const AssessorRow = memo(function AssessorRow({ assessor, isMe }: { readonly assessor: Assessor; readonly isMe: boolean }) {
  const shell = useShell();
  const { t } = useTranslation();
  const roleId = useId();
  const writer = shell.writer;
  const id = assessor.id;
  return (
    <tr>
      <td>
        <AutosaveField
          hideLabel
          label={t('setup:team.nameOf', { name: assessor.name })}
          value={assessor.name}
          saveKey={`assessor:${id}:name`}
          validate={(value) => (value.trim() === '' ? t('setup:team.nameEmpty') : undefined)}
          save={(value) => writer.update('assessor', id, { name: value.trim() })}
          autoComplete="off"
        />
        {isMe && <span class="me-badge">{t('setup:team.thisDevice')}</span>}
      </td>
      <td>
        <AutosaveField
          hideLabel
          type="email"
          label={t('setup:team.emailOf', { name: assessor.name })}
          value={assessor.email ?? ''}
          saveKey={`assessor:${id}:email`}
          validate={(value) => emailMessage(t, emailProblem(value))}
          save={(value) => writer.update('assessor', id, { email: value.trim() === '' ? null : value.trim() })}
          autoComplete="off"
        />
      </td>
      <td>
        <label for={roleId} class="visually-hidden">
          {t('setup:team.roleOf', { name: assessor.name })}
        </label>
        <select
          id={roleId}
          value={assessor.role}
          onChange={(event) => {
            const parsed = assessorRoleSchema.safeParse(event.currentTarget.value);
            if (parsed.success) void writer.update('assessor', id, { role: parsed.data });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(t, role)}
            </option>
          ))}
        </select>
      </td>
      <td class="actions-cell">
        <ConfirmButton
          label={t('setup:team.remove')}
          accessibleLabel={t('setup:team.removeLabel', { name: assessor.name })}
          question={t('setup:team.removeQuestion', { name: assessor.name })}
          confirmLabel={t('setup:team.removeConfirm')}
          onConfirm={async () => {
            const result = await writer.remove('assessor', id);
            if (result.ok) shell.notify('success', t('setup:team.removed', { name: assessor.name }));
          }}
        />
      </td>
    </tr>
  );
});

function AddAssessorForm() {
  const shell = useShell();
  const { t } = useTranslation();
  const roleId = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssessorRole>('assessor');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const nameRef = useRef<HTMLInputElement>(null);
  const session = shell.session.value;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (session === null) return;
    const nameProblem = name.trim() === '' ? t('setup:team.nameEmpty') : undefined;
    const mailProblem = emailMessage(t, emailProblem(email));
    setNameError(nameProblem);
    setEmailError(mailProblem);
    if (nameProblem !== undefined || mailProblem !== undefined) {
      if (nameProblem !== undefined) nameRef.current?.focus();
      return;
    }
    // Cleared at once so the next person can be typed while this one is written; restored if
    // the write fails (the notice says why).
    const submitted = { name: name.trim(), email: email.trim(), role };
    const nobodyYet = (session.data.peek()?.assessors.length ?? 0) === 0;
    setName('');
    setEmail('');
    setRole('assessor');
    nameRef.current?.focus();
    const result = await session.writer.create('assessor', {
      assessmentId: session.assessmentId,
      name: submitted.name,
      role: submitted.role,
      ...(submitted.email === '' ? {} : { email: submitted.email }),
    });
    if (!result.ok) {
      setName((current) => (current === '' ? submitted.name : current));
      setEmail((current) => (current === '' ? submitted.email : current));
      setRole(submitted.role);
      return;
    }
    // The first person added on a device that has nobody chosen yet is most likely its user.
    if (session.me.peek() === undefined && nobodyYet) session.setMe(result.value.id);
    shell.notify('success', t('setup:team.added', { name: result.value.name }));
  };

  return (
    <form class="add-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="setup-add-assessor">
      <h4 id="setup-add-assessor">{t('setup:team.addHeading')}</h4>
      <div class="add-form-fields">
        <FormField inputRef={nameRef} label={t('setup:team.name')} value={name} onInput={(value) => (setName(value), setNameError(undefined))} error={nameError} required autoComplete="off" />
        <FormField type="email" label={t('setup:team.email')} value={email} onInput={(value) => (setEmail(value), setEmailError(undefined))} error={emailError} autoComplete="off" />
        <div class="field">
          <label for={roleId}>{t('setup:team.role')}</label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => {
              const parsed = assessorRoleSchema.safeParse(event.currentTarget.value);
              if (parsed.success) setRole(parsed.data);
            }}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {roleName(t, option)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-primary">
          {t('setup:team.add')}
        </button>
      </div>
      <p class="field-hint">{t('setup:team.rolesHint')}</p>
    </form>
  );
}

export function roleName(t: TFunction, role: AssessorRole): string {
  switch (role) {
    case 'lead':
      return t('setup:roles.lead');
    case 'assessor':
      return t('setup:roles.assessor');
    case 'observer':
      return t('setup:roles.observer');
  }
}

function emailMessage(t: TFunction, problem: EmailProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'invalid':
      return t('setup:team.emailInvalid');
  }
}
