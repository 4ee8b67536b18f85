/**
 * A large synthetic assessment for benchmarks: 10 pillars × 3 sub-topics × 2 indicators on two
 * tracks, 20 assessors rating everything, and 10,000 notes from 40 interviews of 12 institutions,
 * most of them suggesting a level. Deterministic (seeded) so runs compare.
 */
import { frameworkSchema, type FrameworkInput } from '../../src/core/framework/frameworkSchema';
import { indexFramework, type FrameworkIndex } from '../../src/core/framework/indexFramework';
import type { ObservationInput, RatingInput } from '../../src/core/estimate/estimateTypes';

const LEVELS = ['emerging', 'developing', 'established', 'advanced'];

export interface SyntheticAssessment {
  readonly index: FrameworkIndex;
  readonly ratings: RatingInput[];
  readonly observations: ObservationInput[];
  readonly institutionOfInterview: Map<string, string>;
}

export function syntheticAssessment(options = { subTopicsPerPillar: 3, indicatorsPerSubTopic: 2, assessors: 20, observations: 10_000, interviews: 40, institutions: 12 }): SyntheticAssessment {
  let seed = 42;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const scale = (label: string) => Object.fromEntries(LEVELS.map((level) => [level, { text: { en: `${label} ${level}` }, source: 'derived' as const }]));

  const input: FrameworkInput = {
    format: 'mmdma-framework',
    formatVersion: 1,
    id: 'synthetic',
    version: '1.0.0',
    name: { en: 'Synthetic' },
    languages: ['en'],
    levels: LEVELS.map((id) => ({ id, name: { en: id }, definition: { en: id } })),
    targetLevel: 'established',
    tracks: [
      { id: 'central', name: { en: 'Central' } },
      { id: 'migration', name: { en: 'Migration' } },
    ],
    pillars: Array.from({ length: 10 }, (_, p) => ({
      id: `p${p}`,
      code: `${p + 1}`,
      name: { en: `Pillar ${p}` },
      subTopics: Array.from({ length: options.subTopicsPerPillar }, (_, s) => ({
        id: `p${p}.s${s}`,
        code: `${p + 1}.${s + 1}`,
        name: { en: `Sub-topic ${p}.${s}` },
        indicators: Array.from({ length: options.indicatorsPerSubTopic }, (_, i) => ({
          id: `p${p}.s${s}.i${i}`,
          code: `${p + 1}.${s + 1}.${i + 1}`,
          label: { en: `Indicator ${i}` },
          descriptors: { central: scale('c'), migration: scale('m') },
        })),
      })),
    })),
  };
  const index = indexFramework(frameworkSchema.parse(input));
  const indicatorIds = [...index.indicatorById.keys()];
  const subTopicIds = [...index.subTopicById.keys()];

  const ratings: RatingInput[] = [];
  for (let a = 0; a < options.assessors; a++) {
    for (const indicatorId of indicatorIds) {
      for (const trackId of index.trackIds) {
        ratings.push({ assessorId: `assessor-${a}`, indicatorId, trackId, level: random() < 0.9 ? pick(LEVELS) : null });
      }
    }
  }

  const institutionOfInterview = new Map<string, string>();
  for (let i = 0; i < options.interviews; i++) institutionOfInterview.set(`interview-${i}`, `institution-${i % options.institutions}`);
  const interviewIds = [...institutionOfInterview.keys()];
  const observations: ObservationInput[] = [];
  for (let o = 0; o < options.observations; o++) {
    const subTopicId = pick(subTopicIds);
    const subTopic = index.subTopicById.get(subTopicId);
    const indicatorId = random() < 0.6 ? pick(subTopic?.indicators ?? []).id : undefined;
    const tags = [{ subTopicId, indicatorId, trackIds: random() < 0.5 ? ['central', 'migration'] : [pick(index.trackIds)] }];
    if (random() < 0.2) tags.push({ subTopicId: pick(subTopicIds), indicatorId: undefined, trackIds: ['migration'] });
    observations.push({ interviewId: random() < 0.95 ? pick(interviewIds) : null, tags, suggestedLevel: random() < 0.7 ? pick(LEVELS) : null });
  }
  return { index, ratings, observations, institutionOfInterview };
}
