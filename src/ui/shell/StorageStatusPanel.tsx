/**
 * How much of the device's storage the app uses, whether the browser promised to keep it, and a
 * button to ask for that promise, with the reason in plain words: without it, a browser short of
 * space may delete a site's data, interview notes included, without asking, and Safari deletes a
 * site's script-written data after days without use unless it is installed. Where the promise is
 * refused or cannot be asked for, the panel says so and urges installing the app and exporting a
 * bundle each day; it never says the data is safe when the browser has not said so.
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
          {health.persisted ? (
            <p class="storage-persisted">
              <strong>{t('shell:storage.persisted')}</strong> {t('shell:storage.persistedDetail')}
            </p>
          ) : health.canAsk ? (
            <>
              <p class="storage-not-persisted">
                <strong>{t('shell:storage.notPersisted')}</strong> {t('shell:storage.notPersistedDetail')}
              </p>
              <button type="button" class="button" aria-disabled={asking ? 'true' : undefined} onClick={() => !asking && void ask()}>
                {t('shell:storage.ask')}
              </button>
            </>
          ) : (
            // No persist() (older Safari, some embedded views): no button that could only fail, and
            // no promise: what the browser may delete, and what keeps the work anyway.
            <p class="storage-not-persisted">
              <strong>{t('shell:storage.cannotAsk')}</strong> {t('shell:storage.cannotAskDetail')}
            </p>
          )}
        </>
      )}
      <p role="status" class="storage-outcome">
        {outcome === 'granted' ? t('shell:storage.granted') : outcome === 'refused' ? t('shell:storage.refused') : ''}
      </p>
    </section>
  );
}
