/**
 * Why a bundle was refused, as data: a stable `code` the UI translates, and an English `message`
 * that names the file or entry (for the command-line tool, logs and bug reports). Reading a bundle
 * never throws on bad input; every refusal is one of these.
 */

export const BUNDLE_PROBLEM_CODES = [
  /** Not a zip file at all (no end-of-central-directory record, no zip signature). */
  'not-a-zip',
  /** A zip that ends early: the end record or entries lie beyond the end of the file. */
  'truncated',
  /** A zip whose structure is inconsistent (headers that disagree, sizes that do not add up). */
  'corrupt-zip',
  /** A zip feature bundles never use: ZIP64, multi-disk, zip encryption, other compression methods. */
  'unsupported-zip-feature',
  /** An entry's CRC-32 or SHA-256, or its size, is not what the zip or the manifest says. */
  'checksum-mismatch',
  /** No `manifest.json` entry. */
  'missing-manifest',
  /** `manifest.json` is not valid JSON or does not match the manifest schema. */
  'invalid-manifest',
  /** The zip's entries and the manifest's file list disagree (missing or unlisted entries). */
  'manifest-mismatch',
  /** Not an MMDMA bundle, or a format version this app never wrote (too old or unknown). */
  'unsupported-format',
  /** Made by a newer version of the app (newer bundle format or record schema): update to read it. */
  'newer-app',
  /** The bundle's framework is not installed, or differs from the local assessment's. */
  'framework-mismatch',
  /** Compression ratio, total size or entry count beyond the limits, or overlapping entries. */
  'zip-bomb',
  /** An entry name with `..`, an absolute path, a drive letter, a backslash or control characters. */
  'unsafe-path',
  /** Two entries with the same name (also when they differ only in case or Unicode form). */
  'duplicate-entry',
  /** One entry larger than the per-entry limit. */
  'oversize-entry',
  /** A change that is not valid JSON or fails the change schema (including `__proto__` keys). */
  'invalid-changes',
  /** A change to a record of another assessment than the bundle's. */
  'out-of-scope',
  /** The bundle is encrypted and no passphrase was given. */
  'needs-passphrase',
  /** The passphrase does not open the bundle (or the encryption header was altered). */
  'wrong-passphrase',
  /** The passphrase is right but encrypted content was altered, reordered, swapped or cut. */
  'tampered',
  /** The file could not be read (it changed or vanished while being read). */
  'read-failed',
  /** A change or version vector stamped more than MAX_CLOCK_SKEW_MS ahead of the reader's clock. */
  'clock-ahead',
  /** A plain bundle where the team requires encrypted ones. */
  'encryption-required',
] as const;

export type BundleProblemCode = (typeof BUNDLE_PROBLEM_CODES)[number];

export interface BundleProblem {
  readonly code: BundleProblemCode;
  /** English, for people and logs; names the entry when there is one. The UI translates `code`. */
  readonly message: string;
  /** The zip entry (or manifest path) concerned, when there is one. */
  readonly entry?: string;
}

export function problem(code: BundleProblemCode, message: string, entry?: string): BundleProblem {
  return entry === undefined ? { code, message } : { code, message, entry };
}

/**
 * Thrown inside the reader to unwind to `readBundle`, which turns it back into a result. It never
 * escapes the module: the public functions return `Result`s.
 */
export class BundleRefusal extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.message);
    this.name = 'BundleRefusal';
  }
}

export function refuse(code: BundleProblemCode, message: string, entry?: string): never {
  throw new BundleRefusal(problem(code, message, entry));
}
