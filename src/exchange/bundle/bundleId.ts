/**
 * A bundle's id. A plain bundle gets a UUIDv7, which sorts by creation time (its manifest says when
 * anyway). An encrypted bundle's id sits in the clear header, where a UUIDv7 would give away to
 * anyone holding the file the millisecond it was made; it gets a random UUIDv4 instead (RFC 9562,
 * section 5.4): 122 random bits, nothing else.
 */
import { createUuidV7, formatUuid } from '../../core/ids/uuidv7';

export function createBundleId(encrypted: boolean, nowMs: number, randomBytes: (n: number) => Uint8Array): string {
  if (!encrypted) return createUuidV7(nowMs, randomBytes);
  const bytes = randomBytes(16).slice(0, 16);
  if (bytes.length < 16) throw new RangeError(`createBundleId: randomBytes returned ${bytes.length} bytes, need 16`);
  bytes[6] = 0x40 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return formatUuid(bytes);
}
