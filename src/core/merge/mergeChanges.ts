/**
 * Last-writer-wins per field, as pure functions over change sets and over the state they fold into.
 *
 * For each (table, id, field) the change with the greatest HLC wins. The HLC embeds the node id, so
 * two devices never produce equal timestamps, and a device stamps every change with its own tick
 * (one HLC per change, even for several fields saved together: the hub's push is idempotent on
 * HLC + node, and `changesSince` relies on it too). Equal timestamps on one field therefore mean
 * the same change seen twice. Should that be broken (a bug, a forged bundle), the tie is still
 * broken the same way on every device — by the canonical JSON of the value, then by node — so
 * replicas converge regardless.
 *
 * Because the winner is a maximum under one total order, merging is commutative, associative and
 * idempotent, which is what lets bundles be imported in any order and any number of times. The
 * property tests in test/unit/mergeChanges.test.ts check exactly that over three replicas.
 */
import type { TableName } from '../assessment/recordSchemas';
import type { Change, JsonValue } from './change';

/** Field versions of one record: field name → the change that currently wins it. */
export type RecordVersions = ReadonlyMap<string, Change>;
/**
 * What a set of changes folds into: table → record id → field → winning change. Keeping the
 * winning change (not just the value) is what lets two states merge exactly as two change sets do.
 */
export type ChangeState = ReadonlyMap<TableName, ReadonlyMap<string, RecordVersions>>;
/** A record as plain data: the winning value of each field, plus `id` from the key. */
export type MaterialisedRecord = Readonly<Record<string, JsonValue>>;

/** Orders two versions of the same field; the greater one wins. */
export function compareChangeVersions(a: Change, b: Change): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.value !== b.value) {
    const va = canonicalJson(a.value);
    const vb = canonicalJson(b.value);
    if (va !== vb) return va < vb ? -1 : 1;
  }
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

/** The canonical order of a change set: by HLC, then table, id and field (code-unit order). */
export function compareChangesCanonically(a: Change, b: Change): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.table !== b.table) return a.table < b.table ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.field !== b.field) return a.field < b.field ? -1 : 1;
  return 0;
}

/**
 * The union of two change sets keeping only the winner of each field, in canonical order, so two
 * merges that should agree can be compared with deep equality.
 */
export function mergeChangeSets(a: readonly Change[], b: readonly Change[]): Change[] {
  const winners = new Map<string, Change>();
  for (const set of [a, b]) {
    for (const change of set) {
      const key = fieldKey(change);
      const current = winners.get(key);
      if (current === undefined || compareChangeVersions(change, current) > 0) winners.set(key, change);
    }
  }
  return [...winners.values()].sort(compareChangesCanonically);
}

/** One change set reduced to the winner of each field (the outbox's compaction). */
export function compactChanges(changes: readonly Change[]): Change[] {
  return mergeChangeSets(changes, []);
}

export function emptyChangeState(): ChangeState {
  return new Map();
}

/**
 * Folds changes into a state and returns the new state; the input state is not modified. Only the
 * tables and records a change actually wins are copied, so applying a small batch to a large state
 * costs the batch plus the records it touches, not the whole state.
 */
export function applyChanges(state: ChangeState, changes: Iterable<Change>): ChangeState {
  const tables = new Map(state);
  const ownTables = new Map<TableName, Map<string, RecordVersions>>();
  const ownRecords = new Map<string, Map<string, Change>>();
  for (const change of changes) {
    const current = tables.get(change.table)?.get(change.id)?.get(change.field);
    if (current !== undefined && compareChangeVersions(change, current) <= 0) continue;
    let table = ownTables.get(change.table);
    if (table === undefined) {
      table = new Map(state.get(change.table) ?? []);
      ownTables.set(change.table, table);
      tables.set(change.table, table);
    }
    const key = recordKey(change);
    let record = ownRecords.get(key);
    if (record === undefined) {
      record = new Map(table.get(change.id) ?? []);
      ownRecords.set(key, record);
      table.set(change.id, record);
    }
    record.set(change.field, change);
  }
  return tables;
}

/** The state holding, for every field, the winner of both states. */
export function mergeStates(a: ChangeState, b: ChangeState): ChangeState {
  return applyChanges(a, iterateChanges(b));
}

/** The winning changes of a state, in canonical order: the compacted change set it stands for. */
export function changesOfState(state: ChangeState): Change[] {
  return [...iterateChanges(state)].sort(compareChangesCanonically);
}

/** The HLC that currently wins a field, for `classifyChanges`. */
export function winningHlcIn(state: ChangeState): (table: TableName, id: string, field: string) => string | undefined {
  return (table, id, field) => state.get(table)?.get(id)?.get(field)?.hlc;
}

/**
 * Plain records: table → id → record. A record is whatever fields its changes set (`deleted` is
 * one of them); validate with `recordSchemas[table]` before trusting its shape. The id always
 * comes from the key, whatever a change to a field named "id" said.
 */
export function recordsOf(state: ChangeState): Map<TableName, Map<string, MaterialisedRecord>> {
  const result = new Map<TableName, Map<string, MaterialisedRecord>>();
  for (const [tableName, records] of state) {
    const table = new Map<string, MaterialisedRecord>();
    for (const [id, fields] of records) {
      // Object.fromEntries defines own properties, so no field name can reach a prototype.
      const record = Object.fromEntries([...fields].map(([field, change]) => [field, change.value]));
      table.set(id, { ...record, id });
    }
    result.set(tableName, table);
  }
  return result;
}

/** Records from a change set in one step. */
export function materialise(changes: Iterable<Change>): Map<TableName, Map<string, MaterialisedRecord>> {
  return recordsOf(applyChanges(emptyChangeState(), changes));
}

function* iterateChanges(state: ChangeState): Generator<Change> {
  for (const records of state.values()) {
    for (const fields of records.values()) yield* fields.values();
  }
}

/** One record's key in maps and sets: table and id, NUL-separated like `fieldKey`. */
export function recordKey(ref: { readonly table: string; readonly id: string }): string {
  return `${ref.table}\u0000${ref.id}`;
}

/** Table and id have fixed alphabets without NUL, so the key is unambiguous whatever the field. */
export function fieldKey(change: { readonly table: string; readonly id: string; readonly field: string }): string {
  return `${change.table}\u0000${change.id}\u0000${change.field}`;
}

/** JSON with object keys sorted, so equal values have equal text whatever their key order. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
}
