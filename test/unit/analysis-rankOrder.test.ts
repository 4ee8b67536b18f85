import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRankUpdates, moveInRanking, nextRank, orderByRank, removeFromRanking, type Ranked } from '../../src/core/analysis/rankOrder';

const ids = (items: readonly Ranked[]) => orderByRank(items).map((item) => item.id);
const moved = (items: readonly Ranked[], id: string, delta: number) =>
  ids(applyRankUpdates(items, new Map(moveInRanking(items, id, delta).map((update) => [update.id, update.rank] as const))));

describe('ranked lists', () => {
  const clean: Ranked[] = [
    { id: 'a', rank: 1 },
    { id: 'b', rank: 2 },
    { id: 'c', rank: 3 },
    { id: 'd', rank: 4 },
  ];

  it('moving one place on a clean list rewrites exactly the two items that swap', () => {
    expect(moveInRanking(clean, 'c', -1)).toEqual([
      { id: 'c', rank: 2 },
      { id: 'b', rank: 3 },
    ]);
    expect(moved(clean, 'c', -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveInRanking(clean, 'a', 1)).toEqual([
      { id: 'b', rank: 1 },
      { id: 'a', rank: 2 },
    ]);
  });

  it('does nothing at the ends or for an unknown item', () => {
    expect(moveInRanking(clean, 'a', -1)).toEqual([]);
    expect(moveInRanking(clean, 'd', 1)).toEqual([]);
    expect(moveInRanking(clean, 'zz', 1)).toEqual([]);
  });

  it('orders ties and gaps left by a merge by id, unranked last, and renumbers them on the next move', () => {
    const merged: Ranked[] = [
      { id: 'x', rank: null },
      { id: 'b', rank: 4 },
      { id: 'a', rank: 4 },
      { id: 'c', rank: 9 },
    ];
    expect(ids(merged)).toEqual(['a', 'b', 'c', 'x']);
    const updates = moveInRanking(merged, 'x', -1);
    expect(moved(merged, 'x', -1)).toEqual(['a', 'b', 'x', 'c']);
    expect(new Map(updates.map((u) => [u.id, u.rank]))).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['x', 3],
        ['c', 4],
      ]),
    );
  });

  it('appends after the highest rank and closes the gap on removal', () => {
    expect(nextRank([])).toBe(1);
    expect(nextRank([{ id: 'a', rank: 3 }, { id: 'b', rank: null }])).toBe(4);
    expect(removeFromRanking(clean, 'b')).toEqual([
      { id: 'b', rank: null },
      { id: 'c', rank: 2 },
      { id: 'd', rank: 3 },
    ]);
    expect(removeFromRanking(clean, 'd')).toEqual([{ id: 'd', rank: null }]);
    expect(removeFromRanking(clean, 'zz')).toEqual([]);
  });

  it('any move gives ranks 1..n, puts the item where asked, and keeps the others in order', () => {
    const list = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), rank: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }) }), {
      selector: (item) => item.id,
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(list, fc.nat(), fc.integer({ min: -3, max: 3 }), (items, pick, delta) => {
        const before = ids(items);
        const id = before[pick % before.length] ?? '';
        const updates = moveInRanking(items, id, delta);
        const after = applyRankUpdates(items, new Map(updates.map((u) => [u.id, u.rank] as const)));
        const order = ids(after);
        const from = before.indexOf(id);
        const to = Math.min(Math.max(from + delta, 0), before.length - 1);
        if (from === to) return updates.length === 0;
        expect(order.indexOf(id)).toBe(to);
        expect(order.filter((x) => x !== id)).toEqual(before.filter((x) => x !== id));
        expect(orderByRank(after).map((item) => item.rank)).toEqual(after.map((_, i) => i + 1));
        // Only items whose rank changed are written.
        const stored = new Map(items.map((item) => [item.id, item.rank] as const));
        expect(updates.every((update) => stored.get(update.id) !== update.rank)).toBe(true);
        return true;
      }),
    );
  });
});
