/**
 * Agreement between two assessors on ordinal levels: Cohen's kappa with quadratic weights
 * (Cohen 1968; Fleiss & Cohen 1973). A disagreement of two levels costs four times one of one
 * level, which matches how far apart "emerging" and "established" are compared with neighbours.
 *
 *   κw = 1 − Σ w·O / Σ w·E,   w(i, j) = (i − j)²,   O = observed pair proportions,
 *   E = product of the two assessors' marginal proportions.
 */
import { weightedKappa } from './weightedKappa';

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
  return weightedKappa(ratingsA, ratingsB, levelCount, 'quadratic');
}
