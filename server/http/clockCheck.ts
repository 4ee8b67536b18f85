/**
 * The hub's clock check on pushes, on the one clock rule the bundles use (src/core/clock/clockSkew.ts):
 * a change stamped more than MAX_CLOCK_SKEW_MS (24 h) ahead of the hub's clock comes from a device
 * whose clock is wrong; accepting it would make every device that pulls it jump its own clock forward
 * (HLC receive), so the whole push is refused with the reason. Changes from the past are normal (a
 * device offline for weeks) and always accepted.
 */
import { checkClockSkew, MAX_CLOCK_SKEW_MS } from '../../src/core/clock/clockSkew';

export const MAX_CLOCK_AHEAD_MS = MAX_CLOCK_SKEW_MS;

export interface ClockAhead {
  readonly hlc: string;
  readonly aheadMs: number;
}

/** The change furthest ahead of the hub's clock beyond the limit, or null when all are acceptable. */
export function findClockAhead(hlcs: Iterable<string>, hubNowMs: number): ClockAhead | null {
  let worst: ClockAhead | null = null;
  for (const hlc of hlcs) {
    const check = checkClockSkew(hlc, hubNowMs, MAX_CLOCK_AHEAD_MS);
    if (!check.ok && (worst === null || check.error.aheadMs > worst.aheadMs)) worst = { hlc, aheadMs: check.error.aheadMs };
  }
  return worst;
}
