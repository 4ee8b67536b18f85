/**
 * Agreement among any number of assessors, with missing ratings, on ordinal levels:
 * Krippendorff's alpha with the ordinal metric (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011).
 *
 * From the units, build the coincidence matrix o(c, k): each unit with m ≥ 2 values contributes
 * every ordered pair of values from different assessors, weighted 1 / (m − 1). With n_c its
 * marginals and n = Σ n_c,
 *
 *   δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²          (ordinal: distance in ranks held)
 *   α = 1 − (n − 1) · Σ o(c, k) δ²(c, k) / Σ n_c n_k δ²(c, k)
 *
 * The ordinal distance between two levels grows with how many values fell between them, so a
 * rarely used level in the middle of the scale separates its neighbours little.
 */
import { assertLevelCount, assertRank } from './assertRank';

/**
 * `units[u]` holds the levels (0-based ranks) the assessors gave unit u (an indicator × track), null
 * where an assessor gave none. Units with fewer than two values carry no information and are
 * skipped. Null when alpha is undefined: no pairable values, or all of them the same level.
 */
export function krippendorffAlphaOrdinal(units: ReadonlyArray<ReadonlyArray<number | null>>, levelCount: number): number | null {
  assertLevelCount(levelCount, 'krippendorffAlphaOrdinal');
  const coincidences: number[][] = Array.from({ length: levelCount }, () => new Array<number>(levelCount).fill(0));
  for (const unit of units) {
    const values: number[] = [];
    for (const value of unit) {
      if (value === null) continue;
      assertRank(value, levelCount, 'krippendorffAlphaOrdinal');
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

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < levelCount; c++) {
    for (let k = c + 1; k < levelCount; k++) {
      let between = 0;
      for (let g = c; g <= k; g++) between += marginals[g]!;
      const delta2 = (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      // The metric and o are symmetric, so count each unordered pair twice.
      observed += 2 * coincidences[c]![k]! * delta2;
      expected += 2 * marginals[c]! * marginals[k]! * delta2;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
