import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krippendorffAlphaOrdinal } from '../../src/core/agreement/krippendorffAlphaOrdinal';
import { quadraticWeightedKappa } from '../../src/core/agreement/quadraticWeightedKappa';

describe('quadraticWeightedKappa', () => {
  it('matches a hand-computed value', () => {
    // Pairs (0,0) (1,2) (2,2) (2,1) on 3 levels.
    // Observed Σ(a−b)² = 0 + 1 + 0 + 1 = 2. Marginals: A = B = [1, 1, 2], n = 4.
    // Expected Σ(i−j)²·A_i·B_j / n = (1·1 + 4·2 + 1·1 + 1·2 + 4·2 + 1·2) / 4 = 22 / 4 = 5.5.
    // κ = 1 − 2 / 5.5 = 7/11.
    expect(quadraticWeightedKappa([0, 1, 2, 2], [0, 2, 2, 1], 3)).toBeCloseTo(7 / 11, 12);
  });

  it('skips pairs where either assessor gave no level', () => {
    expect(quadraticWeightedKappa([0, 1, null, 2, 2, 3], [0, 2, 1, 2, 1, null], 4)).toBeCloseTo(7 / 11, 12);
  });

  it('is 1 for perfect agreement and −1 for a perfect reversal on two levels', () => {
    expect(quadraticWeightedKappa([0, 1, 2, 3, 1], [0, 1, 2, 3, 1], 4)).toBe(1);
    expect(quadraticWeightedKappa([0, 1], [1, 0], 2)).toBe(-1);
  });

  it('penalises a two-level disagreement more than a one-level one', () => {
    const near = quadraticWeightedKappa([0, 1, 2, 3], [0, 1, 2, 2], 4)!;
    const far = quadraticWeightedKappa([0, 1, 2, 3], [0, 1, 2, 1], 4)!;
    expect(near).toBeGreaterThan(far);
  });

  it('is symmetric in the two assessors and at most 1', () => {
    const ratings = fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 3 })), fc.option(fc.integer({ min: 0, max: 3 }))), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(ratings, (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const ab = quadraticWeightedKappa(a, b, 4);
        const ba = quadraticWeightedKappa(b, a, 4);
        if (ab === null) expect(ba).toBeNull();
        else {
          expect(ba).toBeCloseTo(ab, 12);
          expect(ab).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('is null when undefined: no pairs, or both assessors always on the same single level', () => {
    expect(quadraticWeightedKappa([], [], 4)).toBeNull();
    expect(quadraticWeightedKappa([null, 1], [2, null], 4)).toBeNull();
    expect(quadraticWeightedKappa([2, 2, 2], [2, 2, 2], 4)).toBeNull();
  });

  it('treats mismatched lengths and ranks outside the scale as bugs', () => {
    expect(() => quadraticWeightedKappa([0], [0, 1], 4)).toThrow(RangeError);
    expect(() => quadraticWeightedKappa([4], [0], 4)).toThrow(RangeError);
    expect(() => quadraticWeightedKappa([0.5], [0], 4)).toThrow(RangeError);
  });
});

describe('krippendorffAlphaOrdinal', () => {
  it("reproduces Krippendorff's worked example (α ordinal = 0.815)", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
    // 12 units, values 1–5 with missing data; published α: nominal .743, ordinal .815, interval .849.
    // (Also the `nmm` example of R's irr::kripp.alpha.) Values shifted to 0-based ranks.
    const observers: Array<Array<number | null>> = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = observers[0]!.map((_, u) => observers.map((row) => (row[u] == null ? null : row[u]! - 1)));
    expect(krippendorffAlphaOrdinal(units, 5)).toBeCloseTo(0.815, 3);
  });

  it('matches hand-computed values', () => {
    // Units (0,0) (1,1) (0,1): o00 = 2, o11 = 2, o01 = o10 = 1; n0 = n1 = 3, n = 6.
    // δ²(0,1) = (6 − 3)² = 9. α = 1 − 5 · (2·1·9) / (2·3·3·9) = 1 − 90/162 = 4/9.
    expect(krippendorffAlphaOrdinal([[0, 0], [1, 1], [0, 1]], 2)).toBeCloseTo(4 / 9, 12);
    // Units (0,2) (1,1) (2,2): o02 = o20 = 1, o11 = 2, o22 = 2; n = [1, 2, 3], n = 6.
    // δ²(0,1) = (3 − 1.5)² = 2.25, δ²(0,2) = (6 − 2)² = 16, δ²(1,2) = (5 − 2.5)² = 6.25.
    // Σ o·δ² = 2·16 = 32; Σ n_c·n_k·δ² = 2·(2·2.25 + 3·16 + 6·6.25) = 180. α = 1 − 5·32/180 = 1/9.
    expect(krippendorffAlphaOrdinal([[0, 2], [1, 1], [2, 2]], 3)).toBeCloseTo(1 / 9, 12);
  });

  it('is 1 when every unit is agreed and some units differ', () => {
    expect(krippendorffAlphaOrdinal([[0, 0, 0], [3, 3, null], [1, null, 1]], 4)).toBe(1);
  });

  it('ignores missing values and units with a single value', () => {
    const base: Array<Array<number | null>> = [[0, 0], [1, 1], [0, 1]];
    expect(krippendorffAlphaOrdinal([...base, [2], [null, 3], [null, null]], 4)).toBeCloseTo(4 / 9, 12);
  });

  it('agrees with quadratic-weighted kappa in direction: reversed ratings give negative alpha', () => {
    expect(krippendorffAlphaOrdinal([[0, 3], [3, 0], [1, 2], [2, 1]], 4)!).toBeLessThan(0);
  });

  it('is null when undefined: nothing pairable, or a single level used throughout', () => {
    expect(krippendorffAlphaOrdinal([], 4)).toBeNull();
    expect(krippendorffAlphaOrdinal([[1], [null, 2]], 4)).toBeNull();
    expect(krippendorffAlphaOrdinal([[2, 2], [2, 2, 2]], 4)).toBeNull();
  });

  it('treats ranks outside the scale as bugs', () => {
    expect(() => krippendorffAlphaOrdinal([[0, 4]], 4)).toThrow(RangeError);
    expect(() => krippendorffAlphaOrdinal([[0, -1]], 4)).toThrow(RangeError);
  });
});
