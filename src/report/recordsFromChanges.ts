/**
 * An assessment's records from a set of changes (a bundle's), folded with the core's merge rule and
 * validated with the record schemas, as storage does on read. Records that do not validate are
 * counted and left out, never guessed at; a set without its assessment record is refused.
 */
import type { AssessmentRecords } from '../core/analysis/assessmentRecords';
import { recordSchemas, type RecordOf, type TableName } from '../core/assessment/recordSchemas';
import type { Change } from '../core/merge/change';
import { materialise } from '../core/merge/mergeChanges';
import { err, ok, type Result } from '../core/result';

export interface RecordsRead {
  readonly records: AssessmentRecords;
  /** Records left out because they failed validation, by table. */
  readonly invalid: Readonly<Record<string, number>>;
}

export function recordsFromChanges(changes: readonly Change[], assessmentId: string): Result<RecordsRead, string> {
  const tables = materialise(changes);
  const invalid: Record<string, number> = {};
  const read = <T extends TableName>(table: T): RecordOf<T>[] => {
    const out: RecordOf<T>[] = [];
    for (const raw of tables.get(table)?.values() ?? []) {
      const parsed = recordSchemas[table].safeParse(raw);
      if (!parsed.success) {
        invalid[table] = (invalid[table] ?? 0) + 1;
        continue;
      }
      const record = parsed.data as RecordOf<T>;
      if (table !== 'assessment' && (record as { assessmentId?: string }).assessmentId !== assessmentId) continue;
      out.push(record);
    }
    return out;
  };
  const assessment = read('assessment').find((a) => a.id === assessmentId && !a.deleted);
  if (assessment === undefined) return err(`the changes hold no readable assessment record for ${assessmentId}`);
  return ok({
    records: {
      assessment,
      assessors: read('assessor'),
      institutions: read('institution'),
      interviews: read('interview'),
      interviewees: read('interviewee'),
      observations: read('observation'),
      ratings: read('rating'),
      consensus: read('consensus'),
      findings: read('finding'),
    },
    invalid,
  });
}
