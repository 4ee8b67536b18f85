/**
 * The agreement statistics against published worked examples, to 3 decimals (issue 11).
 */
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../src/core/agreement/krippendorffAlpha';
import { krippendorffAlphaOrdinal } from '../../src/core/agreement/krippendorffAlphaOrdinal';
import { quadraticWeightedKappa } from '../../src/core/agreement/quadraticWeightedKappa';
import { weightedKappa } from '../../src/core/agreement/weightedKappa';

describe("Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability', section C", () => {
  // Reliability data: 4 observers × 12 units, values 1–5, with missing values ("."), as printed in
  // the paper. Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849.
  const observers: Array<Array<number | null>> = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  // Units as rows of 0-based ranks.
  const units = observers[0]!.map((_, u) => observers.map((row) => (row[u] == null ? null : row[u]! - 1)));

  it('nominal α = 0.743', () => {
    expect(krippendorffAlpha(units, 5, 'nominal')!.toFixed(3)).toBe('0.743');
  });
  it('ordinal α = 0.815 (also through krippendorffAlphaOrdinal, which the app uses)', () => {
    expect(krippendorffAlpha(units, 5, 'ordinal')!.toFixed(3)).toBe('0.815');
    expect(krippendorffAlphaOrdinal(units, 5)!.toFixed(3)).toBe('0.815');
  });
  it('interval α = 0.849', () => {
    expect(krippendorffAlpha(units, 5, 'interval')!.toFixed(3)).toBe('0.849');
  });
  it('does not depend on the order of units or of observers', () => {
    const shuffled = [...units].reverse().map((unit) => [...unit].reverse());
    expect(krippendorffAlpha(shuffled, 5, 'ordinal')).toBeCloseTo(krippendorffAlpha(units, 5, 'ordinal')!, 12);
  });
});

describe("scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py)", () => {
  // y1 = [0]*46 + [1]*44 + [2]*10; y2 = [0]*50 + [1]*40 + [2]*10.
  // Published: cohen_kappa_score(y1, y2, weights="linear") ≈ 0.9412,
  //            cohen_kappa_score(y1, y2, weights="quadratic") ≈ 0.9541.
  const y1 = [...Array<number>(46).fill(0), ...Array<number>(44).fill(1), ...Array<number>(10).fill(2)];
  const y2 = [...Array<number>(50).fill(0), ...Array<number>(40).fill(1), ...Array<number>(10).fill(2)];

  it('quadratic-weighted kappa = 0.9541', () => {
    expect(quadraticWeightedKappa(y1, y2, 3)!.toFixed(4)).toBe('0.9541');
    expect(weightedKappa(y1, y2, 3, 'quadratic')!.toFixed(4)).toBe('0.9541');
  });
  it('linear-weighted kappa = 0.9412', () => {
    expect(weightedKappa(y1, y2, 3, 'linear')!.toFixed(4)).toBe('0.9412');
  });
  it('is symmetric in the two raters', () => {
    expect(weightedKappa(y2, y1, 3, 'linear')).toBeCloseTo(weightedKappa(y1, y2, 3, 'linear')!, 12);
  });
});
