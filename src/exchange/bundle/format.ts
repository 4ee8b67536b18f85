/**
 * The bundle format, version 1, as constants and zod schemas: the single source of truth for
 * docs/bundle-format.md. Add fields, never rename; a change an old reader would misread bumps
 * BUNDLE_FORMAT_VERSION (old apps then refuse the bundle with "update the app").
 */
import { z } from 'zod';
import { mediaTypeSchema, sha256HexSchema } from '../../core/assessment/attachmentSchema';
import { isoDateTimeSchema } from '../../core/assessment/recordBase';
import { parseHlc, nodeIdSchema } from '../../core/clock/hlc';
import { frameworkIdSchema, semanticVersionSchema } from '../../core/framework/frameworkIds';
import { uuidSchema } from '../../core/ids/uuidSchema';
import { versionVectorSchema } from '../../core/merge/versionVector';
import { BUNDLE_LIMITS } from './limits';

export const BUNDLE_FORMAT = 'mmdma-bundle';
/** The format version this code writes and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;
/**
 * The app's version, written into every manifest (`appVersion`) for people and bug reports. Kept in
 * step with package.json by a unit test. Readability is decided by the format and schema versions,
 * not by this string: see "Versions" in docs/bundle-format.md.
 */
export const MMDMA_APP_VERSION = '0.1.0';

export const BUNDLE_FILE_SUFFIX = '.mmdma.zip';
export const MANIFEST_PATH = 'manifest.json';
/** The encrypted manifest proper, in encrypted bundles. */
export const ENCRYPTED_MANIFEST_ENTRY = 'enc/manifest';
/** Changes per `changes/NNNNNN.ndjson` chunk the writer makes (readers accept any split). */
export const CHANGES_PER_CHUNK = 5_000;
/** The writer also starts a new chunk before one would pass this many bytes (readers allow 8 MiB). */
export const CHANGES_CHUNK_TARGET_BYTES = 4 * 1024 * 1024;
/** Plaintext bytes per AES-GCM chunk the writer makes (the header says what a bundle used). */
export const ENCRYPTION_CHUNK_BYTES = 1024 * 1024;
export const ENCRYPTION_SCHEME = 'pbkdf2-sha256/aes-256-gcm';
export const PBKDF2_ITERATIONS = 600_000;

export const CHANGES_PATH_PATTERN = /^changes\/\d{6}\.ndjson$/;
export const BLOB_PATH_PATTERN = /^blobs\/[0-9a-f]{64}$/;
export const ENCRYPTED_ENTRY_PATTERN = /^enc\/\d{6}$/;

export function changesPath(chunkNumber: number): string {
  return `changes/${String(chunkNumber).padStart(6, '0')}.ndjson`;
}
export function blobPath(sha256: string): string {
  return `blobs/${sha256}`;
}
export function encryptedEntryName(entryNumber: number): string {
  return `enc/${String(entryNumber).padStart(6, '0')}`;
}

const byteCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * How an encrypted bundle stores a file: under an opaque entry name, encoded (DEFLATE for change
 * chunks, nothing for attachments), then encrypted in chunks. Absent in plain bundles, where the
 * zip entry is the path itself and the zip's own compression does the encoding.
 */
const encryptedStorageShape = {
  entry: z.string().regex(ENCRYPTED_ENTRY_PATTERN, 'must be an entry name "enc/NNNNNN"').optional(),
  encoding: z.enum(['deflate-raw', 'identity']).optional(),
  /** Bytes after encoding, before encryption. */
  encodedBytes: byteCount.optional(),
};

export const bundleFileSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    path: z.string().regex(CHANGES_PATH_PATTERN, 'must be "changes/NNNNNN.ndjson"'),
    /** SHA-256 of the file's (decrypted, inflated) bytes. */
    sha256: sha256HexSchema,
    bytes: byteCount,
    /** Lines (changes) in the chunk. */
    changes: byteCount,
    ...encryptedStorageShape,
  }),
  z
    .object({
      kind: z.literal('blob'),
      path: z.string().regex(BLOB_PATH_PATTERN, 'must be "blobs/<sha256>"'),
      sha256: sha256HexSchema,
      bytes: byteCount,
      /** The media type to store the blob under (the attachment record may not be in this bundle). */
      mediaType: mediaTypeSchema,
      ...encryptedStorageShape,
    })
    .refine((file) => file.path === blobPath(file.sha256), { message: 'the path must be blobs/ followed by the file’s SHA-256', path: ['path'] }),
]);
export type BundleFile = z.infer<typeof bundleFileSchema>;

const boundedVersionVector = versionVectorSchema.superRefine((vector, ctx) => {
  if (Object.keys(vector).length > BUNDLE_LIMITS.MAX_VECTOR_NODES) {
    ctx.addIssue({ code: 'custom', message: `has more than ${BUNDLE_LIMITS.MAX_VECTOR_NODES} devices` });
    return;
  }
  for (const [node, hlc] of Object.entries(vector)) {
    if (parseHlc(hlc)?.nodeId !== node) ctx.addIssue({ code: 'custom', path: [node], message: 'the timestamp is not of this node' });
  }
});

export const frameworkRefSchema = z.object({ id: frameworkIdSchema, version: semanticVersionSchema });
export type FrameworkRef = z.infer<typeof frameworkRefSchema>;

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  /** ASSESSMENT_SCHEMA_VERSION of the records the changes build. */
  schemaVersion: z.number().int().min(1),
  appVersion: semanticVersionSchema,
  bundleId: uuidSchema,
  createdAt: isoDateTimeSchema,
  createdBy: z.object({
    /** 'device': an app installation exported it; 'merge': the command-line tool merged bundles. */
    kind: z.enum(['device', 'merge']),
    /** The exporting installation's node id (random for merges). */
    node: nodeIdSchema,
    /** The person, as they typed their name; null when unknown. */
    assessor: z.string().max(200).nullable(),
    assessorId: uuidSchema.nullable(),
  }),
  assessment: z.object({ id: uuidSchema, title: z.string().max(500) }),
  framework: frameworkRefSchema,
  /** Node → newest HLC of this assessment's changes the creator held when exporting. */
  versionVector: boundedVersionVector,
  /** Null for a complete export; else the peer vector the bundle was cut against (informational). */
  since: boundedVersionVector.nullable(),
  includesAttachments: z.boolean(),
  /** SHA-256 of every attachment of the assessment the creator held (so peers send only what it lacks). */
  blobsHeld: z.array(sha256HexSchema).max(BUNDLE_LIMITS.MAX_ENTRIES),
  counts: z.object({ changes: byteCount, blobs: byteCount, blobBytes: byteCount }),
  files: z.array(bundleFileSchema).max(BUNDLE_LIMITS.MAX_ENTRIES),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** What an encrypted bundle's `manifest.json` holds in clear: only what a reader needs to decrypt. */
export const encryptionHeaderSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: uuidSchema,
  encryption: z.object({
    scheme: z.literal(ENCRYPTION_SCHEME),
    iterations: z.number().int(),
    /** Base64 of the PBKDF2 salt (16–64 bytes). */
    salt: z.string().min(24).max(88),
    /** Plaintext bytes per chunk. */
    chunkBytes: z.number().int().min(4096).max(16 * 1024 * 1024),
    /** Base64 of IV ‖ AES-GCM(16 zero bytes): tells a wrong passphrase from tampering. */
    keyCheck: z.string().min(4).max(100),
  }),
});
export type EncryptionHeader = z.infer<typeof encryptionHeaderSchema>;

/** The first thing read from any manifest: enough to tell "not ours" from "too new". */
export const formatProbeSchema = z.object({ format: z.unknown(), formatVersion: z.unknown() }).loose();
