import { describe, expect, it } from 'vitest';
import { ratingId, type Rating } from '../../src/core/assessment/ratingSchema';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { progressBySubTopic, ratingProgress, judgedCells, sumProgress } from '../../src/ui/screens/rating/ratingProgress';
import { tinyFramework } from '../support/tinyFramework';

const index = indexFramework(frameworkSchema.parse(tinyFramework()));
const A = '01890000-0000-7000-8000-000000000001';
const ME = '01890000-0000-7000-8000-0000000000a1';
const OTHER = '01890000-0000-7000-8000-0000000000a2';

function rating(assessorId: string, indicatorId: string, trackId: string, level: string | null, deleted = false): Rating {
  return { id: ratingId(A, indicatorId, trackId, assessorId), assessmentId: A, assessorId, indicatorId, trackId, level, rationale: '', evidenceIds: [], deleted };
}

describe('rating progress', () => {
  it('counts the indicator × track cells of a sub-topic (1.1: exists on two tracks, funded on one)', () => {
    const plan = index.subTopicById.get('strategy.plan');
    if (!plan) throw new Error('missing sub-topic');
    expect(ratingProgress(index, plan, new Set())).toEqual({ done: 0, total: 3 });
  });

  it('counts my judgements only: levels and "cannot judge", not deleted ratings or other assessors', () => {
    const ratings = [
      rating(ME, 'strategy.plan.exists', 'central', 'developing'),
      rating(ME, 'strategy.plan.exists', 'migration', null),
      rating(ME, 'strategy.plan.funded', 'central', 'advanced', true),
      rating(OTHER, 'strategy.plan.funded', 'central', 'emerging'),
      rating(ME, 'skills.officials.training', 'central', 'established'),
    ];
    const progress = progressBySubTopic(index, ratings, ME);
    expect(progress.get('strategy.plan')).toEqual({ done: 2, total: 3 });
    // A shared-scale indicator is judged on both tracks.
    expect(progress.get('skills.officials')).toEqual({ done: 1, total: 2 });
    // A descriptive sub-topic has nothing to judge.
    expect(progress.get('strategy.projects')).toEqual({ done: 0, total: 0 });
    expect(sumProgress(progress.values())).toEqual({ done: 3, total: 5 });
    expect(progressBySubTopic(index, ratings, OTHER).get('strategy.plan')).toEqual({ done: 1, total: 3 });
  });

  it('shows nothing done when no assessor is chosen', () => {
    const ratings = [rating(ME, 'strategy.plan.exists', 'central', 'developing')];
    expect(progressBySubTopic(index, ratings, undefined).get('strategy.plan')).toEqual({ done: 0, total: 3 });
    expect(judgedCells(ratings, ME).size).toBe(1);
  });
});
