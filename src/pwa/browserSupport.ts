/**
 * Whether this browser can keep an assessor's work at all, asked once before the app starts: the
 * notes live in IndexedDB, the app opens offline through its service worker, and bundles and team
 * keys need Web Crypto. Where one is missing (a private window, storage blocked by a setting, a page
 * served over plain http, a browser too old) the app says so at once instead of losing notes later.
 */
export type UnsupportedReason = 'no-indexeddb' | 'storage-blocked' | 'no-service-worker' | 'no-crypto';

/** How long opening a probe database may take before the browser is taken to be blocking storage. */
const PROBE_TIMEOUT_MS = 10_000;
const PROBE_DATABASE = 'mmdma-support-probe';

export async function unsupportedReason(win: Window & typeof globalThis): Promise<UnsupportedReason | undefined> {
  const factory = (() => {
    try {
      return win.indexedDB ?? undefined;
    } catch {
      return undefined;
    }
  })();
  if (!factory) return 'no-indexeddb';
  if (!(await canOpen(factory))) return 'storage-blocked';
  if (!('serviceWorker' in win.navigator)) return 'no-service-worker';
  if (!win.crypto?.subtle) return 'no-crypto';
  return undefined;
}

/** Opens (and closes) a small database: some browsers have the API but refuse every open. */
function canOpen(factory: IDBFactory): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    try {
      const request = factory.open(PROBE_DATABASE);
      request.onsuccess = () => {
        request.result.close();
        done(true);
      };
      request.onerror = () => done(false);
      request.onblocked = () => done(true);
    } catch {
      done(false);
    }
  });
}
