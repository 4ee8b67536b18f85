/**
 * For a lead: create the team space of the open assessment on a hub, and make this device its lead
 * device. The hub's operator decides who may do that with the hub secret (shown once on the hub's
 * terminal when it first started): the form says so, takes it in a password field, sends it with
 * this one request and keeps it nowhere — not in the connection, not in the form after sending.
 */
import { useState } from 'preact/hooks';
import type { Store } from '../../storage';
import { createHubApi, hubOrigin } from '../../sync/hubApi';
import { createHubTeam } from '../../sync/createHubTeam';
import type { HubConnection } from '../../sync/hubConnection';
import { useTranslation } from '../useTranslation';
import { hubFailureText } from './syncStatusText';

export interface CreateTeamFormProps {
  readonly store: Store;
  readonly assessmentId: string;
  readonly defaultHub: string;
  readonly onCreated: (connection: HubConnection) => void;
}

type Field = 'hub' | 'secret' | 'name' | 'form';

export function CreateTeamForm({ store, assessmentId, defaultHub, onCreated }: CreateTeamFormProps) {
  const { t } = useTranslation();
  const [hub, setHub] = useState(defaultHub);
  const [secret, setSecret] = useState('');
  const [name, setName] = useState('');
  const [label, setLabel] = useState(t('sync:create.labelDefault'));
  const [encrypted, setEncrypted] = useState(false);
  const [error, setError] = useState<{ readonly field: Field; readonly text: string } | undefined>(undefined);
  const [working, setWorking] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (working) return;
    const origin = hubOrigin(hub);
    if (origin === undefined) return setError({ field: 'hub', text: t('sync:join.noHub') });
    if (secret.trim() === '') return setError({ field: 'secret', text: t('sync:create.noSecret') });
    if (name.trim() === '') return setError({ field: 'name', text: t('sync:create.noName') });
    setError(undefined);
    setWorking(true);
    const created = await createHubTeam(store, createHubApi({ baseUrl: origin }), secret, { assessmentId, name, deviceLabel: label, encrypted });
    setWorking(false);
    // Sent or refused, the secret leaves the form: it was needed for this one request.
    setSecret('');
    if (!created.ok) {
      const problem = created.error;
      if (problem.kind === 'hub' && problem.failure.kind === 'refused' && (problem.failure.code === 'invalid-hub-secret' || problem.failure.code === 'missing-token')) {
        return setError({ field: 'secret', text: t('sync:create.wrongSecret') });
      }
      return setError({
        field: 'form',
        text:
          problem.kind === 'hub'
            ? hubFailureText(t, problem.failure)
            : problem.kind === 'storage'
              ? t('sync:problem.storage', { reason: 'message' in problem.failure ? problem.failure.message : problem.failure.kind })
              : t(problem.problem === 'no-secret' ? 'sync:create.noSecret' : 'sync:create.noName'),
      });
    }
    onCreated(created.value);
  };

  const describedBy = (field: Field, hint?: string) => [hint ?? '', error?.field === field ? `create-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    error?.field === field ? (
      <p id={`create-${field}-error`} class="field-error">
        {error.text}
      </p>
    ) : null;
  return (
    <form class="hub-join" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-team-heading">
      <h3 id="create-team-heading">{t('sync:create.heading')}</h3>
      <p>{t('sync:create.intro')}</p>
      <label for="create-hub">{t('sync:join.hub')}</label>
      <input id="create-hub" type="url" autocomplete="url" value={hub} aria-invalid={error?.field === 'hub' ? 'true' : undefined} aria-describedby={describedBy('hub')} onInput={(event) => setHub(event.currentTarget.value)} />
      {fieldError('hub')}
      <label for="create-secret">{t('sync:create.secret')}</label>
      <input
        id="create-secret"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={secret}
        aria-invalid={error?.field === 'secret' ? 'true' : undefined}
        aria-describedby={describedBy('secret', 'create-secret-hint')}
        onInput={(event) => setSecret(event.currentTarget.value)}
      />
      <p id="create-secret-hint" class="field-hint">
        {t('sync:create.secretHint')}
      </p>
      {fieldError('secret')}
      <label for="create-name">{t('sync:create.name')}</label>
      <input id="create-name" type="text" maxLength={200} value={name} aria-invalid={error?.field === 'name' ? 'true' : undefined} aria-describedby={describedBy('name')} onInput={(event) => setName(event.currentTarget.value)} />
      {fieldError('name')}
      <label for="create-label">{t('sync:join.label')}</label>
      <input id="create-label" type="text" maxLength={200} value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
      <label class="hub-check">
        <input type="checkbox" checked={encrypted} aria-describedby="create-encrypted-hint" onChange={(event) => setEncrypted(event.currentTarget.checked)} />
        {t('sync:create.encrypted')}
      </label>
      <p id="create-encrypted-hint" class="field-hint">
        {t('sync:create.encryptedHint')}
      </p>
      <button type="submit" class="button button-primary" aria-disabled={working ? 'true' : undefined}>
        {working ? t('sync:create.working') : t('sync:create.submit')}
      </button>
      <div role="status" aria-live="polite">
        {error?.field === 'form' && <p class="field-error">{error.text}</p>}
      </div>
    </form>
  );
}
