/**
 * Structural sharing between two reads of the same records. Every live-query emission reads fresh
 * objects from IndexedDB, so without this one saved keystroke in a note would hand every screen
 * thousands of "new" records and defeat `memo` on every row. Records equal to the previous read keep
 * their previous object, and a list whose records all kept theirs (same order) keeps its array, so
 * `computed`s and memoised rows downstream only see what really changed.
 */

/** Field-by-field equality of two records; nested values (tags, consent, ids) compared as JSON. */
export function sameRecord(a: object, b: object): boolean {
  if (a === b) return true;
  const left: Readonly<Record<string, unknown>> = a as Readonly<Record<string, unknown>>;
  const right: Readonly<Record<string, unknown>> = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!(key in right)) return false;
    const x = left[key];
    const y = right[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** `next`, with every record equal to its namesake in `previous` replaced by the previous object. */
export function reuseUnchanged<T extends { readonly id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (previous === undefined) return next;
  if (previous.length === 0) return next.length === 0 ? previous : next;
  const byId = new Map<string, T>();
  for (const record of previous) byId.set(record.id, record);
  let allReused = previous.length === next.length;
  const merged = next.map((record, position) => {
    const old = byId.get(record.id);
    if (old !== undefined && sameRecord(old, record)) {
      if (previous[position] !== old) allReused = false;
      return old;
    }
    allReused = false;
    return record;
  });
  return allReused ? previous : merged;
}
