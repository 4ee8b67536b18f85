/**
 * Guiding-question coverage: which pillars the interview's institution matters for, and how many
 * notes speak to each sub-topic, here and across the assessment (a note counts once per sub-topic).
 */
import { describe, expect, it } from 'vitest';
import { coverageTotals, guidingCoverage, notesPerSubTopic, relevantPillars } from '../../src/ui/screens/interview/guidingCoverage';
import { builtinMmdma } from '../support/builtinFrameworks';

const { index } = builtinMmdma();

type Tag = { subTopicId: string; indicatorId?: string; trackIds: string[] };
const note = (interviewId: string | null, tags: Tag[], deleted = false) => ({ interviewId, tags, deleted });
const tag = (subTopicId: string, indicatorId?: string): Tag => ({ subTopicId, ...(indicatorId ? { indicatorId } : {}), trackIds: ['central', 'migration'] });

describe('relevant pillars', () => {
  it('keeps the institution’s pillars in framework order', () => {
    const { pillars, filtered } = relevantPillars(index, ['public-services', 'data-management']);
    expect(pillars.map((pillar) => pillar.code)).toEqual(['6.5', '6.7']);
    expect(filtered).toBe(true);
  });

  it('shows every pillar when the institution names none, or only unknown ones', () => {
    expect(relevantPillars(index, []).pillars).toHaveLength(10);
    expect(relevantPillars(index, undefined).filtered).toBe(false);
    expect(relevantPillars(index, ['no-such-pillar']).pillars).toHaveLength(10);
  });

  it('is not "filtered" when the institution names every pillar', () => {
    expect(relevantPillars(index, index.framework.pillars.map((pillar) => pillar.id)).filtered).toBe(false);
  });
});

describe('notes per sub-topic', () => {
  it('counts notes, once per sub-topic, skipping deleted ones', () => {
    const counts = notesPerSubTopic([
      note('i1', [tag('data-management.access-to-data'), tag('data-management.access-to-data', 'data-management.access-to-data.open-data')]),
      note('i1', [tag('data-management.access-to-data'), tag('digital-identity.identity-management')]),
      note('i1', [tag('data-management.access-to-data')], true),
      note('i1', []),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'data-management.access-to-data': 2, 'digital-identity.identity-management': 1 });
  });

  it('trusts the framework for the sub-topic of an indicator tag', () => {
    const counts = notesPerSubTopic([note('i1', [tag('wrong.sub-topic', 'data-management.access-to-data.open-data')])], index.subTopicOfIndicator);
    expect(Object.fromEntries(counts)).toEqual({ 'data-management.access-to-data': 1 });
  });

  it('keeps tags to sub-topics the framework does not know (another version)', () => {
    expect(Object.fromEntries(notesPerSubTopic([note(null, [tag('retired.sub-topic')])], index.subTopicOfIndicator))).toEqual({ 'retired.sub-topic': 1 });
  });
});

describe('coverage', () => {
  it('puts both counts on each sub-topic and counts covered sub-topics per pillar and in total', () => {
    const { pillars } = relevantPillars(index, ['data-management', 'digital-identity']);
    const here = notesPerSubTopic([note('i1', [tag('data-management.access-to-data')]), note('i1', [tag('data-management.legal-framework')])]);
    const everywhere = notesPerSubTopic([
      note('i1', [tag('data-management.access-to-data')]),
      note('i1', [tag('data-management.legal-framework')]),
      note('i2', [tag('data-management.access-to-data')]),
      note('i2', [tag('digital-identity.identity-management')]),
    ]);
    const coverage = guidingCoverage(pillars, here, everywhere);
    expect(coverage.map((entry) => [entry.pillar.code, entry.covered, entry.subTopics.length])).toEqual([
      ['6.5', 2, 3],
      ['6.6', 0, 2],
    ]);
    expect(coverage[0]?.subTopics.find((entry) => entry.subTopicId === 'data-management.access-to-data')).toEqual({
      subTopicId: 'data-management.access-to-data',
      inInterview: 1,
      inAssessment: 2,
    });
    expect(coverage[1]?.subTopics.find((entry) => entry.subTopicId === 'digital-identity.identity-management')).toMatchObject({ inInterview: 0, inAssessment: 1 });
    expect(coverageTotals(coverage)).toEqual({ covered: 2, total: 5 });
  });
});
