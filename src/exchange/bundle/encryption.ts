/**
 * Optional encryption of a bundle, with Web Crypto only (Node 20 and browsers alike).
 *
 * Key: PBKDF2-HMAC-SHA-256 over the passphrase (Unicode NFC, UTF-8), a random 16-byte salt per
 * bundle, ≥ 600,000 iterations (OWASP 2023 for PBKDF2-SHA-256) → a non-extractable AES-256-GCM key.
 *
 * Content: every entry is cut into chunks of `chunkBytes` plaintext; each chunk is stored as
 * IV (12 random bytes) ‖ ciphertext ‖ tag (16 bytes), with additional authenticated data
 *
 *     "mmdma-bundle/1" NUL bundleId NUL entryName NUL chunkIndex NUL ("1" if last chunk else "0")
 *
 * so a chunk moved to another bundle, another entry or another position, a chunk dropped from the
 * end (the new last chunk is not flagged last) and any altered byte all fail authentication.
 *
 * A key check (the encryption of 16 zero bytes, AAD "…NUL bundleId NUL key-check") tells a wrong
 * passphrase from tampering: a wrong key fails the check; the right key failing on content means
 * the content was altered.
 */
import { fromBase64, toBase64, utf8 } from './bytes';
import { ENCRYPTION_SCHEME, PBKDF2_ITERATIONS } from './format';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const CHUNK_OVERHEAD_BYTES = IV_BYTES + TAG_BYTES;
export const SALT_BYTES = 16;
/** Shortest passphrase the app and the tool accept for an encrypted export, in characters (code points). */
export const MIN_PASSPHRASE_CHARS = 8;
const AAD_PREFIX = 'mmdma-bundle/1';

/** A derived key with the parameters it was derived with (reuse it for bundles with the same salt). */
export interface BundleKey {
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly cryptoKey: CryptoKey;
}

export type RandomBytes = (n: number) => Uint8Array;
export const secureRandomBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/**
 * Derives the key (~0.5 s at 600,000 iterations: derive once per bundle, or once per test file and
 * pass the key to both writer and reader).
 */
export async function deriveBundleKey(
  passphrase: string,
  options: { salt?: Uint8Array; iterations?: number; randomBytes?: RandomBytes } = {},
): Promise<BundleKey> {
  const salt = options.salt ?? (options.randomBytes ?? secureRandomBytes)(SALT_BYTES);
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const material = await crypto.subtle.importKey('raw', buffer(utf8(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  const cryptoKey = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { salt, iterations, cryptoKey };
}

export function describeScheme(key: BundleKey, chunkBytes: number, keyCheck: string) {
  return { scheme: ENCRYPTION_SCHEME, iterations: key.iterations, salt: toBase64(key.salt), chunkBytes, keyCheck } as const;
}

function aad(bundleId: string, entryName: string, index: number | 'key-check', last: boolean): Uint8Array {
  const tail = index === 'key-check' ? 'key-check' : `${index}\u0000${last ? 1 : 0}`;
  return utf8(`${AAD_PREFIX}\u0000${bundleId}\u0000${index === 'key-check' ? '' : `${entryName}\u0000`}${tail}`);
}

async function sealChunk(key: CryptoKey, plain: Uint8Array, additionalData: Uint8Array, randomBytes: RandomBytes): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(additionalData) }, key, buffer(plain)));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv, 0);
  out.set(sealed, IV_BYTES);
  return out;
}

/** The plaintext, or undefined when authentication fails. */
async function openChunk(key: CryptoKey, chunk: Uint8Array, additionalData: Uint8Array): Promise<Uint8Array | undefined> {
  if (chunk.length < CHUNK_OVERHEAD_BYTES) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buffer(chunk.subarray(0, IV_BYTES)), additionalData: buffer(additionalData) },
      key,
      buffer(chunk.subarray(IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

export async function makeKeyCheck(key: BundleKey, bundleId: string, randomBytes: RandomBytes = secureRandomBytes): Promise<string> {
  return toBase64(await sealChunk(key.cryptoKey, new Uint8Array(16), aad(bundleId, '', 'key-check', true), randomBytes));
}

export async function keyCheckPasses(key: BundleKey, bundleId: string, keyCheck: string): Promise<boolean> {
  const sealed = fromBase64(keyCheck);
  if (sealed === undefined) return false;
  const plain = await openChunk(key.cryptoKey, sealed, aad(bundleId, '', 'key-check', true));
  return plain !== undefined && plain.length === 16 && plain.every((b) => b === 0);
}

/** Chunks of an entry of `plainBytes`: at least one (an empty entry is one empty, last chunk). */
export function chunkCount(plainBytes: number, chunkBytes: number): number {
  return Math.max(1, Math.ceil(plainBytes / chunkBytes));
}

export function encryptedSize(plainBytes: number, chunkBytes: number): number {
  return plainBytes + chunkCount(plainBytes, chunkBytes) * CHUNK_OVERHEAD_BYTES;
}

/**
 * The plaintext size behind an encrypted entry of `storedBytes`, or undefined when no plaintext
 * size gives exactly that many bytes (the entry was cut or padded).
 */
export function plainSizeOf(storedBytes: number, chunkBytes: number): number | undefined {
  const chunks = Math.max(1, Math.ceil(storedBytes / (chunkBytes + CHUNK_OVERHEAD_BYTES)));
  const plain = storedBytes - chunks * CHUNK_OVERHEAD_BYTES;
  if (plain < 0 || chunkCount(plain, chunkBytes) !== chunks) return undefined;
  return plain;
}

/** Encrypts `plain` as the chunks of entry `entryName`, yielding each sealed chunk in order. */
export async function* sealEntry(
  key: BundleKey,
  bundleId: string,
  entryName: string,
  plain: Uint8Array,
  chunkBytes: number,
  randomBytes: RandomBytes = secureRandomBytes,
): AsyncGenerator<Uint8Array> {
  const chunks = chunkCount(plain.length, chunkBytes);
  for (let index = 0; index < chunks; index++) {
    const last = index === chunks - 1;
    const part = plain.subarray(index * chunkBytes, Math.min(plain.length, (index + 1) * chunkBytes));
    yield await sealChunk(key.cryptoKey, part, aad(bundleId, entryName, index, last), randomBytes);
  }
}

/** Chunks read with one `read` and decrypted concurrently (4 MiB at the default chunk size). */
const OPEN_WINDOW_CHUNKS = 4;

/**
 * Decrypts entry `entryName` of `storedBytes`, reading a window of a few chunks at a time through
 * `read` (so the plaintext is held and one window of ciphertext, never the whole ciphertext too).
 * The chunks of a window are decrypted concurrently, on Web Crypto's worker threads. Undefined when
 * anything fails to authenticate or the size does not fit the chunk layout: the entry was altered.
 */
export async function openEntry(
  key: BundleKey,
  bundleId: string,
  entryName: string,
  storedBytes: number,
  chunkBytes: number,
  read: (start: number, end: number) => Promise<Uint8Array>,
): Promise<Uint8Array | undefined> {
  const plainBytes = plainSizeOf(storedBytes, chunkBytes);
  if (plainBytes === undefined) return undefined;
  const out = new Uint8Array(plainBytes);
  const opened = await forEachOpenedChunk(key, bundleId, entryName, storedBytes, chunkBytes, read, (plain, index) => out.set(plain, index * chunkBytes));
  return opened ? out : undefined;
}

/**
 * The same, as the list of decrypted chunks: for a Blob made of them (`new Blob(parts)`), which
 * spares the copy into one contiguous buffer when nothing needs the bytes in one piece.
 */
export async function openEntryParts(
  key: BundleKey,
  bundleId: string,
  entryName: string,
  storedBytes: number,
  chunkBytes: number,
  read: (start: number, end: number) => Promise<Uint8Array>,
): Promise<Uint8Array[] | undefined> {
  const parts: Uint8Array[] = [];
  const opened = await forEachOpenedChunk(key, bundleId, entryName, storedBytes, chunkBytes, read, (plain) => parts.push(plain));
  return opened ? parts : undefined;
}

/** Decrypts an entry chunk by chunk, handing each one over and dropping it (streamed hashing). */
export async function forEachOpenedChunk(
  key: BundleKey,
  bundleId: string,
  entryName: string,
  storedBytes: number,
  chunkBytes: number,
  read: (start: number, end: number) => Promise<Uint8Array>,
  onChunk: (plain: Uint8Array, index: number) => void,
): Promise<boolean> {
  const plainBytes = plainSizeOf(storedBytes, chunkBytes);
  if (plainBytes === undefined) return false;
  const chunks = chunkCount(plainBytes, chunkBytes);
  const sealedBytes = chunkBytes + CHUNK_OVERHEAD_BYTES;
  for (let first = 0; first < chunks; first += OPEN_WINDOW_CHUNKS) {
    const end = Math.min(chunks, first + OPEN_WINDOW_CHUNKS);
    const sealedWindow = await read(first * sealedBytes, Math.min(storedBytes, end * sealedBytes));
    const opened = await Promise.all(
      Array.from({ length: end - first }, async (_, i) => {
        const index = first + i;
        const last = index === chunks - 1;
        const partBytes = last ? plainBytes - index * chunkBytes : chunkBytes;
        const plain = await openChunk(key.cryptoKey, sealedWindow.subarray(i * sealedBytes, i * sealedBytes + partBytes + CHUNK_OVERHEAD_BYTES), aad(bundleId, entryName, index, last));
        return plain !== undefined && plain.length === partBytes ? plain : undefined;
      }),
    );
    for (const [i, plain] of opened.entries()) {
      if (plain === undefined) return false;
      onChunk(plain, first + i);
    }
  }
  return true;
}

/** Web Crypto wants ArrayBuffer-backed views; every view made here is. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
