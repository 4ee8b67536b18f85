import { describe, expect, it } from 'vitest';
import type { Interview } from '../../src/core/assessment/interviewSchema';
import type { Observation } from '../../src/core/assessment/observationSchema';
import type { Rating } from '../../src/core/assessment/ratingSchema';
import type { Consensus } from '../../src/core/assessment/consensusSchema';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import { validateFramework } from '../../src/core/framework/validateFramework';
import { buildEstimateInput } from '../../src/ui/session/buildEstimateInput';
import { tinyFramework } from '../support/tinyFramework';

const A = '01900000-0000-7000-8000-000000000001';
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const validated = validateFramework(tinyFramework());
if (!validated.ok) throw new Error(JSON.stringify(validated.error));
const index = validated.value.index;

const interview = (n: number, institution: number): Interview => ({
  id: id(n),
  assessmentId: A,
  institutionId: id(institution),
  date: '2022-10-03',
  interviewerIds: [],
  status: 'done',
  consent: { given: true, scope: 'notes' },
  notes: '',
  deleted: false,
});

const note = (n: number, interviewId: string | null, level: string): Observation => ({
  id: id(n),
  assessmentId: A,
  interviewId,
  authorId: id(900),
  kind: 'note',
  text: 'x',
  tags: [{ subTopicId: 'strategy.plan', indicatorId: 'strategy.plan.exists', trackIds: ['central'] }],
  suggestedLevel: level,
  attachmentIds: [],
  createdAt: '2022-10-03T09:00:00.000Z',
  deleted: false,
});

describe('buildEstimateInput', () => {
  it('passes the fields the estimator reads and maps every interview to its institution', () => {
    const rating: Rating = {
      id: id(50),
      assessmentId: A,
      assessorId: id(900),
      indicatorId: 'strategy.plan.exists',
      trackId: 'central',
      level: 'established',
      rationale: 'because',
      evidenceIds: [],
      deleted: false,
    };
    const consensus: Consensus = {
      id: id(60),
      assessmentId: A,
      scope: 'pillar',
      targetId: 'strategy',
      trackId: 'overall',
      level: 'developing',
      rationale: '',
      setBy: id(900),
      history: [],
      deleted: false,
    };
    const input = buildEstimateInput(
      { ratings: [rating], observations: [note(10, id(1), 'developing')], consensus: [consensus], interviews: [interview(1, 100), interview(2, 100), interview(3, 200)] },
      index,
    );
    expect(input.index).toBe(index);
    expect(input.ratings).toEqual([{ assessorId: id(900), indicatorId: 'strategy.plan.exists', trackId: 'central', level: 'established', deleted: false }]);
    expect(input.observations).toEqual([{ interviewId: id(1), tags: note(10, id(1), 'developing').tags, suggestedLevel: 'developing', deleted: false }]);
    expect(input.consensus).toEqual([{ scope: 'pillar', targetId: 'strategy', trackId: 'overall', level: 'developing', deleted: false }]);
    expect([...(input.institutionOfInterview ?? new Map())]).toEqual([
      [id(1), id(100)],
      [id(2), id(100)],
      [id(3), id(200)],
    ]);
  });

  it('makes two interviews with one institution a single source of evidence', () => {
    // Institution 100 was met twice and suggests "advanced" both times; institution 200 once, "emerging".
    // As one source each, the indicator sits between them (mean of 4 and 1 = 2.5), not at 3.
    const observations = [note(10, id(1), 'advanced'), note(11, id(2), 'advanced'), note(12, id(3), 'emerging')];
    const interviews = [interview(1, 100), interview(2, 100), interview(3, 200)];
    const estimate = estimateAssessment(buildEstimateInput({ ratings: [], observations, consensus: [], interviews }, index));
    const indicator = estimate.pillars[0]?.tracks.find((track) => track.trackId === 'central')?.subTopics[0]?.indicators.find((entry) => entry.indicatorId === 'strategy.plan.exists');
    expect(indicator?.score).toBe(2.5);
    expect(indicator?.spread.sources).toBe(3);
    expect(indicator?.provisional).toBe(true);
  });

  it('leaves deleted interviews out of the institution map', () => {
    const deleted = { ...interview(1, 100), deleted: true };
    const input = buildEstimateInput({ ratings: [], observations: [], consensus: [], interviews: [deleted] }, index);
    expect(input.institutionOfInterview?.size).toBe(0);
  });
});
