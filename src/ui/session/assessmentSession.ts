/**
 * The contract between the app shell and the assessment screens (interview, rating, dashboard,
 * findings, setup). The shell builds one AssessmentSession for the open assessment from the storage
 * layer's live queries; screens read its signals and write only through its `writer`, so every edit
 * goes through the change log and the autosave flush.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { Assessment } from '../../core/assessment/assessmentSchema';
import type { Assessor } from '../../core/assessment/assessorSchema';
import type { Attachment } from '../../core/assessment/attachmentSchema';
import type { Consensus } from '../../core/assessment/consensusSchema';
import type { Finding } from '../../core/assessment/findingSchema';
import type { Institution } from '../../core/assessment/institutionSchema';
import type { Interview } from '../../core/assessment/interviewSchema';
import type { Interviewee } from '../../core/assessment/intervieweeSchema';
import type { Observation } from '../../core/assessment/observationSchema';
import type { Rating } from '../../core/assessment/ratingSchema';
import type { RecordInputOf, RecordOf, TableName } from '../../core/assessment/recordSchemas';
import type { AssessmentEstimate } from '../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../core/framework/indexFramework';
import type { Result } from '../../core/result';
import type { StorageFailure } from '../../storage/storageFailure';

/** Every live (not deleted) record of one assessment, validated on read. */
export interface AssessmentData {
  readonly assessment: Assessment;
  readonly assessors: readonly Assessor[];
  readonly institutions: readonly Institution[];
  readonly interviews: readonly Interview[];
  readonly interviewees: readonly Interviewee[];
  readonly observations: readonly Observation[];
  readonly attachments: readonly Attachment[];
  readonly ratings: readonly Rating[];
  readonly consensus: readonly Consensus[];
  readonly findings: readonly Finding[];
  /** Stored rows that failed validation and were left out (shown as a warning, never a crash). */
  readonly invalidRows: number;
}

/** Field-level writes; each returns a typed failure (quota, invalid input) instead of throwing. */
export interface RecordWriter {
  /** Ids are made by the store: UUIDv7, or the natural key for ratings and consensus. */
  create<T extends TableName>(table: T, input: Omit<RecordInputOf<T>, 'id'>): Promise<Result<RecordOf<T>, StorageFailure>>;
  update<T extends TableName>(table: T, id: string, patch: Partial<RecordInputOf<T>>): Promise<Result<RecordOf<T>, StorageFailure>>;
  /** Sets `deleted: true`; records are never removed, so a merge cannot resurrect them. */
  remove(table: TableName, id: string): Promise<Result<void, StorageFailure>>;
  /** Stores bytes once by SHA-256 and returns the hash. */
  putBlob(blob: Blob, mediaType: string): Promise<Result<string, StorageFailure>>;
  getBlob(sha256: string): Promise<Blob | undefined>;
}

export interface AssessmentSession {
  readonly assessmentId: string;
  /** null until the first read completes. */
  readonly data: ReadonlySignal<AssessmentData | null>;
  /**
   * False while `data` holds only what the interview screen shows first (one interview's notes, no
   * ratings, consensus or findings: the session was opened on that screen); true once the whole
   * assessment has been read, which follows right after that screen's first paint.
   */
  readonly complete: ReadonlySignal<boolean>;
  /** The interview whose screen the session was opened on (what `data` holds before `complete`). */
  readonly firstInterviewId?: string | undefined;
  /** The framework the assessment uses (by id and version); undefined if it is not installed. */
  readonly index: ReadonlySignal<FrameworkIndex | undefined>;
  /** Recomputed whenever data changes (one pure call, well under a millisecond); undefined until `complete`. */
  readonly estimate: ReadonlySignal<AssessmentEstimate | undefined>;
  /** The assessor this device speaks for in this assessment ("who am I"), if chosen. */
  readonly me: ReadonlySignal<Assessor | undefined>;
  readonly setMe: (assessorId: string) => void;
  readonly writer: RecordWriter;
}
