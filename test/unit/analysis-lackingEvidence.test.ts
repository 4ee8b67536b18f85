/** Where the team still needs to ask: sub-topics with no rating, evidence or consensus on a track. */
import { describe, expect, it } from 'vitest';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import { lackingEvidence } from '../../src/core/analysis/lackingEvidence';
import { armeniaExpertRatings } from '../support/armeniaReference';
import { builtinMmdma } from '../support/builtinFrameworks';

const { index } = builtinMmdma();

describe('lackingEvidence', () => {
  it('on a fresh assessment, every scored sub-topic lacks evidence on every track it is scored on', () => {
    const result = lackingEvidence(estimateAssessment({ index, ratings: [], observations: [], consensus: [] }), index);
    // 26 sub-topics, of which 6.3.3 is descriptive: 25 scored; 6.4.2 is scored on central only.
    expect(result.scored).toBe(25);
    expect(result.lacking).toBe(25);
    expect(result.scoredPairs).toBe(49);
    expect(result.lackingPairs).toBe(49);
    expect(result.pillars).toHaveLength(10);
    const cyber = result.pillars.find((p) => p.pillarId === 'cybersecurity');
    expect(cyber?.subTopics.find((s) => s.code === '6.4.2')).toEqual({
      subTopicId: 'cybersecurity.legal-framework',
      code: '6.4.2',
      trackIds: ['central'],
      onEveryTrack: true,
    });
    expect(result.pillars.flatMap((p) => p.subTopics).some((s) => s.code === '6.3.3')).toBe(false);
  });

  it('drops what a rating, a note with a level or a consensus covers, per track', () => {
    const estimate = estimateAssessment({
      index,
      ratings: [{ assessorId: 'a', indicatorId: index.subTopicById.get('strategic-planning.digitalisation-strategy')?.indicators[0]?.id ?? '', trackId: 'central', level: 'developing' }],
      observations: [{ interviewId: null, tags: [{ subTopicId: 'strategic-planning.strategic-oversight', trackIds: ['central', 'migration'] }], suggestedLevel: 'emerging' }],
      consensus: [{ scope: 'sub-topic', targetId: 'strategic-planning.legal-framework', trackId: 'migration', level: 'developing' }],
    });
    const result = lackingEvidence(estimate, index);
    const strategy = result.pillars.find((p) => p.pillarId === 'strategic-planning');
    expect(strategy?.subTopics).toEqual([
      { subTopicId: 'strategic-planning.digitalisation-strategy', code: '6.1.1', trackIds: ['migration'], onEveryTrack: false },
      { subTopicId: 'strategic-planning.legal-framework', code: '6.1.3', trackIds: ['central'], onEveryTrack: false },
    ]);
    expect(result.lacking).toBe(24);
    expect(result.lackingPairs).toBe(49 - 4);
  });

  it('is empty once the Armenia experts have rated everything', () => {
    const result = lackingEvidence(estimateAssessment({ index, ratings: armeniaExpertRatings(), observations: [], consensus: [] }), index);
    // Every indicator and track has at least one rating through some sub-topic of the report.
    expect(result).toEqual({ pillars: [], lacking: 0, scored: 25, lackingPairs: 0, scoredPairs: 49 });
  });
});
