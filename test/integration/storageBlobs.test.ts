/**
 * Blobs are stored once per content, under the SHA-256 of their bytes.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import { openTestStore, unwrap, type TestStore } from './support/storageTestKit';

const opened: MmdmaDatabase[] = [];
function open(): TestStore {
  const test = openTestStore();
  opened.push(test.db);
  return test;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const photoBytes = () => {
  const bytes = new Uint8Array(70_000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
};

describe('putBlob and getBlob', () => {
  it('stores the same bytes once, under their SHA-256', async () => {
    const { db, store, clock } = open();
    const bytes = photoBytes();
    const expected = createHash('sha256').update(bytes).digest('hex');

    const first = unwrap(await store.putBlob(new Blob([bytes], { type: 'image/jpeg' }), 'image/jpeg'));
    expect(first).toEqual({ sha256: expected, bytes: bytes.length, created: true });
    clock.advance(60_000);
    // The same photo attached again (another Blob object, even another stated type): a no-op.
    const second = unwrap(await store.putBlob(new Blob([bytes.slice()]), 'application/octet-stream'));
    expect(second).toEqual({ sha256: expected, bytes: bytes.length, created: false });
    expect(await db.blobs.count()).toBe(1);

    const stored = unwrap(await store.getBlob(expected));
    expect(stored).toMatchObject({ sha256: expected, mediaType: 'image/jpeg', bytes: bytes.length, createdAt: '2022-10-03T09:00:00.000Z' });
    const readBack = new Uint8Array(await stored!.blob.arrayBuffer());
    expect(createHash('sha256').update(readBack).digest('hex')).toBe(expected);

    const other = unwrap(await store.putBlob(new Blob([new Uint8Array([1, 2, 3])]), 'text/plain'));
    expect(other.sha256).toBe(createHash('sha256').update(new Uint8Array([1, 2, 3])).digest('hex'));
    expect(await db.blobs.count()).toBe(2);
  });

  it('returns undefined for bytes this device does not have, and rejects a bad media type', async () => {
    const { db, store } = open();
    expect(unwrap(await store.getBlob('0'.repeat(64)))).toBeUndefined();
    const bad = await store.putBlob(new Blob(['x']), 'a photo');
    expect(bad.ok === false && bad.error.kind === 'invalid' && bad.error.problems[0]?.path).toBe('mediaType');
    expect(await db.blobs.count()).toBe(0);
  });

  it('reports a damaged blob row instead of handing it to the screen', async () => {
    const { db, store } = open();
    const sha = 'b'.repeat(64);
    await db.blobs.put({ sha256: sha, mediaType: 'image/png', bytes: -1, blob: 'not a blob' as never, createdAt: 'then' });
    const result = await store.getBlob(sha);
    expect(result.ok === false && result.error.kind).toBe('invalid');
  });
});

/** The `blobs` row as IndexedDB holds it, whichever fields it has. */
async function rowAsStored(db: MmdmaDatabase, sha256: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.blobs.get(sha256);
  return row === undefined ? undefined : Object.fromEntries(Object.entries(row));
}

describe('the bytes in a blobs row', () => {
  it('stores new bytes as an ArrayBuffer, not a Blob (WebKit refuses Blobs in IndexedDB in a private session)', async () => {
    const { db, store } = open();
    const bytes = photoBytes();
    const { sha256 } = unwrap(await store.putBlob(new Blob([bytes], { type: 'image/jpeg' }), 'image/jpeg'));
    const texts = ['first photo', 'second photo'];
    const shas = texts.map((text) => createHash('sha256').update(text).digest('hex'));
    unwrap(await store.putVerifiedBlobs(texts.map((text, i) => ({ sha256: shas[i]!, blob: new Blob([text]), mediaType: 'text/plain' }))));

    for (const sha of [sha256, ...shas]) {
      const row = await rowAsStored(db, sha);
      expect(row?.['data'], sha).toBeInstanceOf(ArrayBuffer);
      expect(row && 'blob' in row, sha).toBe(false);
    }
    const row = await rowAsStored(db, sha256);
    expect(new Uint8Array(row!['data'] as ArrayBuffer)).toEqual(bytes);
    expect(row!['bytes']).toBe(bytes.length);
    // Callers still get a Blob, of the stored media type.
    const stored = unwrap(await store.getBlob(sha256))!;
    expect(stored.blob).toBeInstanceOf(Blob);
    expect(stored.blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(bytes);
  });

  it('still reads a row written before, which holds a Blob, and a second put of its bytes leaves it as it is', async () => {
    const { db, store } = open();
    const bytes = photoBytes();
    const sha = createHash('sha256').update(bytes).digest('hex');
    // A row as the app wrote it until now, written directly as it was.
    await db.blobs.put({ sha256: sha, mediaType: 'image/jpeg', bytes: bytes.length, blob: new Blob([bytes], { type: 'image/jpeg' }), createdAt: '2022-10-01T08:00:00.000Z' });

    const stored = unwrap(await store.getBlob(sha))!;
    expect(stored).toMatchObject({ sha256: sha, mediaType: 'image/jpeg', bytes: bytes.length, createdAt: '2022-10-01T08:00:00.000Z' });
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(bytes);

    expect(unwrap(await store.putBlob(new Blob([bytes.slice()]), 'image/jpeg'))).toEqual({ sha256: sha, bytes: bytes.length, created: false });
    const row = await rowAsStored(db, sha);
    expect(row?.['blob']).toBeInstanceOf(Blob);
    expect(await db.blobs.count()).toBe(1);
  });

  it('reports a row holding neither bytes nor a Blob as damaged', async () => {
    const { db, store } = open();
    const sha = 'c'.repeat(64);
    await db.blobs.put({ sha256: sha, mediaType: 'image/png', bytes: 3, data: 'not bytes' as never, createdAt: '2022-10-01T08:00:00.000Z' });
    const result = await store.getBlob(sha);
    expect(result.ok === false && result.error.kind).toBe('invalid');
  });
});

describe('putVerifiedBlobs', () => {
  const one = (sha256: string, blob: Blob, mediaType: string) => [{ sha256, blob, mediaType }];

  it('stores the bytes under the verified hash it is given, once, like putBlob', async () => {
    const { db, store, clock } = open();
    const bytes = photoBytes();
    const sha = createHash('sha256').update(bytes).digest('hex');

    const first = unwrap(await store.putVerifiedBlobs(one(sha, new Blob([bytes]), 'IMAGE/JPEG')));
    expect(first).toEqual([{ sha256: sha, bytes: bytes.length, created: true }]);
    clock.advance(60_000);
    expect(unwrap(await store.putVerifiedBlobs(one(sha, new Blob([bytes.slice()]), 'application/octet-stream')))).toEqual([{ sha256: sha, bytes: bytes.length, created: false }]);
    // putBlob of the same bytes finds them: the two paths share the key and the row.
    expect(unwrap(await store.putBlob(new Blob([bytes.slice()]), 'image/jpeg'))).toEqual({ sha256: sha, bytes: bytes.length, created: false });
    expect(await db.blobs.count()).toBe(1);

    const stored = unwrap(await store.getBlob(sha));
    expect(stored).toMatchObject({ sha256: sha, mediaType: 'image/jpeg', bytes: bytes.length, createdAt: '2022-10-03T09:00:00.000Z' });
    expect(createHash('sha256').update(new Uint8Array(await stored!.blob.arrayBuffer())).digest('hex')).toBe(sha);
  });

  it('stores several in one call, each once: the same hash twice in the call, or one already here, is not created again', async () => {
    const { db, store } = open();
    const texts = ['first photo', 'second photo', 'third photo'];
    const shas = texts.map((text) => createHash('sha256').update(text).digest('hex'));
    unwrap(await store.putBlob(new Blob([texts[2]!]), 'image/png'));
    const put = unwrap(
      await store.putVerifiedBlobs([
        { sha256: shas[0]!, blob: new Blob([texts[0]!]), mediaType: 'image/jpeg' },
        { sha256: shas[1]!, blob: new Blob([texts[1]!]), mediaType: 'image/jpeg' },
        { sha256: shas[0]!, blob: new Blob([texts[0]!]), mediaType: 'image/jpeg' },
        { sha256: shas[2]!, blob: new Blob([texts[2]!]), mediaType: 'image/jpeg' },
      ]),
    );
    expect(put.map((outcome) => outcome.created)).toEqual([true, true, false, false]);
    expect(await db.blobs.count()).toBe(3);
    for (const [i, sha] of shas.entries()) expect(await unwrap(await store.getBlob(sha))!.blob.text()).toBe(texts[i]);
    expect(unwrap(await store.getBlob(shas[2]!))!.mediaType).toBe('image/png');
    expect(unwrap(await store.putVerifiedBlobs([]))).toEqual([]);
  });

  it('does not hash: the caller’s verification is the only check (so only verified hashes may be passed)', async () => {
    const { store } = open();
    const claimed = 'a'.repeat(64);
    const put = unwrap(await store.putVerifiedBlobs(one(claimed, new Blob(['not the bytes of that hash']), 'text/plain')));
    expect(put[0]!.sha256).toBe(claimed);
    expect(unwrap(await store.getBlob(claimed))?.bytes).toBe(26);
  });

  it('refuses a hash that is not 64 lower-case hex digits, and a bad media type, storing nothing of the call', async () => {
    const { db, store } = open();
    const sha = createHash('sha256').update('x').digest('hex');
    for (const malformed of ['', sha.slice(1), `${sha}0`, sha.toUpperCase(), `${sha.slice(0, 63)}g`, ` ${sha.slice(1)}`, '../'.repeat(21) + 'a']) {
      const result = await store.putVerifiedBlobs(one(malformed, new Blob(['x']), 'text/plain'));
      expect(result.ok, malformed).toBe(false);
      expect(!result.ok && result.error.kind === 'invalid' && result.error.problems.map((p) => p.path)).toEqual(['[0].sha256']);
    }
    const both = await store.putVerifiedBlobs(one('nope', new Blob(['x']), 'a photo'));
    expect(!both.ok && both.error.kind === 'invalid' && both.error.problems.map((p) => p.path)).toEqual(['[0].sha256', '[0].mediaType']);
    // One bad entry among good ones: the good ones are not stored either.
    const mixed = await store.putVerifiedBlobs([
      { sha256: sha, blob: new Blob(['x']), mediaType: 'text/plain' },
      { sha256: sha, blob: new Blob(['x']), mediaType: 'a photo' },
    ]);
    expect(!mixed.ok && mixed.error.kind === 'invalid' && mixed.error.problems.map((p) => p.path)).toEqual(['[1].mediaType']);
    expect(await db.blobs.count()).toBe(0);
  });
});
