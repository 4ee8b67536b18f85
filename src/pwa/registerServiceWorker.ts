/**
 * The app's side of the service worker, after Squoosh's small bridge: register once the page has
 * loaded, tell the UI when the app is ready offline and when a new version is waiting, and switch
 * versions only when the user asks, after their input is saved.
 *
 * Why workbox-window directly rather than vite-plugin-pwa's `virtual:pwa-register`: that module
 * sends SKIP_WAITING the moment it is called and reloads on its own `controlling` listener, so the
 * "save first" step would live outside it, in every caller; it also keeps its Workbox instance in
 * closure state we can't observe in tests. Here the whole lifecycle is one function over a small
 * Workbox-shaped interface, testable with a fake, and workbox-window is loaded with a dynamic import
 * so it stays out of the JavaScript the first screen waits for.
 *
 * The generated service worker (vite.config.ts) precaches the whole app, claims the page on its
 * first install (so the first visit already works offline) and otherwise waits: an update activates
 * only on SKIP_WAITING, which only `applyUpdate` sends.
 */
import { signal, type Signal } from '@preact/signals';

export interface ServiceWorkerBridge {
  /** A new version is installed and waiting (or already took over from another tab). "Later" sets it false. */
  readonly needRefresh: Signal<boolean>;
  /** The app was just installed for offline use (first install only). The toast sets it false. */
  readonly offlineReady: Signal<boolean>;
  /**
   * Saves pending input, then activates the new version and reloads into it. Rejects, without
   * touching the service worker, when saving fails: the update waits rather than lose input.
   */
  readonly applyUpdate: () => Promise<void>;
}

export interface RegisterServiceWorkerOptions {
  /** Writes anything typed but not yet stored; awaited before the page may reload. */
  readonly flushPendingWrites?: () => Promise<void>;
  /** workbox-window is fetched once this settles (the first screen has what it shows first); default: at once. */
  readonly startAfter?: Promise<void>;
}

/** The slice of workbox-window's `Workbox` the bridge uses, so tests can drive it with a fake. */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'activated' | 'controlling', listener: (event: WorkboxLifecycleLike) => void): void;
  messageSkipWaiting(): void;
}

export interface WorkboxLifecycleLike {
  /** Set when the worker replaced one that controlled this page when it was registered. */
  readonly isUpdate?: boolean | undefined;
  /** Set when the worker was found by another tab or long after registration (workbox-window's heuristic). */
  readonly isExternal?: boolean | undefined;
}

export interface BridgeEnvironment {
  readonly flushPendingWrites: () => Promise<void>;
  /** Whether a service worker controls this page right now. */
  readonly isControlled: () => boolean;
  /** Whether a new worker is installed and waiting for SKIP_WAITING. */
  readonly hasWaitingWorker: () => Promise<boolean>;
  readonly reload: () => void;
}

const noPendingWrites = async (): Promise<void> => {};

/**
 * Registers `/sw.js` in production builds; in development (no service worker, so Vite's hot reload
 * keeps working) and in browsers without service workers it returns a bridge that never signals.
 */
export function registerServiceWorker(options: RegisterServiceWorkerOptions = {}): ServiceWorkerBridge {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return inertBridge();
  const container = navigator.serviceWorker;
  const base = import.meta.env.BASE_URL;

  const workbox = (options.startAfter ?? Promise.resolve())
    .then(() => import('workbox-window'))
    .then(({ Workbox }) => new Workbox(`${base}sw.js`, { scope: base }));
  const bridge = createServiceWorkerBridge(workbox, {
    flushPendingWrites: options.flushPendingWrites ?? noPendingWrites,
    isControlled: () => container.controller !== null,
    hasWaitingWorker: async () => Boolean((await container.getRegistration(base))?.waiting),
    reload: () => window.location.reload(),
  });

  workbox
    // register() waits for the window's load event, so it never competes with the first screen.
    .then((wb) => wb.register())
    .catch((error: unknown) => {
      // The app still runs; it just won't be there offline. Not an error the user can act on.
      console.warn('MMDMA Field: the service worker could not be registered; the app will not work offline.', error);
    });
  // Back from the field: look for a new version (the browser also checks on each navigation).
  window.addEventListener('online', () => {
    workbox.then((wb) => wb.update()).catch(() => {
      // Still offline after all, or the server is down: the next navigation checks again.
    });
  });
  return bridge;
}

/** The lifecycle logic, over any Workbox-shaped object. */
export function createServiceWorkerBridge(workbox: Promise<WorkboxLike>, env: BridgeEnvironment): ServiceWorkerBridge {
  const needRefresh = signal(false);
  const offlineReady = signal(false);
  let controlled = env.isControlled();
  let updateRequested = false;
  // The controller changed without this page asking (another tab applied the update): the waiting
  // worker is gone, and this page runs the old version with the new worker.
  let tookOverElsewhere = false;
  let reloading = false;
  let offlineReadyAnnounced = false;

  const announceOfflineReady = () => {
    if (offlineReadyAnnounced) return;
    offlineReadyAnnounced = true;
    offlineReady.value = true;
  };
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    env.reload();
  };

  workbox.then((wb) => {
    // Fired both when an update finishes installing and, on a later visit, when one was already waiting.
    wb.addEventListener('waiting', () => {
      needRefresh.value = true;
    });
    // The first install finished precaching. Seen here when this page found the worker...
    wb.addEventListener('activated', (event) => {
      if (!event.isUpdate && !event.isExternal) announceOfflineReady();
    });
    wb.addEventListener('controlling', () => {
      if (updateRequested) {
        reloadOnce();
      } else if (controlled) {
        tookOverElsewhere = true;
        needRefresh.value = true;
      } else {
        // ...or here, when it claims an uncontrolled page (say, one reloaded during the install).
        // No reload needed: this page already runs the version the worker has cached.
        announceOfflineReady();
      }
      controlled = true;
    });
  }, () => {
    // workbox-window failed to load: registerServiceWorker reports it; there is nothing to listen to.
  });

  return {
    needRefresh,
    offlineReady,
    applyUpdate: async () => {
      const wb = await workbox;
      // Never reload over unsaved input: if this throws, nothing below runs.
      await env.flushPendingWrites();
      if (tookOverElsewhere || !(await env.hasWaitingWorker())) {
        // The new worker already controls this page; loading the new version is all that's left.
        reloadOnce();
        return;
      }
      updateRequested = true;
      // The waiting worker calls skipWaiting(); its `controlling` event above reloads the page.
      wb.messageSkipWaiting();
    },
  };
}

function inertBridge(): ServiceWorkerBridge {
  return { needRefresh: signal(false), offlineReady: signal(false), applyUpdate: async () => {} };
}
