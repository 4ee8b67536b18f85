/**
 * Which of many keys are stored, for imports and sync, without a request per key. IndexedDB has no
 * "get these 10,000 keys" (Dexie's `bulkGet` is one request each; `anyOf` steps a cursor), but it
 * reads every key of a range in one request. So these helpers read the keys — never the values —
 * in the span from the smallest to the largest incoming id of each table, and intersect. UUIDv7 ids
 * are ordered by creation time, so the span of a batch of new records holds few stored ones.
 *
 * A span can also cover a whole large table: a small sync that edits one old note and adds one new
 * one spans every note. So a table with only a few incoming records (FEW_KEYS) is looked up record
 * by record instead — still keys only — and the range read is kept for the large batches of imports.
 *
 * Call inside a transaction that includes the tables read, so the answer stays true until the writes.
 */
import type { TableName } from '../core/assessment/recordSchemas';
import { fieldKey, recordKey } from '../core/merge/mergeChanges';
import type { MmdmaDatabase } from './databaseSchema';

export interface RecordRef {
  readonly table: TableName;
  readonly id: string;
}

/** Up to this many keys of one table are looked up one by one; more, by one range read. */
export const FEW_KEYS = 64;

/** Per table, the smallest and largest id among `refs`. */
function idSpans(refs: readonly RecordRef[]): Map<TableName, { min: string; max: string }> {
  const spans = new Map<TableName, { min: string; max: string }>();
  for (const { table, id } of refs) {
    const span = spans.get(table);
    if (span === undefined) spans.set(table, { min: id, max: id });
    else if (id < span.min) span.min = id;
    else if (id > span.max) span.max = id;
  }
  return spans;
}

export interface StoredFieldVersionKeys {
  /** `fieldKey`s of the field versions stored in the spans. */
  readonly fields: ReadonlySet<string>;
  /** `recordKey`s of the records with at least one stored field version: the records that exist. */
  readonly records: ReadonlySet<string>;
}

/** The keys of the field versions stored in the id spans of `refs` (a superset of theirs). */
export async function storedFieldVersionKeys(db: MmdmaDatabase, refs: readonly RecordRef[]): Promise<StoredFieldVersionKeys> {
  const idsByTable = new Map<TableName, Set<string>>();
  for (const { table, id } of refs) {
    let ids = idsByTable.get(table);
    if (ids === undefined) idsByTable.set(table, (ids = new Set()));
    ids.add(id);
  }
  const byRecord = (table: TableName, ids: ReadonlySet<string>) =>
    Promise.all([...ids].map((id) => db.fieldVersions.where('[table+id]').equals([table, id]).primaryKeys())).then((keys) => keys.flat());
  const spans = await Promise.all(
    [...idSpans(refs)].map(([table, { min, max }]) => {
      const ids = idsByTable.get(table)!;
      if (ids.size <= FEW_KEYS) return byRecord(table, ids);
      return db.fieldVersions.where('[table+id]').between([table, min], [table, max], true, true).primaryKeys();
    }),
  );
  const fields = new Set<string>();
  const records = new Set<string>();
  for (const keys of spans) {
    for (const key of keys) {
      // A key of another shape (a damaged row) names no field of the input.
      if (!Array.isArray(key) || key.length !== 3 || !key.every((part) => typeof part === 'string')) continue;
      const [table, id, field] = key as [string, string, string];
      fields.add(fieldKey({ table, id, field }));
      records.add(recordKey({ table, id }));
    }
  }
  return { fields, records };
}

/** Which of `ids` have a row in `table`. */
export function storedRecordIds(db: MmdmaDatabase, table: TableName, ids: readonly string[]): Promise<Set<string>> {
  return storedAmong(
    ids,
    (id) => db[table].where(':id').equals(id).primaryKeys(),
    (min, max) => db[table].where(':id').between(min, max, true, true).primaryKeys(),
  );
}

/** Which of `hlcs` are in the change log. */
export function storedChangeLogKeys(db: MmdmaDatabase, hlcs: readonly string[]): Promise<Set<string>> {
  return storedAmong(
    hlcs,
    (hlc) => db.changeLog.where(':id').equals(hlc).primaryKeys(),
    (min, max) => db.changeLog.where(':id').between(min, max, true, true).primaryKeys(),
  );
}

/** The string keys among `wanted` that are stored: key by key when few, else one read of their span. */
async function storedAmong(
  wanted: readonly string[],
  byKey: (key: string) => Promise<readonly unknown[]>,
  bySpan: (min: string, max: string) => Promise<readonly unknown[]>,
): Promise<Set<string>> {
  const keys = new Set(wanted);
  if (keys.size === 0) return new Set();
  let read: readonly unknown[];
  if (keys.size <= FEW_KEYS) read = (await Promise.all([...keys].map(byKey))).flat();
  else {
    let min = wanted[0]!;
    let max = min;
    for (const key of keys) {
      if (key < min) min = key;
      else if (key > max) max = key;
    }
    read = await bySpan(min, max);
  }
  return new Set(read.filter((key): key is string => typeof key === 'string' && keys.has(key)));
}
