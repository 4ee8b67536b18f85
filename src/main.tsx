/**
 * Entry point: starts, all at once, the fetch of the interface strings of the user's language, the
 * browser support probe, the one database (AppState and the shell state, which read the
 * assessments or the open assessment and fetch and validate the built-in frameworks) and the code
 * of the screen the URL opens on; mounts the app once the strings are here and the browser is known
 * to keep the work, and registers the service worker (with the autosave as its "save before
 * updating" hook) once the first screen has settled; a browser that cannot keep the work gets its
 * explanation and neither. Everything is passed down by context: no module-level instances.
 */
// First: begins the strings' fetch and the support probe before the other modules are evaluated.
import { earlyLanguage, earlyStorage, earlyStrings, earlySupportCheck } from './ui/shell/earlyStart';
import { render } from 'preact';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { ServiceWorkerContext } from './pwa/ServiceWorkerContext';
import { createStore, openDatabase, trackInFlightTransactions } from './storage';
import { App } from './ui/App';
import { AppStateContext } from './ui/AppStateContext';
import { parseRoute } from './ui/routing/route';
import { buildAppState } from './ui/shell/buildAppState';
import { createLazyI18n } from './ui/shell/createLazyI18n';
import { createScreens, lazyScreenOf } from './ui/shell/createScreens';
import { createShellState } from './ui/shell/createShellState';
import { ShellContext } from './ui/shell/ShellContext';
import { UnsupportedBrowser } from './ui/shell/UnsupportedBrowser';
import './ui/styles.css';
import './ui/shell/shell.css';

// User Timing marks, read by the start-up benchmark (bench/initialLoad.bench.ts) to say where a cold
// start spends its time; a mark costs microseconds.
performance.mark('mmdma:entry-evaluated');

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

// Everything the first screen needs starts at once and arrives in parallel: the language's strings
// (one chunk), the support probe, the database and the first reads, the open screen's code and,
// for the assessment screens, the framework. Nothing is rendered before the strings are here.
const { i18n, loadLanguage, ready: stringsReady } = createLazyI18n(earlyLanguage, earlyStrings);
const appState = buildAppState({ i18n, initialLanguage: earlyLanguage, loadLanguage, storage: earlyStorage });
const started = startApp();
// Before anything can be typed: a browser that cannot keep the work says so now, not after a day of
// notes that were never stored.
const [unsupported] = await Promise.all([
  earlySupportCheck,
  stringsReady.catch(() => {
    // Offline before the service worker cached them: the screens say so and retry when they open.
  }),
]);
performance.mark('mmdma:first-render');
if (unsupported) {
  started.shell.dispose();
  started.db.close();
  document.documentElement.lang = earlyLanguage;
  render(<UnsupportedBrowser reason={unsupported} t={i18n.getFixedT(earlyLanguage)} />, root);
} else {
  render(appOf(started), root);
}

function startApp() {
  const db = openDatabase();
  const inFlightTransactions = trackInFlightTransactions(db);
  const screens = createScreens(appState.translationsReady);
  // The screen the app opens on is fetched now, while the strings and the assessment are read.
  const screenCode = lazyScreenOf(screens, parseRoute(window.location.hash))?.preload() ?? Promise.resolve();
  const shell = createShellState({
    db,
    inFlightTransactions,
    store: createStore(db),
    appState,
    window,
    keyValueStorage: earlyStorage,
    firstScreenCode: screenCode,
    // The framework data is large and the assessments list does not need it: its own chunk.
    loadBuiltinFrameworks: async () => {
      const [{ BUILTIN_FRAMEWORK_SOURCES }, { loadBuiltins }] = await Promise.all([import('./frameworks/builtinFrameworks'), import('./ui/shell/loadBuiltins')]);
      return loadBuiltins(BUILTIN_FRAMEWORK_SOURCES);
    },
  });
  return { db, shell, screens };
}

/** The app, with the service worker registered: only for a browser that can keep the work. */
function appOf({ shell, screens }: ReturnType<typeof startApp>) {
  const serviceWorker = registerServiceWorker({
    // Its code is not the first screen's: fetched once that screen shows what it shows first.
    startAfter: shell.firstScreenSettled,
    // Before a new version takes over: write every pending edit, and refuse (the update waits) if
    // any could not be written, so an update never reloads over text that exists only on screen.
    flushPendingWrites: async () => {
      await shell.autosave.flush();
      if (shell.autosave.pending.peek() > 0) throw new Error('Some edits could not be saved; the update waits.');
    },
  });

  return (
    <AppStateContext.Provider value={appState}>
      <ShellContext.Provider value={shell}>
        <ServiceWorkerContext.Provider value={serviceWorker}>
          <App screens={screens} />
        </ServiceWorkerContext.Provider>
      </ShellContext.Provider>
    </AppStateContext.Provider>
  );
}
