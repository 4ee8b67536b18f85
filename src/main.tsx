/**
 * Entry point: loads the interface strings of the user's language, opens the one database, builds
 * AppState and the shell state (which fetches and validates the built-in frameworks in the
 * background), registers the service worker (with the autosave as its "save before updating" hook)
 * and mounts the app. Everything is passed down by context: no module-level instances.
 */
import { render } from 'preact';
import { unsupportedReason } from './pwa/browserSupport';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { ServiceWorkerContext } from './pwa/ServiceWorkerContext';
import { createStore, openDatabase, trackInFlightTransactions } from './storage';
import { App } from './ui/App';
import { AppStateContext } from './ui/AppStateContext';
import { buildAppState, initialLanguageOf } from './ui/shell/buildAppState';
import { createLazyI18n } from './ui/shell/createLazyI18n';
import { createShellState } from './ui/shell/createShellState';
import { ShellContext } from './ui/shell/ShellContext';
import { UnsupportedBrowser } from './ui/shell/UnsupportedBrowser';
import './ui/styles.css';
import './ui/shell/shell.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

const storage = safeLocalStorage();
const initialLanguage = initialLanguageOf(storage, navigator.languages);
// The first screen's strings in the chosen language (a few kilobytes, precached), before the first
// render; the rest of the language follows in the background.
const { i18n, loadLanguage } = await createLazyI18n(initialLanguage);
const appState = buildAppState({ i18n, initialLanguage, loadLanguage, storage });
void appState.translationsReady().catch(() => {
  // Offline before the service worker cached them: screens retry when they open.
});

// Before anything can be typed: a browser that cannot keep the work says so now, not after a day of
// notes that were never stored.
const unsupported = await unsupportedReason(window);
if (unsupported) {
  document.documentElement.lang = initialLanguage;
  await appState.translationsReady().catch(() => undefined);
  render(<UnsupportedBrowser reason={unsupported} t={i18n.getFixedT(initialLanguage)} />, root);
} else {
  startApp(root);
}

function startApp(container: HTMLElement): void {
  const db = openDatabase();
  const inFlightTransactions = trackInFlightTransactions(db);
  const shell = createShellState({
    db,
    inFlightTransactions,
    store: createStore(db),
    appState,
    window,
    keyValueStorage: storage,
    // The framework data is large and the assessments list does not need it: its own chunk.
    loadBuiltinFrameworks: async () => {
      const [{ BUILTIN_FRAMEWORK_SOURCES }, { loadBuiltins }] = await Promise.all([import('./frameworks/builtinFrameworks'), import('./ui/shell/loadBuiltins')]);
      return loadBuiltins(BUILTIN_FRAMEWORK_SOURCES);
    },
  });

  const serviceWorker = registerServiceWorker({
    // Before a new version takes over: write every pending edit, and refuse (the update waits) if
    // any could not be written, so an update never reloads over text that exists only on screen.
    flushPendingWrites: async () => {
      await shell.autosave.flush();
      if (shell.autosave.pending.peek() > 0) throw new Error('Some edits could not be saved; the update waits.');
    },
  });

  render(
    <AppStateContext.Provider value={appState}>
      <ShellContext.Provider value={shell}>
        <ServiceWorkerContext.Provider value={serviceWorker}>
          <App />
        </ServiceWorkerContext.Provider>
      </ShellContext.Provider>
    </AppStateContext.Provider>,
    container,
  );
}

/** Reading `localStorage` itself throws where storage is blocked (some privacy settings). */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
