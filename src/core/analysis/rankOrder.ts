/**
 * Ordered lists stored as integer ranks (finding.rank): the key recommendations across pillars, and
 * the numbered areas of improvement within a pillar and track.
 *
 * Display order is (rank, id), unranked last; ids are UUIDv7, so ties and unranked items fall in
 * creation order. Merges can leave ties or gaps (two devices each appended "rank 4"), so a move
 * first renumbers the list 1..n in display order, moves the item, and then writes only the items
 * whose rank actually changed: on a clean list, a move by one place rewrites exactly two records.
 */

export interface Ranked {
  readonly id: string;
  readonly rank: number | null;
}

export interface RankUpdate {
  readonly id: string;
  readonly rank: number | null;
}

export function compareRanked(a: Ranked, b: Ranked): number {
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderByRank<T extends Ranked>(items: readonly T[]): T[] {
  return [...items].sort(compareRanked);
}

/** Ranks 1..n for `order`, as updates for the items whose stored rank differs. */
function renumber(order: readonly Ranked[]): RankUpdate[] {
  const updates: RankUpdate[] = [];
  order.forEach((item, i) => {
    if (item.rank !== i + 1) updates.push({ id: item.id, rank: i + 1 });
  });
  return updates;
}

/**
 * Moves `id` by `delta` places (−1 up, +1 down), clamped to the list. Returns the updates, empty
 * when the item is unknown or already at that end.
 */
export function moveInRanking(items: readonly Ranked[], id: string, delta: number): RankUpdate[] {
  const order = orderByRank(items);
  const from = order.findIndex((item) => item.id === id);
  if (from === -1) return [];
  const to = Math.min(Math.max(from + Math.trunc(delta), 0), order.length - 1);
  if (to === from) return [];
  const [moved] = order.splice(from, 1);
  if (moved) order.splice(to, 0, moved);
  return renumber(order);
}

/** The rank for an item added at the end. */
export function nextRank(items: readonly Ranked[]): number {
  let max = 0;
  for (const item of items) if (item.rank !== null && item.rank > max) max = item.rank;
  return max + 1;
}

/** Takes `id` out of the ranking (rank null) and closes the gap behind it. */
export function removeFromRanking(items: readonly Ranked[], id: string): RankUpdate[] {
  const order = orderByRank(items);
  if (!order.some((item) => item.id === id)) return [];
  return [{ id, rank: null }, ...renumber(order.filter((item) => item.id !== id))];
}

/** `items` with `updates` applied (for showing a move before storage confirms it). */
export function applyRankUpdates<T extends Ranked>(items: readonly T[], updates: ReadonlyMap<string, number | null>): T[] {
  return items.map((item) => (updates.has(item.id) ? { ...item, rank: updates.get(item.id) ?? null } : item));
}
