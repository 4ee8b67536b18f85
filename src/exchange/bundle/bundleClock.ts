/**
 * The clock rule (src/core/clock/clockSkew.ts) applied to a whole bundle: its version vector, the
 * vector it was cut against, and every change. readBundle applies it while verifying; import and
 * merge apply it again with their own clock, because a bundle verified yesterday (or on another
 * machine) may be imported or merged by a reader whose clock says otherwise.
 */
import { checkClockSkewOfAll, describeClockAhead, MAX_CLOCK_SKEW_MS } from '../../core/clock/clockSkew';
import type { Change } from '../../core/merge/change';
import type { BundleManifest } from './format';
import type { BundleProblem } from './problem';

export function bundleClockProblem(
  bundle: { readonly manifest: Pick<BundleManifest, 'versionVector' | 'since'>; readonly changes?: readonly Change[] },
  nowMs: number,
  maxSkewMs: number = MAX_CLOCK_SKEW_MS,
): BundleProblem | undefined {
  const { versionVector, since } = bundle.manifest;
  const vectors: Array<[string, Readonly<Record<string, string>>]> = [
    ['its version vector', versionVector],
    ['the vector it was cut against', since ?? {}],
  ];
  for (const [label, vector] of vectors) {
    const ahead = checkClockSkewOfAll(Object.values(vector), nowMs, maxSkewMs);
    if (!ahead.ok) return { code: 'clock-ahead', message: describeClockAhead(ahead.error, `changes in this bundle (${label} reaches ${ahead.error.hlc})`) };
  }
  if (bundle.changes !== undefined) {
    const ahead = checkClockSkewOfAll(
      (function* hlcs() {
        for (const change of bundle.changes!) yield change.hlc;
      })(),
      nowMs,
      maxSkewMs,
    );
    if (!ahead.ok) return { code: 'clock-ahead', message: describeClockAhead(ahead.error, `the change ${ahead.error.hlc}`) };
  }
  return undefined;
}
