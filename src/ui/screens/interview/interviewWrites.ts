/**
 * Writes of the interview screen that take more than one call. Failures are reported by the
 * shell's writer itself (one notice per failure, the full disk spelt out, duplicates merged), so
 * nothing here notifies: callers only decide what to keep on screen.
 */
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { Result } from '../../../core/result';
import type { StorageFailure } from '../../../storage/storageFailure';
import type { AssessmentSession } from '../../session/assessmentSession';
import { attachmentMediaType } from './attachmentMediaType';

export interface InterviewWrites {
  /**
   * Stores a file or recording and links it to a note: the bytes once by SHA-256, an attachment
   * record pointing at the note, and the note's list of attachment ids.
   */
  attach(observationId: string, currentIds: readonly string[], blob: Blob, fileName: string): Promise<Result<Attachment, StorageFailure>>;
}

export function createInterviewWrites(session: AssessmentSession): InterviewWrites {
  return {
    async attach(observationId, currentIds, blob, fileName) {
      const mediaType = attachmentMediaType(blob.type, fileName);
      const stored = await session.writer.putBlob(blob, mediaType);
      if (!stored.ok) return stored;
      const created = await session.writer.create('attachment', {
        assessmentId: session.assessmentId,
        sha256: stored.value,
        mediaType,
        bytes: blob.size,
        fileName,
        caption: '',
        observationId,
        deleted: false,
      });
      if (!created.ok) return created;
      // The attachment already points at the note; the note's own list is the second link (bundles
      // and the report read it). A failure here is reported by the writer; the attachment stays.
      await session.writer.update('observation', observationId, { attachmentIds: [...currentIds, created.value.id] });
      return created;
    },
  };
}
