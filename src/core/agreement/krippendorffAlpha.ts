/**
 * Krippendorff's alpha for any number of coders with missing values, with the nominal, ordinal or
 * interval difference function (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 * Values are 0-based ranks on a scale of `levelCount` values; the interval metric treats ranks as
 * equally spaced numbers, which is what a four-level maturity scale claims to be at most.
 *
 * From the units, build the coincidence matrix o(c, k): each unit with m ≥ 2 values contributes
 * every ordered pair of values from different coders, weighted 1 / (m − 1). With n_c its marginals
 * and n = Σ n_c:   α = 1 − (n − 1) · Σ o(c, k) δ²(c, k) / Σ n_c n_k δ²(c, k), where
 *   nominal   δ² = 0 if c = k, else 1
 *   ordinal   δ² = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   (distance in values held between them)
 *   interval  δ² = (c − k)²
 */
import { assertLevelCount, assertRank } from './assertRank';

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * `units[u]` holds each coder's value for unit u, null where that coder gave none. Units with
 * fewer than two values are skipped. Null when alpha is undefined: no pairable values, or every
 * pairable value the same.
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number | null>>, levelCount: number, metric: AlphaMetric): number | null {
  assertLevelCount(levelCount, 'krippendorffAlpha');
  const coincidences: number[][] = Array.from({ length: levelCount }, () => new Array<number>(levelCount).fill(0));
  for (const unit of units) {
    const values: number[] = [];
    for (const value of unit) {
      if (value === null) continue;
      assertRank(value, levelCount, 'krippendorffAlpha');
      values.push(value);
    }
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j) coincidences[values[i]!]![values[j]!]! += 1 / (m - 1);
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, o) => sum + o, 0));
  const n = marginals.reduce((sum, nc) => sum + nc, 0);
  if (n === 0) return null;

  const delta2 = (c: number, k: number): number => {
    if (metric === 'nominal') return c === k ? 0 : 1;
    if (metric === 'interval') return (c - k) ** 2;
    let between = 0;
    for (let g = Math.min(c, k); g <= Math.max(c, k); g++) between += marginals[g]!;
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < levelCount; c++) {
    for (let k = c + 1; k < levelCount; k++) {
      const d = delta2(c, k);
      // δ and o are symmetric: count each unordered pair twice.
      observed += 2 * coincidences[c]![k]! * d;
      expected += 2 * marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
