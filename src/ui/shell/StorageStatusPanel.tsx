/**
 * How much of the device's storage the app uses, whether the browser promised to keep it, and a
 * button to ask for that promise, with the reason in plain words: without it, a browser short of
 * space may delete a site's data, interview notes included, without asking.
 */
import { useId, useState } from 'preact/hooks';
import { useShell } from './ShellContext';
import { formatBytes, formatShare, isLowOnSpace } from './formatStorage';
import { useTranslation } from '../useTranslation';

type Outcome = 'granted' | 'refused' | undefined;

export function StorageStatusPanel() {
  const shell = useShell();
  const { t, language } = useTranslation();
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const health = shell.storage.value;

  const ask = async () => {
    setAsking(true);
    try {
      setOutcome((await shell.requestPersistence()) ? 'granted' : 'refused');
    } finally {
      setAsking(false);
    }
  };

  return (
    <section class="panel storage-status" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('shell:storage.heading')}</h2>
      {health === null ? (
        <p class="muted">{t('shell:storage.checking')}</p>
      ) : (
        <>
          {health.usageBytes !== null && health.quotaBytes !== null ? (
            <>
              <p>
                {t('shell:storage.usage', {
                  used: formatBytes(health.usageBytes, language),
                  quota: formatBytes(health.quotaBytes, language),
                  share: formatShare(health.usageBytes, health.quotaBytes, language),
                })}
              </p>
              <meter class="storage-meter" min={0} max={health.quotaBytes} value={health.usageBytes} high={health.quotaBytes * 0.9} aria-labelledby={headingId} />
              {isLowOnSpace(health.usageBytes, health.quotaBytes) && <p class="field-error">{t('shell:storage.lowSpace')}</p>}
            </>
          ) : (
            <p class="muted">{t('shell:storage.usageUnknown')}</p>
          )}
          <p class={health.persisted ? 'storage-persisted' : 'storage-not-persisted'}>
            <strong>{health.persisted ? t('shell:storage.persisted') : t('shell:storage.notPersisted')}</strong>{' '}
            {health.persisted ? t('shell:storage.persistedDetail') : t('shell:storage.notPersistedDetail')}
          </p>
          {!health.persisted && (
            <button type="button" class="button" aria-disabled={asking ? 'true' : undefined} onClick={() => !asking && void ask()}>
              {t('shell:storage.ask')}
            </button>
          )}
        </>
      )}
      <p role="status" class="storage-outcome">
        {outcome === 'granted' ? t('shell:storage.granted') : outcome === 'refused' ? t('shell:storage.refused') : ''}
      </p>
    </section>
  );
}
