/**
 * A screen whose code is fetched when it is first shown (`import()` → its own chunk), so the first
 * screen loads only the assessments list. Deliberately tiny and without preact/compat's `lazy` and
 * `Suspense`: a loading line (after a short delay, so cached chunks never flash it) and, when the
 * chunk cannot be fetched (an old tab after an update, a cache evicted offline), an error with a
 * retry button instead of a blank page.
 *
 * The loaded component is cached in the closure of each `lazyScreen()` call; the shell makes its
 * table of screens once per app (App's useMemo), so nothing is cached at module level.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../useTranslation';

/** Loading lines appear only for chunks slower than this, so a cached chunk never flickers. */
export const LOADING_DELAY_MS = 150;

type LoadState<P> =
  | { readonly status: 'loading'; readonly visible: boolean }
  | { readonly status: 'ready'; readonly Component: ComponentType<P> }
  | { readonly status: 'failed'; readonly message: string };

/**
 * A lazy screen; `preload()` starts fetching its code before it is shown, and settles when the
 * fetch has (it never rejects: a failure is left for the render to show).
 */
export type LazyScreen<P extends object> = FunctionComponent<P> & { readonly preload: () => Promise<void> };

export function lazyScreen<P extends object>(loader: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;

  const load = () => {
    // A failed attempt is forgotten, so "Try again" really fetches again.
    pending ??= loader().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  const LazyScreen = function LazyScreen(props: P) {
    const { t } = useTranslation();
    const [attempt, setAttempt] = useState(0);
    const [state, setState] = useState<LoadState<P>>(() => (loaded ? { status: 'ready', Component: loaded } : { status: 'loading', visible: false }));

    useEffect(() => {
      if (loaded) {
        setState({ status: 'ready', Component: loaded });
        return undefined;
      }
      let alive = true;
      const timer = setTimeout(() => alive && setState((current) => (current.status === 'loading' ? { status: 'loading', visible: true } : current)), LOADING_DELAY_MS);
      load().then(
        (Component) => alive && setState({ status: 'ready', Component }),
        (error: unknown) => alive && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
      return () => {
        alive = false;
        clearTimeout(timer);
      };
    }, [attempt]);

    if (state.status === 'ready') {
      const { Component } = state;
      return <Component {...props} />;
    }
    if (state.status === 'failed') {
      return (
        <div class="screen-state screen-error" role="alert">
          <h2>{t('shell:screen.loadFailed')}</h2>
          <p>{t('shell:screen.loadFailedDetail')}</p>
          <p class="muted">
            <code>{state.message}</code>
          </p>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              setState({ status: 'loading', visible: true });
              setAttempt((n) => n + 1);
            }}
          >
            {t('shell:screen.retry')}
          </button>
        </div>
      );
    }
    return (
      <p class="screen-state screen-loading" role="status">
        {state.visible ? t('shell:screen.loading') : ''}
      </p>
    );
  };
  return Object.assign(LazyScreen, {
    preload: () =>
      load().then(
        () => undefined,
        () => undefined,
      ),
  });
}
