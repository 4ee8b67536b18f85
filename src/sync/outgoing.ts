/**
 * Outgoing changes of one assessment, whatever carries them: everything, or what a peer with a
 * version vector lacks (storage's `assessmentChangesSince`), plus what the receiver needs to check
 * the scope, the assessment's version vector, and its attachments. Bundles write these into a file;
 * the hub client pushes its outbox instead but uses the same scope and attachment reads.
 */
import { recordSchemas } from '../core/assessment/recordSchemas';
import type { Change } from '../core/merge/change';
import type { VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import type { StorageFailure, Store } from '../storage';

export interface OutgoingAttachment {
  readonly id: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: number;
}

export interface Outgoing {
  readonly assessment: { readonly title: string; readonly frameworkId: string; readonly frameworkVersion: string };
  /** Field winners the peer lacks, then the scope proofs of the records they touch (canonical order each). */
  readonly changes: readonly Change[];
  /** The assessment's version vector here (not the whole database's). */
  readonly versionVector: VersionVector;
  /** Attachment records of the assessment that are not deleted. */
  readonly attachments: readonly OutgoingAttachment[];
  /** SHA-256 of the attachments whose bytes are here. */
  readonly blobsHere: ReadonlySet<string>;
  /** Damaged change-log rows skipped (normally 0). */
  readonly invalidLogRows: number;
  readonly nodeId: string;
}

export type OutgoingProblem =
  | { readonly code: 'assessment-not-found'; readonly message: string }
  | { readonly code: 'assessment-invalid'; readonly message: string }
  | { readonly code: 'storage-failed'; readonly message: string; readonly failure: StorageFailure };

export async function gatherOutgoing(store: Store, assessmentId: string, since: VersionVector = {}): Promise<Result<Outgoing, OutgoingProblem>> {
  const node = await store.nodeId();
  if (!node.ok) return storageFailed(node.error);
  const outline = await store.readAssessmentOutline(assessmentId);
  if (!outline.ok) return storageFailed(outline.error);
  if (outline.value.assessmentRow === undefined) return err({ code: 'assessment-not-found', message: `There is no assessment ${assessmentId} on this device.` });
  const head = recordSchemas.assessment.pick({ title: true, frameworkId: true, frameworkVersion: true }).safeParse(outline.value.assessmentRow);
  if (!head.success) {
    return err({ code: 'assessment-invalid', message: `The assessment ${assessmentId} has no valid title or framework here; it cannot be exported until it does.` });
  }
  const read = await store.assessmentChangesSince(assessmentId, since);
  if (!read.ok) return storageFailed(read.error);
  const attachments = outline.value.attachmentRows.flatMap((row) => {
    const parsed = recordSchemas.attachment.safeParse(row);
    return parsed.success && !parsed.data.deleted ? [{ id: parsed.data.id, sha256: parsed.data.sha256, mediaType: parsed.data.mediaType, bytes: parsed.data.bytes }] : [];
  });
  const held = await store.heldBlobs(attachments.map((a) => a.sha256));
  if (!held.ok) return storageFailed(held.error);
  return ok({
    assessment: head.data,
    changes: [...read.value.changes, ...read.value.scopeProofs],
    versionVector: read.value.versionVector,
    attachments,
    blobsHere: held.value,
    invalidLogRows: read.value.invalid,
    nodeId: node.value,
  });
}

function storageFailed(failure: StorageFailure): Result<never, OutgoingProblem> {
  return err({ code: 'storage-failed', message: 'The device’s storage could not be read.', failure });
}
