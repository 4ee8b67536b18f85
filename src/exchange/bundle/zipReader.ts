/**
 * A small, strict zip reader for bundles. It parses the end record and the central directory itself
 * and applies every guard BEFORE inflating a byte: unsafe names, duplicates, entry count, declared
 * sizes, compression ratio, total size, overlapping entries, headers that disagree. Then entries are
 * read one at a time, inflating with a counter that stops at the declared size.
 *
 * Why not JSZip's `loadAsync`: it reads the whole file into memory, resolves `..` in names for you
 * (hiding the attack rather than reporting it), and keeps the last of duplicate names. Bundles only
 * need stored and deflated entries without ZIP64, which is a page of code to read strictly.
 * Layout reference: PKWARE APPNOTE 6.3.10, sections 4.3.7 (local header), 4.3.12 (central
 * directory header) and 4.3.16 (end of central directory record).
 */
import { crc32 } from './crc32';
import { decodeUtf8, inflateRaw, type ByteSource } from './bytes';
import type { BundleLimits } from './limits';
import { refuse } from './problem';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export interface ZipEntry {
  readonly name: string;
  readonly method: typeof METHOD_STORE | typeof METHOD_DEFLATE;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Where the entry's (compressed) bytes start. */
  readonly dataStart: number;
  readonly isDirectory: boolean;
}

export interface ZipDirectory {
  /** In central-directory order; directory entries included (they carry no data). */
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

/** Reads and checks the whole directory. Throws BundleRefusal (caught by readBundle). */
export async function readZipDirectory(source: ByteSource, limits: BundleLimits): Promise<ZipDirectory> {
  const size = source.size;
  if (size < END_RECORD_BYTES) return notZip(source, 'is too short to be a zip file');
  if (size > 0xffffffff) refuse('unsupported-zip-feature', 'The file is larger than 4 GiB, which needs ZIP64; bundles never are.');

  const tailStart = Math.max(0, size - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  const tail = await source.read(tailStart, size);
  const endAt = findEndRecord(tail);
  if (endAt < 0) return notZip(source, 'has no end-of-central-directory record');
  const end = view(tail);
  const endOffset = tailStart + endAt;
  const disk = end.getUint16(endAt + 4, true);
  const directoryDisk = end.getUint16(endAt + 6, true);
  const entriesOnDisk = end.getUint16(endAt + 8, true);
  const entryCount = end.getUint16(endAt + 10, true);
  const directoryBytes = end.getUint32(endAt + 12, true);
  const directoryOffset = end.getUint32(endAt + 16, true);
  const commentLength = end.getUint16(endAt + 20, true);

  if (endAt >= 20 && end.getUint32(endAt - 20, true) === SIG_ZIP64_LOCATOR) {
    refuse('unsupported-zip-feature', 'The zip uses ZIP64 records; bundles never need them.');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    refuse('unsupported-zip-feature', 'The zip is split over several disks.');
  }
  if (entryCount === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
    refuse('unsupported-zip-feature', 'The zip uses ZIP64 sizes; bundles never need them.');
  }
  // A comment can hold a second end record, and so a second zip for a reader that takes the first
  // signature it finds from the end without checking the comment length. Bundles never write a
  // comment; another tool's innocent one is tolerated, one with a zip signature in it is not.
  if (commentLength !== 0 && holdsZipSignature(tail.subarray(endAt + END_RECORD_BYTES))) {
    refuse('corrupt-zip', `The zip's comment holds a zip record signature: it could show another bundle to another zip reader.`);
  }
  if (entryCount > limits.MAX_ENTRIES) {
    refuse('zip-bomb', `The zip has ${entryCount} entries; a bundle may have at most ${limits.MAX_ENTRIES}.`);
  }
  if (directoryBytes > limits.MAX_CENTRAL_DIRECTORY_BYTES) {
    refuse('zip-bomb', `The zip's central directory is ${directoryBytes} bytes; at most ${limits.MAX_CENTRAL_DIRECTORY_BYTES} are accepted.`);
  }
  if (directoryOffset + directoryBytes !== endOffset) {
    refuse(
      directoryOffset + directoryBytes > endOffset ? 'truncated' : 'corrupt-zip',
      `The central directory (offset ${directoryOffset}, ${directoryBytes} bytes) does not end where the end record starts (${endOffset}).`,
    );
  }

  const directory = await source.read(directoryOffset, directoryOffset + directoryBytes);
  const entries = parseCentralDirectory(directory, entryCount, limits);
  checkNamesAndSizes(entries, limits);
  const located = await locateData(source, entries, directoryOffset);
  const byName = new Map<string, ZipEntry>();
  for (const entry of located) byName.set(entry.name, entry);
  return { entries: located, byName };
}

/** The bytes of one entry, inflated, at most `maxBytes`; CRC-32 checked when asked. */
export async function readEntry(source: ByteSource, entry: ZipEntry, maxBytes: number, options: { checkCrc: boolean }): Promise<Uint8Array> {
  if (entry.uncompressedSize > maxBytes) {
    refuse('oversize-entry', `"${entry.name}" is ${entry.uncompressedSize} bytes; at most ${maxBytes} are accepted for it.`, entry.name);
  }
  const dataEnd = entry.dataStart + entry.compressedSize;
  let bytes: Uint8Array;
  if (entry.method === METHOD_STORE) {
    bytes = await source.read(entry.dataStart, dataEnd);
  } else {
    const inflated = await inflateRaw(source.blob(entry.dataStart, dataEnd), entry.uncompressedSize);
    if (!inflated.ok) {
      if (inflated.reason === 'too-large') {
        refuse('zip-bomb', `"${entry.name}" inflates to more than the ${entry.uncompressedSize} bytes its header declares.`, entry.name);
      }
      if (inflated.reason === 'trailing-bytes') {
        refuse('corrupt-zip', `"${entry.name}" has bytes after the end of its DEFLATE data (another reader could see other content).`, entry.name);
      }
      refuse('corrupt-zip', `"${entry.name}" is not valid DEFLATE data.`, entry.name);
    }
    bytes = inflated.bytes;
  }
  if (bytes.length !== entry.uncompressedSize) {
    refuse('checksum-mismatch', `"${entry.name}" has ${bytes.length} bytes, not the ${entry.uncompressedSize} its header declares.`, entry.name);
  }
  if (options.checkCrc && crc32(bytes) !== entry.crc32) {
    refuse('checksum-mismatch', `"${entry.name}" does not match its CRC-32: the file is damaged.`, entry.name);
  }
  return bytes;
}

/** A stored entry's bytes as a Blob slice (zero-copy for Blob input). Callers verify the SHA-256. */
export function storedEntryBlob(source: ByteSource, entry: ZipEntry, type: string): Blob {
  return source.blob(entry.dataStart, entry.dataStart + entry.compressedSize, type);
}

async function notZip(source: ByteSource, what: string): Promise<never> {
  // A file that starts like a zip but has no end record was cut short (an interrupted copy).
  const head = await source.read(0, Math.min(4, source.size));
  if (head.length === 4 && view(head).getUint32(0, true) === SIG_LOCAL) {
    refuse('truncated', `The file starts like a zip but ${what}: it was cut short (an interrupted copy or download?).`);
  }
  return refuse('not-a-zip', `The file ${what}: it is not a bundle.`);
}

/** Whether bytes contain "PK" followed by the signature of any zip record. */
function holdsZipSignature(bytes: Uint8Array): boolean {
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const kind = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (kind === 0x0304 || kind === 0x0102 || kind === 0x0506 || kind === 0x0606 || kind === 0x0607 || kind === 0x0708) return true;
  }
  return false;
}

/** The end record nearest the end whose comment runs exactly to the end of the file; -1 if none. */
function findEndRecord(tail: Uint8Array): number {
  const v = view(tail);
  for (let i = tail.length - END_RECORD_BYTES; i >= 0; i--) {
    if (tail[i] !== 0x50 || v.getUint32(i, true) !== SIG_END) continue;
    if (v.getUint16(i + 20, true) === tail.length - i - END_RECORD_BYTES) return i;
  }
  return -1;
}

interface RawEntry extends Omit<ZipEntry, 'dataStart'> {
  readonly nameBytes: Uint8Array;
}

function parseCentralDirectory(directory: Uint8Array, entryCount: number, limits: BundleLimits): RawEntry[] {
  const v = view(directory);
  const entries: RawEntry[] = [];
  let p = 0;
  for (let index = 0; index < entryCount; index++) {
    if (p + CENTRAL_HEADER_BYTES > directory.length || v.getUint32(p, true) !== SIG_CENTRAL) {
      refuse('corrupt-zip', `Central directory entry ${index + 1} of ${entryCount} is missing or damaged.`);
    }
    const madeBy = v.getUint16(p + 4, true);
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const compressedSize = v.getUint32(p + 20, true);
    const uncompressedSize = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    const diskStart = v.getUint16(p + 34, true);
    const externalAttributes = v.getUint32(p + 38, true);
    const localHeaderOffset = v.getUint32(p + 42, true);
    const next = p + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (next > directory.length) refuse('corrupt-zip', `Central directory entry ${index + 1} runs past the directory's end.`);
    const nameBytes = directory.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameLength);
    const name = decodeName(nameBytes, flags, limits);

    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) {
      refuse('unsupported-zip-feature', `"${name}" uses zip encryption; bundles use their own (see docs/bundle-format.md).`, name);
    }
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE) {
      refuse('unsupported-zip-feature', `"${name}" uses compression method ${method}; bundles use only stored (0) and deflated (8) entries.`, name);
    }
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      refuse('unsupported-zip-feature', `"${name}" uses ZIP64 sizes; bundles never need them.`, name);
    }
    if (diskStart !== 0) refuse('unsupported-zip-feature', `"${name}" is on another disk of a split zip.`, name);
    const notRegular = fileTypeProblem(madeBy, externalAttributes, name.endsWith('/'));
    if (notRegular !== undefined) refuse('unsupported-zip-feature', `"${printable(name)}" ${notRegular}; a bundle holds only regular files.`, name);
    entries.push({
      name,
      nameBytes,
      method,
      flags,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      isDirectory: name.endsWith('/'),
    });
    p = next;
  }
  if (p !== directory.length) refuse('corrupt-zip', `The central directory has ${directory.length - p} bytes after its ${entryCount} entries.`);
  return entries;
}

const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const DOS_VOLUME_LABEL = 0x08;
const DOS_DIRECTORY = 0x10;

/**
 * Why an entry's attributes make it something other than a regular file (or a folder entry whose
 * name ends in "/"), or undefined. An unzip tool restores a Unix mode of 0o120000 as a symbolic link:
 * a bundle extracted by hand could then point anywhere on the disk. Zero attributes (our writer,
 * JSZip) mean a regular file.
 */
function fileTypeProblem(madeBy: number, externalAttributes: number, namedAsFolder: boolean): string | undefined {
  const dos = externalAttributes & 0xff;
  if (dos & DOS_VOLUME_LABEL) return 'is marked as a volume label';
  if (dos & DOS_DIRECTORY && !namedAsFolder) return 'is marked as a folder but is not named as one';
  if (madeBy >>> 8 !== HOST_UNIX) return undefined;
  const type = (externalAttributes >>> 16) & S_IFMT;
  if (type === 0 || type === S_IFREG) return undefined;
  if (type === S_IFDIR) return namedAsFolder ? undefined : 'is marked as a folder but is not named as one';
  if (type === 0o120000) return 'is a symbolic link';
  return `has the Unix file type 0o${type.toString(8)} (a device, pipe or socket)`;
}

function decodeName(bytes: Uint8Array, flags: number, limits: BundleLimits): string {
  if (bytes.length === 0) refuse('unsafe-path', 'An entry has an empty name.');
  if (bytes.length > limits.MAX_NAME_BYTES) refuse('unsafe-path', `An entry name is ${bytes.length} bytes long; at most ${limits.MAX_NAME_BYTES} are accepted.`);
  if (!(flags & FLAG_UTF8) && bytes.some((b) => b >= 0x80)) {
    refuse('unsafe-path', 'An entry name is neither ASCII nor marked as UTF-8.');
  }
  const name = decodeUtf8(bytes);
  if (name === undefined) refuse('unsafe-path', 'An entry name is not valid UTF-8.');
  return name;
}

/**
 * Why an entry name is unsafe to use as a path, or undefined. Bundles only ever use
 * `manifest.json`, `changes/…`, `blobs/…` and `enc/…`, but another tool may extract a bundle with
 * an ordinary unzip, so anything a careless extractor could write outside its folder is refused.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name.includes('\\')) return 'contains a backslash (a path separator on Windows)';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name)) return 'contains control or bidirectional-override characters';
  const segments = name.split('/');
  if (name.endsWith('/')) segments.pop();
  for (const segment of segments) {
    if (segment === '..') return 'climbs out of the folder with ".."';
    if (segment === '.') return 'has a "." segment';
    if (segment === '') return 'has an empty path segment';
  }
  return undefined;
}

function checkNamesAndSizes(entries: readonly RawEntry[], limits: BundleLimits): void {
  const seen = new Map<string, string>();
  let total = 0;
  let deflatedIn = 0;
  let deflatedOut = 0;
  for (const entry of entries) {
    const reason = unsafeNameReason(entry.name);
    if (reason !== undefined) refuse('unsafe-path', `The entry name "${printable(entry.name)}" ${reason}.`, entry.name);
    // Names that differ only in case or Unicode form land on one file on Windows and macOS.
    const folded = entry.name.normalize('NFC').toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      refuse(
        'duplicate-entry',
        earlier === entry.name ? `The entry "${entry.name}" appears twice.` : `The entries "${earlier}" and "${entry.name}" differ only in case or Unicode form.`,
        entry.name,
      );
    }
    seen.set(folded, entry.name);
    if (entry.isDirectory) {
      if (entry.uncompressedSize !== 0) refuse('corrupt-zip', `The directory entry "${entry.name}" has content.`, entry.name);
      continue;
    }
    if (entry.uncompressedSize > limits.MAX_ENTRY_BYTES) {
      refuse('oversize-entry', `"${entry.name}" declares ${entry.uncompressedSize} bytes; one entry may have at most ${limits.MAX_ENTRY_BYTES}.`, entry.name);
    }
    if (entry.method === METHOD_STORE && entry.compressedSize !== entry.uncompressedSize) {
      refuse('corrupt-zip', `The stored entry "${entry.name}" declares different compressed and uncompressed sizes.`, entry.name);
    }
    if (entry.method === METHOD_DEFLATE && entry.uncompressedSize >= limits.RATIO_CHECK_MIN_BYTES) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.MAX_COMPRESSION_RATIO) {
        refuse(
          'zip-bomb',
          `"${entry.name}" would inflate ${Math.round(ratio)}× (${entry.compressedSize} → ${entry.uncompressedSize} bytes); at most ${limits.MAX_COMPRESSION_RATIO}× is accepted.`,
          entry.name,
        );
      }
    }
    total += entry.uncompressedSize;
    if (total > limits.MAX_TOTAL_BYTES) {
      refuse('zip-bomb', `The entries add up to more than ${limits.MAX_TOTAL_BYTES} bytes uncompressed.`, entry.name);
    }
    if (entry.method === METHOD_DEFLATE) {
      deflatedIn += entry.compressedSize;
      deflatedOut += entry.uncompressedSize;
    }
  }
  // Many entries each below the per-entry check add up: bound them together.
  if (deflatedOut > limits.RATIO_CHECK_MIN_BYTES + limits.MAX_TOTAL_COMPRESSION_RATIO * deflatedIn) {
    refuse(
      'zip-bomb',
      `The deflated entries would inflate ${Math.round(deflatedOut / Math.max(1, deflatedIn))}× together (${deflatedIn} → ${deflatedOut} bytes); at most ${limits.MAX_TOTAL_COMPRESSION_RATIO}× is accepted.`,
    );
  }
}

/** Reads each local header, checks it against the central directory, and checks for overlaps. */
async function locateData(source: ByteSource, entries: readonly RawEntry[], directoryOffset: number): Promise<ZipEntry[]> {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if (byOffset.length > 0 && byOffset[0]!.localHeaderOffset !== 0) {
    refuse('corrupt-zip', `The zip has ${byOffset[0]!.localHeaderOffset} unexplained bytes before its first entry.`);
  }
  const dataStarts = new Map<RawEntry, number>();
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i]!;
    const boundary = i + 1 < byOffset.length ? byOffset[i + 1]!.localHeaderOffset : directoryOffset;
    const headerEnd = entry.localHeaderOffset + LOCAL_HEADER_BYTES + entry.nameBytes.length;
    if (headerEnd > boundary) overlapOrTruncated(entry, boundary, directoryOffset);
    const header = await source.read(entry.localHeaderOffset, headerEnd);
    const v = view(header);
    if (v.getUint32(0, true) !== SIG_LOCAL) refuse('corrupt-zip', `The local header of "${entry.name}" is missing.`, entry.name);
    const flags = v.getUint16(6, true);
    const method = v.getUint16(8, true);
    const nameLength = v.getUint16(26, true);
    const extraLength = v.getUint16(28, true);
    const localName = header.subarray(LOCAL_HEADER_BYTES, LOCAL_HEADER_BYTES + nameLength);
    // A local name that differs from the central one is how "zip confusion" hides a file from one
    // reader and shows it to another; refuse rather than pick one.
    if (nameLength !== entry.nameBytes.length || !localName.every((b, k) => b === entry.nameBytes[k])) {
      refuse('corrupt-zip', `The local header of "${entry.name}" names a different file.`, entry.name);
    }
    if (method !== entry.method || (flags & FLAG_ENCRYPTED) !== (entry.flags & FLAG_ENCRYPTED)) {
      refuse('corrupt-zip', `The local header of "${entry.name}" disagrees with the central directory.`, entry.name);
    }
    if (!(flags & FLAG_DATA_DESCRIPTOR)) {
      const crc = v.getUint32(14, true);
      const compressed = v.getUint32(18, true);
      const uncompressed = v.getUint32(22, true);
      if (crc !== entry.crc32 || compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize) {
        refuse('corrupt-zip', `The local header of "${entry.name}" declares other sizes or CRC than the central directory.`, entry.name);
      }
    }
    const dataStart = entry.localHeaderOffset + LOCAL_HEADER_BYTES + nameLength + extraLength;
    let dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > boundary) overlapOrTruncated(entry, boundary, directoryOffset);
    if (flags & FLAG_DATA_DESCRIPTOR) dataEnd += await checkDataDescriptor(source, entry, dataEnd, boundary);
    if (dataEnd > boundary) overlapOrTruncated(entry, boundary, directoryOffset);
    // Every byte of a bundle belongs to exactly one entry or the directory. Unexplained bytes
    // between entries can hold a local header that a streaming reader (which walks local headers
    // from the start) would take for another file: two readers, two bundles.
    if (dataEnd < boundary) {
      refuse('corrupt-zip', `The zip has ${boundary - dataEnd} unexplained bytes after "${entry.name}" (another reader could find a hidden file there).`, entry.name);
    }
    dataStarts.set(entry, dataStart);
  }
  return entries.map((raw) => {
    const { nameBytes: _nameBytes, ...entry } = raw;
    return { ...entry, dataStart: dataStarts.get(raw)! };
  });
}

/**
 * The data descriptor after an entry's data (12 bytes, or 16 with its optional signature): it must
 * repeat the central directory's CRC and sizes. Returns its length.
 */
async function checkDataDescriptor(source: ByteSource, entry: RawEntry, at: number, boundary: number): Promise<number> {
  const head = await source.read(at, Math.min(boundary, at + 16));
  if (head.length < 12) overlapOrTruncated(entry, boundary, boundary);
  const v = view(head);
  const signed = head.length >= 16 && v.getUint32(0, true) === SIG_DATA_DESCRIPTOR;
  const o = signed ? 4 : 0;
  if (v.getUint32(o, true) !== entry.crc32 || v.getUint32(o + 4, true) !== entry.compressedSize || v.getUint32(o + 8, true) !== entry.uncompressedSize) {
    refuse('corrupt-zip', `The data descriptor of "${entry.name}" declares other sizes or CRC than the central directory.`, entry.name);
  }
  return signed ? 16 : 12;
}

function overlapOrTruncated(entry: RawEntry, boundary: number, directoryOffset: number): never {
  if (boundary === directoryOffset) {
    refuse('truncated', `"${entry.name}" runs into the central directory: the zip is damaged or cut.`, entry.name);
  }
  // Entries sharing bytes let a few kilobytes expand into gigabytes (Fifield's overlapping zip bomb).
  refuse('zip-bomb', `"${entry.name}" overlaps the next entry in the file.`, entry.name);
}

function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
