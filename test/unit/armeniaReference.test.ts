/**
 * The estimator against the experts of the Armenia 2022 report (DESIGN.md section 6; issue 2 item 7):
 * every pillar of Table 3 within one level, exactly on at least 8 of 10, the tendency towards
 * established for pillars 5 and 9, and Table 4's migration-management levels where the report gives
 * a single level. The side-by-side table is printed for people to read.
 */
import { describe, expect, it } from 'vitest';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import { armeniaExpertRatings, armeniaReference } from '../support/armeniaReference';
import { builtinMmdma } from '../support/builtinFrameworks';

const { index } = builtinMmdma();
const estimate = estimateAssessment({ index, ratings: armeniaExpertRatings(), observations: [], consensus: [] });
const rankOf = (level: string | null) => (level === null ? NaN : (index.levelRank.get(level) ?? NaN));
const fmt = (score: number | null) => (score === null ? '  –  ' : score.toFixed(2));

describe('Armenia 2022: the estimator beside the experts', () => {
  it('rates every statement of the reference on an indicator and track of MMDMA v1', () => {
    expect(estimate.ignored.ratings).toBe(0);
    expect(armeniaExpertRatings().length).toBe(armeniaReference.statementLevels.length);
  });

  it('reproduces Table 3: every pillar within one level, at least 8 of 10 exactly, tendencies for 5 and 9', () => {
    const rows = armeniaReference.pillarLevels.map((expert) => {
      const pillar = estimate.pillars.find((p) => p.pillarId === expert.pillarId);
      if (!pillar) throw new Error(`no estimate for ${expert.pillarId}`);
      const track = (id: string) => pillar.tracks.find((t) => t.trackId === id);
      return { expert, pillar, central: track('central'), migration: track('migration') };
    });

    const lines = rows.map(({ expert, pillar, central, migration }, n) => {
      const code = index.pillarById.get(expert.pillarId)?.code ?? '?';
      const ours = `${pillar.overall.level ?? '–'}${pillar.overall.tendency ? ` → ${pillar.overall.tendency}` : ''}`;
      const theirs = `${expert.level}${expert.tendency ? ` → ${expert.tendency}` : ''}`;
      const mark = ours === theirs ? 'exact' : pillar.overall.level === expert.level ? 'level' : 'DIFF';
      return `${String(n + 1).padStart(2)}. ${code.padEnd(5)} ${expert.pillarId.padEnd(26)} ${fmt(central?.score ?? null)}  ${fmt(migration?.score ?? null)}  ${fmt(pillar.overall.score)}  ${ours.padEnd(27)} ${theirs.padEnd(27)} ${mark}`;
    });
    console.log(
      [
        '',
        'Table 3 — overall maturity per pillar: estimator (from the report\'s statement levels) vs the experts',
        `    code  pillar                     centr  migr.  score  estimator                   experts`,
        ...lines,
        '',
      ].join('\n'),
    );

    for (const { expert, pillar } of rows) {
      expect(Math.abs(rankOf(pillar.overall.level) - rankOf(expert.level)), expert.pillarId).toBeLessThanOrEqual(1);
    }
    const exact = rows.filter(({ expert, pillar }) => pillar.overall.level === expert.level).length;
    expect(exact).toBeGreaterThanOrEqual(8);
    for (const pillarId of ['data-management', 'digital-infrastructure']) {
      const row = rows.find((r) => r.expert.pillarId === pillarId);
      expect(row?.expert.tendency).toBe('established');
      expect(row?.pillar.overall.tendency, `${pillarId} should lean towards established`).toBe('established');
    }
  });

  it('reproduces Table 4 (migration management per sub-topic) wherever the report gives a single level', () => {
    const lines: string[] = [];
    let compared = 0;
    for (const expected of armeniaReference.table4MigrationLevels) {
      const pillar = index.pillarOfSubTopic.get(expected.subTopicId);
      const subTopic = estimate.pillars
        .find((p) => p.pillarId === pillar?.id)
        ?.tracks.find((t) => t.trackId === 'migration')
        ?.subTopics.find((s) => s.subTopicId === expected.subTopicId);
      const code = index.subTopicById.get(expected.subTopicId)?.code ?? '?';
      lines.push(`${code.padEnd(7)} ${expected.subTopicId.padEnd(55)} ${fmt(subTopic?.score ?? null)}  ${(subTopic?.level ?? '–').padEnd(12)} ${expected.level ?? `(${expected.note})`}`);
      if (expected.level === null) continue;
      compared++;
      expect(subTopic?.level, expected.subTopicId).toBe(expected.level);
    }
    console.log(['', 'Table 4 — migration management per sub-topic: estimator vs report', ...lines, ''].join('\n'));
    expect(compared).toBeGreaterThanOrEqual(15);
  });
});
