/**
 * The small queries the screens make, each through an index of databaseSchema.ts, each row
 * validated (invalid rows skipped and counted), deleted records left out unless asked.
 */
import type { Consensus } from '../core/assessment/consensusSchema';
import type { Finding } from '../core/assessment/findingSchema';
import type { Interview } from '../core/assessment/interviewSchema';
import type { Interviewee } from '../core/assessment/intervieweeSchema';
import type { Observation } from '../core/assessment/observationSchema';
import type { Attachment } from '../core/assessment/attachmentSchema';
import type { Rating } from '../core/assessment/ratingSchema';
import type { RecordOf, TableName } from '../core/assessment/recordSchemas';
import { err, ok, type Result } from '../core/result';
import type { Collection } from 'dexie';
import type { MmdmaDatabase, StoredRecordRow } from './databaseSchema';
import { parseRecord } from './parseRecord';
import { toStorageFailure, type StorageFailure } from './storageFailure';
import { validateRows, type InvalidRow, type ReadOptions, type RecordsRead } from './validateRows';

type Read<T> = Promise<Result<RecordsRead<T>, StorageFailure>>;

export interface RecordRead<T> {
  /** Undefined when there is no such record, or it is deleted (unless asked for), or invalid. */
  readonly record: T | undefined;
  /** Set when a row exists but fails validation. */
  readonly invalidRow: InvalidRow | undefined;
}

/** One record by id. */
export async function getRecord<T extends TableName>(
  db: MmdmaDatabase,
  table: T,
  id: string,
  options: ReadOptions = {},
): Promise<Result<RecordRead<RecordOf<T>>, StorageFailure>> {
  let row: unknown;
  try {
    row = await db[table].get(id);
  } catch (error) {
    return err(toStorageFailure(error));
  }
  if (row === undefined) return ok({ record: undefined, invalidRow: undefined });
  const parsed = parseRecord(table, row);
  if (!parsed.ok) return ok({ record: undefined, invalidRow: { table, id, problems: parsed.error } });
  const deleted = 'deleted' in parsed.value && parsed.value.deleted === true;
  return ok({ record: deleted && !options.includeDeleted ? undefined : parsed.value, invalidRow: undefined });
}

/** Notes, quotes and evidence of one interview; `interviewId: null` gives the desk research. */
export function observationsOfInterview(db: MmdmaDatabase, assessmentId: string, interviewId: string | null, options?: ReadOptions): Read<Observation> {
  if (interviewId === null) {
    // null is not an IndexedDB key, so desk research is not in [assessmentId+interviewId].
    return query(db, 'observation', options, (t) => t.where('assessmentId').equals(assessmentId).filter((row) => row.interviewId === null));
  }
  return query(db, 'observation', options, (t) => t.where('[assessmentId+interviewId]').equals([assessmentId, interviewId]));
}

/** One assessor's observations in one assessment. */
export function observationsOfAuthor(db: MmdmaDatabase, assessmentId: string, authorId: string, options?: ReadOptions): Read<Observation> {
  return query(db, 'observation', options, (t) => t.where('authorId').equals(authorId).filter((row) => row.assessmentId === assessmentId));
}

/** Every assessor's rating of one indicator (both tracks). */
export function ratingsOfIndicator(db: MmdmaDatabase, assessmentId: string, indicatorId: string, options?: ReadOptions): Read<Rating> {
  return query(db, 'rating', options, (t) => t.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]));
}

/** One assessor's ratings in one assessment. */
export function ratingsOfAssessor(db: MmdmaDatabase, assessmentId: string, assessorId: string, options?: ReadOptions): Read<Rating> {
  return query(db, 'rating', options, (t) => t.where('assessorId').equals(assessorId).filter((row) => row.assessmentId === assessmentId));
}

/** The consensus records of a sub-topic or pillar (one per track, plus "overall" for a pillar). */
export function consensusOfTarget(db: MmdmaDatabase, assessmentId: string, targetId: string, options?: ReadOptions): Read<Consensus> {
  return query(db, 'consensus', options, (t) => t.where('[assessmentId+targetId]').equals([assessmentId, targetId]));
}

/** Interviews with one institution. */
export function interviewsOfInstitution(db: MmdmaDatabase, institutionId: string, options?: ReadOptions): Read<Interview> {
  return query(db, 'interview', options, (t) => t.where('institutionId').equals(institutionId));
}

/** People met in one interview. */
export function intervieweesOfInterview(db: MmdmaDatabase, assessmentId: string, interviewId: string, options?: ReadOptions): Read<Interviewee> {
  return query(db, 'interviewee', options, (t) => t.where('assessmentId').equals(assessmentId).filter((row) => row.interviewId === interviewId));
}

/** Attachments linked to one observation. */
export function attachmentsOfObservation(db: MmdmaDatabase, assessmentId: string, observationId: string, options?: ReadOptions): Read<Attachment> {
  return query(db, 'attachment', options, (t) => t.where('assessmentId').equals(assessmentId).filter((row) => row.observationId === observationId));
}

/** Strengths, areas of improvement and recommendations of one pillar (both tracks). */
export function findingsOfPillar(db: MmdmaDatabase, assessmentId: string, pillarId: string, options?: ReadOptions): Read<Finding> {
  return query(db, 'finding', options, (t) => t.where('[assessmentId+pillarId]').equals([assessmentId, pillarId]));
}


async function query<T extends TableName>(
  db: MmdmaDatabase,
  table: T,
  options: ReadOptions | undefined,
  select: (table: MmdmaDatabase[T]) => Collection<StoredRecordRow, string>,
): Read<RecordOf<T>> {
  let rows: unknown[];
  try {
    rows = await select(db[table]).toArray();
  } catch (error) {
    return err(toStorageFailure(error));
  }
  return ok(validateRows(table, rows, options));
}
