/**
 * Every limit the bundle reader enforces, in one place, with units in the names. The reader checks
 * them against the zip's central directory BEFORE inflating anything, then again while inflating
 * (a byte counter that stops at the declared size), so a hostile file cannot make it allocate more
 * than these numbers say. Tests pass smaller limits through `readBundle(…, { limits })`.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const BUNDLE_LIMITS = {
  /** Entries in the zip (files and directories). A bundle has one per attachment plus a few. */
  MAX_ENTRIES: 20_000,
  /** Bytes of the central directory as declared by the end record. */
  MAX_CENTRAL_DIRECTORY_BYTES: 16 * MiB,
  /** Uncompressed bytes of one entry: the largest attachment (a long interview recording). */
  MAX_ENTRY_BYTES: 512 * MiB,
  /** Uncompressed bytes of all entries together. Also keeps every offset below 4 GiB (no ZIP64). */
  MAX_TOTAL_BYTES: 2 * GiB,
  /** Uncompressed bytes of `manifest.json` (and of the encrypted manifest). */
  MAX_MANIFEST_BYTES: 16 * MiB,
  /**
   * Uncompressed bytes of one `changes/NNNNNN.ndjson` chunk. A chunk is held whole while it is
   * parsed (bytes, text, lines, objects: about 6× this), so it is kept small; writers cut chunks
   * at CHANGES_CHUNK_TARGET_BYTES (4 MiB) or 5,000 changes.
   */
  MAX_CHANGES_ENTRY_BYTES: 8 * MiB,
  /** UTF-8 bytes of one change line (its value: a note of half a million Armenian letters fits). */
  MAX_CHANGE_LINE_BYTES: 1 * MiB,
  /**
   * Changes in one bundle, all chunks together. Every change is verified and held as an object until
   * it is imported (about 200 bytes each, and 20–40 µs of checks on a loaded 2-core machine), so this
   * bounds a reader's memory and time whatever a small file claims: 250,000 changes verify in about
   * 100 MiB and a few seconds. A complete export of an assessment of thousands of records (5,000
   * records of 10 fields: 50,000 changes) stays far below it.
   */
  MAX_CHANGES: 250_000,
  /**
   * Declared uncompressed ÷ compressed size of a deflated entry. NDJSON of changes compresses
   * 5–15×; deflate cannot exceed about 1,032×, which is what zip bombs use.
   */
  MAX_COMPRESSION_RATIO: 200,
  /** Entries smaller than this (uncompressed bytes) are exempt from the ratio check. */
  RATIO_CHECK_MIN_BYTES: 64 * KiB,
  /**
   * Declared uncompressed ÷ compressed bytes of ALL deflated entries together (beyond a first
   * RATIO_CHECK_MIN_BYTES). Many small entries each under the per-entry check must not add up to a
   * bomb. Change chunks of real assessments compress 8–20×; this is what bounds the changes a small
   * file can make a reader hold (2 MB of file → at most 100 MB of change text).
   */
  MAX_TOTAL_COMPRESSION_RATIO: 50,
  /** Nodes (devices) in a version vector: a team over years has dozens; more is a forgery. */
  MAX_VECTOR_NODES: 10_000,
  /** Nesting depth of a JSON value in a change or the manifest (validation recurses). */
  MAX_JSON_DEPTH: 64,
  /** Bytes of an entry name (UTF-8). */
  MAX_NAME_BYTES: 255,
  /** PBKDF2 iterations accepted in an encrypted bundle's header: at least the format's minimum… */
  MIN_PBKDF2_ITERATIONS: 600_000,
  /** …and at most this, so a hostile header cannot make key derivation run for hours. */
  MAX_PBKDF2_ITERATIONS: 10_000_000,
} as const;

export type BundleLimits = { readonly [K in keyof typeof BUNDLE_LIMITS]: number };

/** The default limits with some replaced (tests tighten them to keep hostile fixtures small). */
export function resolveLimits(overrides: Partial<BundleLimits> | undefined): BundleLimits {
  return { ...BUNDLE_LIMITS, ...(overrides ?? {}) };
}
