/**
 * Which notes speak to one indicator on one track, by the estimator's rule (docs/estimator.md): a
 * tag names the sub-topic, and either this indicator or no indicator (a note about the sub-topic as
 * a whole counts for each of its indicators), and lists the track. A note tagged to the sub-topic
 * that reaches no indicator × track (no track given, or a descriptive sub-topic such as 6.3.3)
 * counts for no estimate; the rating screen lists those separately so they are not invisible.
 */
import type { Observation, ObservationTag } from '../assessment/observationSchema';

export function tagMatches(tag: ObservationTag, subTopicId: string, indicatorId: string, trackId: string): boolean {
  return tag.subTopicId === subTopicId && (tag.indicatorId === undefined || tag.indicatorId === indicatorId) && tag.trackIds.includes(trackId);
}

export function evidenceMatches(observation: Observation, subTopicId: string, indicatorId: string, trackId: string): boolean {
  return !observation.deleted && observation.tags.some((tag) => tagMatches(tag, subTopicId, indicatorId, trackId));
}

/** Oldest first: the order they were heard in, which is how assessors remember them. */
export function byCreation(a: Observation, b: Observation): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function selectEvidence(observations: readonly Observation[], subTopicId: string, indicatorId: string, trackId: string): Observation[] {
  return observations.filter((observation) => evidenceMatches(observation, subTopicId, indicatorId, trackId)).sort(byCreation);
}

export const cellKey = (indicatorId: string, trackId: string): string => `${indicatorId}\u0000${trackId}`;

export interface SubTopicEvidence {
  /** cellKey(indicator, track) → the notes for it, oldest first. */
  readonly byCell: ReadonlyMap<string, readonly Observation[]>;
  /** Notes tagged to the sub-topic that reach none of its indicator × track cells. */
  readonly unmatched: readonly Observation[];
}

/**
 * Every indicator × track of one sub-topic in a single pass over the notes (thousands of them), so
 * the screen does not filter the whole list once per cell.
 */
export function groupEvidenceOfSubTopic(
  observations: readonly Observation[],
  subTopicId: string,
  cells: ReadonlyArray<{ readonly indicatorId: string; readonly trackId: string }>,
): SubTopicEvidence {
  const byCell = new Map<string, Observation[]>(cells.map((cell) => [cellKey(cell.indicatorId, cell.trackId), []]));
  const indicatorIds = [...new Set(cells.map((cell) => cell.indicatorId))];
  const unmatched: Observation[] = [];
  for (const observation of observations) {
    if (observation.deleted) continue;
    // A note with two tags for the same cell is still one note for it.
    const hit = new Set<string>();
    let tagged = false;
    for (const tag of observation.tags) {
      if (tag.subTopicId !== subTopicId) continue;
      tagged = true;
      const targets = tag.indicatorId === undefined ? indicatorIds : [tag.indicatorId];
      for (const indicatorId of targets) {
        for (const trackId of tag.trackIds) {
          const key = cellKey(indicatorId, trackId);
          if (byCell.has(key)) hit.add(key);
        }
      }
    }
    for (const key of hit) byCell.get(key)?.push(observation);
    if (tagged && hit.size === 0) unmatched.push(observation);
  }
  for (const list of byCell.values()) list.sort(byCreation);
  unmatched.sort(byCreation);
  return { byCell, unmatched };
}
