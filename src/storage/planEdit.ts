/**
 * Pure planning of local edits: given the record as stored (or nothing) and what the user asked for,
 * the validated record after the edit and the fields whose value actually changes. Only changed
 * fields produce changes, so saving an unchanged form writes nothing, and an edit never re-stamps
 * (and so never wins a merge with) a field the user did not touch.
 */
import { recordSchemas, type RecordOf, type TableName } from '../core/assessment/recordSchemas';
import { canonicalJson } from '../core/merge/mergeChanges';
import { jsonValueSchema } from '../core/merge/change';
import { err, ok, type Result } from '../core/result';
import type { PlannedEdit } from './commitLocalEdit';
import type { StoredRecordRow } from './databaseSchema';
import { hasNaturalKey } from './naturalId';
import { parseRecord } from './parseRecord';
import type { Problem, StorageFailure } from './storageFailure';

/**
 * A new record with a UUIDv7 id: every field with a value, defaults included, so its changes
 * describe it completely (nobody else can have written to a record whose id was just made).
 *
 * A record with a natural key (a rating, a consensus) may be created on two devices at once — the
 * same assessor rating the same indicator on laptop and tablet — so only the fields the input names
 * are written, plus `deleted` (creating something means wanting it to exist): a default such as an
 * empty rationale or history must not win, by being newer, over a value someone actually typed.
 * Materialising fills defaults back in. The same rule applies when the record already exists here.
 */
export function planCreate<T extends TableName>(
  table: T,
  record: RecordOf<T>,
  inputKeys: readonly string[],
  current: StoredRecordRow | undefined,
): Result<PlannedEdit<T>, StorageFailure> {
  const values: Readonly<Record<string, unknown>> = record;
  const defined = (field: string) => field !== 'id' && values[field] !== undefined;
  if (current === undefined && !hasNaturalKey(table)) return ok({ record, fields: Object.keys(values).filter(defined) });
  const named = [...new Set([...inputKeys, 'deleted'])].filter(defined);
  if (current === undefined) return ok({ record, fields: named });
  return planUpdate(table, current, Object.fromEntries(named.map((field) => [field, values[field]])));
}

/**
 * The stored record with `patch` applied, validated as a whole (a patch that is valid on its own
 * can still produce an invalid record, e.g. when the stored row is damaged).
 */
export function planUpdate<T extends TableName>(
  table: T,
  current: StoredRecordRow,
  patch: Readonly<Record<string, unknown>>,
): Result<PlannedEdit<T>, StorageFailure> {
  const problems = patchProblems(table, patch);
  if (problems.length > 0) return err({ kind: 'invalid', problems });
  const parsed = parseRecord(table, { ...current, ...patch, id: current.id });
  if (!parsed.ok) return err({ kind: 'invalid', problems: parsed.error });
  const next: Readonly<Record<string, unknown>> = parsed.value;
  const fields = Object.keys(patch).filter((field) => !sameJson(next[field], current[field]));
  return ok({ record: parsed.value, fields });
}

/** Problems a patch has before it meets the record: unknown fields, the id, fields set to undefined. */
export function patchProblems(table: TableName, patch: Readonly<Record<string, unknown>>): Problem[] {
  const problems = unknownFieldProblems(table, patch);
  for (const [field, value] of Object.entries(patch)) {
    // A change carries a JSON value, and JSON has no undefined: an optional field cannot be cleared
    // by a change, only set. Say so instead of silently keeping the old value.
    if (value === undefined && field !== 'id') problems.push({ path: field, message: 'cannot be cleared (set it to a value instead)' });
  }
  return problems;
}

/**
 * Keys that are not fields of the table, and `id` (assigned by the store, never by the caller).
 * zod would silently drop them; a misspelt field name must not become silently lost input.
 */
export function unknownFieldProblems(table: TableName, input: Readonly<Record<string, unknown>>): Problem[] {
  const known = new Set(Object.keys(recordSchemas[table].shape));
  const problems: Problem[] = [];
  for (const field of Object.keys(input)) {
    if (field === 'id') problems.push({ path: 'id', message: 'is the record key and is assigned by the store' });
    else if (!known.has(field)) problems.push({ path: field, message: `is not a field of ${table}` });
  }
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ja = jsonValueSchema.safeParse(a);
  const jb = jsonValueSchema.safeParse(b);
  return ja.success && jb.success && canonicalJson(ja.data) === canonicalJson(jb.data);
}
