/**
 * The whole page when this browser cannot keep an assessor's work (see pwa/browserSupport.ts): what is
 * missing and what to do, in plain words, before anything is typed that could be lost.
 */
import type { TFunction } from 'i18next';
import type { UnsupportedReason } from '../../pwa/browserSupport';

export function UnsupportedBrowser({ reason, t }: { readonly reason: UnsupportedReason; readonly t: TFunction }) {
  return (
    <main id="main" class="unsupported-browser">
      <h1>{t('shell:unsupported.heading')}</h1>
      <p role="alert" data-reason={reason}>
        {reasonText(t)[reason]}
      </p>
      <p>{t('shell:unsupported.whatToDo')}</p>
    </main>
  );
}

/** Each reason's words, by literal key, so the locale check sees every one of them in use. */
function reasonText(t: TFunction): Record<UnsupportedReason, string> {
  return {
    'no-indexeddb': t('shell:unsupported.reason.no-indexeddb'),
    'storage-blocked': t('shell:unsupported.reason.storage-blocked'),
    'no-service-worker': t('shell:unsupported.reason.no-service-worker'),
    'no-crypto': t('shell:unsupported.reason.no-crypto'),
  };
}
