/**
 * The shell's state, built once in main.tsx from the one database handle:
 *
 * - the route follows `location.hash` (links are real `<a href="#/…">`); every route change flushes
 *   the autosave, so an edit typed just before leaving a screen is written at once;
 * - the session of the assessment the route names is created when the route enters it and disposed
 *   when it leaves (its watcher with it);
 * - the assessments on this device and the imported frameworks are live queries, so a second tab
 *   sees a new assessment or framework without a reload;
 * - every write goes through one RecordWriter that reports failures as notices;
 * - storage health is read at start-up and after writes.
 *
 * Persistent storage: the browser is asked once per start, either at start-up when the device
 * already holds assessments, or right after the first successful write. Not blindly on first load:
 * Firefox shows a permission prompt, and a prompt before the person has typed anything reads as
 * spam and gets refused; right after they created something, the request has an obvious reason.
 * Chromium decides silently by engagement, so asking after a write costs nothing there. The
 * settings and the assessments list also have a button to ask explicitly.
 */
import { computed, effect, signal } from '@preact/signals';
import type { Framework } from '../../core/framework/frameworkSchema';
import {
  requestPersistence as askForPersistence,
  storageStatus,
  watchAssessments,
  type InFlightTransactions,
  type MmdmaDatabase,
  type StorageFailure,
  type StorageManagerLike,
  type Store,
} from '../../storage';
import type { Assessment } from '../../core/assessment/assessmentSchema';
import type { AppState, KeyValueStorage } from '../createAppState';
import { assessmentIdOf, formatRoute, parseRoute, type Route } from '../routing/route';
import type { ShellAssessmentSession } from '../session/createAssessmentSession';
import { writeMe } from '../session/meStorage';
import { createAutosave } from './autosave';
import { createNotices } from './createNotices';
import { createRecordWriter } from './createRecordWriter';
import { describeStorageFailure } from './describeStorageFailure';
import { whenFirstScreenSettled } from './whenFirstScreenSettled';
import { releaseStorageWhenCached } from './releaseStorageWhenCached';
import type { UnreadableFramework } from './frameworkRegistry';
import { mergeInstalled, type BuiltinLoad, type InstalledFramework } from './installedFrameworks';
import type { ShellState, StorageHealth } from './shellState';

/** Storage usage is re-read after a write at most this often (estimate() is not free). */
export const STORAGE_REFRESH_INTERVAL_MS = 15_000;

/** The parts of `window` the shell uses. */
export type ShellWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener' | 'navigator' | 'requestAnimationFrame' | 'setTimeout'> & {
  readonly document: Pick<Document, 'visibilityState'>;
};

export interface ShellOptions {
  readonly db: MmdmaDatabase;
  readonly store: Store;
  readonly appState: AppState;
  readonly window: ShellWindow;
  /** Fetches and validates the built-in frameworks (a separate chunk: the list screen does not need them). */
  readonly loadBuiltinFrameworks: () => Promise<BuiltinLoad>;
  /** Where "me" per assessment is kept; normally localStorage. */
  readonly keyValueStorage?: KeyValueStorage | undefined;
  /** Default: `window.navigator.storage`. */
  readonly storageManager?: StorageManagerLike | undefined;
  readonly now?: () => number;
  /** The code of the screen the app opens on (its lazy chunk), for `firstScreenSettled`; default: none to wait for. */
  readonly firstScreenCode?: Promise<unknown> | undefined;
  /** The database's open transactions, ended when the page goes into the back/forward cache. */
  readonly inFlightTransactions?: Pick<InFlightTransactions, 'suspend' | 'resume'> | undefined;
}

export function createShellState(options: ShellOptions): ShellState {
  const { db, store, appState, window: win } = options;
  const now = options.now ?? (() => Date.now());
  const storageManager = options.storageManager ?? win.navigator.storage;
  const translator = () => appState.i18n.getFixedT(appState.language.peek());
  const disposers: Array<() => void> = [];

  const autosave = createAutosave({ window: win });
  disposers.push(() => autosave.dispose());
  if (options.inFlightTransactions) disposers.push(releaseStorageWhenCached(win, options.inFlightTransactions, autosave));
  const notices = createNotices();
  disposers.push(() => notices.dispose());

  // ---- Storage health and persistence ------------------------------------------------------------
  const storage = signal<StorageHealth | null>(null);
  let lastRefresh = 0;
  let persistenceAsked = false;
  const refreshStorage = async () => {
    lastRefresh = now();
    storage.value = await storageStatus(storageManager);
  };
  const requestPersistence = async () => {
    persistenceAsked = true;
    const granted = await askForPersistence(storageManager);
    await refreshStorage();
    return granted;
  };
  const askOnce = () => {
    if (!persistenceAsked) void requestPersistence();
  };

  const reportFailure = (failure: StorageFailure, message: string) => {
    notices.notify('error', message);
    if (failure.kind === 'quota-exceeded') void refreshStorage();
  };
  const writer = createRecordWriter({
    store,
    translator,
    onFailure: reportFailure,
    onSuccess: () => {
      askOnce();
      if (now() - lastRefresh > STORAGE_REFRESH_INTERVAL_MS) void refreshStorage();
    },
  });
  const reportRead = (failure: StorageFailure) => notices.notify('error', describeStorageFailure(translator(), failure));

  db.open().catch((error: unknown) => {
    const t = translator();
    notices.notify('error', t('shell:failure.open', { message: error instanceof Error ? error.message : String(error) }));
  });
  void refreshStorage();

  // ---- Frameworks ----------------------------------------------------------------------------------
  const builtin = signal<readonly InstalledFramework[] | null>(null);
  const imported = signal<readonly InstalledFramework[] | null>(null);
  const unreadableFrameworks = signal<readonly UnreadableFramework[]>([]);
  const frameworks = computed(() => mergeInstalled(builtin.value ?? [], imported.value ?? []));
  const frameworksLoaded = computed(() => builtin.value !== null && imported.value !== null);
  options.loadBuiltinFrameworks().then(
    (load) => {
      builtin.value = load.frameworks;
      const primary = load.frameworks[0];
      // The explorer shows the first built-in framework, or every problem of a broken build.
      appState.frameworkLoad.value = primary ? { status: 'ready', framework: primary.framework } : { status: 'invalid', problems: load.problems };
    },
    (error: unknown) => {
      builtin.value = [];
      const t = translator();
      notices.notify('error', t('shell:failure.frameworks', { message: error instanceof Error ? error.message : String(error) }));
    },
  );
  // The registry validates imported frameworks (the framework schema and its checks): loaded right
  // away, but not before the first screen, which lists assessments and needs none of it.
  const registry = () => import('./frameworkRegistry');
  let stopWatchingImported: (() => void) | undefined;
  let disposed = false;
  registry().then(
    ({ watchImportedFrameworks }) => {
      if (disposed) return;
      stopWatchingImported = watchImportedFrameworks(
        db,
        (read) => {
          imported.value = read.frameworks;
          unreadableFrameworks.value = read.unreadable;
        },
        (failure) => {
          if (imported.peek() === null) imported.value = [];
          reportRead(failure);
        },
      );
    },
    (error: unknown) => {
      if (imported.peek() === null) imported.value = [];
      notices.notify('error', translator()('shell:failure.frameworks', { message: error instanceof Error ? error.message : String(error) }));
    },
  );
  disposers.push(() => {
    disposed = true;
    stopWatchingImported?.();
  });

  // ---- Assessments ---------------------------------------------------------------------------------
  const assessments = signal<readonly Assessment[] | null>(null);
  disposers.push(
    watchAssessments(
      db,
      (read) => {
        const first = assessments.peek() === null;
        assessments.value = read.records;
        // Data worth keeping is already here: ask for persistence now rather than after a write.
        if (first && read.records.length > 0) askOnce();
        if (read.invalid > 0) {
          const t = translator();
          notices.notify('error', t('shell:failure.unreadableAssessments', { count: read.invalid }));
        }
      },
      (failure) => {
        if (assessments.peek() === null) assessments.value = [];
        reportRead(failure);
      },
      { includeArchived: true },
    ),
  );

  // ---- Route and session ---------------------------------------------------------------------------
  const route = signal<Route>(parseRoute(win.location.hash));
  const onHashChange = () => {
    route.value = parseRoute(win.location.hash);
    // Leaving a screen: whatever was typed there is written now, not after the debounce.
    void autosave.flush();
  };
  win.addEventListener('hashchange', onHashChange);
  disposers.push(() => win.removeEventListener('hashchange', onHashChange));

  const onBeforeUnload = (event: Event) => {
    void autosave.flush();
    // Only when a write has really failed: a merely debounced edit is written by the pagehide flush.
    if (autosave.pending.peek() > 0 && autosave.lastError.peek() !== null) event.preventDefault();
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  disposers.push(() => win.removeEventListener('beforeunload', onBeforeUnload));

  const navigate = (next: Route, navigateOptions: { readonly replace?: boolean; readonly quiet?: boolean } = {}) => {
    const hash = formatRoute(next);
    void autosave.flush().then(() => {
      if (navigateOptions.replace) {
        win.history.replaceState(win.history.state, '', hash);
        // Quiet: re-routing would re-render the whole app for a URL the screen already shows.
        if (!navigateOptions.quiet) route.value = parseRoute(hash);
      } else if (win.location.hash === hash) {
        route.value = parseRoute(hash);
      } else {
        win.location.hash = hash;
      }
    });
  };

  // The session module (with the estimator) is its own chunk: the assessments list does not need it.
  const session = signal<ShellAssessmentSession | null>(null);
  const sessionFailed = signal<string | undefined>(undefined);
  let generation = 0;
  let opening: string | undefined;
  disposers.push(
    effect(() => {
      const id = assessmentIdOf(route.value);
      const current = session.peek();
      if (id !== undefined && (current?.assessmentId === id || opening === id)) return;
      current?.dispose();
      session.value = null;
      sessionFailed.value = undefined;
      const mine = ++generation;
      opening = id;
      if (id === undefined) return;
      // Opened on an interview: its screen's first read is that interview's notes, not the whole assessment.
      const opened = route.peek();
      const firstInterviewId = opened.screen === 'interview' ? opened.interviewId : undefined;
      import('../session/createAssessmentSession').then(
        ({ createAssessmentSession }) => {
          if (mine !== generation) return;
          opening = undefined;
          session.value = createAssessmentSession({
            firstInterviewId,
            db,
            assessmentId: id,
            frameworks,
            writer,
            storage: options.keyValueStorage,
            events: win,
            onError: reportRead,
          });
        },
        (error: unknown) => {
          if (mine !== generation) return;
          opening = undefined;
          sessionFailed.value = id;
          const t = translator();
          notices.notify('error', t('shell:failure.session', { message: error instanceof Error ? error.message : String(error) }));
        },
      );
    }),
  );
  const sessionStatus = computed<ShellState['sessionStatus']['value']>(() => {
    const id = assessmentIdOf(route.value);
    if (id === undefined) return 'none';
    const current = session.value;
    if (current?.assessmentId === id) return current.status.value;
    return sessionFailed.value === id ? 'failed' : 'loading';
  });
  disposers.push(() => session.peek()?.dispose());
  const firstScreenSettled = whenFirstScreenSettled({ route, assessments, sessionStatus }, options.firstScreenCode ?? Promise.resolve(), win);

  return {
    route,
    navigate,
    session,
    assessments,
    writer,
    exchange: { db, store },
    autosave,
    storage,
    refreshStorage,
    requestPersistence,
    notices: notices.notices,
    notify: notices.notify,
    dismissNotice: notices.dismiss,
    sessionStatus,
    frameworks,
    frameworksLoaded,
    unreadableFrameworks,
    firstScreenSettled,
    installFramework: async (framework: Framework, fileName: string) => {
      const result = await (await registry()).installFramework(db, frameworks.peek(), framework, { fileName, now });
      if (result.ok) {
        askOnce();
        void refreshStorage();
      } else if (result.error.kind === 'quota-exceeded') void refreshStorage();
      return result;
    },
    removeFramework: async (id, version) => (await registry()).removeImportedFramework(db, id, version),
    rememberMe: (assessmentId, assessorId) => writeMe(options.keyValueStorage, assessmentId, assessorId),
    dispose: () => {
      for (const dispose of disposers.reverse()) dispose();
    },
  };
}
