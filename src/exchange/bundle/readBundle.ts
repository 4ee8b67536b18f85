/**
 * Reads and verifies a bundle completely before anyone may write a byte of it: zip structure and
 * limits (zipReader.ts), the manifest (zod), format, schema and framework versions, decryption and
 * authentication of every chunk, the SHA-256 of every file, every change (zod), and that every change
 * belongs to the bundle's assessment (scope.ts). The result holds the changes in memory and reads
 * attachments again, one at a time, only when asked (`readBlob`), so a 100 MB bundle never sits in
 * memory as a whole unless it was handed over as one Uint8Array.
 *
 * Never throws on bad input: every refusal is a `BundleProblem` (problem.ts).
 */
import { ASSESSMENT_SCHEMA_VERSION } from '../../core/assessment/recordSchemas';
import type { Change } from '../../core/merge/change';
import { compareChangesCanonically, compareChangeVersions } from '../../core/merge/mergeChanges';
import { formatPath } from '../../core/validation/formatPath';
import { err, ok, type Result } from '../../core/result';
import { byteSource, decodeUtf8, equalBytes, fromBase64, inflateRaw, sha256Hex, toHex, type ByteSource } from './bytes';
import { sha256 as sha256Streaming } from '@noble/hashes/sha2.js';
import {
  deriveBundleKey,
  encryptedSize,
  forEachOpenedChunk,
  keyCheckPasses,
  openEntry,
  openEntryParts,
  type BundleKey,
} from './encryption';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleManifestSchema,
  ENCRYPTED_MANIFEST_ENTRY,
  encryptionHeaderSchema,
  MANIFEST_PATH,
  MMDMA_APP_VERSION,
  type BundleFile,
  type BundleManifest,
  type EncryptionHeader,
  type FrameworkRef,
} from './format';
import { bundleClockProblem } from './bundleClock';
import { findDuplicateKey } from './duplicateKeys';
import { installedFrameworkFit } from './frameworkMatch';
import { resolveLimits, type BundleLimits } from './limits';
import { inspectJson, parseChanges } from './ndjson';
import { BundleRefusal, refuse, type BundleProblem } from './problem';
import type { OnBundleProgress } from './progress';
import { checkScope } from './scope';
import { forEachBounded, PARALLEL_BYTES } from './boundedParallel';
import { METHOD_STORE, readEntry, readZipDirectory, storedEntryBlob, type ZipDirectory, type ZipEntry } from './zipReader';

export interface ReadBundleOptions {
  /** For encrypted bundles. Normalised to Unicode NFC before use. */
  readonly passphrase?: string;
  /** A key derived earlier (same salt and iterations): skips the ~0.5 s derivation. */
  readonly key?: BundleKey;
  /** Tighter limits (tests); defaults are BUNDLE_LIMITS. */
  readonly limits?: Partial<BundleLimits>;
  /** The frameworks installed here; when given, the bundle's framework must fit one of them. */
  readonly frameworks?: readonly FrameworkRef[];
  readonly onProgress?: OnBundleProgress;
  /**
   * The reader's wall clock, ms since the epoch (default Date.now()): changes and version vectors
   * stamped more than MAX_CLOCK_SKEW_MS ahead of it are refused (`clock-ahead`).
   */
  readonly nowMs?: number;
  /** Refuse a plain bundle (`encryption-required`): the team requires encrypted bundles. */
  readonly requireEncryption?: boolean;
}

export interface BundleBlobInfo {
  readonly path: string;
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
  readonly mediaType: string;
}

export interface VerifiedBundle {
  readonly manifest: BundleManifest;
  readonly encrypted: boolean;
  /** Every change, verified, in canonical order (by HLC first). */
  readonly changes: readonly Change[];
  /** Every attachment, verified (SHA-256 checked during readBundle). */
  readonly blobs: readonly BundleBlobInfo[];
  /** Set when the bundle's framework version differs from the installed one but fits it. */
  readonly frameworkNote: string | undefined;
  /**
   * The bytes of one attachment as a Blob, read again from the bundle: a zero-copy slice of a stored
   * entry (Blob input) or the decrypted (and authenticated) bytes. The SHA-256 was checked by
   * readBundle, so callers may store the blob under it without hashing again.
   */
  readBlob(sha256: string): Promise<Result<Blob, BundleProblem>>;
}

export async function readBundle(data: Uint8Array | Blob, options: ReadBundleOptions = {}): Promise<Result<VerifiedBundle, BundleProblem>> {
  try {
    return ok(await verify(byteSource(data), options));
  } catch (error) {
    if (error instanceof BundleRefusal) return err(error.problem);
    throw error;
  }
}

/** What can be learnt without a passphrase: whether it is encrypted, and its id. */
export interface BundleHeader {
  readonly encrypted: boolean;
  readonly bundleId: string;
  /** The manifest of a plain bundle (not verified beyond its own schema); undefined when encrypted. */
  readonly manifest: BundleManifest | undefined;
  readonly pbkdf2Iterations: number | undefined;
}

/** Checks the zip structure and reads the clear manifest only: for "enter the passphrase" screens. */
export async function readBundleHeader(data: Uint8Array | Blob, options: Pick<ReadBundleOptions, 'limits'> = {}): Promise<Result<BundleHeader, BundleProblem>> {
  try {
    const source = byteSource(data);
    const limits = resolveLimits(options.limits);
    const directory = await readZipDirectory(source, limits);
    const raw = await readManifestJson(source, directory, limits);
    if (isEncryptedManifest(raw)) {
      const header = parseEncryptionHeader(raw, limits);
      return ok({ encrypted: true, bundleId: header.bundleId, manifest: undefined, pbkdf2Iterations: header.encryption.iterations });
    }
    const manifest = parseManifest(raw, MANIFEST_PATH, limits);
    return ok({ encrypted: false, bundleId: manifest.bundleId, manifest, pbkdf2Iterations: undefined });
  } catch (error) {
    if (error instanceof BundleRefusal) return err(error.problem);
    throw error;
  }
}

/** Reads file contents (decrypted, decoded) and attachment Blobs, plain or encrypted alike. */
interface FileAccess {
  readonly encrypted: boolean;
  entryOf(file: BundleFile): ZipEntry;
  /** Bytes the file takes as a zip entry (uncompressed): its size, or its ciphertext's. */
  storedSize(file: BundleFile): number;
  /** The file's bytes, SHA-256 and size checked against the manifest. */
  read(file: BundleFile, maxBytes: number): Promise<Uint8Array>;
  /** Checks an attachment's SHA-256 (and size) without holding more than a slice of it. */
  verifyBlob(file: BundleFile & { kind: 'blob' }): Promise<void>;
  blob(file: BundleFile & { kind: 'blob' }): Promise<Blob>;
}

/**
 * Attachments up to this size are read whole and hashed by the platform (crypto.subtle, fast and
 * parallel, within the PARALLEL_BYTES budget); larger ones are hashed as they stream, a slice of
 * STREAM_SLICE_BYTES at a time, so a 500 MB recording never sits in memory to be checked.
 */
const WHOLE_HASH_MAX_BYTES = 8 * 1024 * 1024;
const STREAM_SLICE_BYTES = 4 * 1024 * 1024;

async function verify(source: ByteSource, options: ReadBundleOptions): Promise<VerifiedBundle> {
  const limits = resolveLimits(options.limits);
  const directory = await readZipDirectory(source, limits);
  const raw = await readManifestJson(source, directory, limits);

  let manifest: BundleManifest;
  let access: FileAccess;
  if (isEncryptedManifest(raw)) {
    const header = parseEncryptionHeader(raw, limits);
    const key = await obtainKey(header, options);
    if (!(await keyCheckPasses(key, header.bundleId, header.encryption.keyCheck))) {
      refuse('wrong-passphrase', 'The passphrase does not open this bundle (or its encryption header was altered).');
    }
    manifest = await readEncryptedManifest(source, directory, header, key, limits);
    access = encryptedAccess(source, directory, header, key);
  } else {
    if (options.requireEncryption === true) {
      refuse(
        'encryption-required',
        'This bundle is not encrypted, and this team requires encrypted bundles: interview notes must not travel in clear. Ask the sender to export it again with a passphrase.',
      );
    }
    manifest = parseManifest(raw, MANIFEST_PATH, limits);
    access = plainAccess(source, directory);
  }

  checkSchemaVersion(manifest);
  const nowMs = options.nowMs ?? Date.now();
  // Before a single change is read: the vector covers every change (checked below).
  const vectorAhead = bundleClockProblem({ manifest }, nowMs);
  if (vectorAhead !== undefined) refuse(vectorAhead.code, vectorAhead.message);
  let frameworkNote: string | undefined;
  if (options.frameworks !== undefined) {
    const fit = installedFrameworkFit(manifest.framework, options.frameworks);
    if (fit.fit === 'incompatible') refuse('framework-mismatch', fit.reason);
    if (fit.fit === 'compatible') frameworkNote = fit.note;
  }
  checkFileList(manifest, directory, access, limits);

  const changeFiles = manifest.files.filter((f): f is BundleFile & { kind: 'changes' } => f.kind === 'changes').sort(byPath);
  const blobFiles = manifest.files.filter((f): f is BundleFile & { kind: 'blob' } => f.kind === 'blob').sort(byPath);
  const changeBytes = changeFiles.reduce((sum, f) => sum + f.bytes, 0);
  const blobBytes = blobFiles.reduce((sum, f) => sum + f.bytes, 0);

  const changes: Change[] = [];
  let done = 0;
  for (const file of changeFiles) {
    const bytes = await access.read(file, limits.MAX_CHANGES_ENTRY_BYTES);
    const parsed = parseChanges(bytes, file.path, limits.MAX_JSON_DEPTH, limits.MAX_CHANGE_LINE_BYTES);
    if (parsed.length !== file.changes) {
      refuse('manifest-mismatch', `"${file.path}" holds ${parsed.length} changes; the manifest says ${file.changes}.`, file.path);
    }
    for (const change of parsed) changes.push(change);
    done += file.bytes;
    options.onProgress?.({ stage: 'changes', done, total: changeBytes, unit: 'bytes' });
  }
  changes.sort(compareChangesCanonically);
  checkScope(changes, manifest.assessment.id);
  checkConsistency(manifest, changes);
  // The vector covers every change (checkConsistency), so this cannot fail after the vector check;
  // it stays as the direct statement of the rule for the changes themselves.
  const changeAhead = bundleClockProblem({ manifest, changes }, nowMs);
  if (changeAhead !== undefined) refuse(changeAhead.code, changeAhead.message);

  done = 0;
  // Read, hash, drop — a few attachments at a time (at most PARALLEL_BYTES, or one larger one; half
  // that when encrypted, where each attachment also passes through ciphertext and chunk buffers).
  const weight = (f: BundleFile) => Math.min(f.bytes, WHOLE_HASH_MAX_BYTES);
  await forEachBounded(blobFiles, weight, access.encrypted ? PARALLEL_BYTES / 2 : PARALLEL_BYTES, async (file) => {
    await access.verifyBlob(file);
    done += file.bytes;
    options.onProgress?.({ stage: 'attachments', done, total: blobBytes, unit: 'bytes' });
  });

  const blobs = blobFiles.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, mediaType: f.mediaType }));
  const blobFileBySha = new Map(blobFiles.map((f) => [f.sha256, f]));
  return {
    manifest,
    encrypted: access.encrypted,
    changes,
    blobs,
    frameworkNote,
    async readBlob(sha256) {
      const file = blobFileBySha.get(sha256);
      if (file === undefined) return err({ code: 'manifest-mismatch', message: `The bundle has no attachment ${sha256}.` });
      try {
        return ok(await access.blob(file));
      } catch (error) {
        if (error instanceof BundleRefusal) return err(error.problem);
        throw error;
      }
    },
  };
}

async function readManifestJson(source: ByteSource, directory: ZipDirectory, limits: BundleLimits): Promise<unknown> {
  const entry = directory.byName.get(MANIFEST_PATH);
  if (entry === undefined || entry.isDirectory) {
    refuse('missing-manifest', `The zip has no "${MANIFEST_PATH}": it is not a bundle, or an incomplete one.`);
  }
  const bytes = await readEntry(source, entry, limits.MAX_MANIFEST_BYTES, { checkCrc: true });
  const raw = parseJson(bytes, MANIFEST_PATH, limits);
  probeFormat(raw);
  return raw;
}

function parseJson(bytes: Uint8Array, entry: string, limits: BundleLimits): unknown {
  const text = decodeUtf8(bytes);
  if (text === undefined) refuse('invalid-manifest', `"${entry}" is not valid UTF-8 text.`, entry);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    refuse('invalid-manifest', `"${entry}" is not valid JSON.`, entry);
  }
  const shape = inspectJson(raw, limits.MAX_JSON_DEPTH);
  if (shape.protoKeyAt !== undefined) refuse('invalid-manifest', `"${entry}" has a "__proto__" key.`, entry);
  if (shape.tooDeep) refuse('invalid-manifest', `"${entry}" nests values more than ${limits.MAX_JSON_DEPTH} levels deep.`, entry);
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) {
    refuse('invalid-manifest', `"${entry}" has the key "${printable(duplicate).slice(0, 60)}" twice in one object; readers would disagree on which counts.`, entry);
  }
  return raw;
}

/** "Not ours" and "too new" first, before a schema that a newer format may no longer match. */
function probeFormat(raw: unknown): void {
  if (!isObject(raw) || raw.format !== BUNDLE_FORMAT) {
    const format = isObject(raw) ? printable(String(raw.format)).slice(0, 40) : '?';
    refuse('unsupported-format', `"${MANIFEST_PATH}" does not describe an MMDMA bundle (format "${format}").`, MANIFEST_PATH);
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse('unsupported-format', `The bundle's format version (${JSON.stringify(version)}) is not one MMDMA Field ever wrote.`, MANIFEST_PATH);
  }
  if (version > BUNDLE_FORMAT_VERSION) {
    const by = typeof raw.appVersion === 'string' ? `MMDMA Field ${printable(raw.appVersion).slice(0, 40)}` : 'a newer MMDMA Field';
    refuse(
      'newer-app',
      `This bundle was made by ${by} in bundle format ${version}; this is MMDMA Field ${MMDMA_APP_VERSION}, which reads format ${BUNDLE_FORMAT_VERSION}. Update MMDMA Field to import it.`,
      MANIFEST_PATH,
    );
  }
}

function checkSchemaVersion(manifest: BundleManifest): void {
  if (manifest.schemaVersion > ASSESSMENT_SCHEMA_VERSION) {
    refuse(
      'newer-app',
      `This bundle was made by MMDMA Field ${manifest.appVersion} with record schema ${manifest.schemaVersion}; this is MMDMA Field ${MMDMA_APP_VERSION}, which knows schema ${ASSESSMENT_SCHEMA_VERSION}. Update MMDMA Field to import it.`,
    );
  }
  if (manifest.schemaVersion < ASSESSMENT_SCHEMA_VERSION) {
    refuse('unsupported-format', `The bundle's record schema ${manifest.schemaVersion} is older than any this app can migrate.`);
  }
}

function isEncryptedManifest(raw: unknown): boolean {
  return isObject(raw) && Object.hasOwn(raw, 'encryption');
}

function parseEncryptionHeader(raw: unknown, limits: BundleLimits): EncryptionHeader {
  const parsed = encryptionHeaderSchema.safeParse(raw);
  if (!parsed.success) refuse('invalid-manifest', `The encryption header is not valid: ${describeIssue(parsed.error.issues)}.`, MANIFEST_PATH);
  const header = parsed.data;
  const { iterations } = header.encryption;
  if (iterations < limits.MIN_PBKDF2_ITERATIONS || iterations > limits.MAX_PBKDF2_ITERATIONS) {
    refuse(
      'unsupported-format',
      `The bundle asks for ${iterations} PBKDF2 iterations; this app accepts ${limits.MIN_PBKDF2_ITERATIONS} to ${limits.MAX_PBKDF2_ITERATIONS}.`,
      MANIFEST_PATH,
    );
  }
  const salt = fromBase64(header.encryption.salt);
  if (salt === undefined || salt.length < 16 || salt.length > 64) refuse('invalid-manifest', 'The encryption salt is not 16–64 bytes of Base64.', MANIFEST_PATH);
  return header;
}

async function obtainKey(header: EncryptionHeader, options: ReadBundleOptions): Promise<BundleKey> {
  const salt = fromBase64(header.encryption.salt)!;
  const { iterations } = header.encryption;
  if (options.key !== undefined && options.key.iterations === iterations && equalBytes(options.key.salt, salt)) return options.key;
  if (options.passphrase === undefined || options.passphrase === '') {
    refuse('needs-passphrase', 'This bundle is encrypted: enter the passphrase it was exported with.');
  }
  return deriveBundleKey(options.passphrase, { salt, iterations });
}

async function readEncryptedManifest(
  source: ByteSource,
  directory: ZipDirectory,
  header: EncryptionHeader,
  key: BundleKey,
  limits: BundleLimits,
): Promise<BundleManifest> {
  const entry = directory.byName.get(ENCRYPTED_MANIFEST_ENTRY);
  if (entry === undefined || entry.isDirectory) refuse('missing-manifest', `The encrypted bundle has no "${ENCRYPTED_MANIFEST_ENTRY}".`);
  const maxStored = encryptedSize(limits.MAX_MANIFEST_BYTES, header.encryption.chunkBytes);
  const sealed = await openEncryptedEntry(source, entry, header, key, maxStored);
  const inflated = await inflateRaw(sealed, limits.MAX_MANIFEST_BYTES);
  if (!inflated.ok) {
    refuse(inflated.reason === 'too-large' ? 'oversize-entry' : 'corrupt-zip', 'The encrypted manifest does not inflate to a manifest.', ENCRYPTED_MANIFEST_ENTRY);
  }
  const manifest = parseManifest(parseJson(inflated.bytes, ENCRYPTED_MANIFEST_ENTRY, limits), ENCRYPTED_MANIFEST_ENTRY, limits);
  if (manifest.bundleId !== header.bundleId) refuse('tampered', 'The encrypted manifest belongs to another bundle.', ENCRYPTED_MANIFEST_ENTRY);
  return manifest;
}

/** Decrypts one zip entry of an encrypted bundle (stored: chunk by chunk from the source). */
function openEncryptedEntry(source: ByteSource, entry: ZipEntry, header: EncryptionHeader, key: BundleKey, maxStoredBytes: number): Promise<Uint8Array> {
  return openEncrypted(source, entry, header, key, maxStoredBytes, openEntry);
}

/** The same, as decrypted chunks (for a Blob; see openEntryParts). */
function openEncryptedEntryParts(source: ByteSource, entry: ZipEntry, header: EncryptionHeader, key: BundleKey, maxStoredBytes: number): Promise<Uint8Array[]> {
  return openEncrypted(source, entry, header, key, maxStoredBytes, openEntryParts);
}

async function openEncrypted<T>(
  source: ByteSource,
  entry: ZipEntry,
  header: EncryptionHeader,
  key: BundleKey,
  maxStoredBytes: number,
  open: (key: BundleKey, bundleId: string, entryName: string, storedBytes: number, chunkBytes: number, read: (start: number, end: number) => Promise<Uint8Array>) => Promise<T | undefined>,
): Promise<T> {
  if (entry.uncompressedSize > maxStoredBytes) {
    refuse('oversize-entry', `"${entry.name}" is ${entry.uncompressedSize} bytes; at most ${maxStoredBytes} are accepted for it.`, entry.name);
  }
  let read: (start: number, end: number) => Promise<Uint8Array>;
  if (entry.method === METHOD_STORE) {
    read = (start, end) => source.read(entry.dataStart + start, entry.dataStart + end);
  } else {
    // Another tool may have deflated the (incompressible) ciphertext; accept it, bounded.
    const whole = await readEntry(source, entry, maxStoredBytes, { checkCrc: false });
    read = async (start, end) => whole.subarray(start, end);
  }
  const plain = await open(key, header.bundleId, entry.name, entry.uncompressedSize, header.encryption.chunkBytes, read);
  if (plain === undefined) {
    refuse('tampered', `"${entry.name}" fails authentication: the bundle was altered, reordered or cut after it was encrypted.`, entry.name);
  }
  return plain;
}

function parseManifest(raw: unknown, entry: string, limits: BundleLimits): BundleManifest {
  // Counted before the schema walks them: a forged vector of a million nodes is refused cheaply.
  for (const field of ['versionVector', 'since'] as const) {
    const vector = isObject(raw) ? raw[field] : undefined;
    const nodes = isObject(vector) ? Object.keys(vector).length : 0;
    if (nodes > limits.MAX_VECTOR_NODES) {
      refuse('invalid-manifest', `"${entry}" has a ${field} of ${nodes} devices; at most ${limits.MAX_VECTOR_NODES} are accepted.`, entry);
    }
  }
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) refuse('invalid-manifest', `"${entry}" is not a valid manifest: ${describeIssue(parsed.error.issues)}.`, entry);
  return parsed.data;
}

function plainAccess(source: ByteSource, directory: ZipDirectory): FileAccess {
  const entryOf = (file: BundleFile) => {
    const entry = directory.byName.get(file.path);
    if (entry === undefined || entry.isDirectory) refuse('manifest-mismatch', `The manifest lists "${file.path}", which is not in the zip.`, file.path);
    return entry;
  };
  return {
    encrypted: false,
    entryOf,
    storedSize: (file) => file.bytes,
    async read(file, maxBytes) {
      const bytes = await readEntry(source, entryOf(file), Math.min(maxBytes, file.bytes), { checkCrc: false });
      await checkDigest(file, bytes);
      return bytes;
    },
    async verifyBlob(file) {
      const entry = entryOf(file);
      if (entry.method !== METHOD_STORE) refuse('unsupported-zip-feature', `The attachment "${file.path}" is compressed; bundles store attachments uncompressed.`, file.path);
      if (file.bytes <= WHOLE_HASH_MAX_BYTES) {
        await checkDigest(file, await source.read(entry.dataStart, entry.dataStart + entry.compressedSize));
        return;
      }
      const hash = sha256Streaming.create();
      for (let at = 0; at < entry.compressedSize; at += STREAM_SLICE_BYTES) {
        hash.update(await source.read(entry.dataStart + at, entry.dataStart + Math.min(entry.compressedSize, at + STREAM_SLICE_BYTES)));
      }
      checkHex(file, toHex(hash.digest()));
    },
    async blob(file) {
      const entry = entryOf(file);
      if (entry.method === METHOD_STORE) return storedEntryBlob(source, entry, file.mediaType);
      const bytes = await readEntry(source, entry, file.bytes, { checkCrc: false });
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType });
    },
  };
}

function encryptedAccess(source: ByteSource, directory: ZipDirectory, header: EncryptionHeader, key: BundleKey): FileAccess {
  const chunkBytes = header.encryption.chunkBytes;
  const entryOf = (file: BundleFile) => {
    const name = file.entry;
    const entry = name === undefined ? undefined : directory.byName.get(name);
    if (entry === undefined || entry.isDirectory) refuse('tampered', `The manifest lists "${file.path}" in an entry that is not in the zip.`, file.path);
    return entry;
  };
  const read = async (file: BundleFile, maxBytes: number, checkSha256 = true) => {
    if (file.bytes > maxBytes) refuse('oversize-entry', `"${file.path}" is ${file.bytes} bytes; at most ${maxBytes} are accepted for it.`, file.path);
    const entry = entryOf(file);
    const encoded = await openEncryptedEntry(source, entry, header, key, encryptedSize(file.encodedBytes ?? 0, chunkBytes));
    let bytes = encoded;
    if (file.encoding === 'deflate-raw') {
      const inflated = await inflateRaw(encoded, file.bytes);
      if (!inflated.ok) {
        refuse(inflated.reason === 'too-large' ? 'zip-bomb' : 'corrupt-zip', `"${file.path}" does not inflate to the ${file.bytes} bytes the manifest declares.`, file.path);
      }
      bytes = inflated.bytes;
    }
    if (bytes.length !== file.bytes) refuse('checksum-mismatch', `"${file.path}" has ${bytes.length} bytes; the manifest says ${file.bytes}.`, file.path);
    if (checkSha256) await checkDigest(file, bytes);
    return bytes;
  };
  return {
    encrypted: true,
    entryOf,
    storedSize: (file) => encryptedSize(file.encodedBytes ?? 0, chunkBytes),
    read,
    async verifyBlob(file) {
      if (file.encoding !== 'identity') refuse('invalid-manifest', `The attachment "${file.path}" is compressed; bundles store attachments uncompressed.`, file.path);
      if (file.bytes <= WHOLE_HASH_MAX_BYTES) {
        await read(file, file.bytes);
        return;
      }
      const entry = entryOf(file);
      if (entry.method !== METHOD_STORE) refuse('unsupported-zip-feature', `The attachment "${file.path}" is compressed; bundles store attachments uncompressed.`, file.path);
      const hash = sha256Streaming.create();
      let bytes = 0;
      const storedBytes = encryptedSize(file.bytes, chunkBytes);
      const opened = await forEachOpenedChunk(key, header.bundleId, entry.name, storedBytes, chunkBytes, (start, end) => source.read(entry.dataStart + start, entry.dataStart + end), (plain) => {
        hash.update(plain);
        bytes += plain.length;
      });
      if (!opened) refuse('tampered', `"${entry.name}" fails authentication: the bundle was altered, reordered or cut after it was encrypted.`, entry.name);
      if (bytes !== file.bytes) refuse('checksum-mismatch', `"${file.path}" has ${bytes} bytes; the manifest says ${file.bytes}.`, file.path);
      checkHex(file, toHex(hash.digest()));
    },
    async blob(file) {
      // No second SHA-256: verify() hashed these very bytes, and AES-GCM authenticates every chunk
      // (bound to bundle, path and position), so decrypting again cannot give other bytes without
      // failing. The size is still checked, and a failed authentication still refuses. An
      // unencoded attachment (the usual case) becomes a Blob of its decrypted chunks, never
      // copied into one buffer first.
      if (file.encoding !== 'identity') {
        const bytes = await read(file, file.bytes, false);
        return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType });
      }
      const parts = await openEncryptedEntryParts(source, entryOf(file), header, key, encryptedSize(file.bytes, chunkBytes));
      const bytes = parts.reduce((sum, part) => sum + part.length, 0);
      if (bytes !== file.bytes) refuse('checksum-mismatch', `"${file.path}" has ${bytes} bytes; the manifest says ${file.bytes}.`, file.path);
      return new Blob(parts as Uint8Array<ArrayBuffer>[], { type: file.mediaType });
    },
  };
}

async function checkDigest(file: BundleFile, bytes: Uint8Array): Promise<void> {
  checkHex(file, await sha256Hex(bytes));
}

function checkHex(file: BundleFile, sha256: string): void {
  if (sha256 !== file.sha256) {
    refuse('checksum-mismatch', `"${file.path}" does not match its SHA-256 in the manifest: the file is damaged or was altered.`, file.path);
  }
}

/** Every listed file is in the zip with the declared size, and every entry is listed. */
function checkFileList(manifest: BundleManifest, directory: ZipDirectory, access: FileAccess, limits: BundleLimits): void {
  // The manifest of an encrypted bundle is authenticated: any disagreement with the zip is tampering.
  const mismatch = access.encrypted ? 'tampered' : 'manifest-mismatch';
  const paths = new Set<string>();
  const used = new Set<string>([MANIFEST_PATH]);
  if (access.encrypted) used.add(ENCRYPTED_MANIFEST_ENTRY);
  let changeCount = 0;
  let blobCount = 0;
  let blobBytes = 0;
  for (const file of manifest.files) {
    if (paths.has(file.path)) refuse('invalid-manifest', `The manifest lists "${file.path}" twice.`, file.path);
    paths.add(file.path);
    if (access.encrypted) {
      if (file.entry === undefined || file.encoding === undefined || file.encodedBytes === undefined) {
        refuse('invalid-manifest', `The manifest of an encrypted bundle lacks the entry, encoding or size of "${file.path}".`, file.path);
      }
      if (file.encoding === 'identity' && file.encodedBytes !== file.bytes) {
        refuse('invalid-manifest', `The manifest gives two sizes for the unencoded "${file.path}".`, file.path);
      }
    } else if (file.entry !== undefined || file.encoding !== undefined) {
      refuse('invalid-manifest', `The manifest of a plain bundle gives an encrypted entry for "${file.path}".`, file.path);
    }
    if (file.kind === 'changes' && file.bytes > limits.MAX_CHANGES_ENTRY_BYTES) {
      refuse('oversize-entry', `"${file.path}" is ${file.bytes} bytes; a change chunk may have at most ${limits.MAX_CHANGES_ENTRY_BYTES}.`, file.path);
    }
    const entry = access.entryOf(file);
    if (used.has(entry.name)) refuse(mismatch, `The manifest stores two files in "${entry.name}".`, entry.name);
    used.add(entry.name);
    const stored = access.storedSize(file);
    if (entry.uncompressedSize !== stored) {
      refuse(mismatch, `"${file.path}" takes ${entry.uncompressedSize} bytes in the zip; the manifest says ${stored}.`, file.path);
    }
    if (file.kind === 'changes') changeCount += file.changes;
    else {
      blobCount += 1;
      blobBytes += file.bytes;
    }
  }
  for (const entry of directory.entries) {
    if (!entry.isDirectory && !used.has(entry.name)) refuse(mismatch, `The zip holds "${entry.name}", which the manifest does not list.`, entry.name);
  }
  if (changeCount > limits.MAX_CHANGES) refuse('zip-bomb', `The bundle declares ${changeCount} changes; at most ${limits.MAX_CHANGES} are accepted.`);
  const { counts } = manifest;
  if (counts.changes !== changeCount || counts.blobs !== blobCount || counts.blobBytes !== blobBytes) {
    refuse('manifest-mismatch', 'The manifest’s counts do not add up to its file list.');
  }
}

/** The manifest's framework and version vector agree with the changes it carries. */
function checkConsistency(manifest: BundleManifest, changes: readonly Change[]): void {
  const vector = manifest.versionVector;
  for (const change of changes) {
    const held = Object.hasOwn(vector, change.node) ? vector[change.node] : undefined;
    if (held === undefined || change.hlc > held) {
      refuse('invalid-manifest', `The manifest's version vector does not cover the change ${change.hlc}.`);
    }
  }
  const assessmentId = manifest.assessment.id;
  for (const field of ['frameworkId', 'frameworkVersion'] as const) {
    let winner: Change | undefined;
    for (const change of changes) {
      if (change.table === 'assessment' && change.id === assessmentId && change.field === field) {
        if (winner === undefined || compareChangeVersions(change, winner) > 0) winner = change;
      }
    }
    const expected = field === 'frameworkId' ? manifest.framework.id : manifest.framework.version;
    if (winner !== undefined && winner.value !== expected) {
      refuse('invalid-manifest', `The manifest names framework ${manifest.framework.id} ${manifest.framework.version}, but the assessment's ${field} in the changes is ${JSON.stringify(winner.value)}.`);
    }
  }
}

function describeIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0];
  if (issue === undefined) return 'unknown problem';
  const path = formatPath(issue.path);
  return `${path === '' ? '' : `${path}: `}${issue.message}`;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}
