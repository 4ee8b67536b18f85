/**
 * Autosave: edits are written AUTOSAVE_DEBOUNCE_MS after the last keystroke, and at once when the
 * field loses focus, the page is hidden or about to unload (pagehide), or the app asks (before a
 * service-worker update). Writes for one key replace each other while pending, so a burst of typing
 * costs one transaction. A failed write keeps its edit pending and is retried on the next flush, so
 * a full disk loses nothing that is still on screen. That includes a write cut off because the page
 * went into the back/forward cache: it is written when the page is shown again
 * (releaseStorageWhenCached.ts).
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Result } from '../../core/result';
import type { StorageFailure } from '../../storage/storageFailure';

export const AUTOSAVE_DEBOUNCE_MS = 400;

export type PendingWrite = () => Promise<Result<unknown, StorageFailure>>;

export interface Autosave {
  /** Schedules `write` for `key` (e.g. `observation:<id>:text`), replacing a pending one. */
  schedule(key: string, write: PendingWrite): void;
  /** Writes now: one key, or everything pending. Resolves when the writes have finished. */
  flush(key?: string): Promise<void>;
  /** Number of edits not yet stored, for the save indicator and the update prompt. */
  readonly pending: ReadonlySignal<number>;
  /** The last failure, until a later write succeeds. */
  readonly lastError: ReadonlySignal<StorageFailure | null>;
  readonly saving: ReadonlySignal<boolean>;
  /** Stops timers and listeners (tests, teardown). */
  dispose(): void;
}

export interface AutosaveOptions {
  readonly debounceMs?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  /** Where to listen for pagehide / visibilitychange; omit outside the browser. */
  readonly window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document: Pick<Document, 'visibilityState'> };
}

export function createAutosave(options: AutosaveOptions = {}): Autosave {
  const debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const writes = new Map<string, { write: PendingWrite; timer: unknown }>();
  const inFlight = new Map<string, Promise<void>>();
  const pendingKeys = signal<ReadonlySet<string>>(new Set());
  const lastError = signal<StorageFailure | null>(null);
  const runningCount = signal(0);

  const refresh = () => {
    pendingKeys.value = new Set([...writes.keys(), ...inFlight.keys()]);
  };

  const run = async (key: string): Promise<void> => {
    // One write per key at a time, in order: wait for the previous one before starting the next.
    const previous = inFlight.get(key);
    if (previous) await previous;
    const entry = writes.get(key);
    if (!entry) return;
    clearTimer(entry.timer);
    writes.delete(key);
    const attempt = (async () => {
      runningCount.value++;
      try {
        const result = await entry.write();
        if (result.ok) lastError.value = null;
        else {
          lastError.value = result.error;
          // Keep the edit: it is still on screen and will be retried on the next flush or edit.
          if (!writes.has(key) && result.error.kind !== 'invalid') writes.set(key, { write: entry.write, timer: undefined });
        }
      } catch (error) {
        lastError.value = { kind: 'storage-failed', message: error instanceof Error ? error.message : String(error) };
        if (!writes.has(key)) writes.set(key, { write: entry.write, timer: undefined });
      } finally {
        runningCount.value--;
      }
    })();
    inFlight.set(key, attempt);
    refresh();
    await attempt;
    if (inFlight.get(key) === attempt) inFlight.delete(key);
    refresh();
  };

  const flush = async (key?: string): Promise<void> => {
    const keys = key === undefined ? [...new Set([...writes.keys(), ...inFlight.keys()])] : [key];
    await Promise.all(keys.map((k) => run(k)));
  };

  const onHide = () => {
    void flush();
  };
  const onVisibility = () => {
    if (options.window?.document.visibilityState === 'hidden') void flush();
  };
  options.window?.addEventListener('pagehide', onHide);
  options.window?.addEventListener('visibilitychange', onVisibility);

  return {
    schedule(key, write) {
      const existing = writes.get(key);
      if (existing) clearTimer(existing.timer);
      const timer = setTimer(() => void run(key), debounceMs);
      writes.set(key, { write, timer });
      refresh();
    },
    flush,
    pending: computed(() => pendingKeys.value.size),
    lastError,
    saving: computed(() => runningCount.value > 0),
    dispose() {
      for (const entry of writes.values()) clearTimer(entry.timer);
      options.window?.removeEventListener('pagehide', onHide);
      options.window?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
