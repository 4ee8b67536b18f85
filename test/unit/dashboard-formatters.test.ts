/** Scores, gaps and lists in the three interface languages. */
import { describe, expect, it } from 'vitest';
import { createDashboardFormatters } from '../../src/ui/screens/dashboard/dashboardFormatters';

describe('createDashboardFormatters', () => {
  it('prints scores with exactly two decimals in the language`s own way', () => {
    expect(createDashboardFormatters('en').score(2)).toBe('2.00');
    expect(createDashboardFormatters('en').score(2.3333)).toBe('2.33');
    expect(createDashboardFormatters('ru').score(2.25)).toBe('2,25');
  });

  it('signs gaps, and reads a rounding-error gap as zero', () => {
    const en = createDashboardFormatters('en');
    expect(en.gap(0.75)).toBe('+0.75');
    expect(en.gap(-0.5)).toBe('\u22120.50'); // a minus sign, not a hyphen
    expect(en.gap(1e-12)).toBe('0.00');
    expect(en.gap(-1e-12)).toBe('0.00');
  });

  it('prints spreads without trailing zeros', () => {
    expect(createDashboardFormatters('en').spread(1)).toBe('1');
    expect(createDashboardFormatters('en').spread(0.5)).toBe('0.5');
  });

  it('joins lists as the language does, keeping each item`s position', () => {
    const en = createDashboardFormatters('en');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B, and C');
    const parts = en.listParts(3);
    expect(parts.filter((p) => p.kind === 'item').map((p) => p.index)).toEqual([0, 1, 2]);
    expect(parts.map((p) => (p.kind === 'item' ? ['A', 'B', 'C'][p.index] : p.text)).join('')).toBe('A, B, and C');
    expect(createDashboardFormatters('ru').list(['A', 'B'])).toBe('A и B');
    expect(createDashboardFormatters('en').listParts(1)).toEqual([{ kind: 'item', index: 0, text: '0' }]);
  });
});
