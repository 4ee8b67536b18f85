/**
 * Lookup tables over a validated framework. Every consumer (estimator, capture type-ahead, rating
 * screen, report) needs "which pillar holds this sub-topic" or "what rank is this level"; building
 * the maps once keeps those lookups O(1) and keeps the raw framework object immutable.
 */
import { SHARED_TRACK_KEY, type Descriptor, type Framework, type Indicator, type Pillar, type SubTopic } from './frameworkSchema';

export interface FrameworkIndex {
  readonly framework: Framework;
  readonly levelIds: readonly string[];
  readonly trackIds: readonly string[];
  /** Rank of a level id: 1 for the lowest level. Undefined for an unknown level. */
  readonly levelRank: ReadonlyMap<string, number>;
  readonly targetRank: number;
  readonly pillarById: ReadonlyMap<string, Pillar>;
  readonly subTopicById: ReadonlyMap<string, SubTopic>;
  readonly indicatorById: ReadonlyMap<string, Indicator>;
  readonly pillarOfSubTopic: ReadonlyMap<string, Pillar>;
  readonly subTopicOfIndicator: ReadonlyMap<string, SubTopic>;
  /** The tracks an indicator is judged on, in the framework's track order. */
  readonly tracksOfIndicator: ReadonlyMap<string, readonly string[]>;
}

export function indexFramework(framework: Framework): FrameworkIndex {
  const levelIds = framework.levels.map((level) => level.id);
  const trackIds = framework.tracks.map((track) => track.id);
  const levelRank = new Map(levelIds.map((id, index) => [id, index + 1] as const));
  const pillarById = new Map<string, Pillar>();
  const subTopicById = new Map<string, SubTopic>();
  const indicatorById = new Map<string, Indicator>();
  const pillarOfSubTopic = new Map<string, Pillar>();
  const subTopicOfIndicator = new Map<string, SubTopic>();
  const tracksOfIndicator = new Map<string, readonly string[]>();

  for (const pillar of framework.pillars) {
    pillarById.set(pillar.id, pillar);
    for (const subTopic of pillar.subTopics) {
      subTopicById.set(subTopic.id, subTopic);
      pillarOfSubTopic.set(subTopic.id, pillar);
      for (const indicator of subTopic.indicators) {
        indicatorById.set(indicator.id, indicator);
        subTopicOfIndicator.set(indicator.id, subTopic);
        tracksOfIndicator.set(indicator.id, indicatorTracks(indicator, trackIds));
      }
    }
  }

  return {
    framework,
    levelIds,
    trackIds,
    levelRank,
    targetRank: levelRank.get(framework.targetLevel) ?? levelIds.length,
    pillarById,
    subTopicById,
    indicatorById,
    pillarOfSubTopic,
    subTopicOfIndicator,
    tracksOfIndicator,
  };
}

function indicatorTracks(indicator: Indicator, trackIds: readonly string[]): readonly string[] {
  if (SHARED_TRACK_KEY in indicator.descriptors) return trackIds;
  return trackIds.filter((trackId) => trackId in indicator.descriptors);
}

/** The descriptor an assessor reads for one level of one indicator on one track. */
export function descriptorFor(indicator: Indicator, trackId: string, levelId: string): Descriptor | undefined {
  const set = indicator.descriptors[SHARED_TRACK_KEY] ?? indicator.descriptors[trackId];
  return set?.[levelId];
}
