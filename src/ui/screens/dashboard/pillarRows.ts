/**
 * The report's Table 3 as rows: one per pillar of the framework, in the framework's order, with a
 * figure per track and overall, and the pillar's sub-topics per track for the drill-down.
 *
 * Every pillar, track and sub-topic of the framework gets a place even when the estimator skipped
 * it (nothing to judge on that track, like 6.3.3 and 6.4.2 for migration): the table's shape must
 * not jump about as data arrives, and "not scored here" is itself information.
 */
import type { AssessmentEstimate, PillarEstimate } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { figureView, type FigureView } from './figureView';

export interface PillarTrackView {
  readonly trackId: string;
  /** null when no sub-topic of the pillar is judged on this track. */
  readonly figure: FigureView | null;
  /** Sub-topics scored on this track with neither a rating nor evidence nor a consensus. */
  readonly subTopicsLackingEvidence: readonly string[];
}

export interface SubTopicTrackView {
  readonly trackId: string;
  /** null when the sub-topic is not judged on this track. */
  readonly figure: FigureView | null;
  readonly lacksEvidence: boolean;
}

export interface SubTopicRowView {
  readonly subTopicId: string;
  readonly code: string;
  /** False for a descriptive sub-topic (no indicators on any track, like the report's 6.3.3). */
  readonly scored: boolean;
  readonly tracks: readonly SubTopicTrackView[];
}

export interface PillarRowView {
  readonly pillarId: string;
  readonly code: string;
  readonly overall: FigureView;
  readonly tracks: readonly PillarTrackView[];
  readonly subTopics: readonly SubTopicRowView[];
}

export function buildPillarRows(estimate: AssessmentEstimate, index: FrameworkIndex): PillarRowView[] {
  const byId = new Map<string, PillarEstimate>(estimate.pillars.map((pillar) => [pillar.pillarId, pillar]));
  return index.framework.pillars.flatMap((pillar) => {
    const pillarEstimate = byId.get(pillar.id);
    // The estimate always covers every pillar of its framework; a mismatch (estimate of another
    // framework version, mid-switch) shows nothing rather than wrong figures.
    if (pillarEstimate === undefined) return [];
    const trackById = new Map(pillarEstimate.tracks.map((track) => [track.trackId, track]));
    const tracks: PillarTrackView[] = index.trackIds.map((trackId) => {
      const track = trackById.get(trackId);
      return {
        trackId,
        figure: track === undefined ? null : figureView(track, index),
        subTopicsLackingEvidence: track?.subTopicsLackingEvidence ?? [],
      };
    });
    const subTopics: SubTopicRowView[] = pillar.subTopics.map((subTopic) => {
      const cells: SubTopicTrackView[] = index.trackIds.map((trackId) => {
        const track = trackById.get(trackId);
        const estimateOfSubTopic = track?.subTopics.find((s) => s.subTopicId === subTopic.id);
        return {
          trackId,
          figure: estimateOfSubTopic === undefined ? null : figureView(estimateOfSubTopic, index),
          lacksEvidence: track?.subTopicsLackingEvidence.includes(subTopic.id) ?? false,
        };
      });
      return { subTopicId: subTopic.id, code: subTopic.code, scored: cells.some((cell) => cell.figure !== null), tracks: cells };
    });
    return [{ pillarId: pillar.id, code: pillar.code, overall: figureView(pillarEstimate.overall, index), tracks, subTopics }];
  });
}
