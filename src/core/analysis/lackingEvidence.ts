/**
 * Where the team still needs to ask: per pillar, the sub-topics that have no rating, no evidence and
 * no consensus on some track (the estimator's `subTopicsLackingEvidence`), each with those tracks,
 * and the count over the whole framework.
 *
 * A sub-topic counts once however many tracks it lacks, and only scored sub-topics count: a
 * descriptive sub-topic (6.3.3) never gets a level, so it can never "lack evidence" for one.
 */
import type { AssessmentEstimate } from '../estimate/estimateTypes';
import type { FrameworkIndex } from '../framework/indexFramework';

export interface LackingSubTopic {
  readonly subTopicId: string;
  readonly code: string;
  /** In the framework's track order. */
  readonly trackIds: readonly string[];
  /** True when it lacks evidence on every track it is scored on. */
  readonly onEveryTrack: boolean;
}

export interface LackingPillar {
  readonly pillarId: string;
  readonly code: string;
  readonly subTopics: readonly LackingSubTopic[];
}

export interface LackingEvidence {
  /** Only pillars with something lacking, in framework order. */
  readonly pillars: readonly LackingPillar[];
  /** Distinct sub-topics lacking evidence on at least one track. */
  readonly lacking: number;
  /** Sub-topics scored on at least one track. */
  readonly scored: number;
  /** Sub-topic × track pairs lacking evidence, of `scoredPairs`. */
  readonly lackingPairs: number;
  readonly scoredPairs: number;
}

export function lackingEvidence(estimate: AssessmentEstimate, index: FrameworkIndex): LackingEvidence {
  const pillars: LackingPillar[] = [];
  let lacking = 0;
  let scored = 0;
  let lackingPairs = 0;
  let scoredPairs = 0;
  const byId = new Map(estimate.pillars.map((pillar) => [pillar.pillarId, pillar]));
  for (const pillar of index.framework.pillars) {
    const pillarEstimate = byId.get(pillar.id);
    if (pillarEstimate === undefined) continue;
    const scoredTracks = new Map<string, string[]>();
    const lackingTracks = new Map<string, string[]>();
    // Tracks in framework order, so "central government, migration management" always reads the same.
    for (const trackId of index.trackIds) {
      const track = pillarEstimate.tracks.find((t) => t.trackId === trackId);
      if (track === undefined) continue;
      for (const subTopic of track.subTopics) push(scoredTracks, subTopic.subTopicId, trackId);
      for (const subTopicId of track.subTopicsLackingEvidence) push(lackingTracks, subTopicId, trackId);
    }
    const subTopics: LackingSubTopic[] = [];
    for (const subTopic of pillar.subTopics) {
      const scoredOn = scoredTracks.get(subTopic.id);
      if (scoredOn === undefined) continue;
      scored++;
      scoredPairs += scoredOn.length;
      const lackingOn = lackingTracks.get(subTopic.id);
      if (lackingOn === undefined) continue;
      lacking++;
      lackingPairs += lackingOn.length;
      subTopics.push({ subTopicId: subTopic.id, code: subTopic.code, trackIds: lackingOn, onEveryTrack: lackingOn.length === scoredOn.length });
    }
    if (subTopics.length > 0) pillars.push({ pillarId: pillar.id, code: pillar.code, subTopics });
  }
  return { pillars, lacking, scored, lackingPairs, scoredPairs };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
