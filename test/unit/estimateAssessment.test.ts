import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { estimateAssessment, type EstimateInput } from '../../src/core/estimate/estimateAssessment';
import { levelFromScore } from '../../src/core/estimate/levelFromScore';
import type { ConsensusInput, ObservationInput, RatingInput } from '../../src/core/estimate/estimateTypes';
import { scale, tinyFramework } from '../support/tinyFramework';

const index = indexFramework(frameworkSchema.parse(tinyFramework()));

function estimate(partial: Partial<Omit<EstimateInput, 'index'>>) {
  return estimateAssessment({ index, ratings: [], observations: [], consensus: [], ...partial });
}

const rating = (assessorId: string, indicatorId: string, trackId: string, level: string | null): RatingInput => ({ assessorId, indicatorId, trackId, level });
const note = (interviewId: string | null, subTopicId: string, trackIds: string[], suggestedLevel: string | null, indicatorId?: string): ObservationInput => ({
  interviewId,
  tags: [{ subTopicId, indicatorId, trackIds }],
  suggestedLevel,
});

function pillar(result: ReturnType<typeof estimate>, pillarId: string) {
  const found = result.pillars.find((p) => p.pillarId === pillarId);
  if (!found) throw new Error(`no pillar ${pillarId}`);
  return found;
}
function track(result: ReturnType<typeof estimate>, pillarId: string, trackId: string) {
  const found = pillar(result, pillarId).tracks.find((t) => t.trackId === trackId);
  if (!found) throw new Error(`no track ${trackId}`);
  return found;
}

describe('levelFromScore', () => {
  it('takes the nearest level, and at exactly half-way the even rank', () => {
    expect(levelFromScore(2, 4)).toEqual({ rank: 2, tendencyRank: null });
    expect(levelFromScore(2.5, 4)).toEqual({ rank: 2, tendencyRank: 3 });
    expect(levelFromScore(1.5, 4)).toEqual({ rank: 2, tendencyRank: 1 });
    expect(levelFromScore(3.5, 4)).toEqual({ rank: 4, tendencyRank: 3 });
    expect(levelFromScore(2.49, 4).rank).toBe(2);
    expect(levelFromScore(2.51, 4).rank).toBe(3);
    expect(levelFromScore((1 + 2) / 2 + 1, 4).rank).toBe(2);
    expect(levelFromScore(0.2, 4).rank).toBe(1);
    expect(levelFromScore(9, 4).rank).toBe(4);
  });
  it('names a tendency when the score leans at least a quarter level', () => {
    expect(levelFromScore(2.25, 4).tendencyRank).toBe(3);
    expect(levelFromScore(2.2, 4).tendencyRank).toBeNull();
    expect(levelFromScore(2.75, 4)).toEqual({ rank: 3, tendencyRank: 2 });
    expect(levelFromScore(4, 4).tendencyRank).toBeNull();
    expect(levelFromScore(1, 4).tendencyRank).toBeNull();
  });
});

describe('estimateAssessment', () => {
  it('knows nothing without inputs, and says which sub-topics lack evidence', () => {
    const result = estimate({});
    const central = track(result, 'strategy', 'central');
    expect(central.score).toBeNull();
    expect(central.level).toBeNull();
    expect(central.basis).toBe('none');
    expect(central.coverage).toEqual({ rated: 0, evidenced: 0, total: 2 });
    expect(central.subTopicsLackingEvidence).toEqual(['strategy.plan']);
    // The descriptive sub-topic (no indicators) is not scored at all.
    expect(central.subTopics.map((s) => s.subTopicId)).toEqual(['strategy.plan']);
  });

  it('takes the median of sub-topics on a track, so one outstanding sub-topic does not carry a pillar', () => {
    const wide = frameworkSchema.parse({
      ...tinyFramework(),
      pillars: [
        {
          id: 'infra',
          code: '9',
          name: { en: 'Infrastructure' },
          subTopics: ['a', 'b', 'c'].map((s) => ({
            id: `infra.${s}`,
            code: `9.${s}`,
            name: { en: s },
            indicators: [{ id: `infra.${s}.x`, code: `9.${s}.1`, label: { en: s }, descriptors: { shared: scale(s) } }],
          })),
        },
      ],
    });
    const result = estimateAssessment({
      index: indexFramework(wide),
      ratings: [rating('a', 'infra.a.x', 'central', 'advanced'), rating('a', 'infra.b.x', 'central', 'developing'), rating('a', 'infra.c.x', 'central', 'developing')],
      observations: [],
      consensus: [],
    });
    const central = result.pillars[0]?.tracks.find((t) => t.trackId === 'central');
    expect(central?.score).toBe(2);
    expect(central?.level).toBe('developing');
  });

  it('averages assessors per indicator, indicators per sub-topic, sub-topics per track and tracks per pillar', () => {
    const result = estimate({
      ratings: [
        rating('a', 'strategy.plan.exists', 'central', 'developing'),
        rating('b', 'strategy.plan.exists', 'central', 'advanced'),
        rating('a', 'strategy.plan.funded', 'central', 'established'),
        rating('a', 'strategy.plan.exists', 'migration', 'emerging'),
      ],
    });
    const central = track(result, 'strategy', 'central');
    const exists = central.subTopics[0]?.indicators.find((i) => i.indicatorId === 'strategy.plan.exists');
    expect(exists?.score).toBe(3);
    expect(exists?.spread.assessors).toBe(2);
    expect(exists?.inputs.ratings).toBe(2);
    expect(central.score).toBe(3);
    expect(central.level).toBe('established');
    expect(central.basis).toBe('ratings');
    expect(central.provisional).toBe(false);
    expect(central.spread.assessors).toBe(2);
    expect(track(result, 'strategy', 'migration').score).toBe(1);
    const overall = pillar(result, 'strategy').overall;
    expect(overall.score).toBe(2);
    expect(overall.level).toBe('developing');
    expect(overall.coverage).toEqual({ rated: 3, evidenced: 0, total: 3 });
  });

  it('falls back to evidence, marked provisional, one vote per source institution', () => {
    const institutionOfInterview = new Map([
      ['i1', 'police'],
      ['i2', 'police'],
      ['i3', 'bank'],
    ]);
    const result = estimate({
      institutionOfInterview,
      observations: [
        // Police speaks three times, all "advanced"; the bank once, "emerging": mean of sources = 2.5.
        note('i1', 'strategy.plan', ['central'], 'advanced', 'strategy.plan.exists'),
        note('i1', 'strategy.plan', ['central'], 'advanced', 'strategy.plan.exists'),
        note('i2', 'strategy.plan', ['central'], 'advanced', 'strategy.plan.exists'),
        note('i3', 'strategy.plan', ['central'], 'emerging', 'strategy.plan.exists'),
        note('i3', 'strategy.plan', ['central'], null, 'strategy.plan.exists'),
      ],
    });
    const exists = track(result, 'strategy', 'central').subTopics[0]?.indicators.find((i) => i.indicatorId === 'strategy.plan.exists');
    expect(exists?.score).toBe(2.5);
    expect(exists?.basis).toBe('evidence');
    expect(exists?.provisional).toBe(true);
    expect(exists?.spread.sources).toBe(3);
    expect(exists?.inputs.evidence).toBe(4);
    expect(track(result, 'strategy', 'central').provisional).toBe(true);
    expect(track(result, 'strategy', 'central').coverage).toEqual({ rated: 0, evidenced: 1, total: 2 });
  });

  it('counts a note tagged to a sub-topic as evidence for each of its indicators on the tagged tracks', () => {
    const result = estimate({ observations: [note(null, 'strategy.plan', ['central', 'migration'], 'established')] });
    const central = track(result, 'strategy', 'central');
    expect(central.subTopics[0]?.indicators.map((i) => i.score)).toEqual([3, 3]);
    expect(track(result, 'strategy', 'migration').subTopics[0]?.indicators.map((i) => i.score)).toEqual([3]);
  });

  it('prefers ratings over evidence for the same indicator', () => {
    const result = estimate({
      ratings: [rating('a', 'skills.officials.training', 'central', 'developing')],
      observations: [note(null, 'skills.officials', ['central'], 'advanced')],
    });
    const training = track(result, 'skills', 'central').subTopics[0]?.indicators[0];
    expect(training?.score).toBe(2);
    expect(training?.basis).toBe('ratings');
    expect(training?.inputs.evidence).toBe(1);
  });

  it('lets the consensus decide and keeps the estimate and the gap beside it', () => {
    const consensus: ConsensusInput[] = [
      { scope: 'sub-topic', targetId: 'skills.officials', trackId: 'central', level: 'established' },
      { scope: 'pillar', targetId: 'skills', trackId: 'overall', level: 'developing' },
    ];
    const result = estimate({
      ratings: [rating('a', 'skills.officials.training', 'central', 'emerging'), rating('a', 'skills.officials.training', 'migration', 'emerging')],
      consensus,
    });
    const central = track(result, 'skills', 'central');
    const subTopic = central.subTopics[0];
    expect(subTopic?.level).toBe('established');
    expect(subTopic?.basis).toBe('consensus');
    expect(subTopic?.estimated.level).toBe('emerging');
    expect(subTopic?.consensus).toEqual({ level: 'established', rank: 3, gap: 2 });
    // The track rolls up the consensus of its sub-topic...
    expect(central.score).toBe(3);
    expect(central.basis).toBe('consensus');
    // ...and the pillar's own consensus overrides the overall estimate (2 = mean of 3 and 1), gap 0.
    const overall = pillar(result, 'skills').overall;
    expect(overall.estimated.score).toBe(2);
    expect(overall.level).toBe('developing');
    expect(overall.consensus?.gap).toBe(0);
    expect(overall.inputs.consensus).toBe(2);
  });

  it('ignores deleted records, cleared levels and unknown ids, and counts what it ignored', () => {
    const result = estimate({
      ratings: [
        { ...rating('a', 'strategy.plan.exists', 'central', 'advanced'), deleted: true },
        rating('a', 'strategy.plan.exists', 'central', null),
        rating('a', 'no.such.indicator', 'central', 'advanced'),
        rating('a', 'strategy.plan.exists', 'central', 'superb'),
        rating('a', 'strategy.plan.funded', 'migration', 'advanced'),
      ],
      observations: [note(null, 'no.such.subtopic', ['central'], 'advanced'), note(null, 'strategy.plan', ['central'], 'superb')],
      consensus: [{ scope: 'pillar', targetId: 'strategy', trackId: 'overall', level: 'superb' }],
    });
    expect(pillar(result, 'strategy').overall.score).toBeNull();
    expect(result.ignored).toEqual({ ratings: 3, observations: 2, consensus: 1 });
  });

  it('never leaves the level scale and is independent of input order (property)', () => {
    const levels = ['emerging', 'developing', 'established', 'advanced'];
    const indicatorTracks = [
      ['strategy.plan.exists', 'central'],
      ['strategy.plan.exists', 'migration'],
      ['strategy.plan.funded', 'central'],
      ['skills.officials.training', 'central'],
      ['skills.officials.training', 'migration'],
    ] as const;
    const ratingArb = fc.record({
      assessorId: fc.constantFrom('a', 'b', 'c'),
      cell: fc.constantFrom(...indicatorTracks),
      level: fc.constantFrom(...levels),
    });
    fc.assert(
      fc.property(fc.uniqueArray(ratingArb, { selector: (r) => `${r.assessorId}|${r.cell[0]}|${r.cell[1]}` }), (drawn) => {
        const ratings = drawn.map((r) => rating(r.assessorId, r.cell[0], r.cell[1], r.level));
        const forward = estimate({ ratings });
        const backward = estimate({ ratings: [...ratings].reverse() });
        for (const p of forward.pillars) {
          const score = p.overall.score;
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(1);
            expect(score).toBeLessThanOrEqual(4);
          }
        }
        expect(backward.pillars.map((p) => p.overall.score)).toEqual(forward.pillars.map((p) => p.overall.score));
      }),
    );
  });

  it('moves a pillar up, never down, when one rating is raised (property)', () => {
    const levels = ['emerging', 'developing', 'established', 'advanced'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...levels), { minLength: 3, maxLength: 3 }), fc.nat(2), (chosen, which) => {
        const cells = [
          ['strategy.plan.exists', 'central'],
          ['strategy.plan.funded', 'central'],
          ['strategy.plan.exists', 'migration'],
        ] as const;
        const ratings = cells.map(([indicatorId, trackId], i) => rating('a', indicatorId, trackId, chosen[i] ?? 'emerging'));
        const before = estimate({ ratings }).pillars[0]?.overall.score ?? 0;
        const raised = ratings.map((r, i) => (i === which ? { ...r, level: 'advanced' } : r));
        const after = estimate({ ratings: raised }).pillars[0]?.overall.score ?? 0;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
