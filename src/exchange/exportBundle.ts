/**
 * Export: one assessment from this device's store as a bundle file — everything, or only what a peer
 * lacks (changes newer than its version vector, attachments it does not hold), with or without
 * attachments, optionally encrypted. Storage-facing glue over bundle/writeBundle.ts; the exchange
 * screen calls `exportBundle` and offers `fileName` + `blob` for download or sharing.
 *
 * What goes in (scope, see bundle/scope.ts): the assessment record's changes and the changes of
 * every record whose `assessmentId` is this assessment, plus, for each record touched, the change
 * that set its `assessmentId`, so the receiver can check the scope from the bundle alone.
 *
 * The changes, the scope proofs and the manifest's version vector (that of THIS assessment, not of
 * the whole database) come from src/sync/outgoing.ts, the replication path the hub client shares.
 *
 * Attachments: a full export carries every attachment of the assessment that is not deleted and
 * whose bytes are here. A partial export carries those the peer does not hold (`peerBlobs`, from
 * listBundlePeers) or, without that list, those of attachment records that the exported changes
 * touch. Bytes missing or damaged here are skipped and reported, never fatal: the notes matter more.
 */
import type { VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import type { StorageFailure, Store } from '../storage';
import { toStorageFailure } from '../storage';
import { gatherOutgoing } from '../sync/outgoing';
import { MIN_PASSPHRASE_CHARS, type BundleKey } from './bundle/encryption';
import { createBundleId } from './bundle/bundleId';
import { exportFileName } from './bundle/fileName';
import type { BundleManifest } from './bundle/format';
import type { OnBundleProgress } from './bundle/progress';
import { recordKey } from './bundle/scope';
import { writeBundle, type BundleBlobSource, type SkippedBlob } from './bundle/writeBundle';

export { MIN_PASSPHRASE_CHARS };

export interface ExportBundleOptions {
  readonly assessmentId: string;
  /** Only what a peer with this version vector lacks (from `listBundlePeers`); omit for everything. */
  readonly since?: VersionVector;
  /** SHA-256 of attachments the peer is known to hold (from `listBundlePeers`); they are not sent. */
  readonly peerBlobs?: readonly string[];
  readonly includeAttachments: boolean;
  /** Encrypts the bundle (≥ MIN_PASSPHRASE_CHARS characters). */
  readonly passphrase?: string;
  /** A key from `deriveBundleKey`, instead of a passphrase (tests, repeated exports). */
  readonly key?: BundleKey;
  /** Who exports: the assessor's name as shown in the file name and the import preview. */
  readonly createdBy: { readonly name: string; readonly assessorId?: string | null };
  readonly onProgress?: OnBundleProgress;
  /** Wall-clock ms; default Date.now. */
  readonly now?: () => number;
  /** Randomness for the bundle id; default crypto.getRandomValues. */
  readonly randomBytes?: (n: number) => Uint8Array;
}

export interface ExportedBundle {
  /** e.g. `mmdma-armenia-2022_anna-petrosyan_2026-11-24.mmdma.zip` (ASCII, safe everywhere). */
  readonly fileName: string;
  readonly blob: Blob;
  /** Size of the file in bytes. */
  readonly bytes: number;
  readonly manifest: BundleManifest;
  /** Attachments that could not be included (bytes not on this device, or damaged). */
  readonly skippedBlobs: readonly SkippedBlob[];
  /** Damaged change-log rows that were skipped (reported by storage; normally 0). */
  readonly skippedChanges: number;
}

export type ExportProblem =
  | { readonly code: 'assessment-not-found'; readonly message: string }
  | { readonly code: 'assessment-invalid'; readonly message: string }
  | { readonly code: 'weak-passphrase'; readonly message: string }
  | { readonly code: 'too-large'; readonly message: string }
  | { readonly code: 'storage-failed'; readonly message: string; readonly failure: StorageFailure };

export async function exportBundle(store: Store, options: ExportBundleOptions): Promise<Result<ExportedBundle, ExportProblem>> {
  const now = options.now ?? (() => Date.now());
  const randomBytes = options.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  if (options.passphrase !== undefined && [...options.passphrase].length < MIN_PASSPHRASE_CHARS) {
    return err({ code: 'weak-passphrase', message: `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.` });
  }

  // What travels, through the one replication path (src/sync): only the winner of each field (a
  // superseded version, say every earlier autosave of a note, can never win anywhere), of this
  // assessment, newer than the peer's vector when exporting "since", plus the scope proofs.
  const gathered = await gatherOutgoing(store, options.assessmentId, options.since);
  if (!gathered.ok) return gathered;
  const { assessment, changes: selected, versionVector, invalidLogRows, attachments, blobsHere, nodeId } = gathered.value;

  const selectedRecords = new Set(selected.map(recordKey));
  const peerBlobs = options.peerBlobs === undefined ? undefined : new Set(options.peerBlobs);
  const blobs: BundleBlobSource[] = [];
  if (options.includeAttachments) {
    for (const attachment of attachments) {
      if (!blobsHere.has(attachment.sha256)) continue;
      const wanted =
        options.since === undefined ? true : peerBlobs !== undefined ? !peerBlobs.has(attachment.sha256) : selectedRecords.has(recordKey({ table: 'attachment', id: attachment.id }));
      if (!wanted) continue;
      blobs.push({
        sha256: attachment.sha256,
        mediaType: attachment.mediaType,
        bytes: attachment.bytes,
        read: async () => {
          const stored = await store.getBlob(attachment.sha256);
          return stored.ok ? stored.value?.blob : undefined;
        },
      });
    }
  }

  const createdAtMs = now();
  const encrypted = options.key !== undefined || options.passphrase !== undefined;
  // An encrypted bundle's id is in its clear header: random, so it does not tell when it was made.
  const bundleId = createBundleId(encrypted, createdAtMs, randomBytes);
  let written;
  try {
    written = await writeBundle(
      {
        bundleId,
        createdAt: new Date(createdAtMs).toISOString(),
        createdBy: { kind: 'device', node: nodeId, assessor: options.createdBy.name.trim() || null, assessorId: options.createdBy.assessorId ?? null },
        assessment: { id: options.assessmentId, title: assessment.title },
        framework: { id: assessment.frameworkId, version: assessment.frameworkVersion },
        versionVector,
        since: options.since ?? null,
        includesAttachments: options.includeAttachments,
        blobsHeld: attachments.filter((a) => blobsHere.has(a.sha256)).map((a) => a.sha256),
        changes: selected,
        blobs,
      },
      {
        ...(options.key !== undefined ? { encryption: { key: options.key } } : options.passphrase !== undefined ? { encryption: { passphrase: options.passphrase } } : {}),
        ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
      },
    );
  } catch (error) {
    return err({ code: 'storage-failed', message: 'Reading an attachment failed.', failure: toStorageFailure(error) });
  }
  if (!written.ok) return err(written.error);
  const { manifest, blob, bytes, skippedBlobs } = written.value;
  return ok({
    fileName: exportFileName({ encrypted, bundleId, title: assessment.title, assessor: options.createdBy.name, createdAtMs }),
    blob: blob!,
    bytes,
    manifest,
    skippedBlobs,
    skippedChanges: invalidLogRows,
  });
}

function storageFailed(failure: StorageFailure): Result<never, ExportProblem> {
  return err({ code: 'storage-failed', message: 'The device’s storage could not be read.', failure });
}
