/**
 * A page the browser keeps in its back/forward cache (`pagehide` with `persisted`) must not hold the
 * database: WebKit freezes its open transactions with it, and the next page of the app then waits
 * for ever behind them (storage/inFlightTransactions.ts). So on the way into the cache every open
 * transaction is ended, and on the way back (`pageshow` with `persisted`) the reads are done again
 * and the edits that could not be written are written.
 *
 * What this costs: an edit whose write was cut off is written when the page is shown again. If the
 * browser drops the cached page instead, that edit (at most the autosave's 400 ms of typing, as in a
 * crash) is lost; without this it was lost as well, and the app was stuck besides.
 */
import type { InFlightTransactions } from '../../storage';
import type { Autosave } from './autosave';

type PageTransitionWindow = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export function releaseStorageWhenCached(win: PageTransitionWindow, transactions: Pick<InFlightTransactions, 'suspend' | 'resume'>, autosave: Pick<Autosave, 'flush'>): () => void {
  const onHide = (event: Event) => {
    if (isPersisted(event)) transactions.suspend();
  };
  const onShow = (event: Event) => {
    if (!isPersisted(event)) return;
    transactions.resume();
    void autosave.flush();
  };
  win.addEventListener('pagehide', onHide);
  win.addEventListener('pageshow', onShow);
  return () => {
    win.removeEventListener('pagehide', onHide);
    win.removeEventListener('pageshow', onShow);
  };
}

/** `PageTransitionEvent.persisted`, read without assuming the event's class (tests use plain events). */
function isPersisted(event: Event): boolean {
  return 'persisted' in event && event.persisted === true;
}
