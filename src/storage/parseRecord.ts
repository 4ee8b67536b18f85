import type { z } from 'zod';
import { recordSchemas, type RecordOf, type TableName } from '../core/assessment/recordSchemas';
import { err, ok, type Result } from '../core/result';
import { problemsOf, type Problem } from './storageFailure';

/**
 * Validates a value as a record of `table`, with the table's zod schema (defaults filled in, names
 * trimmed). Used on every input and on every row read back from IndexedDB.
 */
export function parseRecord<T extends TableName>(table: T, value: unknown): Result<RecordOf<T>, Problem[]> {
  // `recordSchemas[table]` is a union of ten schemas for a generic T; TypeScript cannot narrow it to
  // the schema of T, which is exactly what the lookup returns at runtime.
  const schema = recordSchemas[table] as unknown as z.ZodType<RecordOf<T>>;
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(problemsOf(parsed.error));
}
