/**
 * A page going into the back/forward cache ends its transactions (storage/inFlightTransactions.ts,
 * shell/releaseStorageWhenCached.ts): WebKit would keep them suspended, and every later write of
 * the app in that browser would wait behind them. Here on fake-indexeddb with the real store,
 * watcher and autosave; the WebKit journey in test/e2e/browsers shows the hang itself.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/createStore';
import { trackInFlightTransactions } from '../../src/storage/inFlightTransactions';
import { openDatabase } from '../../src/storage/openDatabase';
import type { AssessmentSnapshot } from '../../src/storage/loadAssessment';
import { watchAssessment } from '../../src/storage/watchAssessment';
import { createAutosave } from '../../src/ui/shell/autosave';
import { releaseStorageWhenCached } from '../../src/ui/shell/releaseStorageWhenCached';
import { assessmentInput, assessorInput, observationInput, testStoresDeletedAfterEach, unwrap, waitUntil } from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

/** A page's window as far as these listeners go: pagehide / pageshow with `persisted`. */
function pageWindow() {
  const target = new EventTarget();
  const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) => target.dispatchEvent(Object.assign(new Event(type), { persisted }));
  return {
    target: Object.assign(target, { document: { visibilityState: 'visible' as DocumentVisibilityState } }),
    hide: (persisted: boolean) => transition('pagehide', persisted),
    show: (persisted: boolean) => transition('pageshow', persisted),
  };
}

describe('transactions of a page going into the back/forward cache', () => {
  it('are aborted, and so are those begun after it, until the page is shown again', async () => {
    const { db, store } = open();
    const tracked = trackInFlightTransactions(db);
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    expect(tracked.count()).toBe(0);

    // A read in flight (a transaction kept open by its requests), as the page is frozen.
    const reading = db.transaction('r', db.observation, db.assessment, async () => {
      await db.assessment.get(assessment.id);
      await db.observation.where('assessmentId').equals(assessment.id).toArray();
      return db.assessment.get(assessment.id);
    });
    await Promise.resolve();
    expect(tracked.count()).toBeGreaterThan(0);
    expect(tracked.suspend()).toBeGreaterThan(0);
    await expect(reading).rejects.toThrow(/abort/i);

    // Begun while suspended (a pagehide listener's write, a few microtasks later): refused, nothing written.
    const late = await store.updateFields('assessment', assessment.id, { title: 'Written while frozen' });
    expect(late.ok).toBe(false);
    tracked.resume();
    expect((await db.assessment.get(assessment.id))?.title).toBe(assessment.title);
    expect((await db.changeLog.toArray()).some((change) => change.value === 'Written while frozen')).toBe(false);

    unwrap(await store.updateFields('assessment', assessment.id, { title: 'Written after' }));
    expect((await db.assessment.get(assessment.id))?.title).toBe('Written after');
    // Forgotten once ended (a read's result arrives a moment before its transaction completes).
    await waitUntil(() => tracked.count() === 0, 1_000);
  });

  it('leaves a page that is really unloaded (persisted: false) alone, and its pending edit is flushed', async () => {
    const { db, store } = open();
    const tracked = trackInFlightTransactions(db);
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const page = pageWindow();
    const autosave = createAutosave({ window: page.target, debounceMs: 10_000 });
    const release = releaseStorageWhenCached(page.target, tracked, autosave);
    autosave.schedule('assessment:title', () => store.updateFields('assessment', assessment.id, { title: 'Typed before closing' }));
    page.hide(false);
    await waitUntil(() => autosave.pending.peek() === 0, 2_000);
    expect((await db.assessment.get(assessment.id))?.title).toBe('Typed before closing');
    release();
    autosave.dispose();
  });

  it('writes the edit cut off on the way into the cache when the page comes back, and watchers read again', async () => {
    const { db, store } = open();
    const tracked = trackInFlightTransactions(db);
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const seen: AssessmentSnapshot[] = [];
    const unsubscribe = watchAssessment(db, assessment.id, (snapshot) => seen.push(snapshot), () => undefined);
    await waitUntil(() => seen.length === 1, 2_000);

    const page = pageWindow();
    const autosave = createAutosave({ window: page.target, debounceMs: 10_000 });
    const release = releaseStorageWhenCached(page.target, tracked, autosave);
    // Typed just before leaving: the autosave's pagehide flush starts the write, the page is cached.
    autosave.schedule('observation:new', () => store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Typed before leaving' })));
    page.hide(true);
    await waitUntil(() => autosave.lastError.peek() !== null, 2_000);
    expect(autosave.pending.peek()).toBe(1);
    // The cached page reads nothing either, until it is shown again.
    await expect(db.observation.count()).rejects.toThrow(/back\/forward cache/);

    // Meanwhile another page of the app (its own connection) writes: nothing holds it up.
    const nextPage = openDatabase(db.name);
    expect(await nextPage.observation.count()).toBe(0);
    unwrap(await createStore(nextPage).updateFields('assessment', assessment.id, { title: 'Retitled on the next page' }));
    nextPage.close();

    page.show(true);
    await waitUntil(() => autosave.pending.peek() === 0, 2_000);
    expect(autosave.lastError.peek()).toBeNull();
    await waitUntil(() => seen.at(-1)?.records.observation.length === 1 && seen.at(-1)?.assessment?.title === 'Retitled on the next page', 2_000);
    expect(seen.at(-1)?.records.observation[0]?.text).toBe('Typed before leaving');

    unsubscribe();
    release();
    autosave.dispose();
  });
});
