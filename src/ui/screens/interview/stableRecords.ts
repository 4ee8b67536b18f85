/**
 * Structural sharing between snapshots. Every storage read materialises fresh record objects, so
 * without this a single autosave would hand every memoised note row a "new" record and re-render
 * 2,000 rows. A stabiliser remembers the last objects it returned and hands back the same object
 * for a record whose content did not change, and the same array when nothing in it changed.
 */

/** Deep equality of JSON-like values and of Maps of them (records are parsed JSON: no cycles). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key) || !sameValue(value, b.get(key))) return false;
    }
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(rb, key) || !sameValue(ra[key], rb[key])) return false;
  }
  return true;
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

/**
 * For lists of records keyed by id: each record keeps its previous object while unchanged, and the
 * list keeps its previous array while every element is the same object in the same place.
 */
export function createListStabilizer<T extends { readonly id: string }>(): (next: readonly T[]) => readonly T[] {
  let byId = new Map<string, T>();
  let previousList: readonly T[] = [];
  return (next) => {
    const nextById = new Map<string, T>();
    const list: T[] = new Array<T>(next.length);
    let unchanged = next.length === previousList.length;
    for (let i = 0; i < next.length; i++) {
      const record = next[i] as T;
      const old = byId.get(record.id);
      const kept = old !== undefined && sameValue(old, record) ? old : record;
      nextById.set(kept.id, kept);
      list[i] = kept;
      if (unchanged && previousList[i] !== kept) unchanged = false;
    }
    byId = nextById;
    if (unchanged) return previousList;
    previousList = list;
    return list;
  };
}

/**
 * Groups records by a key (attachments by observation) with stable group arrays: a group whose
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
