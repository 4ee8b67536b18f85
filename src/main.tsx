/**
 * Entry point: validates the built-in framework, builds the one AppState and mounts the app.
 * (A later issue registers the service worker here, via src/pwa/.)
 */
import { render } from 'preact';
import mmdmaV1 from '../frameworks/mmdma-v1.json';
import { App } from './ui/App';
import { AppStateContext } from './ui/AppStateContext';
import { createAppState } from './ui/createAppState';
import { loadFramework } from './ui/loadFramework';
import './ui/styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

const state = createAppState({
  frameworkLoad: loadFramework(mmdmaV1),
  storage: safeLocalStorage(),
  preferredLanguages: navigator.languages,
});

render(
  <AppStateContext.Provider value={state}>
    <App />
  </AppStateContext.Provider>,
  root,
);

/** Reading `localStorage` itself throws where storage is blocked (some privacy settings). */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
