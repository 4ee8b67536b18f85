/**
 * Export and import between devices through bundle files, on real (fake-indexeddb) stores: what the
 * exchange screen does. Full and partial bundles, attachments, the preview, the report, re-imports,
 * conflicts, framework versions, scope, interruption, and encryption.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { readBundle, type VerifiedBundle } from '../../src/exchange/bundle/readBundle';
import { writeBundle } from '../../src/exchange/bundle/writeBundle';
import { deriveBundleKey, type BundleKey } from '../../src/exchange/bundle/encryption';
import { exportBundle, type ExportBundleOptions } from '../../src/exchange/exportBundle';
import { applyImport, listBundlePeers, previewImport } from '../../src/exchange/importBundle';
import { releaseDueChanges } from '../../src/sync/heldChanges';
import { NODE_B, recordChanges, sampleBundle, stamper } from './support/bundleTestKit';
import { MMDMA_APP_VERSION } from '../../src/exchange/bundle/format';
import {
  assessmentInput,
  assessorInput,
  dumpDatabase,
  observationInput,
  openTestStore,
  ratingInput,
  unwrap,
  type TestStore,
} from './support/storageTestKit';
import { versionVector } from '../../src/core/merge/versionVector';
import { formatHlc, MAX_DRIFT_MS } from '../../src/core/clock/hlc';
import { getRecord } from '../../src/storage/recordQueries';

let key: BundleKey;
beforeAll(async () => {
  key = await deriveBundleKey('tuesday evening, hotel lobby');
});

const opened: MmdmaDatabase[] = [];
function open(seed: number, label: string): TestStore {
  const test = openTestStore({ seed, label });
  opened.push(test.db);
  return test;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const PHOTO = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);

/** Device A with an assessment: assessor, institution-less note, rating, one photo attachment. */
async function deviceWithAssessment() {
  const a = open(11, 'a');
  const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
  const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
  const note = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
  unwrap(await a.store.createRecord('rating', ratingInput(assessment.id, anna.id, { evidenceIds: [note.id] })));
  const blob = unwrap(await a.store.putBlob(new Blob([PHOTO]), 'image/jpeg'));
  const attachment = unwrap(
    await a.store.createRecord('attachment', {
      assessmentId: assessment.id,
      sha256: blob.sha256,
      mediaType: 'image/jpeg',
      bytes: PHOTO.length,
      fileName: 'strategy-page-3.jpg',
      observationId: note.id,
    }),
  ).record;
  return { a, assessment, anna, note, attachment, sha256: blob.sha256 };
}

async function exportFrom(device: TestStore, options: Partial<ExportBundleOptions> & { assessmentId: string }) {
  const exported = await exportBundle(device.store, {
    includeAttachments: true,
    createdBy: { name: 'Anna Petrosyan' },
    now: device.clock.now,
    ...options,
  });
  return unwrap(exported);
}

async function read(blob: Blob, options: Parameters<typeof readBundle>[1] = {}): Promise<VerifiedBundle> {
  return unwrap(await readBundle(blob, options));
}

/** Byte equality without the matcher's element-by-element diff (slow on 300 KB). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** The newest HLC a device whose clock reads `ms` accepts (MAX_DRIFT_MS ahead). */
function newestAccepted(ms: number): string {
  return formatHlc({ wallMs: ms + MAX_DRIFT_MS, counter: 0xffff, nodeId: 'ffffffffffffffff' });
}

async function recordsOf(device: TestStore, assessmentId: string) {
  const snapshot = unwrap(await loadAssessment(device.db, assessmentId, { includeDeleted: true }));
  expect(snapshot.invalid).toBe(0);
  return { assessment: snapshot.assessment, records: snapshot.records };
}

describe('a full bundle from one device to another', () => {
  it('carries every record and attachment, previews them, and a second import changes nothing', async () => {
    const { a, assessment, sha256 } = await deviceWithAssessment();
    const exported = await exportFrom(a, { assessmentId: assessment.id });
    expect(exported.fileName).toBe('mmdma-armenia-2022_anna-petrosyan_2022-10-03.mmdma.zip');
    expect(exported.skippedBlobs).toEqual([]);

    const b = open(22, 'b');
    const bundle = await read(exported.blob);
    const preview = unwrap(await previewImport(b.store, bundle));
    expect(preview.createdBy.assessor).toBe('Anna Petrosyan');
    expect(preview.createdAt).toBe(new Date(a.clock.now()).toISOString());
    expect(preview.assessment).toEqual({ id: assessment.id, title: 'MMDMA Armenia 2022', existsHere: false });
    expect(preview.records).toEqual({ new: 5, changed: 0, conflicting: 0, unchanged: 0 });
    expect(preview.attachments).toEqual({ new: 1, present: 0, newBytes: PHOTO.length });
    expect(preview.conflictCount).toBe(0);
    expect(preview.nothingNew).toBe(false);

    const before = await dumpDatabase(b.db);
    expect(before.observation).toEqual([]); // preview wrote nothing
    const report = unwrap(await applyImport(b.store, bundle));
    expect(report.applied).toBe(bundle.changes.length);
    expect(report.blobsCreated).toBe(1);
    expect(report.invalid).toBe(0);
    expect(await recordsOf(b, assessment.id)).toEqual(await recordsOf(a, assessment.id));
    const stored = unwrap(await b.store.getBlob(sha256));
    expect(sameBytes(new Uint8Array(await stored!.blob.arrayBuffer()), PHOTO)).toBe(true);

    const dump = await dumpDatabase(b.db);
    const again = unwrap(await applyImport(b.store, await read(exported.blob)));
    expect(again).toMatchObject({ applied: 0, blobsCreated: 0, blobsPresent: 1, nothingChanged: true });
    expect(again.duplicate).toBe(bundle.changes.length);
    const after = await dumpDatabase(b.db);
    expect(after).toEqual(dump);
    expect(unwrap(await previewImport(b.store, bundle)).nothingNew).toBe(true);
  });
});

describe('superseded versions', () => {
  it('stay home: a note saved 40 times travels as its last text, full or partial, and the peer ends identical', async () => {
    const { a, assessment, note } = await deviceWithAssessment();
    const texts = Array.from({ length: 40 }, (_, i) => `NSS shares border data with EKENG ${'on paper '.repeat(i + 1)}`.trim());
    for (const text of texts) {
      a.clock.advance(400);
      unwrap(await a.store.updateFields('observation', note.id, { text }));
    }
    const log = unwrap(await a.store.changesSince({})).changes;
    const textChanges = <T extends { table: string; id: string; field: string }>(changes: readonly T[]) => changes.filter((c) => c.table === 'observation' && c.id === note.id && c.field === 'text');
    // The change log itself keeps only the newest of this device's versions (storage compaction).
    expect(textChanges(log)).toHaveLength(1);

    const full = await exportFrom(a, { assessmentId: assessment.id });
    const bundle = await read(full.blob);
    expect(textChanges(bundle.changes)).toEqual([log.filter((c) => c.field === 'text' && c.id === note.id).at(-1)]);
    // The vector still covers the whole log: the peer will not be sent the superseded versions later.
    expect(full.manifest.versionVector).toEqual(versionVector(log));
    const b = open(22, 'b');
    unwrap(await applyImport(b.store, bundle));
    expect(await recordsOf(b, assessment.id)).toEqual(await recordsOf(a, assessment.id));

    // Ten more saves after B's import: "what B lacks" is the last of them only.
    for (let i = 0; i < 10; i++) {
      a.clock.advance(400);
      unwrap(await a.store.updateFields('observation', note.id, { text: `${texts.at(-1)} (corrected ${i})` }));
    }
    const partial = await read((await exportFrom(a, { assessmentId: assessment.id, since: full.manifest.versionVector })).blob);
    expect(textChanges(partial.changes).map((c) => c.value)).toEqual([`${texts.at(-1)} (corrected 9)`]);
    unwrap(await applyImport(b.store, partial));
    expect(await recordsOf(b, assessment.id)).toEqual(await recordsOf(a, assessment.id));
  });
});

describe('a partial bundle: only what the peer lacks', () => {
  it('carries the new changes and the scope proofs, not the attachments the peer holds', async () => {
    const { a, assessment, note, sha256 } = await deviceWithAssessment();
    const b = open(22, 'b');
    unwrap(await applyImport(b.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob)));

    // B corrects the note and rates another indicator in the evening.
    b.clock.advance(1_000);
    a.clock.advance(1_000);
    unwrap(await b.store.updateFields('observation', note.id, { text: 'Real-time exchange only for e-visas; other data goes by e-mail.' }));
    const bobId = unwrap(await b.store.createRecord('assessor', assessorInput(assessment.id, { name: 'Aram Grigoryan', role: 'assessor' }))).record.id;
    unwrap(await b.store.createRecord('rating', ratingInput(assessment.id, bobId, { indicatorId: '6.5.3-a', level: 'established' })));

    // B knows what A holds from A's bundle.
    const [peerA] = unwrap(await listBundlePeers(b.store, assessment.id));
    expect(peerA).toMatchObject({ node: unwrap(await a.store.nodeId()), assessor: 'Anna Petrosyan', blobsHeld: [sha256] });
    const partial = await exportFrom(b, { assessmentId: assessment.id, since: peerA!.versionVector, peerBlobs: peerA!.blobsHeld, createdBy: { name: 'Aram Grigoryan' } });
    expect(partial.manifest.since).toEqual(peerA!.versionVector);
    expect(partial.manifest.counts.blobs).toBe(0);
    const bundle = await read(partial.blob);
    // Everything B wrote (A had none of it), plus the note's assessmentId as the scope proof.
    const bNode = unwrap(await b.store.nodeId());
    const bWrote = unwrap(await b.store.changesSince({})).changes.filter((c) => c.node === bNode);
    expect(bundle.changes.filter((c) => c.node === bNode)).toEqual(bWrote);
    expect(bundle.changes.filter((c) => c.node !== bNode).map((c) => `${c.table}.${c.field}`)).toEqual(['observation.assessmentId']);

    const preview = unwrap(await previewImport(a.store, bundle));
    expect(preview.partial).toBe(true);
    expect(preview.records).toEqual({ new: 2, changed: 1, conflicting: 0, unchanged: 0 });
    expect(preview.changes.alreadyHere).toBe(1);
    unwrap(await applyImport(a.store, bundle));
    expect(await recordsOf(a, assessment.id)).toEqual(await recordsOf(b, assessment.id));
  });

  it('brings attachments left out of an earlier bundle once the peer asks for them', async () => {
    const { a, assessment, sha256 } = await deviceWithAssessment();
    const b = open(22, 'b');
    const lean = await exportFrom(a, { assessmentId: assessment.id, includeAttachments: false });
    expect(lean.manifest).toMatchObject({ includesAttachments: false, counts: { blobs: 0 }, blobsHeld: [sha256] });
    unwrap(await applyImport(b.store, await read(lean.blob)));
    expect(unwrap(await b.store.getBlob(sha256))).toBeUndefined();

    // B tells A what it has (its version vector, no attachments); A sends what is missing.
    const since = unwrap(await b.store.versionVector());
    const rest = await exportFrom(a, { assessmentId: assessment.id, since, peerBlobs: [] });
    const bundle = await read(rest.blob);
    expect(bundle.changes).toEqual([]);
    expect(bundle.blobs.map((x) => x.sha256)).toEqual([sha256]);
    expect(unwrap(await applyImport(b.store, bundle))).toMatchObject({ applied: 0, blobsCreated: 1 });
    expect(sameBytes(new Uint8Array(await unwrap(await b.store.getBlob(sha256))!.blob.arrayBuffer()), PHOTO)).toBe(true);
  });

  it('of one assessment says nothing of another on the same device', async () => {
    const { a, assessment } = await deviceWithAssessment();
    const other = unwrap(await a.store.createRecord('assessment', assessmentInput({ title: 'Eswatini 2024', country: 'Eswatini' }))).record;
    unwrap(await a.store.createRecord('assessor', assessorInput(other.id, { name: 'Thandi Dlamini' })));
    const exported = await exportFrom(a, { assessmentId: assessment.id });
    const bundle = await read(exported.blob);
    expect(bundle.changes.some((c) => c.id === other.id || c.value === other.id)).toBe(false);
    // The vector covers only this assessment's changes: newer edits elsewhere do not hide older ones here.
    expect(exported.manifest.versionVector).toEqual(versionVector(bundle.changes));
    expect(JSON.stringify(exported.manifest)).not.toContain('Eswatini');
  });
});

describe('the preview', () => {
  it('shows fields both sides changed without seeing each other, and which value the merge keeps', async () => {
    const { a, assessment } = await deviceWithAssessment();
    const b = open(22, 'b');
    unwrap(await applyImport(b.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob)));
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessment.id, { title: 'MMDMA Armenia 2022 (draft)' }));
    b.clock.advance(2_000);
    unwrap(await b.store.updateFields('assessment', assessment.id, { title: 'MMDMA Republic of Armenia 2022' }));

    const fromA = await read((await exportFrom(a, { assessmentId: assessment.id })).blob);
    const previewOnB = unwrap(await previewImport(b.store, fromA));
    expect(previewOnB.records.conflicting).toBe(1);
    expect(previewOnB.conflictCount).toBe(1);
    expect(previewOnB.conflicts[0]).toMatchObject({
      table: 'assessment',
      field: 'title',
      local: { value: 'MMDMA Republic of Armenia 2022' },
      incoming: { value: 'MMDMA Armenia 2022 (draft)' },
      kept: 'local',
    });

    const fromB = await read((await exportFrom(b, { assessmentId: assessment.id, createdBy: { name: 'Aram' } })).blob);
    const previewOnA = unwrap(await previewImport(a.store, fromB));
    expect(previewOnA.conflicts[0]).toMatchObject({ field: 'title', kept: 'incoming' });

    // A later edit by someone who had seen the other value is no conflict.
    unwrap(await applyImport(a.store, fromB));
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessment.id, { title: 'MMDMA Armenia 2022' }));
    const again = unwrap(await previewImport(b.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob)));
    expect(again.conflictCount).toBe(0);
    expect(again.records.changed).toBe(1);
  });

  it('imports a bundle of a newer app in the same format, and says to update; an older or equal one says nothing', async () => {
    const b = open(22, 'b');
    const newer = unwrap(await readBundle(await sampleBundle({ appVersion: '0.9.2' })));
    const preview = unwrap(await previewImport(b.store, newer));
    expect(preview.newerAppVersion).toBe('0.9.2');
    expect(unwrap(await applyImport(b.store, newer)).applied).toBeGreaterThan(0);
    for (const appVersion of [MMDMA_APP_VERSION, '0.0.9', `${MMDMA_APP_VERSION}-rc.1`]) {
      const other = unwrap(await readBundle(await sampleBundle({ appVersion, bundleId: '01900000-0000-7000-8000-0000000000b2' })));
      expect(unwrap(await previewImport(b.store, other)).newerAppVersion, appVersion).toBeUndefined();
    }
  });

  it('writes nothing on a device that never wrote, not even its node id', async () => {
    const { a, assessment } = await deviceWithAssessment();
    const fresh = open(23, 'fresh');
    expect(unwrap(await fresh.store.existingNodeId())).toBeUndefined();
    const before = await dumpDatabase(fresh.db);
    const preview = unwrap(await previewImport(fresh.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob)));
    expect(preview.fromThisDevice).toBe(false);
    expect(await dumpDatabase(fresh.db)).toEqual(before);
    const created = unwrap(await fresh.store.nodeId());
    expect(unwrap(await fresh.store.existingNodeId())).toBe(created);
  });

  it('keeps changes stamped ahead of this device’s clock until its clock reaches them, and applies the rest now', async () => {
    const { a, assessment, note } = await deviceWithAssessment();
    a.clock.advance(3_600_000); // A's clock runs an hour ahead of B's
    const early = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, assessment.id, null))).record;
    const b = open(22, 'b');
    const bundle = await read((await exportFrom(a, { assessmentId: assessment.id })).blob);
    const ahead = bundle.changes.filter((c) => c.hlc > newestAccepted(b.clock.now()));
    const preview = unwrap(await previewImport(b.store, bundle, { now: b.clock.now }));
    expect(preview.futureChanges).toBe(ahead.length);
    expect(preview.futureChanges).toBeGreaterThan(0);

    const report = unwrap(await applyImport(b.store, bundle, { now: b.clock.now }));
    expect(report).toMatchObject({ held: ahead.length, invalid: 0, problemCount: 0, nothingChanged: false });
    expect(report.heldDueByMs).toBe(Math.max(...ahead.map((c) => Number(c.hlc.slice(0, 15)))) - MAX_DRIFT_MS);
    // Everything else is here now; the early note is not, and B's clock has not moved into A's future.
    expect(unwrap(await getRecord(b.db, 'observation', note.id)).record).toBeDefined();
    expect(unwrap(await getRecord(b.db, 'observation', early.id)).record).toBeUndefined();
    const stamped = unwrap(await b.store.createRecord('observation', observationInput(assessment.id, assessment.id, null))).record;
    const bLog = unwrap(await b.store.changesSince({})).changes.filter((c) => c.id === stamped.id);
    expect(bLog.every((c) => c.hlc <= newestAccepted(b.clock.now()))).toBe(true);

    // Not due yet: nothing is released, however often it is tried.
    const notYet = unwrap(await releaseDueChanges(b.store, assessment.id, b.clock.now()));
    expect(notYet).toMatchObject({ released: 0, applied: 0, stillHeld: { count: ahead.length } });
    // A caller whose clock is ahead of the store's (a wrong bound) cannot force them in: the store refuses, they stay.
    const forced = unwrap(await releaseDueChanges(b.store, assessment.id, b.clock.now() + 86_400_000));
    expect(forced).toMatchObject({ released: 0, stillHeld: { count: ahead.length } });

    // An hour later on B's clock they come in, with A's values, and nothing waits any more.
    b.clock.advance(3_600_000);
    const released = unwrap(await releaseDueChanges(b.store, assessment.id, b.clock.now()));
    expect(released).toMatchObject({ released: ahead.length, applied: ahead.length, unreadable: 0, stillHeld: { count: 0, dueByMs: undefined } });
    expect(unwrap(await getRecord(b.db, 'observation', early.id)).record).toEqual(unwrap(await getRecord(a.db, 'observation', early.id)).record);
    expect(unwrap(await getRecord(b.db, 'observation', early.id)).record).toBeDefined();
    expect(await b.db.heldChanges.count()).toBe(0);
  });

  it('drops a held row it cannot read, with a count, and keeps the others', async () => {
    const { a, assessment } = await deviceWithAssessment();
    a.clock.advance(3_600_000);
    unwrap(await a.store.createRecord('observation', observationInput(assessment.id, assessment.id, null)));
    const b = open(24, 'b');
    const report = unwrap(await applyImport(b.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob), { now: b.clock.now }));
    expect(report.held).toBeGreaterThan(0);
    await b.db.heldChanges.put({ assessmentId: assessment.id, hlc: formatHlc({ wallMs: 1, counter: 0, nodeId: NODE_B }), value: { change: 'not a change' } });
    b.clock.advance(3_600_000);
    const released = unwrap(await releaseDueChanges(b.store, assessment.id, b.clock.now()));
    expect(released).toMatchObject({ released: report.held, unreadable: 1, stillHeld: { count: 0 } });
  });
});

describe('an import', () => {
  it('stopped half-way leaves a consistent prefix, and importing again completes it', async () => {
    const { a, assessment, anna } = await deviceWithAssessment();
    for (let i = 0; i < 5; i++) unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: `note ${i}` })));
    const bundle = await read((await exportFrom(a, { assessmentId: assessment.id })).blob);
    const b = open(22, 'b');
    const controller = new AbortController();
    const stopped = await applyImport(b.store, bundle, {
      batchChanges: 20,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'changes' && p.done >= 40) controller.abort();
      },
    });
    expect(!stopped.ok && stopped.error.code).toBe('aborted');
    if (stopped.ok || stopped.error.code !== 'aborted') return;
    expect(stopped.error.partial.applied).toBe(40);
    // What arrived is, per node, every change up to some timestamp (the oldest first).
    const held = unwrap(await b.store.changesSince({}));
    const newestHeld = held.changes.at(-1)!.hlc;
    expect(bundle.changes.filter((c) => c.hlc <= newestHeld)).toHaveLength(40);

    const again = unwrap(await applyImport(b.store, bundle));
    expect(again.applied).toBe(bundle.changes.length - 40);
    expect(again.duplicate).toBe(40);
    expect(await recordsOf(b, assessment.id)).toEqual(await recordsOf(a, assessment.id));
    expect(unwrap(await applyImport(b.store, bundle)).nothingChanged).toBe(true);
  });

  it('of one’s own bundle changes nothing and records no peer', async () => {
    const { a, assessment } = await deviceWithAssessment();
    const before = await dumpDatabase(a.db);
    const report = unwrap(await applyImport(a.store, await read((await exportFrom(a, { assessmentId: assessment.id })).blob)));
    expect(report.nothingChanged).toBe(true);
    expect(await dumpDatabase(a.db)).toEqual(before);
  });

  it('refuses a bundle that would write into another assessment of this device, and writes nothing', async () => {
    const b = open(22, 'b');
    const mine = unwrap(await b.store.createRecord('assessment', assessmentInput({ title: 'Eswatini 2024' }))).record;
    const author = unwrap(await b.store.createRecord('assessor', assessorInput(mine.id))).record;
    const myNote = unwrap(await b.store.createRecord('observation', observationInput(mine.id, author.id, null))).record;
    // A forged bundle of another assessment that claims the note as its own.
    const stamp = stamper(NODE_B);
    const foreignId = '01900000-0000-7000-8000-0000000000aa';
    const changes = [
      ...recordChanges(stamp, 'assessment', foreignId, { title: 'Shadow', country: 'X', startDate: null, endDate: null, frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork' }),
      ...recordChanges(stamp, 'observation', myNote.id, { assessmentId: foreignId, text: 'overwritten' }),
    ];
    const written = unwrap(
      await writeBundle({
        bundleId: '01900000-0000-7000-8000-0000000000ab',
        createdAt: new Date().toISOString(),
        createdBy: { kind: 'device', node: NODE_B, assessor: null, assessorId: null },
        assessment: { id: foreignId, title: 'Shadow' },
        framework: { id: 'mmdma', version: '1.0.0' },
        versionVector: versionVector(changes),
        since: null,
        includesAttachments: false,
        blobsHeld: [],
        changes,
        blobs: [],
      }),
    );
    const bundle = await read(written.blob!);
    const before = await dumpDatabase(b.db);
    const preview = await previewImport(b.store, bundle);
    expect(!preview.ok && preview.error).toMatchObject({ code: 'out-of-scope', message: expect.stringMatching(/belongs to another assessment/) });
    expect(!(await applyImport(b.store, bundle)).ok).toBe(true);
    expect(await dumpDatabase(b.db)).toEqual(before);
    expect(unwrap(await getRecord(b.db, 'observation', myNote.id)).record?.text).toBe(myNote.text);
  });
});

describe('an encrypted export', () => {
  it('imports with the key and leaves nothing of the notes readable in the file', async () => {
    const { a, assessment, note } = await deviceWithAssessment();
    const exported = await exportFrom(a, { assessmentId: assessment.id, key });
    const raw = Buffer.from(await exported.blob.arrayBuffer());
    for (const secret of [note.text, 'Anna Petrosyan', 'MMDMA Armenia 2022', assessment.id, 'strategy-page-3']) expect(raw.includes(secret), secret).toBe(false);
    expect(raw.includes(Buffer.from(PHOTO.subarray(1000, 1064)))).toBe(false);

    const b = open(22, 'b');
    const bundle = await read(exported.blob, { key });
    const preview = unwrap(await previewImport(b.store, bundle));
    expect(preview.encrypted).toBe(true);
    unwrap(await applyImport(b.store, bundle));
    expect(await recordsOf(b, assessment.id)).toEqual(await recordsOf(a, assessment.id));
  });

  it('needs a passphrase of at least 8 characters', async () => {
    const { a, assessment } = await deviceWithAssessment();
    const weak = await exportBundle(a.store, { assessmentId: assessment.id, includeAttachments: false, createdBy: { name: 'A' }, passphrase: '1234567' });
    expect(!weak.ok && weak.error.code).toBe('weak-passphrase');
  });
});

describe('export problems', () => {
  it('an unknown assessment is reported, not thrown', async () => {
    const a = open(11, 'a');
    const missing = await exportBundle(a.store, { assessmentId: '01900000-0000-7000-8000-0000000000ee', includeAttachments: true, createdBy: { name: 'A' } });
    expect(!missing.ok && missing.error.code).toBe('assessment-not-found');
  });

  it('attachment bytes missing on this device are skipped and listed; the notes still go', async () => {
    const { a, assessment, sha256 } = await deviceWithAssessment();
    await a.db.blobs.delete(sha256);
    const exported = await exportFrom(a, { assessmentId: assessment.id });
    expect(exported.manifest.counts.blobs).toBe(0);
    expect(exported.manifest.counts.changes).toBeGreaterThan(30);
    expect(exported.manifest.blobsHeld).toEqual([]);
  });
});
