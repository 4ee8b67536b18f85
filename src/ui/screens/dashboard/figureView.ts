/**
 * One figure of the dashboard (a pillar on a track, a pillar overall, a sub-topic on a track) as the
 * view needs it: the estimator's output plus the level's rank, and, where the lead set a consensus,
 * the bottom-up estimate beside it with the gap, so a deviation is always on screen.
 */
import type { Basis, ConsensusAwareEstimate, Coverage, Spread } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';

export interface ConsensusGapView {
  readonly level: string;
  readonly rank: number;
  /** The estimate ignoring this node's own consensus. */
  readonly estimatedScore: number | null;
  readonly estimatedLevel: string | null;
  readonly estimatedTendency: string | null;
  /** Consensus rank − estimated score (positive: the team rates higher than the evidence); null without an estimate. */
  readonly gap: number | null;
  /** The consensus names another level than the estimate would: the deviation a reviewer asks about. */
  readonly differs: boolean;
}

export interface FigureView {
  readonly score: number | null;
  readonly level: string | null;
  /** Rank of `level` (1 = lowest); null when nothing is known. */
  readonly rank: number | null;
  readonly tendency: string | null;
  readonly basis: Basis;
  readonly provisional: boolean;
  readonly coverage: Coverage;
  readonly spread: Spread;
  readonly consensus: ConsensusGapView | null;
}

export function figureView(estimate: ConsensusAwareEstimate, index: FrameworkIndex): FigureView {
  const consensus = estimate.consensus;
  return {
    score: estimate.score,
    level: estimate.level,
    rank: estimate.level === null ? null : (index.levelRank.get(estimate.level) ?? null),
    tendency: estimate.tendency,
    basis: estimate.basis,
    provisional: estimate.provisional,
    coverage: estimate.coverage,
    spread: estimate.spread,
    consensus:
      consensus === null
        ? null
        : {
            level: consensus.level,
            rank: consensus.rank,
            estimatedScore: estimate.estimated.score,
            estimatedLevel: estimate.estimated.level,
            estimatedTendency: estimate.estimated.tendency,
            gap: consensus.gap,
            differs: estimate.estimated.level !== null && estimate.estimated.level !== consensus.level,
          },
  };
}
