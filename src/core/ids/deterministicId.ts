/**
 * Stable ids for records with a natural key. A rating is one per assessment × indicator × track ×
 * assessor; if two devices each created "the" rating with a random id, a merge would show twins.
 * Deriving the id from the key makes both devices write to the same record, and last-writer-wins
 * per field does the rest.
 *
 * The id is UUID-shaped (version 8, "custom", RFC 9562 section 5.8) so it passes the same schema
 * as UUIDv7 ids. Its 122 free bits come from two 64-bit rounds of cyrb53's mixing (the "cyrb64"
 * form that keeps both 32-bit lanes) with different seeds, over a length-prefixed encoding of the
 * kind and parts, so ("ab", "c") and ("a", "bc") hash different inputs.
 *
 * Not cryptographic, and it need not be: the inputs are ids our own team's devices made, nobody
 * gains anything by forging a collision, and the chance of an accidental one among the few
 * thousand natural-key records of an assessment is negligible (birthday bound ~n²/2^123). A
 * cryptographic hash would need `crypto.subtle`, which is async and outside the pure core.
 *
 * FROZEN: changing the encoding, seeds or mixing changes every rating and consensus id already
 * stored on devices and in bundles. The golden values in the tests guard this.
 */
import { formatUuid } from './uuidv7';

const SEED_HIGH = 0x6d6d646d; // "mmdm"
const SEED_LOW = 0x61696473; // "aids"

export function deterministicId(kind: string, ...parts: string[]): string {
  // Length prefixes (in UTF-16 code units, which is what charCodeAt walks) make the encoding
  // injective: no two different (kind, parts) lists produce the same string.
  let encoded = '';
  for (const part of [kind, ...parts]) encoded += `${part.length}:${part}`;
  const bytes = new Uint8Array(16);
  writeCyrb64(bytes, 0, encoded, SEED_HIGH);
  writeCyrb64(bytes, 8, encoded, SEED_LOW);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f); // version 8
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 9562 variant
  return formatUuid(bytes);
}

/** cyrb53 (bryc, public domain) without the final truncation to 53 bits: 64 bits, big-endian. */
function writeCyrb64(target: Uint8Array, offset: number, text: string, seed: number): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  writeUint32(target, offset, h2 >>> 0);
  writeUint32(target, offset + 4, h1 >>> 0);
}

function writeUint32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 24;
  target[offset + 1] = (value >>> 16) & 0xff;
  target[offset + 2] = (value >>> 8) & 0xff;
  target[offset + 3] = value & 0xff;
}
