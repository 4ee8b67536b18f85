/**
 * Devices in the field hold version-1 databases full of interviews. Opening one with this version
 * must upgrade it in place (version 2 adds the conflicts table) and keep every row readable.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, STORES_V1, STORES_V2_ADDED, STORES_V3_CHANGED } from '../../src/storage/databaseSchema';
import { formatHlc } from '../../src/core/clock/hlc';
import { listBundlePeers } from '../../src/sync/bundlePeers';
import { openDatabase } from '../../src/storage/openDatabase';
import { createStore } from '../../src/storage/createStore';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { assessmentInput, assessorInput, freshDatabaseName, seededRandomBytes, testClock, unwrap } from './support/storageTestKit';

const T_PEER = Date.UTC(2022, 9, 3, 17, 0, 0);

describe('schema migration', () => {
  it('opens a version-1 database with data as version 2: rows kept, conflicts table added and empty', async () => {
    const name = freshDatabaseName('v1');
    // A version-1 device: the app as it was, writing through the real store.
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    const clock = testClock();
    // The version-1 handle lacks `conflicts`, which createRecord and changesSince never touch.
    const oldStore = createStore(v1 as never, { now: clock.now, randomBytes: seededRandomBytes(5) });
    const assessment = unwrap(await oldStore.createRecord('assessment', assessmentInput())).record;
    unwrap(await oldStore.createRecord('assessor', assessorInput(assessment.id)));
    const logBefore = unwrap(await oldStore.changesSince({})).changes;
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(DATABASE_VERSION).toBe(4);
    expect(await db.conflicts.count()).toBe(0);
    const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(6) });
    const loaded = unwrap(await loadAssessment(db, assessment.id));
    expect(loaded.invalid).toBe(0);
    expect(loaded.assessment?.title).toBe(assessment.title);
    expect(unwrap(await store.changesSince({})).changes).toEqual(logBefore);
    expect(unwrap(await store.listConflicts(assessment.id))).toEqual({ conflicts: [], invalid: 0 });
    await db.delete();
  });

  it('opens a version-2 database at the current version: bundle peers move from meta to peers, the piled-up change log is compacted', async () => {
    const name = freshDatabaseName('v2');
    const v2 = new Dexie(name);
    v2.version(1).stores(STORES_V1);
    v2.version(2).stores(STORES_V2_ADDED);
    const clock = testClock();
    const oldStore = createStore(v2 as never, { now: clock.now, randomBytes: seededRandomBytes(7) });
    const assessment = unwrap(await oldStore.createRecord('assessment', assessmentInput())).record;
    // A version-2 device kept every autosave in the log: 30 versions of the notes.
    for (let i = 0; i < 30; i++) {
      clock.advance(500);
      unwrap(await oldStore.updateFields('assessment', assessment.id, { notes: `Day 1, take ${i}` }));
    }
    // The version-2 store compacts already (same code), so pile the old versions up as v2 did.
    const node = unwrap(await oldStore.nodeId());
    const piled = Array.from({ length: 30 }, (_, i) => ({
      hlc: formatHlc({ wallMs: 1_000 + i, counter: 0, nodeId: node }),
      node,
      table: 'assessment',
      id: assessment.id,
      field: 'notes',
      value: `old take ${i}`,
    }));
    await v2.table('changeLog').bulkAdd(piled);
    const logBefore = await v2.table('changeLog').count();
    const peerNode = 'ab'.repeat(8);
    const peer = {
      assessmentId: assessment.id,
      node: peerNode,
      assessor: 'Aram',
      assessorId: null,
      versionVector: { [peerNode]: formatHlc({ wallMs: T_PEER, counter: 0, nodeId: peerNode }) },
      blobsHeld: [],
      lastBundleId: '01890a5d-ac96-774b-bcce-b302099a8057',
      lastBundleCreatedAt: '2022-10-03T18:00:00.000Z',
      importedAt: '2022-10-03T18:05:00.000Z',
    };
    await v2.table('meta').bulkPut([
      { key: `bundle-peer:${assessment.id}:${peerNode}`, value: peer },
      { key: 'bundle-peer:not-a-key', value: { junk: true } },
      { key: 'framework:x@1', value: { kept: true } },
    ]);
    const vectorBefore = unwrap(await oldStore.versionVector());
    const lastNotes = (await v2.table('fieldVersions').get(['assessment', assessment.id, 'notes'])) as unknown;
    v2.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(await db.heldChanges.count()).toBe(0);
    const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(8) });
    // Peers: moved, readable through src/sync, gone from meta; what cannot be read stays put.
    expect(unwrap(await listBundlePeers(store, assessment.id))).toEqual([peer]);
    expect(await db.meta.get(`bundle-peer:${assessment.id}:${peerNode}`)).toBeUndefined();
    expect(await db.meta.get('bundle-peer:not-a-key')).toBeDefined();
    expect(await db.meta.get('framework:x@1')).toBeDefined();
    // Change log: one notes version of this node left (the winner), every other field kept, vector exact.
    const log = unwrap(await store.changesSince({})).changes;
    expect(log.filter((c) => c.field === 'notes')).toEqual([lastNotes]);
    expect(log.length).toBeLessThan(logBefore);
    expect(unwrap(await store.versionVector())).toEqual(vectorBefore);
    expect(unwrap(await loadAssessment(db, assessment.id)).assessment?.notes).toBe('Day 1, take 29');
    await db.delete();
  });

  it('opens a version-3 database as version 4 with everything kept and nothing held', async () => {
    const name = freshDatabaseName('v3');
    const v3 = new Dexie(name);
    v3.version(1).stores(STORES_V1);
    v3.version(2).stores(STORES_V2_ADDED);
    v3.version(3).stores(STORES_V3_CHANGED);
    const clock = testClock();
    const oldStore = createStore(v3 as never, { now: clock.now, randomBytes: seededRandomBytes(9) });
    const assessment = unwrap(await oldStore.createRecord('assessment', assessmentInput())).record;
    unwrap(await oldStore.createRecord('assessor', assessorInput(assessment.id)));
    const logBefore = unwrap(await oldStore.changesSince({})).changes;
    const outboxBefore = await v3.table('outbox').count();
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.heldChanges.count()).toBe(0);
    const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(10) });
    expect(unwrap(await store.changesSince({})).changes).toEqual(logBefore);
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect(unwrap(await store.heldChangeSummary(assessment.id))).toEqual({ count: 0, lastHlc: undefined });
    await db.delete();
  });
});
