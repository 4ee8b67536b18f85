/**
 * UUIDv7 (RFC 9562, section 5.7): 48 bits of Unix milliseconds, then 74 random bits, with the
 * version and variant bits in their fixed places. Ids made later sort later, which keeps IndexedDB
 * keys and change logs roughly in creation order without a central counter.
 *
 * Randomness is injected because the pure core has no `crypto` global (ES2022 lib only); callers
 * pass `(n) => crypto.getRandomValues(new Uint8Array(n))` in the browser and in Node.
 */

/** Bytes of randomness a UUIDv7 consumes: 12 bits rand_a + 62 bits rand_b, rounded up to bytes. */
export const UUID_V7_RANDOM_BYTES = 10;

/** The largest timestamp that fits the 48-bit field (year 10889). */
export const MAX_UUID_V7_MS = 2 ** 48 - 1;

/**
 * Canonical lower-case form of any RFC 9562 UUID of versions 1–8 with the RFC variant. Upper case
 * is rejected on purpose: ids are map keys, and "A" ≠ "a" would make two keys for one record.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID_PATTERN.test(s);
}

export function createUuidV7(nowMs: number, randomBytes: (n: number) => Uint8Array): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_UUID_V7_MS) {
    throw new RangeError(`createUuidV7: timestamp ${nowMs} is not an integer millisecond in [0, 2^48)`);
  }
  const random = randomBytes(UUID_V7_RANDOM_BYTES);
  if (random.length < UUID_V7_RANDOM_BYTES) {
    throw new RangeError(`createUuidV7: randomBytes returned ${random.length} bytes, need ${UUID_V7_RANDOM_BYTES}`);
  }
  const bytes = new Uint8Array(16);
  // 48-bit big-endian timestamp. Division rather than shifts: bitwise operators truncate to 32 bits.
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  // The random bytes are laid out in order (high bits first) so that, within one millisecond,
  // larger random input gives a larger id; a caller that wants strict monotonicity can feed an
  // incrementing sequence (RFC 9562, section 6.2, method 2).
  bytes[6] = 0x70 | (random[0]! & 0x0f);
  bytes[7] = random[1]!;
  bytes[8] = 0x80 | (random[2]! & 0x3f);
  for (let i = 3; i < UUID_V7_RANDOM_BYTES; i++) bytes[6 + i] = random[i]!;
  return formatUuid(bytes);
}

/** Formats 16 bytes as 8-4-4-4-12 lower-case hex. Shared with deterministicId. */
export function formatUuid(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
