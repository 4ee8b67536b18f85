/**
 * The service worker's two messages, in a polite live region at the bottom of the screen: "a new
 * version is ready" (stays until the user chooses; nothing reloads on its own) and "ready to work
 * offline" (once, on first install). Non-modal: focus stays where the assessor is typing.
 */
import { useEffect, useState } from 'preact/hooks';
import { useServiceWorker } from '../../pwa/ServiceWorkerContext';
import '../../pwa/updatePrompt.css';
import { useTranslation } from '../useTranslation';

/** How long the offline-ready note stays before it hides itself (it also has a close button). */
const OFFLINE_READY_VISIBLE_MS = 10_000;

export function UpdatePrompt() {
  const bridge = useServiceWorker();
  const { t } = useTranslation();
  const [updating, setUpdating] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const needRefresh = bridge?.needRefresh.value ?? false;
  const offlineReady = bridge?.offlineReady.value ?? false;

  useEffect(() => {
    if (!bridge || !offlineReady) return undefined;
    const timer = setTimeout(() => {
      bridge.offlineReady.value = false;
    }, OFFLINE_READY_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [bridge, offlineReady]);

  if (!bridge) return null;

  const update = async () => {
    if (updating) return;
    setUpdating(true);
    setSaveFailed(false);
    try {
      await bridge.applyUpdate();
      // The page reloads when the new version takes over; until then the button says "Updating…".
    } catch {
      // Pending input could not be saved, so nothing was switched: say so and let them retry.
      setUpdating(false);
      setSaveFailed(true);
    }
  };

  return (
    <div class="pwa-status" role="status" aria-live="polite">
      {needRefresh ? (
        <div class="pwa-message pwa-update">
          <p class="pwa-text">
            <strong>{t('pwa:update.message')}</strong> {t('pwa:update.detail')}
          </p>
          {saveFailed ? <p class="pwa-text pwa-error">{t('pwa:update.saveFailed')}</p> : null}
          <div class="pwa-actions">
            <button type="button" class="pwa-button pwa-button-primary" aria-disabled={updating ? 'true' : undefined} onClick={() => void update()}>
              {updating ? t('pwa:update.applying') : t('pwa:update.apply')}
            </button>
            <button
              type="button"
              class="pwa-button"
              onClick={() => {
                // The new version keeps waiting and is offered again on the next visit.
                bridge.needRefresh.value = false;
              }}
            >
              {t('pwa:update.later')}
            </button>
          </div>
        </div>
      ) : offlineReady ? (
        <div class="pwa-message pwa-offline-ready">
          <p class="pwa-text">
            <strong>{t('pwa:offlineReady.message')}</strong> {t('pwa:offlineReady.detail')}
          </p>
          <div class="pwa-actions">
            <button
              type="button"
              class="pwa-button"
              onClick={() => {
                bridge.offlineReady.value = false;
              }}
            >
              {t('pwa:offlineReady.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
