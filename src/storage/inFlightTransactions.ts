/**
 * The transactions this page has open on the app's database, so that they can be ended before the
 * page is frozen.
 *
 * Why: WebKit keeps a page it puts in its back/forward cache (Safari does this on every navigation
 * away) with its IndexedDB transactions suspended where they were. A transaction in flight at that
 * moment (the whole-assessment read that follows the first paint, an autosave) then never finishes,
 * and every later read-write transaction on its stores waits behind it: the next page of the app in
 * that browser shows "Saving…" for ever and cannot open an assessment, until the cached page is
 * evicted. Seen in WebKitGTK 2.50; reproduced by test/e2e/browsers (the back/forward cache journey).
 * Closing the connection does not help (a closing connection still waits for its transactions);
 * aborting them does. Chromium and Firefox lose nothing by it: the aborted reads are done again and
 * the aborted writes retried when the page is shown again (shell/releaseStorageWhenCached.ts).
 *
 * Dexie opens every transaction through its DBCore, so a DBCore middleware sees each native one.
 */
import { Dexie, RangeSet, type DBCoreTransaction, type ObservabilitySet } from 'dexie';
import type { MmdmaDatabase } from './databaseSchema';

export interface InFlightTransactions {
  /**
   * The page is about to be frozen: aborts every open transaction, and refuses every one begun until
   * `resume` (a pagehide listener's write starts a few microtasks later, still before the freeze).
   * Returns how many were open. The aborted writes fail like any storage failure, so the autosave
   * keeps their edits pending.
   */
  suspend(): number;
  /**
   * The page is shown again: transactions run again, and every watcher of this database is told
   * that anything may have changed, so the reads `suspend` aborted are done again.
   */
  resume(): void;
  /** How many are open now (tests, diagnostics). */
  count(): number;
}

/** Only what is needed of a native IDBTransaction, to forget it once it has ended. */
interface EndingTransaction {
  addEventListener(type: 'complete' | 'abort', listener: () => void): void;
  dispatchEvent(event: Event): boolean;
}

const canEnd = (transaction: DBCoreTransaction): transaction is DBCoreTransaction & EndingTransaction =>
  typeof (transaction as Partial<EndingTransaction>).addEventListener === 'function' && typeof (transaction as Partial<EndingTransaction>).dispatchEvent === 'function';

/** Registers the middleware; call before the database's first query. */
export function trackInFlightTransactions(db: MmdmaDatabase): InFlightTransactions {
  const open = new Set<DBCoreTransaction & EndingTransaction>();
  /** Aborted by `suspend` and not yet heard to end (see `resume`). */
  const unanswered = new Set<DBCoreTransaction & EndingTransaction>();
  let suspended = false;
  const abortQuietly = (transaction: DBCoreTransaction) => {
    try {
      transaction.abort();
    } catch {
      // Already finished between its last event and now.
    }
  };
  db.use({
    stack: 'dbcore',
    name: 'inFlightTransactions',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        // Refused before it exists (Dexie rejects the transaction with this error), rather than
        // made and aborted: a transaction made while suspended could be frozen before it ends.
        if (suspended) throw new Dexie.AbortError('The page is in the back/forward cache; storage resumes when it is shown again.');
        const transaction = down.transaction(stores, mode, options);
        // Without events to say when it ends (not an IndexedDB implementation), it is not tracked
        // rather than kept for ever.
        if (canEnd(transaction)) {
          open.add(transaction);
          const forget = () => {
            open.delete(transaction);
            unanswered.delete(transaction);
          };
          // Only these two end it: a failed request's error may be handled and the transaction go on.
          transaction.addEventListener('complete', forget);
          transaction.addEventListener('abort', forget);
        }
        return transaction;
      },
    }),
  });
  return {
    suspend() {
      suspended = true;
      const ending = [...open];
      open.clear();
      for (const transaction of ending) {
        unanswered.add(transaction);
        abortQuietly(transaction);
      }
      return ending.length;
    },
    resume() {
      if (!suspended) return;
      suspended = false;
      // Firefox never delivers the abort of a transaction aborted as its page was frozen: whoever
      // waits on it (an autosave, a watcher's read) would wait for ever. The engine has aborted it;
      // say so in its place. Dexie ends its promise once, so a late real event changes nothing.
      for (const transaction of unanswered) {
        try {
          transaction.dispatchEvent(new Event('abort'));
        } catch {
          // Its own abort is being delivered right now: nothing to stand in for.
        }
      }
      unanswered.clear();
      const everything: ObservabilitySet = {};
      for (const table of db.tables) everything[`idb://${db.name}/${table.name}/`] = new RangeSet(Dexie.minKey, Dexie.maxKey);
      Dexie.on.storagemutated.fire(everything);
    },
    count: () => open.size,
  };
}
