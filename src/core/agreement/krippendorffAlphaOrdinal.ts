/**
 * Agreement among any number of assessors, with missing ratings, on ordinal levels: Krippendorff's
 * alpha with the ordinal metric (see krippendorffAlpha for the formula). The ordinal distance
 * between two levels grows with how many values fell between them, so a rarely used level in the
 * middle of the scale separates its neighbours little.
 */
import { krippendorffAlpha } from './krippendorffAlpha';

/**
 * `units[u]` holds the levels (0-based ranks) the assessors gave unit u (an indicator × track), null
 * where an assessor gave none. Null when alpha is undefined.
 */
export function krippendorffAlphaOrdinal(units: ReadonlyArray<ReadonlyArray<number | null>>, levelCount: number): number | null {
  return krippendorffAlpha(units, levelCount, 'ordinal');
}
