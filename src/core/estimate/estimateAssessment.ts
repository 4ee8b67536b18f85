/**
 * The maturity estimator: one pure function from ratings, evidence and consensus to a level per
 * indicator, sub-topic, pillar track and pillar. The rule (docs/estimator.md has the worked example):
 *
 * 1. Indicator × track: the mean of the assessors' ratings; with no rating, the evidence: each
 *    source (institution interviewed, or desk research) gives the mean level its notes suggest, and
 *    the indicator takes the mean over sources, so one talkative interview cannot outvote the rest.
 *    Evidence-only figures are provisional.
 * 2. Sub-topic × track: the lead's consensus if set, else the MEAN of its indicators: indicators
 *    are facets of one question (6.7.3's five service features), so partial credit adds up.
 * 3. Pillar × track: the consensus if set, else the MEDIAN of its sub-topics: sub-topics are distinct
 *    areas, and a pillar is at the level its typical area has reached, so one outstanding area
 *    (Armenia's advanced connectivity) or one lagging area does not carry the pillar on its own.
 * 4. Pillar overall: the consensus if set, else the mean of its tracks.
 * Scores are on the level scale (1 = lowest); levelFromScore turns them into a level and a tendency.
 * Wherever a consensus overrides, the bottom-up estimate is kept beside it and the gap reported.
 *
 * Performance: the hot loops work on typed arrays indexed by (indicator, track) cells and interned
 * sources, not on string-keyed maps, so 10,000 observations cost a few hundred microseconds.
 */
import type { FrameworkIndex } from '../framework/indexFramework';
import { levelFromScore } from './levelFromScore';
import { OVERALL_TRACK_ID } from '../assessment/consensusSchema';
import {
  type AssessmentEstimate,
  type Basis,
  type ConsensusAwareEstimate,
  type ConsensusInput,
  type Coverage,
  type Estimate,
  type IndicatorEstimate,
  type ObservationInput,
  type PillarEstimate,
  type PillarTrackEstimate,
  type RatingInput,
  type Spread,
  type SubTopicEstimate,
} from './estimateTypes';

export interface EstimateInput {
  readonly index: FrameworkIndex;
  readonly ratings: readonly RatingInput[];
  readonly observations: readonly ObservationInput[];
  readonly consensus: readonly ConsensusInput[];
  /** interview id → institution id; evidence from interviews of one institution is one source. */
  readonly institutionOfInterview?: ReadonlyMap<string, string>;
}

/** The source key for evidence gathered outside interviews. */
export const DESK_RESEARCH_SOURCE = 'desk-research';

interface Layout {
  readonly indicatorIds: readonly string[];
  readonly indicatorIndex: ReadonlyMap<string, number>;
  readonly trackIndex: ReadonlyMap<string, number>;
  readonly trackCount: number;
  /** 1 where indicator × track is judged (cell = indicator * trackCount + track). */
  readonly applies: Uint8Array;
  readonly indicatorsOfSubTopic: ReadonlyMap<string, readonly number[]>;
}

export function layoutOf(index: FrameworkIndex): Layout {
  const indicatorIds = [...index.indicatorById.keys()];
  const trackIndex = new Map(index.trackIds.map((id, i) => [id, i] as const));
  const trackCount = index.trackIds.length;
  const indicatorIndex = new Map(indicatorIds.map((id, i) => [id, i] as const));
  const applies = new Uint8Array(indicatorIds.length * trackCount);
  indicatorIds.forEach((id, i) => {
    for (const trackId of index.tracksOfIndicator.get(id) ?? []) {
      const t = trackIndex.get(trackId);
      if (t !== undefined) applies[i * trackCount + t] = 1;
    }
  });
  const indicatorsOfSubTopic = new Map<string, number[]>();
  for (const subTopic of index.subTopicById.values()) {
    indicatorsOfSubTopic.set(
      subTopic.id,
      subTopic.indicators.map((indicator) => indicatorIndex.get(indicator.id) ?? -1),
    );
  }
  return { indicatorIds, indicatorIndex, trackIndex, trackCount, applies, indicatorsOfSubTopic };
}

export function estimateAssessment(input: EstimateInput): AssessmentEstimate {
  const { index } = input;
  const layout = layoutOf(index);
  const cellCount = layout.indicatorIds.length * layout.trackCount;
  const levelCount = index.levelIds.length;

  // Ratings, accumulated per cell.
  const ratingSum = new Float64Array(cellCount);
  const ratingCount = new Uint32Array(cellCount);
  const ratingMin = new Uint8Array(cellCount).fill(255);
  const ratingMax = new Uint8Array(cellCount);
  let ignoredRatings = 0;
  for (const rating of input.ratings) {
    if (rating.deleted === true || rating.level === null) continue;
    const i = layout.indicatorIndex.get(rating.indicatorId);
    const t = layout.trackIndex.get(rating.trackId);
    const rank = index.levelRank.get(rating.level);
    if (i === undefined || t === undefined || rank === undefined || layout.applies[i * layout.trackCount + t] !== 1) {
      ignoredRatings++;
      continue;
    }
    const cell = i * layout.trackCount + t;
    ratingSum[cell] = (ratingSum[cell] ?? 0) + rank;
    ratingCount[cell] = (ratingCount[cell] ?? 0) + 1;
    if (rank < (ratingMin[cell] ?? 255)) ratingMin[cell] = rank;
    if (rank > (ratingMax[cell] ?? 0)) ratingMax[cell] = rank;
  }

  // Evidence, in one pass: each observation's source (institution) is interned to a small integer,
  // and counts accumulate in source-major typed arrays (k = source * cellCount + cell), which can
  // grow by appending when a source not known up front (an interview with no institution) appears.
  const sourceOfInterview = new Map<string, number>();
  const sourceOfKey = new Map<string, number>();
  const internSource = (key: string): number => {
    let s = sourceOfKey.get(key);
    if (s === undefined) {
      s = sourceOfKey.size;
      sourceOfKey.set(key, s);
    }
    return s;
  };
  for (const institutionId of input.institutionOfInterview?.values() ?? []) internSource(institutionId);
  let sourceCapacity = Math.max(sourceOfKey.size + 1, 4);
  let evidenceSum = new Float64Array(cellCount * sourceCapacity);
  let evidenceCount = new Uint32Array(cellCount * sourceCapacity);
  const evidenceTotal = new Uint32Array(cellCount);
  let ignoredObservations = 0;
  for (const observation of input.observations) {
    if (observation.deleted === true || observation.suggestedLevel === null) continue;
    const rank = index.levelRank.get(observation.suggestedLevel);
    if (rank === undefined) {
      ignoredObservations++;
      continue;
    }
    const interviewId = observation.interviewId ?? DESK_RESEARCH_SOURCE;
    let s = sourceOfInterview.get(interviewId);
    if (s === undefined) {
      s = internSource(input.institutionOfInterview?.get(interviewId) ?? interviewId);
      sourceOfInterview.set(interviewId, s);
      if (s >= sourceCapacity) {
        sourceCapacity *= 2;
        evidenceSum = grown(evidenceSum, new Float64Array(cellCount * sourceCapacity));
        evidenceCount = grown(evidenceCount, new Uint32Array(cellCount * sourceCapacity));
      }
    }
    const sourceBase = s * cellCount;
    let used = false;
    for (const tag of observation.tags) {
      let single = -1;
      let several: readonly number[] | undefined;
      if (tag.indicatorId === undefined) several = layout.indicatorsOfSubTopic.get(tag.subTopicId);
      else single = layout.indicatorIndex.get(tag.indicatorId) ?? -1;
      if (single < 0 && several === undefined) continue;
      for (const trackId of tag.trackIds) {
        const t = layout.trackIndex.get(trackId);
        if (t === undefined) continue;
        const count = several === undefined ? 1 : several.length;
        for (let n = 0; n < count; n++) {
          const i = several === undefined ? single : (several[n] ?? -1);
          const cell = i * layout.trackCount + t;
          if (i < 0 || layout.applies[cell] !== 1) continue;
          const k = sourceBase + cell;
          evidenceSum[k] = (evidenceSum[k] ?? 0) + rank;
          evidenceCount[k] = (evidenceCount[k] ?? 0) + 1;
          evidenceTotal[cell] = (evidenceTotal[cell] ?? 0) + 1;
          used = true;
        }
      }
    }
    if (!used) ignoredObservations++;
  }
  const sourceCount = sourceOfKey.size;

  // Consensus, keyed by scope, target and track; the newest record wins upstream (merge rules).
  const consensusRank = new Map<string, { level: string; rank: number }>();
  let ignoredConsensus = 0;
  for (const entry of input.consensus) {
    if (entry.deleted === true || entry.level === null) continue;
    const rank = index.levelRank.get(entry.level);
    if (rank === undefined) {
      ignoredConsensus++;
      continue;
    }
    consensusRank.set(consensusKey(entry.scope, entry.targetId, entry.trackId), { level: entry.level, rank });
  }

  const indicatorEstimate = (i: number, t: number): IndicatorEstimate => {
    const cell = i * layout.trackCount + t;
    const rated = ratingCount[cell] ?? 0;
    const evidence = evidenceTotal[cell] ?? 0;
    let sourceMeanSum = 0;
    let sourcesWithEvidence = 0;
    let sourceMin = Infinity;
    let sourceMax = -Infinity;
    if (evidence > 0) {
      for (let s = 0; s < sourceCount; s++) {
        const k = s * cellCount + cell;
        const n = evidenceCount[k] ?? 0;
        if (n === 0) continue;
        const mean = (evidenceSum[k] ?? 0) / n;
        sourceMeanSum += mean;
        sourcesWithEvidence++;
        if (mean < sourceMin) sourceMin = mean;
        if (mean > sourceMax) sourceMax = mean;
      }
    }
    const spread: Spread = {
      assessors: rated >= 2 ? (ratingMax[cell] ?? 0) - (ratingMin[cell] ?? 0) : null,
      sources: sourcesWithEvidence >= 2 ? sourceMax - sourceMin : null,
    };
    const basis: Basis = rated > 0 ? 'ratings' : evidence > 0 ? 'evidence' : 'none';
    const score = rated > 0 ? (ratingSum[cell] ?? 0) / rated : evidence > 0 ? sourceMeanSum / sourcesWithEvidence : null;
    return {
      indicatorId: layout.indicatorIds[i] ?? '',
      trackId: index.trackIds[t] ?? '',
      ...scored(score, index, levelCount),
      basis,
      provisional: basis === 'evidence',
      coverage: { rated: rated > 0 ? 1 : 0, evidenced: rated === 0 && evidence > 0 ? 1 : 0, total: 1 },
      spread,
      inputs: { ratings: rated, evidence, consensus: 0 },
    };
  };

  const pillars: PillarEstimate[] = index.framework.pillars.map((pillar) => {
    const tracks: PillarTrackEstimate[] = [];
    index.trackIds.forEach((trackId, t) => {
      const subTopics: SubTopicEstimate[] = [];
      for (const subTopic of pillar.subTopics) {
        const indicators: IndicatorEstimate[] = [];
        for (const i of layout.indicatorsOfSubTopic.get(subTopic.id) ?? []) {
          if (i >= 0 && layout.applies[i * layout.trackCount + t] === 1) indicators.push(indicatorEstimate(i, t));
        }
        // A sub-topic with nothing to judge on this track (6.3.3; 6.4.2 for migration) is not scored.
        if (indicators.length === 0) continue;
        const combined = combine(indicators, 'mean', consensusRank.get(consensusKey('sub-topic', subTopic.id, trackId)), index, levelCount);
        subTopics.push({ subTopicId: subTopic.id, trackId, indicators, ...combined });
      }
      if (subTopics.length === 0) return;
      const combined = combine(subTopics, 'median', consensusRank.get(consensusKey('pillar', pillar.id, trackId)), index, levelCount);
      tracks.push({
        pillarId: pillar.id,
        trackId,
        subTopics,
        subTopicsLackingEvidence: subTopics
          .filter((s) => s.coverage.rated + s.coverage.evidenced === 0 && s.consensus === null)
          .map((s) => s.subTopicId),
        ...combined,
      });
    });
    const overall = combine(tracks, 'mean', consensusRank.get(consensusKey('pillar', pillar.id, OVERALL_TRACK_ID)), index, levelCount);
    return { pillarId: pillar.id, overall, tracks };
  });

  return { pillars, ignored: { ratings: ignoredRatings, observations: ignoredObservations, consensus: ignoredConsensus } };
}

export function consensusKey(scope: ConsensusInput['scope'], targetId: string, trackId: string): string {
  return `${scope}\u0000${targetId}\u0000${trackId}`;
}

function scored(score: number | null, index: FrameworkIndex, levelCount: number): Pick<Estimate, 'score' | 'level' | 'tendency'> {
  if (score === null) return { score: null, level: null, tendency: null };
  const { rank, tendencyRank } = levelFromScore(score, levelCount);
  return {
    score,
    level: index.levelIds[rank - 1] ?? null,
    tendency: tendencyRank === null ? null : (index.levelIds[tendencyRank - 1] ?? null),
  };
}

const BASIS_STRENGTH: Record<Basis, number> = { none: 0, evidence: 1, ratings: 2, consensus: 3 };
const BASIS_BY_STRENGTH: readonly Basis[] = ['none', 'evidence', 'ratings', 'consensus'];

/** The children's scores combined, with coverage, spread and inputs summed up the tree. */
function combine(
  children: readonly Estimate[],
  average: 'mean' | 'median',
  consensus: { level: string; rank: number } | undefined,
  index: FrameworkIndex,
  levelCount: number,
): ConsensusAwareEstimate {
  const scores: number[] = [];
  let provisional = false;
  let strongest = 0;
  let rated = 0;
  let evidenced = 0;
  let total = 0;
  let assessorsSpread: number | null = null;
  let sourcesSpread: number | null = null;
  let ratings = 0;
  let evidence = 0;
  let consensusInputs = 0;
  for (const child of children) {
    if (child.score !== null) {
      scores.push(child.score);
      if (child.provisional) provisional = true;
      strongest = Math.max(strongest, BASIS_STRENGTH[child.basis]);
    }
    rated += child.coverage.rated;
    evidenced += child.coverage.evidenced;
    total += child.coverage.total;
    assessorsSpread = maxOrNull(assessorsSpread, child.spread.assessors);
    sourcesSpread = maxOrNull(sourcesSpread, child.spread.sources);
    ratings += child.inputs.ratings;
    evidence += child.inputs.evidence;
    consensusInputs += child.inputs.consensus;
  }
  const estimated = scored(average === 'mean' ? mean(scores) : median(scores), index, levelCount);
  const coverage: Coverage = { rated, evidenced, total };
  const spread: Spread = { assessors: assessorsSpread, sources: sourcesSpread };
  if (consensus === undefined) {
    return {
      score: estimated.score,
      level: estimated.level,
      tendency: estimated.tendency,
      basis: BASIS_BY_STRENGTH[strongest] ?? 'none',
      provisional,
      coverage,
      spread,
      inputs: { ratings, evidence, consensus: consensusInputs },
      estimated,
      consensus: null,
    };
  }
  return {
    score: consensus.rank,
    level: consensus.level,
    tendency: null,
    basis: 'consensus',
    provisional: false,
    coverage,
    spread,
    inputs: { ratings, evidence, consensus: consensusInputs + 1 },
    estimated,
    consensus: {
      level: consensus.level,
      rank: consensus.rank,
      gap: estimated.score === null ? null : consensus.rank - estimated.score,
    },
  };
}

function grown<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? (values[middle] ?? null) : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
