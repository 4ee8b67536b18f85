/** Structural sharing: unchanged rows keep their identity so memoised rows skip re-rendering. */
import { describe, expect, it } from 'vitest';
import { estimateAssessment } from '../../src/core/estimate/estimateAssessment';
import { reuseUnchanged as keepUnchanged, sameValue as sameData } from '../../src/ui/shared/structuralSharing';
import { buildPillarRows } from '../../src/ui/screens/dashboard/pillarRows';
import { armeniaExpertRatings } from '../support/armeniaReference';
import { builtinMmdma } from '../support/builtinFrameworks';

const { index } = builtinMmdma();

describe('sameData', () => {
  it('compares plain data deeply', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameData([1], { 0: 1, length: 1 })).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(null, {})).toBe(false);
  });
});

describe('keepUnchanged', () => {
  it('hands back the previous row objects for pillars whose figures did not move', () => {
    const ratings = armeniaExpertRatings();
    const before = buildPillarRows(estimateAssessment({ index, ratings, observations: [], consensus: [] }), index);
    const after = buildPillarRows(
      estimateAssessment({ index, ratings, observations: [], consensus: [{ scope: 'pillar', targetId: 'digital-skills', trackId: 'overall', level: 'developing' }] }),
      index,
    );
    const merged = keepUnchanged(before, after, (row) => row.pillarId);
    const changed = merged.filter((row, n) => row !== before[n]).map((row) => row.pillarId);
    expect(changed).toEqual(['digital-skills']);
    expect(merged.find((row) => row.pillarId === 'digital-skills')).toBe(after.find((row) => row.pillarId === 'digital-skills'));
  });

  it('keeps the previous array itself when nothing changed', () => {
    const estimate = () => estimateAssessment({ index, ratings: armeniaExpertRatings(), observations: [], consensus: [] });
    const before = buildPillarRows(estimate(), index);
    expect(keepUnchanged(before, buildPillarRows(estimate(), index), (row) => row.pillarId)).toBe(before);
  });

  it('takes the new list when rows were added or removed', () => {
    const previous = [{ k: 'a' }, { k: 'b' }];
    const next = [{ k: 'a' }];
    const merged = keepUnchanged(previous, next, (item) => item.k);
    expect(merged).not.toBe(previous);
    expect(merged[0]).toBe(previous[0]);
    expect(keepUnchanged(undefined, next, (item) => item.k)).toBe(next);
  });
});
