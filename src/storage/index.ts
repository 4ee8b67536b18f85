/**
 * The storage layer's public API. UI code imports from here, never from the files behind it, so the
 * layer can be reorganised without touching screens.
 */
export { openDatabase, type OpenDatabaseOptions } from './openDatabase';
export { trackInFlightTransactions, type InFlightTransactions } from './inFlightTransactions';
export {
  DATABASE_VERSION,
  DEFAULT_DATABASE_NAME,
  type BlobRow,
  type HeldChangeRow,
  type MetaRow,
  type PeerRow,
  type MmdmaDatabase,
  type StoredRecordRow,
} from './databaseSchema';
export { createStore, type CreateInput, type FieldPatch, type Store, type StoreOptions, type WriteResult } from './createStore';
export type { WriteOutcome } from './commitLocalEdit';
export type { ApplyOptions, ApplyReport, IncomingProblem } from './applyIncomingChanges';
export type { ConflictsRead } from './conflicts';
export { conflictRowSchema, conflictSourceSchema, type ConflictRow, type ConflictSource } from './conflictRow';
export type { ConflictContext } from './recordConflicts';
export type { PutBlobOutcome, VerifiedBlob } from './putBlob';
export { sha256Hex } from './putBlob';
export type { StoredBlob } from './getBlob';
export type { ChangeLogRead } from './readChangeLog';
export type { AssessmentChangesRead, AssessmentOutline } from './assessmentChanges';
export type { IncomingState, IncomingStateRequest } from './readIncomingState';
export { toStorageFailure } from './storageFailure';
export { deleteMetaRow, insertMetaRowIfAbsent, readMetaRows, watchMetaRows } from './metaRows';
export type { OutboxRead } from './pendingChanges';
export { isQuotaExceeded, type Problem, type StorageFailure } from './storageFailure';
export type { InvalidRow, ReadOptions, RecordsRead } from './validateRows';
export { listAssessments, type ListAssessmentsOptions } from './listAssessments';
export {
  assessmentPartTables,
  loadAssessment,
  type AssessmentPartTable,
  type AssessmentRecords,
  type AssessmentSnapshot,
} from './loadAssessment';
export {
  attachmentsOfObservation,
  consensusOfTarget,
  findingsOfPillar,
  getRecord,
  intervieweesOfInterview,
  interviewsOfInstitution,
  observationsOfAuthor,
  observationsOfInterview,
  ratingsOfAssessor,
  ratingsOfIndicator,
  type RecordRead,
} from './recordQueries';
export { loadInterviewFirst } from './loadInterviewFirst';
export { watchAssessment, type AssessmentWatch, type OnStorageError, type Unsubscribe, type WatchOptions } from './watchAssessment';
export { watchAssessments } from './watchAssessments';
export { requestPersistence, storageStatus, type StorageManagerLike, type StorageStatus } from './storageHealth';
