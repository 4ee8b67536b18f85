/**
 * End-to-end encryption of attachment bytes for the sync hub (scheme `mmdma-hub-blob/1`,
 * docs/hub-protocol.md "End-to-end encryption"), with the team's key (hubValueCipher.ts) and Web
 * Crypto only.
 *
 * The file is cut into chunks of BLOB_CHUNK_BYTES; each is sealed with AES-256-GCM under the team
 * key, with an IV synthesised from the plaintext's SHA-256 and the chunk's index (HMAC), and with
 * the plaintext's hash, the index and a last-chunk flag as authenticated data. So:
 * - the same file always encrypts to the same bytes (two devices uploading one photo produce one
 *   ciphertext; a resumed upload after a restart continues the same bytes), and an IV repeats only
 *   for the same chunk of the same file, which is the same plaintext;
 * - chunks cannot be reordered, dropped or cut off at the end without decryption failing;
 * - a chunk at a time is in memory as a buffer, not the whole file twice.
 *
 * The hub stores and verifies the ciphertext's SHA-256 (it never sees the plaintext's). A teammate
 * who has only the attachment record — the plaintext's hash — finds the ciphertext by its `ref`, an
 * HMAC of that hash under the team key: the hub cannot compute it, nor tell from it which file it is.
 */
import type { HubValueKey } from './hubValueCipher';

export const HUB_BLOB_SCHEME = 'mmdma-hub-blob/1';
/** Plaintext bytes per sealed chunk; each sealed chunk is this plus a 16-byte tag. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;
const IV_BYTES = 12;

const utf8 = (text: string) => new TextEncoder().encode(text);
const ab = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The opaque tag by which the hub finds an encrypted attachment: HMAC of the plaintext's hash. */
export async function hubBlobRef(key: HubValueKey, plainSha256: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', key.ivKey, ab(utf8(`${HUB_BLOB_SCHEME}\u0000ref\u0000${plainSha256}`)))));
}

/** Bytes of the ciphertext of a file of `plainBytes` bytes (an empty file is one empty chunk). */
export function sealedBlobBytes(plainBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / BLOB_CHUNK_BYTES));
  return plainBytes + chunks * TAG_BYTES;
}

function chunkContext(plainSha256: string, index: number, last: boolean): Uint8Array {
  return utf8(`${HUB_BLOB_SCHEME}\u0000${plainSha256}\u0000${index}\u0000${last ? 'last' : 'more'}`);
}

async function chunkIv(key: HubValueKey, context: Uint8Array): Promise<ArrayBuffer> {
  return ab(new Uint8Array(await crypto.subtle.sign('HMAC', key.ivKey, ab(context))).subarray(0, IV_BYTES));
}

/** The file's ciphertext, as a Blob of sealed chunks. `plainSha256` is the file's hash, which the caller knows (the record's). */
export async function sealHubBlob(key: HubValueKey, plain: Blob, plainSha256: string): Promise<Blob> {
  const chunks = Math.max(1, Math.ceil(plain.size / BLOB_CHUNK_BYTES));
  const sealed: ArrayBuffer[] = [];
  for (let index = 0; index < chunks; index += 1) {
    const context = chunkContext(plainSha256, index, index === chunks - 1);
    const bytes = await plain.slice(index * BLOB_CHUNK_BYTES, (index + 1) * BLOB_CHUNK_BYTES).arrayBuffer();
    sealed.push(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: await chunkIv(key, context), additionalData: ab(context) }, key.encryptKey, bytes));
  }
  return new Blob(sealed, { type: 'application/octet-stream' });
}

/**
 * The file in clear, or null when the ciphertext does not open under this key for this plaintext
 * hash (another passphrase, tampering, a cut-off download). The caller still checks the
 * plaintext's hash against the record: storing the bytes does (storage hashes what it keeps).
 */
export async function openHubBlob(key: HubValueKey, sealed: Blob, plainSha256: string, mediaType: string): Promise<Blob | null> {
  const sealedChunk = BLOB_CHUNK_BYTES + TAG_BYTES;
  const chunks = Math.max(1, Math.ceil(sealed.size / sealedChunk));
  const plain: ArrayBuffer[] = [];
  try {
    for (let index = 0; index < chunks; index += 1) {
      const context = chunkContext(plainSha256, index, index === chunks - 1);
      const bytes = await sealed.slice(index * sealedChunk, (index + 1) * sealedChunk).arrayBuffer();
      plain.push(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: await chunkIv(key, context), additionalData: ab(context) }, key.encryptKey, bytes));
    }
  } catch {
    return null;
  }
  return new Blob(plain, { type: mediaType });
}
