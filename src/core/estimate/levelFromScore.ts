/**
 * Turning a score on the 1..n level scale into a level and a tendency.
 *
 * The level is the nearest rank. A score exactly half-way between two levels (it arises only from an
 * even number of equally weighted inputs, e.g. two tracks at 2 and 3) goes to the EVEN rank: round
 * half to even (ISO 80000-1, IEC 60559), which favours neither the higher nor the lower level across
 * many ties. The alternatives were checked against the Armenia 2022 experts (docs/estimator.md):
 * half-down sends pillars 2 and 7 to emerging, half-up sends pillar 9 to established; the experts
 * put all three at developing.
 *
 * The tendency names the neighbouring level when the score leans at least TENDENCY_MARGIN (a
 * quarter of a level, half-way to the boundary) towards it; the report's "developing, with a strong
 * tendency towards established" for data management (2.33) is such a case.
 */
export const TENDENCY_MARGIN = 0.25;

/** Means such as 2.25 = (2+2+2+3)/4 must not miss the margin or a tie through rounding error. */
const EPSILON = 1e-9;

export interface ScoredLevel {
  readonly rank: number;
  readonly tendencyRank: number | null;
}

export function levelFromScore(score: number, levelCount: number): ScoredLevel {
  const clamped = Math.min(Math.max(score, 1), levelCount);
  const floor = Math.floor(clamped);
  const fraction = clamped - floor;
  let rank: number;
  if (Math.abs(fraction - 0.5) < EPSILON) rank = floor % 2 === 0 ? floor : floor + 1;
  else rank = fraction > 0.5 ? floor + 1 : floor;
  const lean = clamped - rank;
  let tendencyRank: number | null = null;
  if (lean >= TENDENCY_MARGIN - EPSILON && rank < levelCount) tendencyRank = rank + 1;
  else if (lean <= -TENDENCY_MARGIN + EPSILON && rank > 1) tendencyRank = rank - 1;
  return { rank, tendencyRank };
}
