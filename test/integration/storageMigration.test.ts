/**
 * Devices in the field hold version-1 databases full of interviews. Opening one with this version
 * must upgrade it in place (version 2 adds the conflicts table) and keep every row readable.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, STORES_V1 } from '../../src/storage/databaseSchema';
import { openDatabase } from '../../src/storage/openDatabase';
import { createStore } from '../../src/storage/createStore';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { assessmentInput, assessorInput, freshDatabaseName, seededRandomBytes, testClock, unwrap } from './support/storageTestKit';

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
    expect(DATABASE_VERSION).toBe(2);
    expect(await db.conflicts.count()).toBe(0);
    const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(6) });
    const loaded = unwrap(await loadAssessment(db, assessment.id));
    expect(loaded.invalid).toBe(0);
    expect(loaded.assessment?.title).toBe(assessment.title);
    expect(unwrap(await store.changesSince({})).changes).toEqual(logBefore);
    expect(unwrap(await store.listConflicts(assessment.id))).toEqual({ conflicts: [], invalid: 0 });
    await db.delete();
  });
});
