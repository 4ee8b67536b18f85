/**
 * Bundle encryption: PBKDF2-SHA-256 → AES-256-GCM in chunks bound to bundle, entry, position and
 * end. The key is derived once for the file (600,000 iterations cost ~0.5 s each).
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw, utf8, sha256Hex } from '../../src/exchange/bundle/bytes';
import {
  CHUNK_OVERHEAD_BYTES,
  deriveBundleKey,
  encryptedSize,
  openEntry,
  plainSizeOf,
  sealEntry,
  type BundleKey,
} from '../../src/exchange/bundle/encryption';
import { PBKDF2_ITERATIONS } from '../../src/exchange/bundle/format';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { ASSESSMENT_ID, ATTACHMENT_BYTES, NODE_A, NOTE_TEXT, sampleBundle } from '../integration/support/bundleTestKit';

const PASSPHRASE = 'Three assessors, one USB stick';
const BUNDLE = '01900000-0000-7000-8000-0000000000b1';
let key: BundleKey;
beforeAll(async () => {
  key = await deriveBundleKey(PASSPHRASE);
});

async function seal(plain: Uint8Array, entry: string, bundleId = BUNDLE, chunkBytes = 4096): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of sealEntry(key, bundleId, entry, plain, chunkBytes)) parts.push(part);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function open(stored: Uint8Array, entry: string, bundleId = BUNDLE, chunkBytes = 4096) {
  return openEntry(key, bundleId, entry, stored.length, chunkBytes, async (s, e) => stored.subarray(s, e));
}

const plain = new Uint8Array(10_000).map((_, i) => (i * 13) % 256);
const CHUNK = 4096 + CHUNK_OVERHEAD_BYTES;

describe('the key', () => {
  it('is derived with at least 600,000 PBKDF2 iterations and a fresh 16-byte salt', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(key.iterations).toBe(PBKDF2_ITERATIONS);
    expect(key.salt).toHaveLength(16);
    expect(key.cryptoKey.extractable).toBe(false);
    expect(key.cryptoKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('is the same for the same passphrase typed in another Unicode form', async () => {
    // Few iterations: this checks normalisation, not strength.
    const salt = new Uint8Array(16);
    const composed = await deriveBundleKey('Ереван é', { salt, iterations: 1000 });
    const decomposed = await deriveBundleKey('Ереван e\u0301', { salt, iterations: 1000 });
    const sealed: Uint8Array[] = [];
    for await (const part of sealEntry(composed, BUNDLE, 'enc/000001', utf8('x'), 4096)) sealed.push(part);
    expect(await openEntry(decomposed, BUNDLE, 'enc/000001', sealed[0]!.length, 4096, async () => sealed[0]!)).toEqual(utf8('x'));
  });
});

describe('chunks', () => {
  it('round-trip, with the size fixed by the chunk layout', async () => {
    const stored = await seal(plain, 'enc/000001');
    expect(stored.length).toBe(encryptedSize(plain.length, 4096));
    expect(plainSizeOf(stored.length, 4096)).toBe(plain.length);
    expect(await open(stored, 'enc/000001')).toEqual(plain);
    expect(await open(await seal(new Uint8Array(0), 'enc/000002'), 'enc/000002')).toEqual(new Uint8Array(0));
    expect(await open(await seal(plain.subarray(0, 8192), 'enc/000003'), 'enc/000003')).toEqual(plain.subarray(0, 8192));
  });

  it('detect a flipped bit, reordered chunks, a dropped last chunk, another entry name and another bundle', async () => {
    const stored = await seal(plain, 'enc/000001');
    const flipped = stored.slice();
    flipped[CHUNK + 40] = flipped[CHUNK + 40]! ^ 1;
    expect(await open(flipped, 'enc/000001')).toBeUndefined();

    const reordered = new Uint8Array([...stored.subarray(CHUNK, 2 * CHUNK), ...stored.subarray(0, CHUNK), ...stored.subarray(2 * CHUNK)]);
    expect(await open(reordered, 'enc/000001')).toBeUndefined();

    // Cut after two full chunks: a consistent size, but chunk 1 was not sealed as the last one.
    expect(plainSizeOf(2 * CHUNK, 4096)).toBe(8192);
    expect(await open(stored.subarray(0, 2 * CHUNK), 'enc/000001')).toBeUndefined();

    expect(await open(stored, 'enc/000002')).toBeUndefined();
    expect(await open(stored, 'enc/000001', '01900000-0000-7000-8000-0000000000b9')).toBeUndefined();
  });

  it('reject sizes no plaintext could have', () => {
    expect(plainSizeOf(CHUNK_OVERHEAD_BYTES - 1, 4096)).toBeUndefined();
    expect(plainSizeOf(CHUNK + CHUNK_OVERHEAD_BYTES - 1, 4096)).toBeUndefined();
  });
});

describe('an encrypted bundle', () => {
  it('reads back with the passphrase exactly as the plain bundle', async () => {
    const encrypted = await sampleBundle({}, { encryption: { key } });
    const plainBundle = await sampleBundle();
    const a = await readBundle(encrypted, { key });
    const b = await readBundle(plainBundle);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.encrypted).toBe(true);
    expect(a.value.changes).toEqual(b.value.changes);
    expect({ ...a.value.manifest, files: undefined }).toEqual({ ...b.value.manifest, files: undefined });
    const blob = await a.value.readBlob(a.value.blobs[0]!.sha256);
    expect(blob.ok && new Uint8Array(await blob.value.arrayBuffer())).toEqual(ATTACHMENT_BYTES);
  });

  it('refuses an attachment whose bytes were altered after verification, when it is read again to be stored', async () => {
    const encrypted = await sampleBundle({}, { encryption: { key } });
    const verified = await readBundle(encrypted, { key });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    // The bundle was handed over as bytes that someone changes afterwards (a file rewritten on disk):
    // flip one byte inside the attachment's entry, past its IV.
    const zip = await JSZip.loadAsync(encrypted);
    const entries = Object.keys(zip.files).filter((name) => /^enc\/\d{6}$/.test(name));
    const sizes = await Promise.all(entries.map(async (name) => [name, (await zip.file(name)!.async('uint8array')).length] as const));
    const [entryName, size] = sizes.find(([, n]) => n === encryptedSize(ATTACHMENT_BYTES.length, 1024 * 1024))!;
    const sealed = await zip.file(entryName)!.async('uint8array');
    const at = Buffer.from(encrypted).indexOf(Buffer.from(sealed.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    expect(size).toBe(sealed.length);
    encrypted[at + 20]! ^= 0x01;
    const blob = await verified.value.readBlob(verified.value.blobs[0]!.sha256);
    expect(!blob.ok && blob.error.code).toBe('tampered');
  });

  it('leaves nothing of the notes, names, ids or attachment hashes readable in the file', async () => {
    const encrypted = await sampleBundle({}, { encryption: { key } });
    const raw = Buffer.from(encrypted);
    const sha = await sha256Hex(ATTACHMENT_BYTES);
    for (const secret of [NOTE_TEXT, 'NSS', 'Anna', 'Petrosyan', 'Armenia', ASSESSMENT_ID, NODE_A, sha, 'decree', 'rating', 'observation']) {
      expect(raw.includes(secret), secret).toBe(false);
    }
    const zip = await JSZip.loadAsync(encrypted);
    const names = Object.keys(zip.files);
    expect(names.every((n) => n === 'manifest.json' || /^enc\/(\d{6}|manifest)$/.test(n))).toBe(true);
    // Every entry but the clear header is stored, not deflated, so the raw check above saw it all;
    // the clear header says only what a reader needs to decrypt.
    const header = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['bundleId', 'encryption', 'format', 'formatVersion']);
    expect(Object.keys(header.encryption as object).sort()).toEqual(['chunkBytes', 'iterations', 'keyCheck', 'salt', 'scheme']);
  });

  it('says a wrong passphrase is wrong, and asks for one when none is given', async () => {
    const encrypted = await sampleBundle({}, { encryption: { key } });
    const wrong = await readBundle(encrypted, { passphrase: 'Three assessors, one USB stick!' });
    expect(!wrong.ok && wrong.error.code).toBe('wrong-passphrase');
    const none = await readBundle(encrypted);
    expect(!none.ok && none.error.code).toBe('needs-passphrase');
  });

  it('refuses a header that lowers the iterations, without deriving anything', async () => {
    const encrypted = await sampleBundle({}, { encryption: { key } });
    const zip = await JSZip.loadAsync(encrypted);
    const header = JSON.parse(await zip.file('manifest.json')!.async('string')) as { encryption: { iterations: number } };
    header.encryption.iterations = 1000;
    zip.file('manifest.json', JSON.stringify(header));
    const lowered = await zip.generateAsync({ type: 'uint8array' });
    const read = await readBundle(lowered, { passphrase: PASSPHRASE });
    expect(!read.ok && read.error).toMatchObject({ code: 'unsupported-format' });
  });

  it('compresses change chunks before encrypting them', async () => {
    const changes = utf8('{"hlc":"000001664787600001-0000-a1a1a1a1a1a1a1a1","value":"same same"}\n'.repeat(2000));
    const deflated = await deflateRaw(changes);
    expect(deflated.length).toBeLessThan(changes.length / 10);
    const back = await inflateRaw(deflated, changes.length);
    expect(back.ok && back.bytes).toEqual(changes);
  });
});
