/**
 * Ids of records with a natural key (DESIGN.md section 5): one rating per assessment × indicator ×
 * track × assessor, one consensus per assessment × scope × target × track. Two devices that create
 * "the" rating then write to the same record, and last-writer-wins per field merges them.
 */
import { consensusId } from '../core/assessment/consensusSchema';
import type { RecordOf, TableName } from '../core/assessment/recordSchemas';
import { ratingId } from '../core/assessment/ratingSchema';

/** The deterministic id of a validated record, or undefined for tables whose ids are UUIDv7. */
export function naturalId<T extends TableName>(table: T, record: RecordOf<T>): string | undefined {
  const fields: Readonly<Record<string, unknown>> = record;
  switch (table) {
    case 'rating':
      return ratingId(str(fields.assessmentId), str(fields.indicatorId), str(fields.trackId), str(fields.assessorId));
    case 'consensus':
      return consensusId(str(fields.assessmentId), consensusScope(fields.scope), str(fields.targetId), str(fields.trackId));
    default:
      return undefined;
  }
}

/** Whether `table` derives its ids from a natural key. */
export function hasNaturalKey(table: TableName): boolean {
  return table === 'rating' || table === 'consensus';
}

// The record has been validated by its schema, so these fields are strings; the helpers only
// satisfy the type checker without a cast per field.
function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`naturalId: expected a validated string, got ${typeof value}`);
  return value;
}

function consensusScope(value: unknown): 'sub-topic' | 'pillar' {
  if (value === 'sub-topic' || value === 'pillar') return value;
  throw new TypeError(`naturalId: unexpected consensus scope ${String(value)}`);
}
