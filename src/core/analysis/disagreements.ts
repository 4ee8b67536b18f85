/**
 * Where the assessors are far apart: every indicator × track whose ratings differ by two levels or
 * more (the "flagged for discussion"), with each assessor's level, in framework order.
 * One level apart is ordinary judgement; two levels means the team read the evidence differently.
 */
import type { Rating } from '../assessment/ratingSchema';
import type { FrameworkIndex } from '../framework/indexFramework';

export const DISCUSSION_SPREAD_LEVELS = 2;

export interface Disagreement {
  readonly pillarId: string;
  readonly subTopicId: string;
  readonly indicatorId: string;
  readonly trackId: string;
  /** Assessor id → level id, for those who gave a level. */
  readonly levels: ReadonlyArray<{ readonly assessorId: string; readonly level: string }>;
  readonly spread: number;
}

export function disagreements(index: FrameworkIndex, ratings: readonly Rating[], minSpread = DISCUSSION_SPREAD_LEVELS): Disagreement[] {
  const byCell = new Map<string, Array<{ assessorId: string; level: string; rank: number }>>();
  for (const rating of ratings) {
    if (rating.deleted || rating.level === null) continue;
    const rank = index.levelRank.get(rating.level);
    if (rank === undefined) continue;
    const key = `${rating.indicatorId}\u0000${rating.trackId}`;
    const list = byCell.get(key) ?? [];
    list.push({ assessorId: rating.assessorId, level: rating.level, rank });
    byCell.set(key, list);
  }
  const flagged: Disagreement[] = [];
  for (const pillar of index.framework.pillars) {
    for (const subTopic of pillar.subTopics) {
      for (const indicator of subTopic.indicators) {
        for (const trackId of index.tracksOfIndicator.get(indicator.id) ?? []) {
          const list = byCell.get(`${indicator.id}\u0000${trackId}`);
          if (list === undefined || list.length < 2) continue;
          const ranks = list.map((entry) => entry.rank);
          const spread = Math.max(...ranks) - Math.min(...ranks);
          if (spread < minSpread) continue;
          flagged.push({
            pillarId: pillar.id,
            subTopicId: subTopic.id,
            indicatorId: indicator.id,
            trackId,
            levels: [...list].sort((a, b) => (a.assessorId < b.assessorId ? -1 : 1)).map(({ assessorId, level }) => ({ assessorId, level })),
            spread,
          });
        }
      }
    }
  }
  return flagged;
}
