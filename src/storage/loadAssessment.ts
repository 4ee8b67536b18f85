/**
 * Everything of one assessment, in one read transaction (a consistent snapshot across tables), for
 * the dashboard and the estimator: the assessment record and every record that belongs to it,
 * grouped by table, each row validated.
 */
import type { Assessment } from '../core/assessment/assessmentSchema';
import { tableNames, type RecordOf, type TableName } from '../core/assessment/recordSchemas';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';
import { validateRows, type InvalidRow, type ReadOptions } from './validateRows';

/** The tables whose records belong to an assessment (all but `assessment` itself). */
export type AssessmentPartTable = Exclude<TableName, 'assessment'>;
export const assessmentPartTables = tableNames.filter((t): t is AssessmentPartTable => t !== 'assessment');

export type AssessmentRecords = { readonly [T in AssessmentPartTable]: readonly RecordOf<T>[] };

export interface AssessmentSnapshot {
  readonly assessmentId: string;
  /** Undefined when the assessment record is missing, deleted (unless asked for) or invalid. */
  readonly assessment: Assessment | undefined;
  /** Records of each table, in primary-key order (UUIDv7 ids: roughly creation order). */
  readonly records: AssessmentRecords;
  /** Rows skipped because they failed validation, over all tables. */
  readonly invalid: number;
  readonly invalidRows: readonly InvalidRow[];
  /**
   * False for the interview screen's first read (loadInterviewFirst.ts): observations of one
   * interview only, and no ratings, consensus or findings. Whatever counts or estimates across
   * the assessment waits for a complete snapshot.
   */
  readonly complete: boolean;
}

export async function loadAssessment(
  db: MmdmaDatabase,
  assessmentId: string,
  options: ReadOptions = {},
): Promise<Result<AssessmentSnapshot, StorageFailure>> {
  const queries = assessmentPartTables.map((table) => [table, () => db[table].where('assessmentId').equals(assessmentId).toArray()] as const);
  return readSnapshot(db, assessmentId, queries, options, true);
}

/**
 * One read transaction over the record tables: the assessment row and the parts `queries` read,
 * validated into a snapshot (`complete` when every part was read whole). Shared by the whole read
 * and the interview screen's narrowed first read (loadInterviewFirst.ts).
 */
export async function readSnapshot(
  db: MmdmaDatabase,
  assessmentId: string,
  queries: readonly (readonly [AssessmentPartTable, () => Promise<unknown[]>])[],
  options: ReadOptions,
  complete: boolean,
): Promise<Result<AssessmentSnapshot, StorageFailure>> {
  let rows: { assessment: unknown; parts: ReadonlyMap<AssessmentPartTable, unknown[]> };
  try {
    rows = await db.transaction('r', [...tableNames], async () => {
      const assessment: unknown = await db.assessment.get(assessmentId);
      const parts = new Map<AssessmentPartTable, unknown[]>();
      for (const [table, query] of queries) parts.set(table, await query());
      return { assessment, parts };
    });
  } catch (error) {
    return err(toStorageFailure(error));
  }
  return ok(snapshotOf(assessmentId, rows.assessment, rows.parts, options, complete));
}

/** Validates what a read found; a table absent from `parts` gives an empty list. */
export function snapshotOf(
  assessmentId: string,
  assessmentRow: unknown,
  parts: ReadonlyMap<AssessmentPartTable, unknown[]>,
  options: ReadOptions,
  complete: boolean,
): AssessmentSnapshot {
  const invalidRows: InvalidRow[] = [];
  const head = validateRows('assessment', assessmentRow === undefined ? [] : [assessmentRow], options);
  invalidRows.push(...head.invalidRows);
  const part = <T extends AssessmentPartTable>(table: T): readonly RecordOf<T>[] => {
    const read = validateRows(table, parts.get(table) ?? [], options);
    invalidRows.push(...read.invalidRows);
    return read.records;
  };
  const records: AssessmentRecords = {
    assessor: part('assessor'),
    institution: part('institution'),
    interview: part('interview'),
    interviewee: part('interviewee'),
    observation: part('observation'),
    attachment: part('attachment'),
    rating: part('rating'),
    consensus: part('consensus'),
    finding: part('finding'),
  };
  return { assessmentId, assessment: head.records[0], records, invalid: invalidRows.length, invalidRows, complete };
}
