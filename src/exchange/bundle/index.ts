/**
 * The bundle format's public API: read, verify, write, encrypt and merge `*.mmdma.zip` files.
 * Pure of DOM and storage (runs in Node and the browser); the storage glue is
 * src/exchange/importBundle.ts and src/exchange/exportBundle.ts. Format: docs/bundle-format.md.
 */
export { BUNDLE_LIMITS, resolveLimits, type BundleLimits } from './limits';
export { BUNDLE_PROBLEM_CODES, type BundleProblem, type BundleProblemCode } from './problem';
export type { BundleProgress, OnBundleProgress } from './progress';
export {
  BUNDLE_FILE_SUFFIX,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleManifestSchema,
  MMDMA_APP_VERSION,
  PBKDF2_ITERATIONS,
  type BundleFile,
  type BundleManifest,
  type FrameworkRef,
} from './format';
export { frameworkFit, installedFrameworkFit, type FrameworkFit } from './frameworkMatch';
export { deriveBundleKey, MIN_PASSPHRASE_CHARS, type BundleKey } from './encryption';
export { readBundle, readBundleHeader, type BundleBlobInfo, type BundleHeader, type ReadBundleOptions, type VerifiedBundle } from './readBundle';
export {
  writeBundle,
  type BundleBlobSource,
  type BundleEncryption,
  type SkippedBlob,
  type WriteBundleInput,
  type WriteBundleOptions,
  type WriteProblem,
  type WrittenBundle,
} from './writeBundle';
export { createBlobSink, type ByteSink, type ZipPart } from './zipWriter';
export { bundleFileName, slugify } from './fileName';
export { mergeBundles, type MergeBundlesOptions, type MergeProblem } from './mergeBundles';
export { spreadsheetRows, toCsv, type SpreadsheetTables } from './spreadsheet';
