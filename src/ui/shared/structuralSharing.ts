/**
 * Structural sharing: the one helper behind every "same object while unchanged" in the UI.
 *
 * Storage reads and view models build fresh objects; memoised rows and `computed`s compare by
 * identity. Handing back the previous object wherever the new one holds the same data (a record, a
 * pillar row, a map of counts), and the previous array when every element was kept in its place,
 * means a saved keystroke re-renders the one note it changed, not the 2,000 around it, and a new
 * note re-renders only the dashboard rows whose figures moved.
 */

/**
 * Deep equality of plain data: primitives (by Object.is, so NaN equals NaN), arrays, plain objects
 * (same own keys; `{ a: 1 }` is not `{ a: 1, b: undefined }`) and Maps of them. Shared objects (a
 * framework) compare by identity first, so equal references cost nothing. No cycles: records are
 * parsed JSON and view models are trees.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key) || !sameValue(value, b.get(key))) return false;
    }
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(right, key) || !sameValue(left[key], right[key])) return false;
  }
  return true;
}

const byId = (item: { readonly id: string }) => item.id;

/**
 * `next`, with every item equal to its namesake (same key) in `previous` replaced by the previous
 * object; `previous` itself when every item was kept in the same place (so list-level memoisation
 * holds too). Items that are already the previous objects (a patched storage snapshot) cost one
 * comparison each.
 */
export function reuseUnchanged<T extends { readonly id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[];
export function reuseUnchanged<T>(previous: readonly T[] | undefined, next: readonly T[], keyOf: (item: T) => string): readonly T[];
export function reuseUnchanged<T>(previous: readonly T[] | undefined, next: readonly T[], keyOf: (item: T) => string = byId as unknown as (item: T) => string): readonly T[] {
  if (previous === undefined || previous === next) return previous ?? next;
  if (previous.length === 0) return next.length === 0 ? previous : next;
  let before: Map<string, T> | undefined;
  let allReused = previous.length === next.length;
  const merged = next.map((item, position) => {
    if (previous[position] === item) return item;
    before ??= new Map(previous.map((old) => [keyOf(old), old] as const));
    const old = before.get(keyOf(item));
    if (old !== undefined && sameValue(old, item)) {
      if (previous[position] !== old) allReused = false;
      return old;
    }
    allReused = false;
    return item;
  });
  return allReused ? previous : merged;
}

/** The previous value when equal to the next one, else the next one. */
export function createValueStabilizer<T>(): (next: T) => T {
  let previous: { value: T } | undefined;
  return (next) => {
    if (previous !== undefined && sameValue(previous.value, next)) return previous.value;
    previous = { value: next };
    return next;
  };
}

/** reuseUnchanged against whatever this stabiliser handed out last. */
export function createListStabilizer<T extends { readonly id: string }>(): (next: readonly T[]) => readonly T[] {
  let previous: readonly T[] | undefined;
  return (next) => {
    previous = reuseUnchanged(previous, next);
    return previous;
  };
}

/**
 * Groups of records by a key (attachments by observation) with stable group arrays: a group whose
 * members are all unchanged keeps its previous array, so only rows whose group changed re-render;
 * and the map itself stays the same object while no group changed.
 */
export function createGroupStabilizer<T extends { readonly id: string }>(): (groups: ReadonlyMap<string, readonly T[]>) => ReadonlyMap<string, readonly T[]> {
  const stabilizers = new Map<string, (next: readonly T[]) => readonly T[]>();
  let previous: ReadonlyMap<string, readonly T[]> = new Map();
  return (groups) => {
    const result = new Map<string, readonly T[]>();
    let unchanged = groups.size === previous.size;
    for (const [key, members] of groups) {
      let stabilize = stabilizers.get(key);
      if (!stabilize) {
        stabilize = createListStabilizer<T>();
        stabilizers.set(key, stabilize);
      }
      const group = stabilize(members);
      result.set(key, group);
      if (unchanged && previous.get(key) !== group) unchanged = false;
    }
    // Forget groups that disappeared, so memory follows the data.
    for (const key of [...stabilizers.keys()]) if (!groups.has(key)) stabilizers.delete(key);
    if (unchanged) return previous;
    previous = result;
    return result;
  };
}
