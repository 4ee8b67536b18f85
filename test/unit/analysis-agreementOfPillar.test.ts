import { describe, expect, it } from 'vitest';
import { krippendorffAlphaOrdinal } from '../../src/core/agreement/krippendorffAlphaOrdinal';
import { quadraticWeightedKappa } from '../../src/core/agreement/quadraticWeightedKappa';
import { ratingId, type Rating } from '../../src/core/assessment/ratingSchema';
import { frameworkSchema } from '../../src/core/framework/frameworkSchema';
import { indexFramework } from '../../src/core/framework/indexFramework';
import { agreementBand, agreementOfPillar, levelSpread } from '../../src/core/analysis/agreementOfPillar';
import { tinyFramework } from '../support/tinyFramework';

const index = indexFramework(frameworkSchema.parse(tinyFramework()));
const strategy = index.pillarById.get('strategy');
if (!strategy) throw new Error('missing pillar');
const A = '01890000-0000-7000-8000-000000000001';
const ANNA = '01890000-0000-7000-8000-0000000000a1';
const BORIS = '01890000-0000-7000-8000-0000000000a2';
const CARO = '01890000-0000-7000-8000-0000000000a3';

function rating(assessorId: string, indicatorId: string, trackId: string, level: string | null): Rating {
  return { id: ratingId(A, indicatorId, trackId, assessorId), assessmentId: A, assessorId, indicatorId, trackId, level, rationale: '', evidenceIds: [], deleted: false };
}

describe('agreement over a pillar', () => {
  it('needs two assessors with levels in the pillar', () => {
    const result = agreementOfPillar(index, strategy, [
      rating(ANNA, 'strategy.plan.exists', 'central', 'developing'),
      // "cannot judge" is not a level, and another pillar does not count.
      rating(BORIS, 'strategy.plan.exists', 'central', null),
      rating(BORIS, 'skills.officials.training', 'central', 'developing'),
    ]);
    expect(result.assessorIds).toEqual([ANNA]);
    expect(result.alpha).toBeNull();
    expect(result.pairs).toEqual([]);
  });

  it('computes kappa per pair and alpha over all, on the pillar’s indicator × track units', () => {
    // Units of pillar "strategy": exists/central, exists/migration, funded/central.
    const ratings = [
      rating(ANNA, 'strategy.plan.exists', 'central', 'developing'),
      rating(ANNA, 'strategy.plan.exists', 'migration', 'emerging'),
      rating(ANNA, 'strategy.plan.funded', 'central', 'established'),
      rating(BORIS, 'strategy.plan.exists', 'central', 'developing'),
      rating(BORIS, 'strategy.plan.exists', 'migration', 'developing'),
      rating(BORIS, 'strategy.plan.funded', 'central', 'advanced'),
      rating(CARO, 'strategy.plan.exists', 'central', 'established'),
    ];
    const result = agreementOfPillar(index, strategy, ratings);
    expect(result.assessorIds).toEqual([ANNA, BORIS, CARO]);
    expect(result.pairableUnits).toBe(3);
    const anna = [1, 0, 2];
    const boris = [1, 1, 3];
    const caro = [2, null, null];
    expect(result.pairs).toEqual([
      { assessorA: ANNA, assessorB: BORIS, shared: 3, kappa: quadraticWeightedKappa(anna, boris, 4) },
      { assessorA: ANNA, assessorB: CARO, shared: 1, kappa: quadraticWeightedKappa(anna, caro, 4) },
      { assessorA: BORIS, assessorB: CARO, shared: 1, kappa: quadraticWeightedKappa(boris, caro, 4) },
    ]);
    expect(result.alpha).toBeCloseTo(krippendorffAlphaOrdinal([[1, 1, 2], [0, 1, null], [2, 3, null]], 4) ?? NaN, 12);
    expect(result.pairs[0]?.kappa).toBeGreaterThan(0);
  });

  it('reads values in Landis and Koch’s bands', () => {
    expect(agreementBand(-0.1)).toBe('poor');
    expect(agreementBand(0)).toBe('slight');
    expect(agreementBand(0.2)).toBe('slight');
    expect(agreementBand(0.35)).toBe('fair');
    expect(agreementBand(0.6)).toBe('moderate');
    expect(agreementBand(0.72)).toBe('substantial');
    expect(agreementBand(0.81)).toBe('almost-perfect');
    expect(agreementBand(1)).toBe('almost-perfect');
  });

  it('spreads are the largest distance between levels', () => {
    expect(levelSpread([2])).toBeNull();
    expect(levelSpread([2, 2])).toBe(0);
    expect(levelSpread([1, 3, 2])).toBe(2);
  });
});
