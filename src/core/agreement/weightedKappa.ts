/**
 * Cohen's weighted kappa between two assessors on ordinal levels (Cohen 1968), with linear weights
 * |i − j| or quadratic weights (i − j)². The quadratic form is the one the app reports (see
 * quadraticWeightedKappa); the linear one is here because published worked examples give both, and
 * matching both checks the weighting rather than one lucky number.
 *
 *   κw = 1 − Σ w·O / Σ w·E
 */
import { assertLevelCount, assertRank } from './assertRank';

export type KappaWeights = 'linear' | 'quadratic';

export function weightedKappa(
  ratingsA: ReadonlyArray<number | null>,
  ratingsB: ReadonlyArray<number | null>,
  levelCount: number,
  weights: KappaWeights,
): number | null {
  if (ratingsA.length !== ratingsB.length) {
    throw new RangeError(`weightedKappa: ${ratingsA.length} ratings against ${ratingsB.length}`);
  }
  assertLevelCount(levelCount, 'weightedKappa');
  const weight = weights === 'linear' ? (i: number, j: number) => Math.abs(i - j) : (i: number, j: number) => (i - j) ** 2;
  const marginalA = new Array<number>(levelCount).fill(0);
  const marginalB = new Array<number>(levelCount).fill(0);
  let pairs = 0;
  let observed = 0;
  for (let i = 0; i < ratingsA.length; i++) {
    const a = ratingsA[i];
    const b = ratingsB[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    assertRank(a, levelCount, 'weightedKappa');
    assertRank(b, levelCount, 'weightedKappa');
    marginalA[a]! += 1;
    marginalB[b]! += 1;
    observed += weight(a, b);
    pairs += 1;
  }
  if (pairs === 0) return null;
  let expected = 0;
  for (let i = 0; i < levelCount; i++) {
    for (let j = 0; j < levelCount; j++) expected += weight(i, j) * marginalA[i]! * marginalB[j]!;
  }
  expected /= pairs;
  if (expected === 0) return null;
  return 1 - observed / expected;
}
