/**
 * The hub's clock check on pushes. A change stamped more than MAX_CLOCK_AHEAD_MS (24 h) ahead of the
 * hub's clock comes from a device whose clock is wrong; accepting it would make every device that
 * pulls it jump its own clock forward (HLC receive), so the whole push is refused with the reason.
 * Changes from the past are normal (a device offline for weeks) and always accepted.
 *
 * Kept in server/ on purpose for now: a pure clock-skew checker is being added to src/core/clock on
 * another branch; this function is the one to replace with it when the branches meet.
 */
import { HUB_LIMITS } from '../../src/core/sync/hubProtocol';

export const MAX_CLOCK_AHEAD_MS = HUB_LIMITS.MAX_CLOCK_AHEAD_MS;

export interface ClockAhead {
  readonly hlc: string;
  readonly aheadMs: number;
}

/** The change furthest ahead of the hub's clock beyond the limit, or null when all are acceptable. */
export function findClockAhead(hlcs: Iterable<string>, hubNowMs: number): ClockAhead | null {
  let worst: ClockAhead | null = null;
  for (const hlc of hlcs) {
    const aheadMs = Number(hlc.slice(0, 15)) - hubNowMs;
    if (aheadMs > MAX_CLOCK_AHEAD_MS && (worst === null || aheadMs > worst.aheadMs)) worst = { hlc, aheadMs };
  }
  return worst;
}
