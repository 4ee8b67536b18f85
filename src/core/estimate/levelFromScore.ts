/**
 * Turning a mean score on the 1..n level scale into a level and a tendency.
 *
 * A score is a mean of level ranks (1 = the lowest level). The level is the nearest rank; a score
 * exactly half-way between two levels goes to the LOWER level, because a level is a claim that the
 * country has reached it and the evidence is split on that claim. The tendency names the
 * neighbouring level when the score leans at least TENDENCY_MARGIN towards it; the Armenia report's
 * "developing, with a strong tendency towards established" is such a case (data management: 2.4).
 */
export const TENDENCY_MARGIN = 0.25;

export interface ScoredLevel {
  readonly rank: number;
  readonly tendencyRank: number | null;
}

export function levelFromScore(score: number, levelCount: number): ScoredLevel {
  const clamped = Math.min(Math.max(score, 1), levelCount);
  // Half-way goes down: ceil(x - 0.5) rounds 2.5 to 2 and 2.51 to 3.
  const rank = Math.ceil(clamped - 0.5);
  const lean = clamped - rank;
  // A small epsilon keeps means such as 2.25 = (2+2+2+3)/4 from missing the margin by rounding error.
  const EPSILON = 1e-9;
  let tendencyRank: number | null = null;
  if (lean >= TENDENCY_MARGIN - EPSILON && rank < levelCount) tendencyRank = rank + 1;
  else if (lean <= -TENDENCY_MARGIN + EPSILON && rank > 1) tendencyRank = rank - 1;
  return { rank, tendencyRank };
}
