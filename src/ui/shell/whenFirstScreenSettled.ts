/**
 * When the screen the app opened on shows what it shows first: its code is here (a lazy screen's
 * chunk) and its data is read (the assessments list, or the open assessment past its first read),
 * and a frame has been drawn. Work that screen does not need (the service worker's registration
 * code, the team-sync panel) waits for this, so it never competes with the first screen for the
 * main thread or the service worker. After `capMs` it goes ahead anyway: a screen that never
 * settles (its chunk cannot be fetched, a tab opened in the background) must not hold them back.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import { assessmentIdOf, type Route } from '../routing/route';

export const FIRST_SCREEN_CAP_MS = 3000;

export interface FirstScreenSignals {
  readonly route: ReadonlySignal<Route>;
  readonly assessments: ReadonlySignal<unknown>;
  readonly sessionStatus: ReadonlySignal<string>;
}

export function whenFirstScreenSettled(
  signals: FirstScreenSignals,
  screenCode: Promise<unknown>,
  win: Pick<Window, 'requestAnimationFrame' | 'setTimeout'>,
  capMs = FIRST_SCREEN_CAP_MS,
): Promise<void> {
  const dataRead = new Promise<void>((resolve) => {
    let stop: (() => void) | undefined;
    let done = false;
    stop = effect(() => {
      const read = assessmentIdOf(signals.route.value) === undefined ? signals.assessments.value !== null : signals.sessionStatus.value !== 'loading';
      if (!read || done) return;
      done = true;
      resolve();
      // The effect's first run happens before `stop` is assigned.
      queueMicrotask(() => stop?.());
    });
  });
  const drawn = Promise.all([dataRead, screenCode.catch(() => undefined)]).then(
    () => new Promise<void>((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0))),
  );
  const cap = new Promise<void>((resolve) => win.setTimeout(resolve, capMs));
  return Promise.race([drawn, cap]);
}
