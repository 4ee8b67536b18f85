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
 * The manifest's version vector is that of THIS assessment's changes here, not of the whole
 * database: a peer that records it and later asks for "what I lack" must not skip changes of this
 * assessment because of newer changes of another one.
 *
 * Attachments: a full export carries every attachment of the assessment that is not deleted and
 * whose bytes are here. A partial export carries those the peer does not hold (`peerBlobs`, from
 * listBundlePeers) or, without that list, those of attachment records that the exported changes
 * touch. Bytes missing or damaged here are skipped and reported, never fatal: the notes matter more.
 */
import { recordSchemas } from '../core/assessment/recordSchemas';
import type { Change } from '../core/merge/change';
import { compactChanges, compareChangeVersions } from '../core/merge/mergeChanges';
import { changesSince, versionVector, type VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import { assessmentPartTables, type MmdmaDatabase, type StorageFailure, type Store } from '../storage';
import { toStorageFailure } from '../storage/storageFailure';
import { MIN_PASSPHRASE_CHARS, type BundleKey } from './bundle/encryption';
import { createBundleId } from './bundle/bundleId';
import { exportFileName } from './bundle/fileName';
import type { BundleManifest } from './bundle/format';
import type { OnBundleProgress } from './bundle/progress';
import { ASSESSMENT_ID_FIELD, recordKey } from './bundle/scope';
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

export async function exportBundle(store: Store, db: MmdmaDatabase, options: ExportBundleOptions): Promise<Result<ExportedBundle, ExportProblem>> {
  const now = options.now ?? (() => Date.now());
  const randomBytes = options.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  if (options.passphrase !== undefined && [...options.passphrase].length < MIN_PASSPHRASE_CHARS) {
    return err({ code: 'weak-passphrase', message: `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.` });
  }

  const gathered = await gather(store, db, options);
  if (!gathered.ok) return gathered;
  const { assessment, scoped, invalidLogRows, attachments, blobsHere, nodeId } = gathered.value;

  // Only the winner of each field travels. A superseded version (every earlier autosave of a note)
  // can never win anywhere, and a receiver logs only winners anyway; an hour of typing would
  // otherwise carry hundreds of copies of the same text. The version vector still covers the whole
  // log: the bundle holds each node's changes up to it, or newer changes that beat them.
  const winners = compactChanges(scoped);
  const selected = options.since === undefined ? winners : withScopeProofs(changesSince(winners, options.since), winners);
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
        versionVector: versionVector(scoped),
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

interface Gathered {
  readonly assessment: { readonly title: string; readonly frameworkId: string; readonly frameworkVersion: string };
  /** Every logged change of the assessment, canonical order. */
  readonly scoped: readonly Change[];
  readonly invalidLogRows: number;
  /** Attachment records of the assessment that are not deleted. */
  readonly attachments: ReadonlyArray<{ readonly id: string; readonly sha256: string; readonly mediaType: string; readonly bytes: number }>;
  /** SHA-256 of the blobs stored here among those attachments. */
  readonly blobsHere: ReadonlySet<string>;
  readonly nodeId: string;
}

async function gather(store: Store, db: MmdmaDatabase, options: ExportBundleOptions): Promise<Result<Gathered, ExportProblem>> {
  const { assessmentId } = options;
  const node = await store.nodeId();
  if (!node.ok) return storageFailed(node.error);
  let assessmentRow: unknown;
  const inScope = new Set<string>([recordKey({ table: 'assessment', id: assessmentId })]);
  let attachmentRows: unknown[];
  try {
    const read = await db.transaction('r', ['assessment', ...assessmentPartTables], async () => {
      const row: unknown = await db.assessment.get(assessmentId);
      const ids = new Map<string, readonly string[]>();
      for (const table of assessmentPartTables) ids.set(table, await db[table].where('assessmentId').equals(assessmentId).primaryKeys());
      const attachments: unknown[] = await db.attachment.where('assessmentId').equals(assessmentId).toArray();
      return { row, ids, attachments };
    });
    assessmentRow = read.row;
    for (const [table, ids] of read.ids) for (const id of ids) inScope.add(`${table}\u0000${id}`);
    attachmentRows = read.attachments;
  } catch (error) {
    return storageFailed(toStorageFailure(error));
  }
  if (assessmentRow === undefined) return err({ code: 'assessment-not-found', message: `There is no assessment ${assessmentId} on this device.` });
  const head = recordSchemas.assessment.pick({ title: true, frameworkId: true, frameworkVersion: true }).safeParse(assessmentRow);
  if (!head.success) {
    return err({ code: 'assessment-invalid', message: `The assessment ${assessmentId} has no valid title or framework here; it cannot be exported until it does.` });
  }

  const log = await store.changesSince({});
  if (!log.ok) return storageFailed(log.error);
  const scoped = log.value.changes.filter((change) => inScope.has(recordKey(change)));

  const attachments = attachmentRows.flatMap((row) => {
    const parsed = recordSchemas.attachment.safeParse(row);
    return parsed.success && !parsed.data.deleted ? [{ id: parsed.data.id, sha256: parsed.data.sha256, mediaType: parsed.data.mediaType, bytes: parsed.data.bytes }] : [];
  });
  let blobsHere: Set<string>;
  try {
    const keys = await db.blobs.where('sha256').anyOf(attachments.map((a) => a.sha256)).primaryKeys();
    blobsHere = new Set(keys.map(String));
  } catch (error) {
    return storageFailed(toStorageFailure(error));
  }
  return ok({ assessment: head.data, scoped, invalidLogRows: log.value.invalid, attachments, blobsHere, nodeId: node.value });
}

/**
 * Adds, for every record the selected changes touch, the winning change of its `assessmentId`
 * (the receiver needs it to check the scope; it may hold it already, then it is a duplicate).
 */
function withScopeProofs(selected: readonly Change[], scoped: readonly Change[]): Change[] {
  const proofs = new Map<string, Change>();
  for (const change of scoped) {
    if (change.table === 'assessment' || change.field !== ASSESSMENT_ID_FIELD) continue;
    const key = recordKey(change);
    const current = proofs.get(key);
    if (current === undefined || compareChangeVersions(change, current) > 0) proofs.set(key, change);
  }
  const present = new Set(selected.map((c) => c.hlc));
  const out = [...selected];
  const added = new Set<string>();
  for (const change of selected) {
    const key = recordKey(change);
    if (change.table === 'assessment' || added.has(key)) continue;
    added.add(key);
    const proof = proofs.get(key);
    if (proof !== undefined && !present.has(proof.hlc)) out.push(proof);
  }
  return out;
}

function storageFailed(failure: StorageFailure): Result<never, ExportProblem> {
  return err({ code: 'storage-failed', message: 'The device’s storage could not be read.', failure });
}
