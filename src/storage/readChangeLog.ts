/**
 * The change log as bundles and sync read it: thin wrappers over the core's `changesSince` and
 * `versionVector`, so every exchange path moves exactly the same changes. Rows are validated on the
 * way out; a damaged row is skipped and reported, so one bad row cannot block an export.
 */
import { changeSchema, type Change } from '../core/merge/change';
import { compareChangesCanonically } from '../core/merge/mergeChanges';
import { changesSince as coreChangesSince, versionVector as coreVersionVector, versionVectorSchema, type VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { problemsOf, toStorageFailure, type StorageFailure } from './storageFailure';
import type { InvalidRow } from './validateRows';

export interface ChangeLogRead {
  /** In canonical order (by HLC, then table, id, field). */
  readonly changes: readonly Change[];
  readonly invalid: number;
  readonly invalidRows: readonly InvalidRow[];
}

/** Every logged change a replica with `vector` has not seen. `{}` gives the whole log. */
export async function changesSince(db: MmdmaDatabase, vector: unknown): Promise<Result<ChangeLogRead, StorageFailure>> {
  const parsedVector = versionVectorSchema.safeParse(vector);
  if (!parsedVector.success) return err({ kind: 'invalid', problems: problemsOf(parsedVector.error, ['vector']) });
  const log = await readChangeLog(db);
  if (!log.ok) return log;
  const changes = coreChangesSince(log.value.changes, parsedVector.data);
  return ok({ ...log.value, changes });
}

/** Node → newest HLC of that node in the change log. */
export async function versionVector(db: MmdmaDatabase): Promise<Result<VersionVector, StorageFailure>> {
  const log = await readChangeLog(db);
  return log.ok ? ok(coreVersionVector(log.value.changes)) : log;
}

/** The whole change log, validated, in canonical order. */
export async function readChangeLog(db: MmdmaDatabase): Promise<Result<ChangeLogRead, StorageFailure>> {
  let rows: unknown[];
  try {
    // Primary-key order is HLC order, which is most of the canonical order already.
    rows = await db.changeLog.toArray();
  } catch (error) {
    return err(toStorageFailure(error));
  }
  return ok(validateChangeRows(rows, 'changeLog'));
}

/**
 * Stored changes (change log or outbox) validated and in canonical order; invalid rows are skipped
 * and reported, never thrown, like every other read.
 */
export function validateChangeRows(rows: readonly unknown[], table: 'changeLog' | 'outbox'): ChangeLogRead {
  const changes: Change[] = [];
  const invalidRows: InvalidRow[] = [];
  for (const row of rows) {
    const parsed = changeSchema.safeParse(row);
    if (parsed.success) changes.push(parsed.data);
    else invalidRows.push({ table, id: hlcOf(row), problems: problemsOf(parsed.error) });
  }
  changes.sort(compareChangesCanonically);
  return { changes, invalid: invalidRows.length, invalidRows };
}

function hlcOf(row: unknown): string | undefined {
  return typeof row === 'object' && row !== null && 'hlc' in row && typeof row.hlc === 'string' ? row.hlc : undefined;
}
