/**
 * Agreement between two assessors on ordinal levels: Cohen's kappa with quadratic weights
 * (Cohen 1968; Fleiss & Cohen 1973). A disagreement of two levels costs four times one of one
 * level, which matches how far apart "emerging" and "established" are compared with neighbours.
 *
 *   κw = 1 − Σ w·O / Σ w·E,   w(i, j) = (i − j)²,   O = observed pair proportions,
 *   E = product of the two assessors' marginal proportions.
 *
 * The usual normalisation of w by (k − 1)² cancels in the ratio, so it is left out.
 */
import { assertLevelCount, assertRank } from './assertRank';

/**
 * `ratingsA[i]` and `ratingsB[i]` are the two assessors' levels for item i as 0-based ranks; a pair
 * with a null on either side ("cannot judge", or not rated) is skipped. Null when kappa is
 * undefined: no pairs, or no expected disagreement (both assessors used one and the same level).
 */
export function quadraticWeightedKappa(
  ratingsA: ReadonlyArray<number | null>,
  ratingsB: ReadonlyArray<number | null>,
  levelCount: number,
): number | null {
  if (ratingsA.length !== ratingsB.length) {
    throw new RangeError(`quadraticWeightedKappa: ${ratingsA.length} ratings against ${ratingsB.length}`);
  }
  assertLevelCount(levelCount, 'quadraticWeightedKappa');
  const marginalA = new Array<number>(levelCount).fill(0);
  const marginalB = new Array<number>(levelCount).fill(0);
  let pairs = 0;
  let observed = 0;
  for (let i = 0; i < ratingsA.length; i++) {
    const a = ratingsA[i];
    const b = ratingsB[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    assertRank(a, levelCount, 'quadraticWeightedKappa');
    assertRank(b, levelCount, 'quadraticWeightedKappa');
    marginalA[a]! += 1;
    marginalB[b]! += 1;
    observed += (a - b) ** 2;
    pairs += 1;
  }
  if (pairs === 0) return null;
  // Σ w·E with E(i, j) = marginalA[i] · marginalB[j] / pairs², times pairs to match `observed`.
  let expected = 0;
  for (let i = 0; i < levelCount; i++) {
    for (let j = 0; j < levelCount; j++) expected += (i - j) ** 2 * marginalA[i]! * marginalB[j]!;
  }
  expected /= pairs;
  if (expected === 0) return null;
  return 1 - observed / expected;
}
