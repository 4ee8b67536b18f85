/**
 * How far one assessor has got: per sub-topic, the indicator × track cells they have judged (a
 * level or "cannot judge": both are a judgement) out of the cells to judge.
 */
import type { Rating } from '../../../core/assessment/ratingSchema';
import type { SubTopic } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { cellKey } from '../../../core/analysis/selectEvidence';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** The indicator × track cells of a sub-topic, in framework order. */
export function cellsOfSubTopic(index: FrameworkIndex, subTopic: SubTopic): Array<{ indicatorId: string; trackId: string }> {
  return subTopic.indicators.flatMap((indicator) =>
    (index.tracksOfIndicator.get(indicator.id) ?? []).map((trackId) => ({ indicatorId: indicator.id, trackId })),
  );
}

/** The cells this assessor has judged (live ratings only). */
export function judgedCells(ratings: readonly Rating[], assessorId: string): Set<string> {
  const judged = new Set<string>();
  for (const rating of ratings) {
    if (!rating.deleted && rating.assessorId === assessorId) judged.add(cellKey(rating.indicatorId, rating.trackId));
  }
  return judged;
}

export function ratingProgress(index: FrameworkIndex, subTopic: SubTopic, judged: ReadonlySet<string>): Progress {
  const cells = cellsOfSubTopic(index, subTopic);
  return { done: cells.filter((cell) => judged.has(cellKey(cell.indicatorId, cell.trackId))).length, total: cells.length };
}

/** Every sub-topic's progress for one assessor (undefined assessor: nothing done). */
export function progressBySubTopic(index: FrameworkIndex, ratings: readonly Rating[], assessorId: string | undefined): Map<string, Progress> {
  const judged = assessorId === undefined ? new Set<string>() : judgedCells(ratings, assessorId);
  const result = new Map<string, Progress>();
  for (const subTopic of index.subTopicById.values()) result.set(subTopic.id, ratingProgress(index, subTopic, judged));
  return result;
}

/** The sum over a pillar's sub-topics. */
export function sumProgress(progresses: Iterable<Progress>): Progress {
  let done = 0;
  let total = 0;
  for (const progress of progresses) {
    done += progress.done;
    total += progress.total;
  }
  return { done, total };
}
