/**
 * The estimator's output is a tree (pillar → track → sub-topic → indicator); screens ask for one
 * node at a time, so this flattens it into maps once per estimate.
 */
import type { AssessmentEstimate, IndicatorEstimate, PillarEstimate, PillarTrackEstimate, SubTopicEstimate } from '../../../core/estimate/estimateTypes';
import { cellKey } from '../../../core/analysis/selectEvidence';

export interface EstimateLookup {
  readonly pillar: ReadonlyMap<string, PillarEstimate>;
  /** cellKey(pillarId, trackId) */
  readonly pillarTrack: ReadonlyMap<string, PillarTrackEstimate>;
  /** cellKey(subTopicId, trackId) */
  readonly subTopic: ReadonlyMap<string, SubTopicEstimate>;
  /** cellKey(indicatorId, trackId) */
  readonly indicator: ReadonlyMap<string, IndicatorEstimate>;
}

export function lookupEstimates(estimate: AssessmentEstimate | undefined): EstimateLookup {
  const pillar = new Map<string, PillarEstimate>();
  const pillarTrack = new Map<string, PillarTrackEstimate>();
  const subTopic = new Map<string, SubTopicEstimate>();
  const indicator = new Map<string, IndicatorEstimate>();
  for (const p of estimate?.pillars ?? []) {
    pillar.set(p.pillarId, p);
    for (const track of p.tracks) {
      pillarTrack.set(cellKey(p.pillarId, track.trackId), track);
      for (const s of track.subTopics) {
        subTopic.set(cellKey(s.subTopicId, s.trackId), s);
        for (const i of s.indicators) indicator.set(cellKey(i.indicatorId, i.trackId), i);
      }
    }
  }
  return { pillar, pillarTrack, subTopic, indicator };
}
