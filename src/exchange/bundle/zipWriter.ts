/**
 * A small streaming zip writer: stored and deflated entries, no ZIP64, fixed timestamps. Output goes
 * to a sink part by part; stored entries may be Blobs, which are passed through without being read
 * again (in browsers a Blob from IndexedDB stays on disk), so only one attachment is ever in memory.
 *
 * Why not JSZip's generator: it reads every Blob input with `arrayBuffer()` as soon as the file is
 * added and `generateAsync` keeps the whole output too, so 100 MB of attachments cost 200+ MB.
 * Readers of any kind can open what this writes (JSZip, unzip, 7-Zip, Windows Explorer): tests read
 * every bundle back with JSZip.
 */
import { crc32 } from './crc32';
import { deflateRaw, utf8 } from './bytes';

export type ZipPart = Uint8Array | Blob;

export interface ByteSink {
  write(part: ZipPart): Promise<void> | void;
}

const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION = 20;
/** 1980-01-01 00:00:00 in MS-DOS format: no time of day leaks into the file, and output is reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_OFFSET = 0xffffffff;
const MAX_ENTRIES = 0xffff;

interface CentralRecord {
  readonly name: Uint8Array;
  readonly method: 0 | 8;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

export interface ZipWriter {
  /** A stored entry whose CRC-32 the caller computed (it hashed the same bytes anyway). */
  addStored(name: string, data: ZipPart, crc: number): Promise<void>;
  /** A deflated entry (text: manifest, change chunks). */
  addDeflated(name: string, data: Uint8Array): Promise<void>;
  /**
   * A stored entry of `size` bytes written part by part, its CRC-32 computed on the way and written
   * after the data (a data descriptor), so the parts need not all be in memory at once.
   */
  addStreamed(name: string, size: number, parts: AsyncIterable<Uint8Array>): Promise<void>;
  /** Writes the central directory and end record; returns the zip's size in bytes. */
  finish(): Promise<number>;
}

export function createZipWriter(sink: ByteSink): ZipWriter {
  const records: CentralRecord[] = [];
  let offset = 0;

  async function emit(part: ZipPart): Promise<void> {
    offset += part instanceof Blob ? part.size : part.length;
    if (offset > MAX_OFFSET) throw new RangeError('zip writer: the bundle would exceed 4 GiB (ZIP64 is not supported)');
    await sink.write(part);
  }

  async function begin(name: string, method: 0 | 8, flags: number, crc: number, compressedSize: number, uncompressedSize: number) {
    if (records.length >= MAX_ENTRIES) throw new RangeError('zip writer: more than 65,535 entries');
    const nameBytes = utf8(name);
    const record: CentralRecord = { name: nameBytes, method, flags: flags | FLAG_UTF8, crc, compressedSize, uncompressedSize, offset };
    records.push(record);
    const descriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
    await emit(localHeader(record, descriptor));
    return record;
  }

  return {
    async addStored(name, data, crc) {
      const size = data instanceof Blob ? data.size : data.length;
      await begin(name, 0, 0, crc, size, size);
      await emit(data);
    },
    async addDeflated(name, data) {
      const compressed = await deflateRaw(data);
      await begin(name, 8, 0, crc32(data), compressed.length, data.length);
      await emit(compressed);
    },
    async addStreamed(name, size, parts) {
      const record = await begin(name, 0, FLAG_DATA_DESCRIPTOR, 0, size, size);
      let crc = 0;
      let written = 0;
      for await (const part of parts) {
        crc = crc32(part, crc);
        written += part.length;
        await emit(part);
      }
      if (written !== size) throw new RangeError(`zip writer: "${name}" announced ${size} bytes and got ${written}`);
      records[records.length - 1] = { ...record, crc };
      await emit(dataDescriptor(crc, size));
    },
    async finish() {
      const directoryOffset = offset;
      let directoryBytes = 0;
      for (const record of records) {
        const header = centralHeader(record);
        directoryBytes += header.length;
        await emit(header);
      }
      await emit(endRecord(records.length, directoryBytes, directoryOffset));
      return offset;
    },
  };
}

function localHeader(record: CentralRecord, descriptor: boolean): Uint8Array {
  const out = new Uint8Array(30 + record.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, record.flags, true);
  v.setUint16(8, record.method, true);
  v.setUint16(10, DOS_TIME, true);
  v.setUint16(12, DOS_DATE, true);
  // With a data descriptor the CRC follows the data; the sizes are known and written anyway.
  v.setUint32(14, descriptor ? 0 : record.crc, true);
  v.setUint32(18, record.compressedSize, true);
  v.setUint32(22, record.uncompressedSize, true);
  v.setUint16(26, record.name.length, true);
  v.setUint16(28, 0, true);
  out.set(record.name, 30);
  return out;
}

function dataDescriptor(crc: number, size: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x08074b50, true);
  v.setUint32(4, crc, true);
  v.setUint32(8, size, true);
  v.setUint32(12, size, true);
  return out;
}

function centralHeader(record: CentralRecord): Uint8Array {
  const out = new Uint8Array(46 + record.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, VERSION, true);
  v.setUint16(8, record.flags, true);
  v.setUint16(10, record.method, true);
  v.setUint16(12, DOS_TIME, true);
  v.setUint16(14, DOS_DATE, true);
  v.setUint32(16, record.crc, true);
  v.setUint32(20, record.compressedSize, true);
  v.setUint32(24, record.uncompressedSize, true);
  v.setUint16(28, record.name.length, true);
  // extra, comment, disk, internal attributes, external attributes: zero.
  v.setUint32(42, record.offset, true);
  out.set(record.name, 46);
  return out;
}

function endRecord(entries: number, directoryBytes: number, directoryOffset: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries, true);
  v.setUint16(10, entries, true);
  v.setUint32(12, directoryBytes, true);
  v.setUint32(16, directoryOffset, true);
  return out;
}

const SINK_FLUSH_BYTES = 8 * 1024 * 1024;

/**
 * A sink that builds one Blob. Small parts are gathered and turned into a Blob every 8 MiB, so the
 * JavaScript heap never holds more than that of output; Blob parts are kept by reference.
 */
export function createBlobSink(): ByteSink & { finish(type?: string): Blob } {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    write(part) {
      if (part instanceof Blob) {
        flush();
        parts.push(part);
        return;
      }
      pending.push(part);
      pendingBytes += part.length;
      if (pendingBytes >= SINK_FLUSH_BYTES) flush();
    },
    finish(type = 'application/zip') {
      flush();
      return new Blob(parts, { type });
    },
  };
}
