/**
 * The zip layer of bundles: what our writer makes opens in another reader (JSZip), what another
 * writer makes opens in ours, CRC-32, DEFLATE with a hard output limit, and entry-name safety.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { byteSource, inflateRaw, deflateRaw, utf8 } from '../../src/exchange/bundle/bytes';
import { crc32 } from '../../src/exchange/bundle/crc32';
import { resolveLimits } from '../../src/exchange/bundle/limits';
import { BundleRefusal } from '../../src/exchange/bundle/problem';
import { readEntry, readZipDirectory, unsafeNameReason } from '../../src/exchange/bundle/zipReader';
import { createBlobSink, createZipWriter } from '../../src/exchange/bundle/zipWriter';

async function writeZip(build: (zip: ReturnType<typeof createZipWriter>) => Promise<void>): Promise<Uint8Array> {
  const sink = createBlobSink();
  const zip = createZipWriter(sink);
  await build(zip);
  await zip.finish();
  return new Uint8Array(await sink.finish().arrayBuffer());
}

async function* partsOf(...parts: Uint8Array[]) {
  yield* parts;
}

describe('CRC-32', () => {
  it('matches the standard check value and continues across chunks', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = new Uint8Array(10_007).map((_, i) => (i * 31) % 256);
    expect(crc32(data.subarray(5_000), crc32(data.subarray(0, 5_000)))).toBe(crc32(data));
  });
});

describe('the zip writer', () => {
  it('writes stored, deflated and streamed entries that JSZip reads back byte for byte', async () => {
    const photo = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const text = utf8('{"hlc":"…"}\n'.repeat(500));
    const bytes = await writeZip(async (zip) => {
      await zip.addStored('blobs/photo', new Blob([photo]), crc32(photo));
      await zip.addDeflated('changes/000001.ndjson', text);
      await zip.addStreamed('enc/000001', 6, partsOf(utf8('abc'), utf8('def')));
    });
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['blobs/photo', 'changes/000001.ndjson', 'enc/000001']);
    expect(await read.file('blobs/photo')!.async('uint8array')).toEqual(photo);
    expect(await read.file('changes/000001.ndjson')!.async('uint8array')).toEqual(text);
    expect(await read.file('enc/000001')!.async('string')).toBe('abcdef');
  });

  it('writes the same bytes for the same input (no clock in the file)', async () => {
    const build = async (zip: ReturnType<typeof createZipWriter>) => zip.addDeflated('manifest.json', utf8('{}'));
    expect(await writeZip(build)).toEqual(await writeZip(build));
  });

  it('refuses a streamed entry that does not deliver its announced size', async () => {
    await expect(writeZip(async (zip) => zip.addStreamed('enc/000001', 10, partsOf(utf8('short'))))).rejects.toThrow(/announced 10 bytes/);
  });
});

describe('the zip reader', () => {
  it('reads what JSZip writes, with folder entries and data descriptors', async () => {
    const zip = new JSZip();
    zip.file('changes/000001.ndjson', 'line\n'.repeat(1000), { compression: 'DEFLATE' });
    zip.file('blobs/abc', new Uint8Array([1, 2, 3]));
    const bytes = await zip.generateAsync({ type: 'uint8array', streamFiles: true, compression: 'STORE' });
    const source = byteSource(bytes);
    const directory = await readZipDirectory(source, resolveLimits({}));
    expect(directory.entries.filter((e) => !e.isDirectory).map((e) => e.name)).toEqual(['changes/000001.ndjson', 'blobs/abc']);
    expect(directory.entries.some((e) => e.isDirectory)).toBe(true);
    const changes = directory.byName.get('changes/000001.ndjson')!;
    expect(new TextDecoder().decode(await readEntry(source, changes, 1e6, { checkCrc: true }))).toBe('line\n'.repeat(1000));
    expect(await readEntry(source, directory.byName.get('blobs/abc')!, 10, { checkCrc: true })).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('reads a Blob in slices as it reads bytes', async () => {
    const bytes = await writeZip(async (zip) => zip.addDeflated('manifest.json', utf8('{"a":1}')));
    const fromBlob = await readZipDirectory(byteSource(new Blob([bytes as Uint8Array<ArrayBuffer>])), resolveLimits({}));
    const entry = fromBlob.byName.get('manifest.json')!;
    expect(new TextDecoder().decode(await readEntry(byteSource(new Blob([bytes as Uint8Array<ArrayBuffer>])), entry, 100, { checkCrc: true }))).toBe('{"a":1}');
  });

  it('finds the end record behind an innocent zip comment', async () => {
    const zip = new JSZip();
    zip.file('manifest.json', '{}');
    const bytes = await zip.generateAsync({ type: 'uint8array', comment: 'Exported on the ministry laptop' });
    const directory = await readZipDirectory(byteSource(bytes), resolveLimits({}));
    expect(directory.byName.has('manifest.json')).toBe(true);
  });

  it('refuses a comment that holds something like an end record (another reader could stop there)', async () => {
    const zip = new JSZip();
    zip.file('manifest.json', '{}');
    const bytes = await zip.generateAsync({ type: 'uint8array', comment: 'PK\u0005\u0006 looks like an end record' });
    const failure = await readZipDirectory(byteSource(bytes), resolveLimits({})).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BundleRefusal);
    expect((failure as BundleRefusal).problem).toMatchObject({ code: 'corrupt-zip', message: expect.stringMatching(/comment holds a zip record signature/) });
  });

  it('stops inflating at the limit instead of running on', async () => {
    const compressed = await deflateRaw(new Uint8Array(5_000_000));
    expect(compressed.length).toBeLessThan(10_000);
    expect(await inflateRaw(compressed, 1_000)).toEqual({ ok: false, reason: 'too-large' });
    const whole = await inflateRaw(compressed, 5_000_000);
    expect(whole.ok && whole.bytes.length).toBe(5_000_000);
    expect(await inflateRaw(utf8('not deflate at all, not at all'), 1_000)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('reports a CRC mismatch in an entry it is asked to check', async () => {
    const bytes = await writeZip(async (zip) => zip.addStored('manifest.json', utf8('{"a":1}'), 12345));
    const source = byteSource(bytes);
    const directory = await readZipDirectory(source, resolveLimits({}));
    const failure = await readEntry(source, directory.byName.get('manifest.json')!, 100, { checkCrc: true }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BundleRefusal);
    expect((failure as BundleRefusal).problem.code).toBe('checksum-mismatch');
  });
});

describe('entry names', () => {
  it.each([
    ['../evil', 'climbs out of the folder with ".."'],
    ['blobs/../../evil', 'climbs out of the folder with ".."'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/evil.dll', 'starts with a drive letter'],
    ['c:evil', 'starts with a drive letter'],
    ['blobs\\evil', 'contains a backslash (a path separator on Windows)'],
    ['blobs/./x', 'has a "." segment'],
    ['blobs//x', 'has an empty path segment'],
    ['blobs/x\u0000.txt', 'contains control or bidirectional-override characters'],
    ['blobs/\u202Etxt.exe', 'contains control or bidirectional-override characters'],
  ])('refuses %j', (name, reason) => {
    expect(unsafeNameReason(name)).toBe(reason);
  });

  it.each(['manifest.json', 'changes/000001.ndjson', `blobs/${'a'.repeat(64)}`, 'enc/000001', 'changes/'])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeUndefined();
  });
});
