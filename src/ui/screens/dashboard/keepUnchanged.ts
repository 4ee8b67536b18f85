/**
 * Structural sharing for view models. The estimate is rebuilt from scratch on every change, so every
 * row object is new even when its figures are not; memoised rows compare props by identity. Handing
 * back the previous object wherever the new one holds the same data lets `memo` skip all rows but
 * the ones whose figures moved, which is what keeps the dashboard cheap while notes pour in.
 */

/** Deep equality for plain view-model data: primitives, arrays and plain objects (shared framework objects compare by identity first). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** `next`, with each item replaced by its previous version (same key) when the data is the same. */
export function keepUnchanged<T>(previous: readonly T[] | undefined, next: readonly T[], keyOf: (item: T) => string): readonly T[] {
  if (previous === undefined || previous.length === 0) return next;
  const before = new Map(previous.map((item) => [keyOf(item), item] as const));
  let reused = 0;
  const merged = next.map((item) => {
    const old = before.get(keyOf(item));
    if (old !== undefined && sameData(old, item)) {
      reused++;
      return old;
    }
    return item;
  });
  // The whole list unchanged: keep the old array too, so list-level memoisation holds as well.
  return reused === previous.length && reused === next.length && merged.every((item, i) => item === previous[i]) ? previous : merged;
}
