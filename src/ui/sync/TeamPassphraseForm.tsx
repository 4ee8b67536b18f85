/**
 * The team passphrase of an end-to-end encrypted team: asked once, after joining (the invite code is
 * single use, and only the hub's answer says the team is encrypted), or when the stored key no
 * longer opens the team's data. It explains why it is asked, derives the key (about a second, said
 * while it runs) and keeps only the derived key; the passphrase leaves this form for nothing else.
 * A passphrase that does not open the team's data is refused next to the field, and nothing changes.
 */
import { useState } from 'preact/hooks';
import type { Store } from '../../storage';
import { createHubApi } from '../../sync/hubApi';
import type { HubConnection } from '../../sync/hubConnection';
import { unlockEncryptedTeam } from '../../sync/joinHub';
import { useTranslation } from '../useTranslation';

export interface TeamPassphraseFormProps {
  readonly store: Store;
  readonly connection: HubConnection;
  /** The stored key did not open the team's data (as opposed to no key yet). */
  readonly retry: boolean;
  readonly onUnlocked: (connection: HubConnection) => void;
}

export function TeamPassphraseForm({ store, connection, retry, onUnlocked }: TeamPassphraseFormProps) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (working) return;
    if (passphrase.trim() === '') {
      setError(t('sync:passphrase.empty'));
      return;
    }
    setError(undefined);
    setWorking(true);
    const unlocked = await unlockEncryptedTeam(store, createHubApi({ baseUrl: connection.hubUrl }), connection, passphrase);
    setWorking(false);
    if (!unlocked.ok) {
      const problem = unlocked.error;
      setError(
        problem.kind === 'wrong-passphrase'
          ? t('sync:passphrase.wrong')
          : problem.kind === 'empty'
            ? t('sync:passphrase.empty')
            : problem.kind === 'storage'
              ? t('sync:problem.storage', { reason: 'message' in problem.failure ? problem.failure.message : problem.failure.kind })
              : problem.kind === 'hub' && problem.failure.kind === 'unreachable'
                ? t('sync:problem.offline', { reason: problem.failure.message })
                : problem.kind === 'hub' && problem.failure.kind === 'refused'
                  ? t('sync:problem.other', { reason: problem.failure.message })
                  : t('sync:problem.unreadable'),
      );
      return;
    }
    setPassphrase('');
    onUnlocked(unlocked.value);
  };

  return (
    <form class="hub-join" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('sync:passphrase.heading', { team: connection.teamName })}</h3>
      <p id="team-passphrase-intro">{retry ? t('sync:passphrase.retryIntro') : t('sync:passphrase.intro')}</p>
      <label for="team-passphrase">{t('sync:passphrase.label')}</label>
      <input
        id="team-passphrase"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={passphrase}
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={['team-passphrase-intro', error !== undefined ? 'team-passphrase-error' : ''].filter(Boolean).join(' ')}
        onInput={(event) => setPassphrase(event.currentTarget.value)}
      />
      {error !== undefined && (
        <p id="team-passphrase-error" class="field-error">
          {error}
        </p>
      )}
      <button type="submit" class="button button-primary" aria-disabled={working ? 'true' : undefined}>
        {working ? t('sync:passphrase.working') : t('sync:passphrase.submit')}
      </button>
      <div role="status" aria-live="polite">
        {working && <p>{t('sync:passphrase.workingHint')}</p>}
      </div>
    </form>
  );
}
