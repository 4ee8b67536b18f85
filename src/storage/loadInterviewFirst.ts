/**
 * What the interview screen shows first, in one read transaction: the assessment record, its small
 * tables (assessors, institutions, interviews, interviewees, attachments: tens of rows), and the
 * notes of ONE interview through the `[assessmentId+interviewId]` index, each row validated.
 * Ratings, consensus, findings and the other interviews' notes (thousands of rows on a long field
 * mission) are left out: the snapshot says `complete: false`, and the whole assessment is read after
 * the screen has painted (watchAssessment's `firstInterviewId`).
 *
 * The screen's cold start then reads and validates 64 notes, not 660 or 10,000.
 */
import type { Result } from '../core/result';
import type { MmdmaDatabase } from './databaseSchema';
import { readSnapshot, type AssessmentPartTable, type AssessmentSnapshot } from './loadAssessment';
import type { StorageFailure } from './storageFailure';
import type { ReadOptions } from './validateRows';

/** Read whole: a handful of rows per interview. */
const SMALL_TABLES = ['assessor', 'institution', 'interview', 'interviewee', 'attachment'] as const satisfies readonly AssessmentPartTable[];

export async function loadInterviewFirst(
  db: MmdmaDatabase,
  assessmentId: string,
  interviewId: string,
  options: ReadOptions = {},
): Promise<Result<AssessmentSnapshot, StorageFailure>> {
  const queries = [
    ...SMALL_TABLES.map((table) => [table, () => db[table].where('assessmentId').equals(assessmentId).toArray()] as const),
    ['observation', () => db.observation.where('[assessmentId+interviewId]').equals([assessmentId, interviewId]).toArray()] as const,
  ];
  return readSnapshot(db, assessmentId, queries, options, false);
}
