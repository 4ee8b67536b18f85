/**
 * The dashboard's Table 3 rows from the Armenia 2022 experts' ratings (test/support/armeniaReference):
 * ten pillars, data management and digital infrastructure tending towards established, and the
 * digital-skills gap visible once the lead records the experts' "developing" as a consensus.
 */
import { describe, expect, it } from 'vitest';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import type { ConsensusInput, ObservationInput } from '../../src/core/estimate/estimateTypes';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { buildPillarRows, type PillarRowView } from '../../src/ui/screens/dashboard/pillarRows';
import { armeniaExpertRatings } from '../support/armeniaReference';
import { builtinMmdma } from '../support/builtinFrameworks';
import { tinyFramework } from '../support/tinyFramework';

const { index } = builtinMmdma();

function rowsOf(consensus: ConsensusInput[] = [], observations: ObservationInput[] = []): PillarRowView[] {
  return buildPillarRows(estimateAssessment({ index, ratings: armeniaExpertRatings(), observations, consensus }), index);
}
const rowOf = (rows: readonly PillarRowView[], pillarId: string) => {
  const row = rows.find((r) => r.pillarId === pillarId);
  if (!row) throw new Error(`no row for ${pillarId}`);
  return row;
};

describe('buildPillarRows on the Armenia reference', () => {
  const rows = rowsOf();

  it('has the ten pillars of Table 3, in the framework order, each with central, migration and overall', () => {
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.code)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10']);
    for (const row of rows) {
      expect(row.tracks.map((track) => track.trackId)).toEqual(['central', 'migration']);
    }
    // The experts put every pillar at developing; the rule matches 9 of 10 and misses digital skills.
    expect(rows.filter((row) => row.overall.level === 'developing').map((row) => row.pillarId)).toHaveLength(9);
    expect(rowOf(rows, 'digital-skills').overall.level).toBe('emerging');
  });

  it('shows data management (5) and digital infrastructure (9) as developing, tending towards established', () => {
    for (const pillarId of ['data-management', 'digital-infrastructure']) {
      const { overall } = rowOf(rows, pillarId);
      expect(overall.level).toBe('developing');
      expect(overall.tendency, pillarId).toBe('established');
      expect(overall.rank).toBe(2);
    }
    expect(rowOf(rows, 'data-management').overall.score).toBeCloseTo(2.33, 2);
    expect(rowOf(rows, 'digital-infrastructure').overall.score).toBeCloseTo(2.5, 2);
  });

  it('rests on the experts ratings: basis ratings, nothing provisional, no consensus', () => {
    for (const row of rows) {
      expect(row.overall.basis).toBe('ratings');
      expect(row.overall.provisional).toBe(false);
      expect(row.overall.consensus).toBeNull();
    }
  });

  it('sums coverage over both tracks for the overall figure', () => {
    const row = rowOf(rows, 'public-services');
    const [central, migration] = row.tracks;
    expect(row.overall.coverage.total).toBe((central?.figure?.coverage.total ?? 0) + (migration?.figure?.coverage.total ?? 0));
    expect(row.overall.coverage.rated).toBeGreaterThan(0);
  });

  it('keeps every sub-topic in the drill-down, marking descriptive and single-track ones as not scored there', () => {
    const financing = rowOf(rows, 'financing-model');
    expect(financing.subTopics.map((s) => s.code)).toEqual(['6.3.1', '6.3.2', '6.3.3']);
    const projects = financing.subTopics.find((s) => s.code === '6.3.3');
    expect(projects?.scored).toBe(false);
    expect(projects?.tracks.every((cell) => cell.figure === null)).toBe(true);

    const cyberLegal = rowOf(rows, 'cybersecurity').subTopics.find((s) => s.code === '6.4.2');
    expect(cyberLegal?.scored).toBe(true);
    expect(cyberLegal?.tracks.find((cell) => cell.trackId === 'central')?.figure).not.toBeNull();
    expect(cyberLegal?.tracks.find((cell) => cell.trackId === 'migration')?.figure).toBeNull();
  });
});

describe('consensus beside the estimate', () => {
  it('shows the digital skills gap when the lead sets the experts "developing" as consensus', () => {
    const before = rowOf(rowsOf(), 'digital-skills').overall;
    expect(before.level).toBe('emerging');
    expect(before.score).toBeCloseTo(1.25, 5);

    const after = rowOf(rowsOf([{ scope: 'pillar', targetId: 'digital-skills', trackId: 'overall', level: 'developing' }]), 'digital-skills').overall;
    expect(after.level).toBe('developing');
    expect(after.basis).toBe('consensus');
    expect(after.consensus).toMatchObject({ level: 'developing', rank: 2, estimatedLevel: 'emerging', differs: true });
    expect(after.consensus?.estimatedScore).toBeCloseTo(1.25, 5);
    expect(after.consensus?.gap).toBeCloseTo(0.75, 5);
  });

  it('keeps a consensus that agrees with the estimate visible with its (small) gap, not flagged as differing', () => {
    const row = rowOf(rowsOf([{ scope: 'pillar', targetId: 'data-management', trackId: 'overall', level: 'developing' }]), 'data-management');
    expect(row.overall.consensus?.differs).toBe(false);
    expect(row.overall.consensus?.gap).toBeCloseTo(2 - 2.3333, 3);
  });

  it('carries sub-topic consensus into the drill-down cell', () => {
    const rows = rowsOf([{ scope: 'sub-topic', targetId: 'digital-skills.public-officials', trackId: 'central', level: 'established' }]);
    const cell = rowOf(rows, 'digital-skills')
      .subTopics.find((s) => s.subTopicId === 'digital-skills.public-officials')
      ?.tracks.find((t) => t.trackId === 'central');
    expect(cell?.figure?.level).toBe('established');
    expect(cell?.figure?.consensus?.differs).toBe(true);
  });
});

describe('provisional figures from evidence alone', () => {
  const tiny = indexFramework(frameworkSchema.parse(tinyFramework()));

  it('marks a figure resting on evidence only as provisional, and lists what still lacks evidence', () => {
    const estimate = estimateAssessment({
      index: tiny,
      ratings: [],
      observations: [{ interviewId: 'i1', tags: [{ subTopicId: 'strategy.plan', trackIds: ['central'] }], suggestedLevel: 'established' }],
      consensus: [],
    });
    const [strategy, skills] = buildPillarRows(estimate, tiny);
    const central = strategy?.tracks.find((t) => t.trackId === 'central');
    expect(central?.figure).toMatchObject({ basis: 'evidence', provisional: true, level: 'established', coverage: { rated: 0, evidenced: 2, total: 2 } });
    expect(strategy?.overall.provisional).toBe(true);
    const migration = strategy?.tracks.find((t) => t.trackId === 'migration');
    expect(migration?.figure).toMatchObject({ basis: 'none', score: null, level: null, rank: null });
    expect(migration?.subTopicsLackingEvidence).toEqual(['strategy.plan']);
    expect(skills?.overall.basis).toBe('none');
    expect(strategy?.subTopics.find((s) => s.subTopicId === 'strategy.plan')?.tracks.map((t) => t.lacksEvidence)).toEqual([false, true]);
  });

  it('gives no row for a pillar the estimate does not know (an estimate of another framework)', () => {
    const estimate = estimateAssessment({ index: tiny, ratings: [], observations: [], consensus: [] });
    expect(buildPillarRows(estimate, index)).toEqual([]);
  });
});
