/**
 * Writes a bundle from changes and attachment sources. Attachments are read one at a time (hashed,
 * CRC'd, then passed to the zip as the Blob they came as), so memory holds one attachment plus the
 * output the sink keeps. The manifest is written last, once every checksum is known; readers find it
 * through the central directory like any other entry.
 *
 * Plain bundles are reproducible: the same input gives the same bytes. Encrypted ones use a fresh
 * salt and fresh IVs each time.
 */
import { ASSESSMENT_SCHEMA_VERSION } from '../../core/assessment/recordSchemas';
import type { Change } from '../../core/merge/change';
import { compareChangesCanonically } from '../../core/merge/mergeChanges';
import type { VersionVector } from '../../core/merge/versionVector';
import { err, ok, type Result } from '../../core/result';
import { deflateRaw, sha256Hex, utf8 } from './bytes';
import { crc32 } from './crc32';
import {
  deriveBundleKey,
  describeScheme,
  encryptedSize,
  makeKeyCheck,
  sealEntry,
  secureRandomBytes,
  type BundleKey,
  type RandomBytes,
} from './encryption';
import {
  blobPath,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleManifestSchema,
  CHANGES_CHUNK_TARGET_BYTES,
  CHANGES_PER_CHUNK,
  changesPath,
  ENCRYPTED_MANIFEST_ENTRY,
  encryptedEntryName,
  ENCRYPTION_CHUNK_BYTES,
  MANIFEST_PATH,
  MMDMA_APP_VERSION,
  type BundleFile,
  type BundleManifest,
  type EncryptionHeader,
  type FrameworkRef,
} from './format';
import { BUNDLE_LIMITS } from './limits';
import { changeLine, encodeChanges } from './ndjson';
import type { OnBundleProgress } from './progress';
import { createBlobSink, createZipWriter, type ByteSink } from './zipWriter';

export interface BundleBlobSource {
  readonly sha256: string;
  readonly mediaType: string;
  /** Size in bytes, as stored (for the size check and progress before reading). */
  readonly bytes: number;
  /** The bytes; undefined when this device does not have them (the attachment is then skipped). */
  read(): Promise<Blob | Uint8Array | undefined>;
}

export interface WriteBundleInput {
  readonly bundleId: string;
  /** ISO 8601 instant, UTC. */
  readonly createdAt: string;
  readonly createdBy: BundleManifest['createdBy'];
  readonly assessment: BundleManifest['assessment'];
  readonly framework: FrameworkRef;
  readonly versionVector: VersionVector;
  readonly since: VersionVector | null;
  readonly includesAttachments: boolean;
  readonly blobsHeld: readonly string[];
  readonly changes: readonly Change[];
  readonly blobs: readonly BundleBlobSource[];
  /** Default MMDMA_APP_VERSION. */
  readonly appVersion?: string;
}

export type BundleEncryption = { readonly passphrase: string } | { readonly key: BundleKey };

export interface WriteBundleOptions {
  /** Encrypt with a passphrase (derives a key, ~0.5 s) or with a key derived earlier. */
  readonly encryption?: BundleEncryption;
  /** Where the zip goes; default: collected into one Blob (`WrittenBundle.blob`). */
  readonly sink?: ByteSink;
  readonly onProgress?: OnBundleProgress;
  readonly changesPerChunk?: number;
  /** Plaintext bytes per encrypted chunk; default ENCRYPTION_CHUNK_BYTES (1 MiB). */
  readonly chunkBytes?: number;
  /** Default crypto.getRandomValues (fixtures pass a seeded one to be reproducible). */
  readonly randomBytes?: RandomBytes;
}

export interface SkippedBlob {
  readonly sha256: string;
  /** 'missing': not on this device; 'damaged': the stored bytes no longer match their SHA-256. */
  readonly reason: 'missing' | 'damaged';
}

export interface WrittenBundle {
  readonly manifest: BundleManifest;
  /** The zip, unless a sink was given. */
  readonly blob: Blob | undefined;
  /** Size of the zip in bytes. */
  readonly bytes: number;
  /** Attachments that could not be included; everything else was. */
  readonly skippedBlobs: readonly SkippedBlob[];
}

export interface WriteProblem {
  readonly code: 'too-large';
  readonly message: string;
}

export async function writeBundle(input: WriteBundleInput, options: WriteBundleOptions = {}): Promise<Result<WrittenBundle, WriteProblem>> {
  const blobBytesTotal = input.blobs.reduce((sum, b) => sum + b.bytes, 0);
  if (blobBytesTotal > BUNDLE_LIMITS.MAX_TOTAL_BYTES - 64 * 1024 * 1024) {
    return err({ code: 'too-large', message: `The attachments add up to ${blobBytesTotal} bytes; one bundle may carry at most about ${BUNDLE_LIMITS.MAX_TOTAL_BYTES}. Export without attachments, or in parts.` });
  }
  if (input.blobs.length + Math.ceil(input.changes.length / (options.changesPerChunk ?? CHANGES_PER_CHUNK)) + 2 > BUNDLE_LIMITS.MAX_ENTRIES) {
    return err({ code: 'too-large', message: `The bundle would have more than ${BUNDLE_LIMITS.MAX_ENTRIES} files.` });
  }

  if (input.changes.length > BUNDLE_LIMITS.MAX_CHANGES) {
    return err({ code: 'too-large', message: `The bundle would carry ${input.changes.length} changes; readers accept at most ${BUNDLE_LIMITS.MAX_CHANGES}. Export what the peer lacks instead of everything.` });
  }
  const randomBytes = options.randomBytes ?? secureRandomBytes;
  const chunkBytes = options.chunkBytes ?? ENCRYPTION_CHUNK_BYTES;
  const key = await keyFor(options.encryption, randomBytes);
  const ownSink = options.sink === undefined ? createBlobSink() : undefined;
  const zip = createZipWriter(options.sink ?? ownSink!);
  const files: BundleFile[] = [];
  let entryNumber = 0;
  const nextEntry = () => encryptedEntryName(++entryNumber);

  const perChunk = options.changesPerChunk ?? CHANGES_PER_CHUNK;
  const changes = [...input.changes].sort(compareChangesCanonically);
  const chunked = chunkChanges(changes, perChunk);
  if (!chunked.ok) return chunked;
  const chunks = chunked.value;
  let changesDone = 0;
  for (let chunk = 0; chunk < chunks.length; chunk++) {
    const slice = chunks[chunk]!;
    const path = changesPath(chunk + 1);
    const bytes = encodeChanges(slice);
    const sha256 = await sha256Hex(bytes);
    if (key === undefined) {
      await zip.addDeflated(path, bytes);
      files.push({ kind: 'changes', path, sha256, bytes: bytes.length, changes: slice.length });
    } else {
      const encoded = await deflateRaw(bytes);
      const entry = nextEntry();
      await zip.addStreamed(entry, encryptedSize(encoded.length, chunkBytes), sealEntry(key, input.bundleId, entry, encoded, chunkBytes, randomBytes));
      files.push({ kind: 'changes', path, sha256, bytes: bytes.length, changes: slice.length, entry, encoding: 'deflate-raw', encodedBytes: encoded.length });
    }
    changesDone += slice.length;
    options.onProgress?.({ stage: 'changes', done: changesDone, total: changes.length, unit: 'changes' });
  }

  const skippedBlobs: SkippedBlob[] = [];
  const seen = new Set<string>();
  let blobBytesDone = 0;
  for (const source of [...input.blobs].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))) {
    if (seen.has(source.sha256)) continue;
    seen.add(source.sha256);
    const data = await source.read();
    if (data === undefined) {
      skippedBlobs.push({ sha256: source.sha256, reason: 'missing' });
      continue;
    }
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
    // Hash (off the main thread in browsers and Node) while the CRC runs here.
    const digest = sha256Hex(bytes);
    const crc = key === undefined ? crc32(bytes) : 0;
    if ((await digest) !== source.sha256) {
      skippedBlobs.push({ sha256: source.sha256, reason: 'damaged' });
      continue;
    }
    const path = blobPath(source.sha256);
    const mediaType = source.mediaType.toLowerCase();
    if (key === undefined) {
      // The original Blob, not the copy we hashed: in browsers it stays on disk.
      await zip.addStored(path, data, crc);
      files.push({ kind: 'blob', path, sha256: source.sha256, bytes: bytes.length, mediaType });
    } else {
      const entry = nextEntry();
      await zip.addStreamed(entry, encryptedSize(bytes.length, chunkBytes), sealEntry(key, input.bundleId, entry, bytes, chunkBytes, randomBytes));
      files.push({ kind: 'blob', path, sha256: source.sha256, bytes: bytes.length, mediaType, entry, encoding: 'identity', encodedBytes: bytes.length });
    }
    blobBytesDone += source.bytes;
    options.onProgress?.({ stage: 'attachments', done: blobBytesDone, total: blobBytesTotal, unit: 'bytes' });
  }

  const damaged = new Set(skippedBlobs.filter((s) => s.reason === 'damaged').map((s) => s.sha256));
  const blobFiles = files.filter((f) => f.kind === 'blob');
  const manifest: BundleManifest = bundleManifestSchema.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    appVersion: input.appVersion ?? MMDMA_APP_VERSION,
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    assessment: input.assessment,
    framework: input.framework,
    versionVector: input.versionVector,
    since: input.since,
    includesAttachments: input.includesAttachments,
    blobsHeld: [...new Set(input.blobsHeld)].filter((sha) => !damaged.has(sha)).sort(),
    counts: { changes: changes.length, blobs: blobFiles.length, blobBytes: blobFiles.reduce((sum, f) => sum + f.bytes, 0) },
    files,
  } satisfies BundleManifest);

  options.onProgress?.({ stage: 'finishing', done: 0, total: 1, unit: 'bytes' });
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  if (key === undefined) {
    await zip.addDeflated(MANIFEST_PATH, manifestBytes);
  } else {
    const encoded = await deflateRaw(manifestBytes);
    await zip.addStreamed(
      ENCRYPTED_MANIFEST_ENTRY,
      encryptedSize(encoded.length, chunkBytes),
      sealEntry(key, input.bundleId, ENCRYPTED_MANIFEST_ENTRY, encoded, chunkBytes, randomBytes),
    );
    const header: EncryptionHeader = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId: input.bundleId,
      encryption: describeScheme(key, chunkBytes, await makeKeyCheck(key, input.bundleId, randomBytes)),
    };
    await zip.addDeflated(MANIFEST_PATH, utf8(`${JSON.stringify(header, null, 2)}\n`));
  }
  const size = await zip.finish();
  options.onProgress?.({ stage: 'finishing', done: 1, total: 1, unit: 'bytes' });
  return ok({ manifest, blob: ownSink?.finish(), bytes: size, skippedBlobs });
}

async function keyFor(encryption: BundleEncryption | undefined, randomBytes: RandomBytes): Promise<BundleKey | undefined> {
  if (encryption === undefined) return undefined;
  if ('key' in encryption) return encryption.key;
  return deriveBundleKey(encryption.passphrase, { randomBytes });
}

/**
 * Changes cut into chunks of at most `perChunk` changes and CHANGES_CHUNK_TARGET_BYTES of text, so
 * that every reader can hold one chunk at a time within its limit. A single change over the
 * readers' line limit is refused here rather than written into a bundle nobody can read.
 */
function chunkChanges(changes: readonly Change[], perChunk: number): Result<Change[][], WriteProblem> {
  const chunks: Change[][] = [];
  let current: Change[] = [];
  let bytes = 0;
  for (const change of changes) {
    const lineBytes = utf8(changeLine(change)).length + 1;
    if (lineBytes > BUNDLE_LIMITS.MAX_CHANGE_LINE_BYTES) {
      return err({
        code: 'too-large',
        message: `The ${change.field} of ${change.table} ${change.id} is ${lineBytes} bytes; one change in a bundle may carry at most ${BUNDLE_LIMITS.MAX_CHANGE_LINE_BYTES}. Shorten it, or attach it as a file.`,
      });
    }
    if (current.length > 0 && (current.length >= perChunk || bytes + lineBytes > CHANGES_CHUNK_TARGET_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(change);
    bytes += lineBytes;
  }
  if (current.length > 0) chunks.push(current);
  return ok(chunks);
}
