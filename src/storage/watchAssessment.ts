/**
 * Live data for the screens, at a cost that follows what changed, not the size of the assessment.
 *
 * The assessment is read whole once. After that, every committed write (in this tab, or in another
 * tab, worker or window of the origin: Dexie 4 broadcasts each committed transaction's changed key
 * ranges over a BroadcastChannel, https://dexie.org/docs/Dexie/Dexie.on.storagemutated) names the
 * primary keys it touched; only those records are read again (one read transaction, validated like
 * every read) and patched into the previous snapshot. A table nothing touched keeps its very array,
 * and an untouched record its very object, so screens downstream compare by identity.
 *
 * Saving a note used to re-read every record of the assessment before the note was listed (148 ms
 * at 2,000 notes, growing with the assessment); now it reads one observation.
 *
 * When a notice does not name its keys (Dexie names none for a bulk write of 50 rows or more, a
 * range delete or a clear: a bundle import, say) the whole assessment is read again, as before.
 *
 * With `firstInterviewId` (the interview screen opened first), the first snapshot holds only what
 * that screen shows (loadInterviewFirst.ts, `complete: false`), and the whole assessment is read
 * once `afterFirst` says so (the app: after the next paint), then kept live as above.
 *
 * A write this tab has just committed need not wait for that read: `applyCommitted` patches the
 * record the write returned into the snapshot at once (validated and filtered like a read row), and
 * the read its notice starts then confirms it (an equal record: downstream keeps its objects). A
 * read that began before the record was applied (an older view of the disk) gets it applied again on
 * top, so it never flickers out; the first read to begin after it is the word of the disk.
 *
 * A read that fails (IndexedDB refused it) goes to `onError`; the next notice then reads everything
 * again, so nothing missed is lost. Call the returned function when the screen goes away.
 */
import { Dexie, liveQuery, type IntervalTree, type ObservabilitySet } from 'dexie';
import { tableNames, type TableName } from '../core/assessment/recordSchemas';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { loadAssessment, type AssessmentRecords, type AssessmentSnapshot } from './loadAssessment';
import { loadInterviewFirst } from './loadInterviewFirst';
import { toStorageFailure, type StorageFailure } from './storageFailure';
import { validateRows, type InvalidRow, type ReadOptions } from './validateRows';

export type Unsubscribe = () => void;

/** Stops watching when called; `applyCommitted` shows a record this tab has just written. */
export type AssessmentWatch = Unsubscribe & {
  /** The record as a committed write of `table` stored it (its write's own result). */
  readonly applyCommitted: <R extends { readonly id: string }>(table: TableName, record: R) => void;
};
export type OnStorageError = (failure: StorageFailure) => void;

/** The record ids a notice names, per record table; `all` when it names a range instead. */
export type ChangedKeys = { readonly kind: 'keys'; readonly keys: ReadonlyMap<TableName, ReadonlySet<string>> } | { readonly kind: 'all' };

const RECORD_TABLES: ReadonlySet<string> = new Set(tableNames);

/**
 * Which records of `dbName` a storage-mutated notice touched. Only the primary-key part of each
 * record table matters (`idb://<db>/<table>/`); the change log, field versions and outbox are not
 * shown by screens. A part that is not a set of single keys means "everything may have changed".
 */
export function changedKeysOf(dbName: string, parts: ObservabilitySet): ChangedKeys | undefined {
  const prefix = `idb://${dbName}/`;
  const keys = new Map<TableName, Set<string>>();
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    if (index !== '' || table === undefined || !RECORD_TABLES.has(table)) continue;
    const ids = singleKeys(tree);
    if (ids === undefined) return { kind: 'all' };
    if (ids.length === 0) continue;
    const set = keys.get(table as TableName) ?? new Set<string>();
    for (const id of ids) set.add(id);
    keys.set(table as TableName, set);
  }
  return keys.size === 0 ? undefined : { kind: 'keys', keys };
}

/**
 * The keys of an interval tree made only of single string keys, or undefined when it holds a real
 * range. Walked by hand (left, node, right): a notice from another tab arrives structured-cloned,
 * without Dexie's RangeSet prototype.
 */
function singleKeys(tree: IntervalTree): string[] | undefined {
  const out: string[] = [];
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || node === null || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return undefined;
    out.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return out;
}

export interface WatchOptions extends ReadOptions {
  /** Start from what this interview's screen shows first, then read the rest (see above). */
  readonly firstInterviewId?: string | undefined;
  /** Calls `readRest` when the whole assessment should be read; default: in the next task. */
  readonly afterFirst?: ((readRest: () => void) => void) | undefined;
}

/** Calls `onChange` with the assessment's snapshot now and after every change to it. */
export function watchAssessment(
  db: MmdmaDatabase,
  assessmentId: string,
  onChange: (snapshot: AssessmentSnapshot) => void,
  onError: OnStorageError = reportToConsole,
  options: WatchOptions = {},
): AssessmentWatch {
  const { firstInterviewId, afterFirst = (readRest: () => void) => void setTimeout(readRest, 0), ...readOptions } = options;
  let closed = false;
  let current: AssessmentSnapshot | undefined;
  /** Keys named since the last read began; `all` once a notice named a range or a read failed. */
  let pending: ChangedKeys | undefined = { kind: 'all' };
  let running = false;
  /** The narrowed first read is for the first read only: after that, or after a failure, it is whole. */
  let narrowTo = firstInterviewId;
  /** Records applied from this tab's committed writes, by table/id, with the order they were applied in. */
  const applied = new Map<string, { readonly table: TableName; readonly record: { readonly id: string }; readonly order: number }>();
  let appliedCount = 0;

  /** `snapshot` with the records applied after a read began (`since`) put back on top of what it read. */
  const withApplied = (snapshot: AssessmentSnapshot, since: number): AssessmentSnapshot => {
    const rows = new Map<TableName, { ids: string[]; rows: unknown[] }>();
    for (const [key, entry] of applied) {
      // Applied before the read began, so after its write committed: the read has it, or newer.
      if (entry.order <= since) {
        applied.delete(key);
        continue;
      }
      const named = rows.get(entry.table) ?? { ids: [], rows: [] };
      named.ids.push(entry.record.id);
      named.rows.push(entry.record);
      rows.set(entry.table, named);
    }
    return rows.size === 0 ? snapshot : patchRows(snapshot, rows, readOptions);
  };

  const readAll = (): Promise<Result<AssessmentSnapshot, StorageFailure>> => {
    const interviewId = narrowTo;
    narrowTo = undefined;
    return interviewId === undefined ? loadAssessment(db, assessmentId, readOptions) : loadInterviewFirst(db, assessmentId, interviewId, readOptions);
  };

  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (!closed && pending !== undefined) {
        const work = pending;
        pending = undefined;
        const since = appliedCount;
        const base = current;
        const result = work.kind === 'all' || base === undefined ? await readAll() : await patchSnapshot(db, base, work.keys, readOptions);
        if (closed) return;
        if (!result.ok) {
          pending = { kind: 'all' };
          onError(result.error);
          return;
        }
        // A patch read starts from the snapshot of its start; records applied since go back on top.
        const next = result.value === base && current !== undefined ? current : withApplied(result.value, since);
        if (next === current) continue;
        const wasComplete = current?.complete ?? true;
        current = next;
        onChange(next);
        if (!next.complete && wasComplete) {
          // Notices until then patch the partial snapshot; the whole read replaces it.
          afterFirst(() => {
            if (closed) return;
            pending = { kind: 'all' };
            void run();
          });
        }
      }
    } catch (error) {
      // The reads turn storage errors into results; what reaches here is a bug.
      onError({ kind: 'storage-failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };

  const onMutated = (parts: ObservabilitySet) => {
    if (closed) return;
    const changed = changedKeysOf(db.name, parts);
    if (changed === undefined) return;
    pending = mergeChanged(pending, changed);
    void run();
  };
  Dexie.on('storagemutated', onMutated);
  void run();
  const applyCommitted = <R extends { readonly id: string }>(table: TableName, record: R) => {
    // Before the first read, that read will have it.
    if (closed || current === undefined) return;
    appliedCount += 1;
    applied.set(`${table}/${record.id}`, { table, record, order: appliedCount });
    const next = patchRows(current, new Map([[table, { ids: [record.id], rows: [record] }]]), readOptions);
    if (next === current) return;
    current = next;
    onChange(next);
  };
  return Object.assign(
    () => {
      closed = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
    { applyCommitted },
  );
}

function mergeChanged(a: ChangedKeys | undefined, b: ChangedKeys): ChangedKeys {
  if (a === undefined) return b;
  if (a.kind === 'all' || b.kind === 'all') return { kind: 'all' };
  const keys = new Map<TableName, Set<string>>();
  for (const source of [a.keys, b.keys]) {
    for (const [table, ids] of source) {
      const set = keys.get(table) ?? new Set<string>();
      for (const id of ids) set.add(id);
      keys.set(table, set);
    }
  }
  return { kind: 'keys', keys };
}

/**
 * `previous` with the named records read again: in one read transaction, validated, placed in
 * primary-key order; records of other assessments ignored. The same snapshot object when nothing
 * of this assessment changed.
 */
export async function patchSnapshot(
  db: MmdmaDatabase,
  previous: AssessmentSnapshot,
  keys: ReadonlyMap<TableName, ReadonlySet<string>>,
  options: ReadOptions = {},
): Promise<Result<AssessmentSnapshot, StorageFailure>> {
  const tables = [...keys.keys()];
  let rows: Map<TableName, readonly unknown[]>;
  try {
    rows = await db.transaction('r', tables, async () => {
      const read = new Map<TableName, readonly unknown[]>();
      for (const table of tables) read.set(table, await db[table].bulkGet([...(keys.get(table) ?? [])]));
      return read;
    });
  } catch (error) {
    return err(toStorageFailure(error));
  }

  return ok(patchRows(previous, new Map(tables.map((table) => [table, withIds(keys.get(table), rows.get(table))] as const)), options));
}

/** The rows read for `ids` (bulkGet: one per id, undefined when absent), paired with their ids. */
function withIds(ids: ReadonlySet<string> | undefined, read: readonly unknown[] | undefined): NamedRows {
  return { ids: [...(ids ?? [])], rows: read ?? [] };
}

/** Rows of one table for the named ids: `rows[i]` is what is stored under `ids[i]` (undefined: nothing). */
export interface NamedRows {
  readonly ids: readonly string[];
  readonly rows: readonly unknown[];
}

/**
 * `previous` with the named records replaced by what is stored under their ids (per table), validated
 * and filtered as every read is: deleted ones dropped, invalid ones counted, records of other
 * assessments ignored. The same snapshot object when nothing of this assessment changed.
 */
export function patchRows(previous: AssessmentSnapshot, byTable: ReadonlyMap<TableName, NamedRows>, options: ReadOptions = {}): AssessmentSnapshot {
  let assessment = previous.assessment;
  const records: { -readonly [T in keyof AssessmentRecords]: AssessmentRecords[T] } = { ...previous.records };
  const invalidById = new Map(previous.invalidRows.map((row) => [`${row.table}/${row.id ?? ''}`, row] as const));
  let changed = false;
  for (const [table, given] of byTable) {
    const { ids, rows: read } = given;
    const mine = new Map<string, unknown>();
    ids.forEach((id, position) => {
      const row = read[position];
      if (row !== undefined && belongsTo(table, row, previous.assessmentId)) mine.set(id, row);
    });
    const named = new Set(ids);
    // Rows that failed validation before and were named again are judged afresh.
    for (const id of ids) if (invalidById.delete(`${table}/${id}`)) changed = true;
    const valid = validateRows(table, [...mine.values()], options);
    for (const row of valid.invalidRows) {
      invalidById.set(`${row.table}/${row.id ?? ''}`, row);
      changed = true;
    }
    if (table === 'assessment') {
      if (!named.has(previous.assessmentId)) continue;
      const next = valid.records[0];
      if (next !== assessment) changed = true;
      assessment = next as AssessmentSnapshot['assessment'];
      continue;
    }
    const list = records[table] as readonly { readonly id: string }[];
    const patched = patchList(list, named, valid.records as readonly { readonly id: string }[]);
    if (patched !== list) {
      changed = true;
      (records as Record<string, readonly { readonly id: string }[]>)[table] = patched;
    }
  }
  if (!changed) return previous;
  const invalidRows: InvalidRow[] = [...invalidById.values()];
  return { assessmentId: previous.assessmentId, assessment, records, invalid: invalidRows.length, invalidRows, complete: previous.complete };
}

function belongsTo(table: TableName, row: unknown, assessmentId: string): boolean {
  if (typeof row !== 'object' || row === null) return false;
  if (table === 'assessment') return 'id' in row && row.id === assessmentId;
  return 'assessmentId' in row && row.assessmentId === assessmentId;
}

/**
 * The list (sorted by id, as IndexedDB returns it) with every record whose id is in `named`
 * replaced by its new version in `fresh`, or removed when it has none (deleted, invalid, gone, or
 * of another assessment now). Untouched records keep their objects; a fresh record is spliced in at
 * its place by binary search, so a new note costs O(log n) comparisons and one array copy.
 */
export function patchList<T extends { readonly id: string }>(list: readonly T[], named: ReadonlySet<string>, fresh: readonly T[]): readonly T[] {
  const next = [...list];
  let changed = false;
  const freshById = new Map(fresh.map((record) => [record.id, record] as const));
  for (const id of named) {
    const at = lowerBound(next, id);
    const existing = next[at]?.id === id ? next[at] : undefined;
    const replacement = freshById.get(id);
    if (existing !== undefined && replacement !== undefined) {
      if (existing === replacement) continue;
      next[at] = replacement;
      changed = true;
    } else if (existing !== undefined) {
      next.splice(at, 1);
      changed = true;
    } else if (replacement !== undefined) {
      next.splice(at, 0, replacement);
      changed = true;
    }
  }
  return changed ? next : list;
}

/** The first position whose id is not below `id` (IndexedDB's string order is code-unit order, as `<`). */
function lowerBound(list: readonly { readonly id: string }[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const candidate = list[middle];
    if (candidate !== undefined && candidate.id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Subscribes to a read that is repeated whole after any write it read from; for small reads. */
export function watch<T>(
  read: () => Promise<Result<T, StorageFailure>>,
  onChange: (value: T) => void,
  onError: OnStorageError,
): Unsubscribe {
  const subscription = liveQuery(read).subscribe({
    next: (result) => (result.ok ? onChange(result.value) : onError(result.error)),
    // The reads turn storage errors into results; what reaches here is a bug (a thrown TypeError).
    error: (error: unknown) => onError({ kind: 'storage-failed', message: error instanceof Error ? error.message : String(error) }),
  });
  return () => subscription.unsubscribe();
}

function reportToConsole(failure: StorageFailure): void {
  console.error('storage watch failed', failure);
}
