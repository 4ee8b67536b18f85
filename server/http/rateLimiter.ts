/**
 * Requests per minute per key (a device, or a client address when there is no valid token), in a
 * fixed one-minute window. In memory, per hub process: with several hubs behind a load balancer
 * each enforces its own share, which is what a flood guard needs (it is not an accounting tool).
 */
export interface RateLimiter {
  /** Null when allowed; else the seconds until the window resets. */
  take(key: string, limitPerMinute: number, nowMs: number): number | null;
}

const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    take(key, limitPerMinute, nowMs) {
      let window = windows.get(key);
      if (!window || nowMs - window.startMs >= WINDOW_MS) {
        if (windows.size >= MAX_KEYS) {
          for (const [k, w] of windows) if (nowMs - w.startMs >= WINDOW_MS) windows.delete(k);
          if (windows.size >= MAX_KEYS) windows.clear();
        }
        window = { startMs: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limitPerMinute) return null;
      return Math.max(1, Math.ceil((window.startMs + WINDOW_MS - nowMs) / 1000));
    },
  };
}
