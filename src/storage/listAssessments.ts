import type { Assessment } from '../core/assessment/assessmentSchema';
import { err, ok, type Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { toStorageFailure, type StorageFailure } from './storageFailure';
import { validateRows, type ReadOptions, type RecordsRead } from './validateRows';

export interface ListAssessmentsOptions extends ReadOptions {
  /** Include assessments whose status is "archived". Default false. */
  readonly includeArchived?: boolean;
}

/**
 * The assessments on this device, newest start date first (undated last, then by title), for the
 * home screen. Invalid rows are skipped and counted, deleted ones left out unless asked.
 */
export async function listAssessments(
  db: MmdmaDatabase,
  options: ListAssessmentsOptions = {},
): Promise<Result<RecordsRead<Assessment>, StorageFailure>> {
  let rows: unknown[];
  try {
    rows = await db.assessment.toArray();
  } catch (error) {
    return err(toStorageFailure(error));
  }
  const read = validateRows('assessment', rows, options);
  const records = read.records.filter((a) => options.includeArchived || a.status !== 'archived').sort(byStartDateThenTitle);
  return ok({ ...read, records });
}

function byStartDateThenTitle(a: Assessment, b: Assessment): number {
  if (a.startDate !== b.startDate) {
    if (a.startDate === null) return 1;
    if (b.startDate === null) return -1;
    return a.startDate < b.startDate ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}
