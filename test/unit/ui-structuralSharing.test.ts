import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameValue as sameRecord } from '../../src/ui/shared/structuralSharing';

const row = (id: string, text: string, tags: string[] = []) => ({ id, text, tags, deleted: false });

describe('reuseUnchanged (structural sharing between live reads)', () => {
  it('keeps the previous array when every record is equal, in the same order', () => {
    const previous = [row('a', 'one', ['x']), row('b', 'two')];
    const next = [row('a', 'one', ['x']), row('b', 'two')];
    expect(reuseUnchanged(previous, next)).toBe(previous);
  });

  it('keeps an empty list empty-and-identical', () => {
    const previous: Array<{ id: string }> = [];
    expect(reuseUnchanged(previous, [])).toBe(previous);
  });

  it('keeps unchanged records and takes the changed one', () => {
    const previous = [row('a', 'one'), row('b', 'two'), row('c', 'three')];
    const next = [row('a', 'one'), row('b', 'TWO'), row('c', 'three')];
    const merged = reuseUnchanged(previous, next);
    expect(merged).not.toBe(previous);
    expect(merged[0]).toBe(previous[0]);
    expect(merged[1]).toBe(next[1]);
    expect(merged[2]).toBe(previous[2]);
  });

  it('sees additions, removals, reordering and nested changes', () => {
    const previous = [row('a', 'one', ['x']), row('b', 'two')];
    expect(reuseUnchanged(previous, [...previous.map((r) => ({ ...r })), row('c', 'new')])).toHaveLength(3);
    expect(reuseUnchanged(previous, [{ ...previous[0]! }])).not.toBe(previous);
    const reordered = reuseUnchanged(previous, [{ ...previous[1]! }, { ...previous[0]! }]);
    expect(reordered).not.toBe(previous);
    expect(reordered[0]).toBe(previous[1]);
    expect(reuseUnchanged(previous, [row('a', 'one', ['y']), row('b', 'two')])[0]).not.toBe(previous[0]);
  });

  it('compares fields, not identity, and notices a field that appears or disappears', () => {
    expect(sameRecord({ id: 'a', tags: [{ s: 1 }] }, { id: 'a', tags: [{ s: 1 }] })).toBe(true);
    expect(sameRecord({ id: 'a', email: null }, { id: 'a' })).toBe(false);
    expect(sameRecord({ id: 'a', n: 1 }, { id: 'a', m: 1 })).toBe(false);
  });
});
