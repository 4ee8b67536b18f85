/**
 * Live data: watchers call back with fresh, validated data after a write in this tab, and after a
 * write in another tab (Dexie 4 broadcasts each committed transaction over a BroadcastChannel).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import type { AssessmentSnapshot } from '../../src/storage/loadAssessment';
import { watchAssessment } from '../../src/storage/watchAssessment';
import { watchAssessments } from '../../src/storage/watchAssessments';
import { assessmentInput, assessorInput, observationInput, openTestStore, unwrap, waitUntil, type TestStore } from './support/storageTestKit';

/** Dexie 4's channel for committed-transaction notices (dexie/src/live-query/enable-broadcast.ts). */
const DEXIE_BROADCAST_CHANNEL = 'x-storagemutated-1';
/** The budget for a watcher to see a write: "within a few hundred ms". */
const LIVE_UPDATE_BUDGET_MS = 500;

const opened: MmdmaDatabase[] = [];
const cleanups: Array<() => void> = [];
function open(options?: Parameters<typeof openTestStore>[0]): TestStore {
  const test = openTestStore(options);
  opened.push(test.db);
  return test;
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const db of opened.splice(0)) await db.delete();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchAssessment', () => {
  it('calls back with the current snapshot, again after a write, and no more after unsubscribe', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const seen: AssessmentSnapshot[] = [];
    const errors: unknown[] = [];
    const unsubscribe = watchAssessment(db, assessment.id, (s) => seen.push(s), (e) => errors.push(e));
    cleanups.push(unsubscribe);

    await waitUntil(() => seen.length === 1, LIVE_UPDATE_BUDGET_MS);
    expect(seen[0]!.assessment).toEqual(assessment);
    expect(seen[0]!.records.observation).toEqual([]);

    const started = Date.now();
    const note = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
    await waitUntil(() => seen.at(-1)!.records.observation.length === 1, LIVE_UPDATE_BUDGET_MS);
    expect(Date.now() - started).toBeLessThan(LIVE_UPDATE_BUDGET_MS);
    expect(seen.at(-1)!.records.observation).toEqual([note]);

    unwrap(await store.updateFields('assessment', assessment.id, { title: 'Retitled' }));
    await waitUntil(() => seen.at(-1)!.assessment?.title === 'Retitled', LIVE_UPDATE_BUDGET_MS);

    unsubscribe();
    const count = seen.length;
    unwrap(await store.updateFields('assessment', assessment.id, { title: 'After unsubscribe' }));
    unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'unseen' })));
    await sleep(LIVE_UPDATE_BUDGET_MS);
    expect(seen).toHaveLength(count);
    expect(errors).toEqual([]);
  });

  it('does not fire for writes to another assessment', async () => {
    const { db, store } = open();
    const mine = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const other = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Other' }))).record;
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, mine.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    unwrap(await store.createRecord('assessor', assessorInput(other.id)));
    unwrap(await store.updateFields('assessment', other.id, { notes: 'x' }));
    await sleep(100);
    expect(seen).toHaveLength(1);
  });

  it('reports corrupt rows in the snapshot instead of failing the subscription', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    await db.observation.put({ id: '0183a1c2-7d3e-7b4f-9a10-00000000000c', assessmentId: assessment.id, kind: 'gossip' });
    await waitUntil(() => seen.at(-1)!.invalid === 1, LIVE_UPDATE_BUDGET_MS);
    expect(seen.at(-1)!.records.observation).toEqual([]);
  });

  it('sees writes made in another tab (Dexie’s BroadcastChannel), and announces its own writes to other tabs', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;

    // Producer side: a committed write here is announced on the channel other tabs listen to.
    const otherTab = new BroadcastChannel(DEXIE_BROADCAST_CHANNEL);
    cleanups.push(() => otherTab.close());
    const announced: unknown[] = [];
    otherTab.onmessage = (event: MessageEvent) => announced.push(event.data);
    unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null)));
    await waitUntil(() => announced.some((m) => JSON.stringify(Object.keys(m as object)).includes(`/${db.name}/observation/`)));

    // Consumer side: another tab writes straight to IndexedDB (its Dexie is not ours, so ours
    // learns nothing locally) and announces the commit; our watcher must re-read and see it.
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    expect(seen[0]!.records.observation).toHaveLength(1);

    const fromOtherTab = {
      ...observationInput(assessment.id, anna.id, null, { text: 'typed in the other tab' }),
      id: '0183a1c2-7d3e-7b4f-9a10-00000000000d',
      tags: [],
      attachmentIds: [],
      deleted: false,
    };
    await writeBehindDexie(db.name, 'observation', fromOtherTab);
    await sleep(50);
    expect(seen.at(-1)!.records.observation).toHaveLength(1); // nothing told us yet

    // What the other tab's Dexie posts for that write: the changed key ranges of the transaction
    // (structured-cloned interval trees), naming the record it wrote. The watcher reads only the
    // records a notice names, so the notice must be the one for this write, not any earlier one.
    const started = Date.now();
    const announcement = announced.find((m) => JSON.stringify(Object.keys(m as object)).includes('/observation/')) as Record<string, unknown>;
    const single = { from: fromOtherTab.id, to: fromOtherTab.id, d: 1 };
    otherTab.postMessage({ ...announcement, [`idb://${db.name}/observation/`]: single, [`idb://${db.name}/observation/assessmentId`]: { from: assessment.id, to: assessment.id, d: 1 } });
    await waitUntil(() => seen.at(-1)!.records.observation.length === 2, LIVE_UPDATE_BUDGET_MS);
    expect(Date.now() - started).toBeLessThan(LIVE_UPDATE_BUDGET_MS);
    expect(seen.at(-1)!.records.observation.map((o) => o.text)).toContain('typed in the other tab');
  });
});

describe('watchAssessments', () => {
  it('calls back with the list whenever an assessment is created or changed', async () => {
    const { db, store } = open();
    const seen: string[][] = [];
    cleanups.push(watchAssessments(db, (read) => seen.push(read.records.map((a) => a.title))));
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toEqual([]);
    const created = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    await waitUntil(() => seen.at(-1)!.length === 1, LIVE_UPDATE_BUDGET_MS);
    unwrap(await store.updateFields('assessment', created.id, { status: 'archived' }));
    await waitUntil(() => seen.at(-1)!.length === 0, LIVE_UPDATE_BUDGET_MS);
  });
});

/** A put through the raw IndexedDB API, as another tab's own connection would make it. */
function writeBehindDexie(dbName: string, storeName: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const connection = request.result;
      const tx = connection.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(value);
      tx.oncomplete = () => {
        connection.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
