/**
 * Joining the team's hub: the invite code as typed, or a pasted invite link (which fills in the hub
 * address too), the hub address, and a name for this device. Bad input gets a specific message next
 * to its field and sends nothing; a refusal from the hub is said in words.
 */
import { useState } from 'preact/hooks';
import type { Store } from '../../storage';
import { createHubApi, hubOrigin } from '../../sync/hubApi';
import type { HubConnection } from '../../sync/hubConnection';
import { joinHub } from '../../sync/joinHub';
import { parseInvite } from '../../sync/joinHub';
import { useTranslation } from '../useTranslation';
import { TeamPassphraseForm } from './TeamPassphraseForm';

export interface JoinHubFormProps {
  readonly store: Store;
  readonly assessmentId: string | undefined;
  readonly rejoin: boolean;
  readonly defaultHub: string;
  /** With the assessment the joined team works on. */
  readonly onJoined: (assessmentId: string) => void;
}

export function JoinHubForm({ store, assessmentId, rejoin, defaultHub, onJoined }: JoinHubFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [hub, setHub] = useState(defaultHub);
  const [label, setLabel] = useState(t('sync:join.labelDefault'));
  const [error, setError] = useState<{ readonly field: 'code' | 'hub' | 'form'; readonly text: string } | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [joining, setJoining] = useState(false);
  const [locked, setLocked] = useState<HubConnection | undefined>(undefined);

  const onCodeInput = (value: string) => {
    setCode(value);
    // A pasted link carries the hub: show it in the hub field at once.
    if (/^https?:\/\//i.test(value.trim())) {
      const origin = hubOrigin(value);
      if (origin !== undefined) setHub(origin);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (joining) return;
    setDone(undefined);
    const parsed = parseInvite(code, hub);
    if (!parsed.ok) {
      setError(
        parsed.error === 'empty'
          ? { field: 'code', text: t('sync:join.empty') }
          : parsed.error === 'not-a-code'
            ? { field: 'code', text: t('sync:join.notACode') }
            : { field: 'hub', text: t('sync:join.noHub') },
      );
      return;
    }
    setError(undefined);
    setJoining(true);
    const joined = await joinHub(store, createHubApi({ baseUrl: parsed.value.hubUrl }), parsed.value.code, label.trim() || t('sync:join.labelDefault'));
    setJoining(false);
    if (!joined.ok) {
      const problem = joined.error;
      setError({
        field: 'form',
        text:
          problem.kind === 'storage'
            ? t('sync:problem.storage', { reason: 'message' in problem.failure ? problem.failure.message : problem.failure.kind })
            : problem.failure.kind === 'refused'
              ? t('sync:join.refused', { reason: problem.failure.message })
              : problem.failure.kind === 'unreachable'
                ? t('sync:problem.offline', { reason: problem.failure.message })
                : t('sync:problem.unreadable'),
      });
      return;
    }
    setCode('');
    if (joined.value.encrypted && joined.value.valueKey === undefined) {
      // Joined; the team's data opens only with its passphrase, asked next (the code is spent).
      setLocked(joined.value);
      return;
    }
    setDone(assessmentId === undefined || joined.value.assessmentId === assessmentId ? t('sync:join.joined', { team: joined.value.teamName }) : t('sync:join.otherAssessment'));
    onJoined(joined.value.assessmentId);
  };

  if (locked !== undefined) {
    return (
      <TeamPassphraseForm
        store={store}
        connection={locked}
        retry={false}
        onUnlocked={(unlocked) => {
          setLocked(undefined);
          setDone(assessmentId === undefined || unlocked.assessmentId === assessmentId ? t('sync:join.joined', { team: unlocked.teamName }) : t('sync:join.otherAssessment'));
          onJoined(unlocked.assessmentId);
        }}
      />
    );
  }
  const describedBy = (field: 'code' | 'hub', hint: string) => [hint, error?.field === field ? `join-${field}-error` : ''].filter(Boolean).join(' ');
  return (
    <form class="hub-join" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{rejoin ? t('sync:join.rejoinHeading') : t('sync:join.heading')}</h3>
      <p>{t('sync:join.intro')}</p>
      <label for="join-code">{t('sync:join.code')}</label>
      <input
        id="join-code"
        type="text"
        autocomplete="off"
        spellcheck={false}
        value={code}
        aria-invalid={error?.field === 'code' ? 'true' : undefined}
        aria-describedby={describedBy('code', 'join-code-hint')}
        onInput={(event) => onCodeInput(event.currentTarget.value)}
      />
      <p id="join-code-hint" class="field-hint">
        {t('sync:join.codeHint')}
      </p>
      {error?.field === 'code' && (
        <p id="join-code-error" class="field-error">
          {error.text}
        </p>
      )}
      <label for="join-hub">{t('sync:join.hub')}</label>
      <input
        id="join-hub"
        type="url"
        autocomplete="url"
        value={hub}
        aria-invalid={error?.field === 'hub' ? 'true' : undefined}
        aria-describedby={describedBy('hub', 'join-hub-hint')}
        onInput={(event) => setHub(event.currentTarget.value)}
      />
      <p id="join-hub-hint" class="field-hint">
        {t('sync:join.hubHint')}
      </p>
      {error?.field === 'hub' && (
        <p id="join-hub-error" class="field-error">
          {error.text}
        </p>
      )}
      <label for="join-label">{t('sync:join.label')}</label>
      <input id="join-label" type="text" maxLength={200} value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
      <button type="submit" class="button button-primary" aria-disabled={joining ? 'true' : undefined}>
        {joining ? t('sync:join.joining') : t('sync:join.submit')}
      </button>
      <div role="status" aria-live="polite">
        {error?.field === 'form' && <p class="field-error">{error.text}</p>}
        {done !== undefined && <p>{done}</p>}
      </div>
    </form>
  );
}
