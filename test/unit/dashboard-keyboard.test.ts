/** Arrow keys between the pillar toggles of Table 3: where each key moves focus. */
import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../src/ui/screens/dashboard/moveFocusBetweenToggles';

describe('nextIndex', () => {
  it('moves down and up with wrap-around, and to the ends with Home and End', () => {
    expect(nextIndex('ArrowDown', 0, 10)).toBe(1);
    expect(nextIndex('ArrowRight', 9, 10)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 10)).toBe(9);
    expect(nextIndex('ArrowLeft', 5, 10)).toBe(4);
    expect(nextIndex('Home', 5, 10)).toBe(0);
    expect(nextIndex('End', 5, 10)).toBe(9);
  });

  it('leaves other keys, and focus outside the list, alone', () => {
    expect(nextIndex('Enter', 3, 10)).toBeNull();
    expect(nextIndex(' ', 3, 10)).toBeNull();
    expect(nextIndex('ArrowDown', -1, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
