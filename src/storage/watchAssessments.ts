import type { Assessment } from '../core/assessment/assessmentSchema';
import type { MmdmaDatabase } from './databaseSchema';
import { listAssessments, type ListAssessmentsOptions } from './listAssessments';
import type { RecordsRead } from './validateRows';
import { watch, type OnStorageError, type Unsubscribe } from './watchAssessment';

/** Calls `onChange` with the list of assessments now and whenever an assessment record changes. */
export function watchAssessments(
  db: MmdmaDatabase,
  onChange: (assessments: RecordsRead<Assessment>) => void,
  onError: OnStorageError = (failure) => console.error('storage watch failed', failure),
  options: ListAssessmentsOptions = {},
): Unsubscribe {
  return watch(() => listAssessments(db, options), onChange, onError);
}
