/**
 * The report's conclusion in one line ("the overall digital maturity … is developing, with a strong
 * tendency towards established (data management and secure data exchange and digital
 * infrastructure framework)"), derived from the pillars' overall figures.
 *
 * The overall level is the level of the MEDIAN pillar score, for the reason the estimator takes the
 * median of sub-topics (docs/estimator.md): a country is at the level its typical pillar has reached,
 * and one outstanding or lagging pillar does not move it. On Armenia every pillar is developing and so
 * is the median. The pillars named after "tendency" are those AT the overall level whose own figure
 * leans to a neighbouring level; pillars at other levels are listed by level, so the line never
 * hides a pillar that is not at the overall level.
 */
import type { AssessmentEstimate } from '../../../core/estimate/estimateTypes';
import { levelFromScore } from '../../../core/estimate/levelFromScore';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';

export interface PillarGroup {
  readonly level: string;
  /** In framework order. */
  readonly pillarIds: readonly string[];
}

export interface OverallSummary {
  readonly totalPillars: number;
  /** Pillars with an overall figure (a rating, evidence or a consensus somewhere). */
  readonly scoredPillars: number;
  readonly score: number | null;
  readonly level: string | null;
  /** Some pillar's figure rests on evidence only. */
  readonly provisional: boolean;
  /** Pillars at the overall level leaning towards the next level up: the report's tendency. */
  readonly towardsHigher: PillarGroup | null;
  /** Pillars at the overall level leaning towards the level below. */
  readonly towardsLower: PillarGroup | null;
  /** Pillars at another level than the overall one, highest level first. */
  readonly otherLevels: readonly PillarGroup[];
}

export function summariseOverall(estimate: AssessmentEstimate, index: FrameworkIndex): OverallSummary {
  const byId = new Map(estimate.pillars.map((pillar) => [pillar.pillarId, pillar]));
  const scored: Array<{ pillarId: string; score: number; level: string; tendency: string | null; provisional: boolean }> = [];
  for (const pillar of index.framework.pillars) {
    const overall = byId.get(pillar.id)?.overall;
    if (overall === undefined || overall.score === null || overall.level === null) continue;
    scored.push({ pillarId: pillar.id, score: overall.score, level: overall.level, tendency: overall.tendency, provisional: overall.provisional });
  }
  const totalPillars = index.framework.pillars.length;
  if (scored.length === 0) {
    return { totalPillars, scoredPillars: 0, score: null, level: null, provisional: false, towardsHigher: null, towardsLower: null, otherLevels: [] };
  }
  const score = median(scored.map((pillar) => pillar.score));
  const { rank } = levelFromScore(score, index.levelIds.length);
  const level = index.levelIds[rank - 1] ?? null;
  const higher = index.levelIds[rank] ?? null;
  const lower = index.levelIds[rank - 2] ?? null;
  const atLevel = scored.filter((pillar) => pillar.level === level);
  const group = (target: string | null): PillarGroup | null => {
    if (target === null) return null;
    const pillarIds = atLevel.filter((pillar) => pillar.tendency === target).map((pillar) => pillar.pillarId);
    return pillarIds.length === 0 ? null : { level: target, pillarIds };
  };
  const otherLevels: PillarGroup[] = [];
  for (let r = index.levelIds.length; r >= 1; r--) {
    const other = index.levelIds[r - 1];
    if (other === undefined || other === level) continue;
    const pillarIds = scored.filter((pillar) => pillar.level === other).map((pillar) => pillar.pillarId);
    if (pillarIds.length > 0) otherLevels.push({ level: other, pillarIds });
  }
  return {
    totalPillars,
    scoredPillars: scored.length,
    score,
    level,
    provisional: scored.some((pillar) => pillar.provisional),
    towardsHigher: group(higher),
    towardsLower: group(lower),
    otherLevels,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
