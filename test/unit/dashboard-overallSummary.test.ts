/**
 * The overall line ("Overall: developing, with a tendency towards established in …") from the
 * pillars' figures, checked on the Armenia 2022 experts' ratings and on edge cases.
 */
import { describe, expect, it } from 'vitest';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { summariseOverall } from '../../src/ui/screens/dashboard/overallSummary';
import { armeniaExpertRatings } from '../support/armeniaReference';
import { builtinMmdma } from '../support/builtinFrameworks';
import { tinyFramework } from '../support/tinyFramework';

const { index } = builtinMmdma();

describe('summariseOverall on Armenia', () => {
  it('says developing, tending towards established in data management and digital infrastructure (and financing, at 2.25)', () => {
    const summary = summariseOverall(estimateAssessment({ index, ratings: armeniaExpertRatings(), observations: [], consensus: [] }), index);
    expect(summary.level).toBe('developing');
    expect(summary.scoredPillars).toBe(10);
    expect(summary.totalPillars).toBe(10);
    expect(summary.provisional).toBe(false);
    expect(summary.towardsHigher?.level).toBe('established');
    expect(summary.towardsHigher?.pillarIds).toEqual(expect.arrayContaining(['data-management', 'digital-infrastructure']));
    // Framework order, like the report's "(data management … and digital infrastructure …)".
    expect(summary.towardsHigher?.pillarIds).toEqual(['financing-model', 'data-management', 'digital-infrastructure']);
    expect(summary.towardsLower).toEqual({ level: 'emerging', pillarIds: ['management-coordination', 'cybersecurity', 'digital-identity', 'public-services'] });
    // Digital skills (1.25) is the one pillar the rule puts below the experts: named, not hidden.
    expect(summary.otherLevels).toEqual([{ level: 'emerging', pillarIds: ['digital-skills'] }]);
  });

  it('takes the lead`s consensus for digital skills, which then sits at developing with the rest', () => {
    const estimate = estimateAssessment({
      index,
      ratings: armeniaExpertRatings(),
      observations: [],
      consensus: [{ scope: 'pillar', targetId: 'digital-skills', trackId: 'overall', level: 'developing' }],
    });
    const summary = summariseOverall(estimate, index);
    expect(summary.level).toBe('developing');
    expect(summary.otherLevels).toEqual([]);
    expect(summary.towardsHigher?.pillarIds).not.toContain('digital-skills');
  });
});

describe('summariseOverall edge cases', () => {
  const tiny = indexFramework(frameworkSchema.parse(tinyFramework()));

  it('has no level when nothing is rated or evidenced', () => {
    const summary = summariseOverall(estimateAssessment({ index: tiny, ratings: [], observations: [], consensus: [] }), tiny);
    expect(summary).toMatchObject({ level: null, score: null, scoredPillars: 0, totalPillars: 2, towardsHigher: null, towardsLower: null, otherLevels: [] });
  });

  it('counts only pillars with a figure and flags provisional evidence', () => {
    const summary = summariseOverall(
      estimateAssessment({
        index: tiny,
        ratings: [],
        observations: [{ interviewId: null, tags: [{ subTopicId: 'skills.officials', trackIds: ['central', 'migration'] }], suggestedLevel: 'advanced' }],
        consensus: [],
      }),
      tiny,
    );
    expect(summary).toMatchObject({ scoredPillars: 1, level: 'advanced', provisional: true, otherLevels: [] });
  });

  it('lists pillars at other levels, highest first, and takes the median of two pillars half-way to even', () => {
    const summary = summariseOverall(
      estimateAssessment({
        index: tiny,
        ratings: [
          { assessorId: 'a', indicatorId: 'strategy.plan.exists', trackId: 'central', level: 'emerging' },
          { assessorId: 'a', indicatorId: 'skills.officials.training', trackId: 'central', level: 'established' },
        ],
        observations: [],
        consensus: [],
      }),
      tiny,
    );
    // Median of 1 and 3 is 2: developing, though no pillar is at developing.
    expect(summary.level).toBe('developing');
    expect(summary.otherLevels).toEqual([
      { level: 'established', pillarIds: ['skills'] },
      { level: 'emerging', pillarIds: ['strategy'] },
    ]);
  });
});
