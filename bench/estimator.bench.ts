/**
 * Estimator budget (issue 2): the full estimate of a large assessment within 10× one plain pass over
 * the same arrays, and under 5 ms.
 */
import { it } from 'vitest';
import { estimateAssessment } from '../src/core/estimate/estimateAssessment';
import { measure, printRows } from './support/measure';
import { syntheticAssessment } from './support/syntheticAssessment';

it('estimator: 30 sub-topics, 2 tracks, 20 assessors, 10,000 observations', () => {
  const data = syntheticAssessment();
  const { index, ratings, observations, institutionOfInterview } = data;

  // Baseline: touch every rating and every observation once, reading its level's rank and its tags,
  // which is the least any estimator must do.
  const baselinePass = () => {
    let total = 0;
    for (const rating of ratings) if (rating.level !== null) total += index.levelRank.get(rating.level) ?? 0;
    for (const observation of observations) {
      if (observation.suggestedLevel !== null) total += index.levelRank.get(observation.suggestedLevel) ?? 0;
      total += observation.tags.length;
    }
    return total;
  };
  const fullEstimate = () => estimateAssessment({ index, ratings, observations, consensus: [], institutionOfInterview });

  const baseline = measure(baselinePass);
  const estimate = measure(fullEstimate);
  const ratio = estimate.medianMs / baseline.medianMs;
  printRows(`Estimator (${ratings.length} ratings, ${observations.length} observations, ${index.subTopicById.size} sub-topics, median of ${estimate.samples} samples)`, [
    {
      figure: 'full estimate (median)',
      value: estimate.medianMs,
      unit: 'ms',
      baselineName: 'one pass over the same arrays',
      baseline: baseline.medianMs,
      budget: '≤ 10× baseline and < 5 ms',
      withinBudget: ratio <= 10 && estimate.medianMs < 5,
    },
    {
      figure: 'full estimate (p90)',
      value: estimate.p90Ms,
      unit: 'ms',
      baselineName: 'one pass, p90',
      baseline: baseline.p90Ms,
      budget: '< 5 ms',
      withinBudget: estimate.p90Ms < 5,
    },
  ]);
});
