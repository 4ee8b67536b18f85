/**
 * Rows read back from IndexedDB are untrusted: an older app version, a merge that produced an
 * incomplete record, a browser extension or a disk error may have left anything there. A screen
 * must still open, so invalid rows are skipped and reported (with their problems, for a "some
 * records could not be read" notice and for support), never thrown.
 */
import type { RecordOf, TableName } from '../core/assessment/recordSchemas';
import { parseRecord } from './parseRecord';
import type { Problem } from './storageFailure';

export interface InvalidRow {
  readonly table: string;
  /** The row's key when it has a readable one. */
  readonly id: string | undefined;
  readonly problems: readonly Problem[];
}

export interface RecordsRead<T> {
  readonly records: readonly T[];
  /** How many rows were skipped because they failed validation. */
  readonly invalid: number;
  readonly invalidRows: readonly InvalidRow[];
}

export interface ReadOptions {
  /** Include records whose `deleted` field is true (for an undo or trash view). Default false. */
  readonly includeDeleted?: boolean;
}

/** Validates rows of one table; invalid rows are collected, deleted ones dropped unless asked. */
export function validateRows<T extends TableName>(
  table: T,
  rows: readonly unknown[],
  options: ReadOptions = {},
): RecordsRead<RecordOf<T>> {
  const records: RecordOf<T>[] = [];
  const invalidRows: InvalidRow[] = [];
  for (const row of rows) {
    const parsed = parseRecord(table, row);
    if (!parsed.ok) invalidRows.push({ table, id: keyOf(row), problems: parsed.error });
    else if (options.includeDeleted || !isDeleted(parsed.value)) records.push(parsed.value);
  }
  return { records, invalid: invalidRows.length, invalidRows };
}

export function keyOf(row: unknown): string | undefined {
  return typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : undefined;
}

function isDeleted(record: object): boolean {
  return 'deleted' in record && record.deleted === true;
}
