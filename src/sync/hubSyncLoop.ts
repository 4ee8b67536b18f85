/**
 * Background sync with the team's hub for one open assessment: a round (hubSync.ts) when the
 * assessment opens, shortly after every local edit, every POLL_INTERVAL_MS while online, at once when
 * the browser comes back online or the person presses "sync now". A round that fails because the hub
 * cannot be reached (or is busy: 429, 5xx) is retried with exponential backoff and full jitter, so a
 * team's devices coming back online together do not hammer the hub in step. A refusal that retrying
 * cannot fix (a revoked token, a conflicting resend) stops the loop until the person acts.
 *
 * The loop holds no assessment data: it reports a status (state, pending changes, last sync, clock
 * offset, the problem) to whoever subscribes — the status beside the save indicator.
 */
import type { Store } from '../storage';
import type { HubApi } from './hubApi';
import { readHubConnection, type HubConnection } from './hubConnection';
import { syncWithHub, type DriftReport, type SyncProblem, type SyncRoundReport } from './hubSync';

export const POLL_INTERVAL_MS = 5_000;
/** Delay between a local edit and the round that pushes it (edits in a burst share one round). */
export const AFTER_EDIT_DELAY_MS = 800;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** Retry delay after a refusal that only a person or time can fix (a clock, a role). */
export const STUCK_RETRY_MS = 60_000;

/**
 * Drift is checked with the hub's digest on the first successful round of each loop (the app was
 * opened: a device restored from a backup, or back after a long time, is checked at once) and then
 * every DRIFT_CHECK_EVERY_ROUNDS rounds — about every five minutes at the 5 s poll. Not every round:
 * the digest is a scan of all the team's changes on the hub, and with many devices polling every
 * few seconds it would cost more than the pulls themselves; drift is rare (backups, bugs), and
 * five minutes is a short time for it to go unnoticed. "Sync now" checks too.
 */
export const DRIFT_CHECK_EVERY_ROUNDS = 60;

export type HubSyncState = 'not-joined' | 'syncing' | 'synced' | 'pending' | 'offline' | 'error';

export interface HubSyncStatus {
  readonly state: HubSyncState;
  /** Outbox entries (local edits not yet acknowledged by the hub). */
  readonly pending: number;
  readonly connection: HubConnection | undefined;
  readonly lastRound: SyncRoundReport | undefined;
  readonly lastSyncedAt: number | undefined;
  /** This device's clock minus the hub's, as last measured. */
  readonly clockOffsetMs: number | undefined;
  readonly problem: SyncProblem | undefined;
  /** When the next automatic attempt is due (ms since the epoch), if one is scheduled. */
  readonly retryAt: number | undefined;
  /** The last drift check that found drift, and when (kept until a check finds none). */
  readonly drift?: { readonly report: DriftReport; readonly at: number } | undefined;
}

export interface HubSyncLoopOptions {
  readonly store: Store;
  readonly assessmentId: string;
  readonly apiFor: (hubUrl: string) => HubApi;
  readonly now?: () => number;
  /** [0, 1): jitter. */
  readonly random?: () => number;
  readonly isOnline?: () => boolean;
  /** Subscribes to online/offline changes; returns the unsubscribe. */
  readonly watchOnline?: (onChange: (online: boolean) => void) => () => void;
  readonly pollIntervalMs?: number;
}

export interface HubSyncLoop {
  status(): HubSyncStatus;
  subscribe(listener: (status: HubSyncStatus) => void): () => void;
  /** Runs a round now (or right after the one in progress); resolves when it has run. */
  syncNow(): Promise<HubSyncStatus>;
  stop(): void;
}

export function createHubSyncLoop(options: HubSyncLoopOptions): HubSyncLoop {
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => true);
  const pollMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  const listeners = new Set<(status: HubSyncStatus) => void>();
  let status: HubSyncStatus = { state: 'not-joined', pending: 0, connection: undefined, lastRound: undefined, lastSyncedAt: undefined, clockOffsetMs: undefined, problem: undefined, retryAt: undefined };
  let failures = 0;
  let roundsSinceDriftCheck = Number.POSITIVE_INFINITY;
  let manual = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let waiters: Array<(status: HubSyncStatus) => void> = [];

  const set = (patch: Partial<HubSyncStatus>) => {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    set({ retryAt: now() + delayMs });
    timer = setTimeout(() => {
      timer = undefined;
      void kick();
    }, delayMs);
  };
  const backoff = (retryAfterMs?: number) => {
    failures += 1;
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
    // Full jitter: anywhere between half and all of the ceiling.
    return Math.max(retryAfterMs ?? 0, Math.round(ceiling * (0.5 + random() * 0.5)));
  };

  async function round(): Promise<void> {
    const read = await readHubConnection(options.store, options.assessmentId);
    if (!read.ok) {
      set({ state: 'error', problem: { kind: 'storage', failure: read.error } });
      schedule(backoff());
      return;
    }
    const connection = read.value;
    if (connection === undefined) {
      set({ state: 'not-joined', connection: undefined, problem: undefined, retryAt: undefined });
      return;
    }
    if (connection.tokenState !== 'valid') {
      set({ state: 'error', connection, problem: { kind: 'token', state: connection.tokenState, message: '' }, retryAt: undefined });
      return;
    }
    if (!isOnline()) {
      set({ state: 'offline', connection, retryAt: undefined });
      return;
    }
    set({ state: 'syncing', connection });
    const checkDrift = manual || roundsSinceDriftCheck >= DRIFT_CHECK_EVERY_ROUNDS;
    manual = false;
    const result = await syncWithHub({ store: options.store, api: options.apiFor(connection.hubUrl), now, checkDrift, onProgress: (r) => set({ lastRound: r, clockOffsetMs: r.clockOffsetMs ?? status.clockOffsetMs }) }, connection);
    const fresh = await readHubConnection(options.store, options.assessmentId);
    const current = fresh.ok ? fresh.value : connection;
    if (result.ok) {
      failures = 0;
      const drift = result.value.drift;
      roundsSinceDriftCheck = drift === undefined ? roundsSinceDriftCheck + 1 : 1;
      if (drift !== undefined) set({ drift: drift.days > 0 ? { report: drift, at: now() } : undefined });
      set({ state: status.pending > 0 && result.value.heldBack < status.pending ? 'pending' : 'synced', connection: current, lastRound: result.value, lastSyncedAt: now(), clockOffsetMs: result.value.clockOffsetMs ?? status.clockOffsetMs, problem: undefined });
      schedule(pollMs);
      return;
    }
    const problem = result.error;
    if (problem.kind === 'hub' && (problem.failure.kind === 'unreachable' || (problem.failure.kind === 'refused' && (problem.failure.status === 429 || problem.failure.status >= 500)))) {
      const retryAfter = problem.failure.kind === 'refused' ? problem.failure.retryAfterMs : undefined;
      set({ state: problem.failure.kind === 'unreachable' ? 'offline' : 'error', connection: current, problem });
      schedule(backoff(retryAfter));
      return;
    }
    set({ state: 'error', connection: current, problem });
    // Waiting for a person: a new invite code, or the team passphrase; retrying alone changes nothing.
    if (problem.kind === 'token' || problem.kind === 'passphrase-needed' || problem.kind === 'wrong-passphrase' || (problem.kind === 'hub' && problem.failure.kind === 'refused' && problem.failure.code === 'conflicting-resend')) {
      set({ retryAt: undefined });
      return;
    }
    schedule(problem.kind === 'storage' ? backoff() : STUCK_RETRY_MS);
  }

  async function kick(): Promise<void> {
    if (stopped) return;
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await round();
        } catch (error) {
          // A bug, not a network condition: show it and retry later rather than die silently.
          set({ state: 'error', problem: { kind: 'storage', failure: { kind: 'storage-failed', message: error instanceof Error ? error.message : String(error) } } });
          schedule(STUCK_RETRY_MS);
        }
      } while (again && !stopped);
    })();
    await running;
    running = undefined;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve(status);
  }

  let lastPending = -1;
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  const unwatchPending = options.store.watchPendingCount(
    (count) => {
      const grew = lastPending >= 0 && count > lastPending;
      lastPending = count;
      const state = status.state === 'synced' && count > 0 ? 'pending' : status.state === 'pending' && count === 0 ? 'synced' : status.state;
      set({ pending: count, state });
      if (grew && status.connection !== undefined && status.connection.tokenState === 'valid') {
        if (editTimer !== undefined) clearTimeout(editTimer);
        editTimer = setTimeout(() => {
          editTimer = undefined;
          void kick();
        }, AFTER_EDIT_DELAY_MS);
      }
    },
    () => undefined,
  );
  const unwatchOnline = options.watchOnline?.((online) => {
    if (online) {
      failures = 0;
      void kick();
    } else {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      set({ state: status.connection === undefined ? 'not-joined' : 'offline', retryAt: undefined });
    }
  });
  void kick();

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    syncNow() {
      failures = 0;
      manual = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const done = new Promise<HubSyncStatus>((resolve) => waiters.push(resolve));
      void kick();
      return done;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      if (editTimer !== undefined) clearTimeout(editTimer);
      unwatchPending();
      unwatchOnline?.();
      listeners.clear();
    },
  };
}
