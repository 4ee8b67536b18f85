/**
 * The note composer's draft lifecycle (draftNote.ts) against a real Dexie store (fake-indexeddb),
 * the real record writer and the real autosave: every transition, and what a failed write leaves.
 */
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, openDatabase, type MmdmaDatabase } from '../../src/storage';
import { createAutosave } from '../../src/ui/shell/autosave';
import { createRecordWriter } from '../../src/ui/shell/createRecordWriter';
import { createDraftNote, SAVING_SHOWN_AFTER_MS, type DraftContent } from '../../src/ui/screens/interview/draftNote';
import { createInterviewWrites } from '../../src/ui/screens/interview/interviewWrites';
import type { SubmittedNote } from '../../src/ui/screens/interview/interviewModel';
import type { AssessmentSession } from '../../src/ui/session/assessmentSession';

const uuid = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const ASSESSMENT = uuid(1);
const INTERVIEW = uuid(2);
const AUTHOR = uuid(3);
const SPEAKER = uuid(4);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setUp() {
  const db: MmdmaDatabase = openDatabase(`draft-${Math.random().toString(36).slice(2)}`);
  const store = createStore(db);
  const failures: string[] = [];
  const writer = createRecordWriter({ store, translator: () => ((key: string) => key) as never, onFailure: (failure) => failures.push(failure.kind) });
  // A debounce longer than any test: writes run when a test flushes, as on blur or Enter.
  const autosave = createAutosave({ debounceMs: 60_000 });
  const draftId = signal<string | null>(null);
  const submitted = signal<readonly SubmittedNote[]>([]);
  const writes = createInterviewWrites({ writer, assessmentId: ASSESSMENT } as unknown as AssessmentSession);
  // The "saving" row's delay runs when a test says so.
  const timers: Array<{ run: () => void; ms: number }> = [];
  const draft = createDraftNote({ writer, autosave, attach: writes.attach, assessmentId: ASSESSMENT, interviewId: INTERVIEW, authorId: () => AUTHOR, draftId, submitted, setTimer: (run, ms) => timers.push({ run, ms }) });
  cleanups.push(() => autosave.dispose(), () => db.close());
  const observations = async () => (await db.table('observation').toArray()) as Array<{ id: string; text: string; deleted: boolean; intervieweeId?: string | null; attachmentIds: string[] }>;
  const live = async () => (await observations()).filter((row) => !row.deleted);
  return { db, autosave, draft, draftId, submitted, failures, observations, live, timers };
}

const content = (text: string, patch: Partial<DraftContent> = {}): DraftContent => ({ text, kind: 'note', tags: [], suggestedLevel: null, source: '', intervieweeId: null, ...patch });

describe('createDraftNote', () => {
  it('creates the note on the first write with text, then updates that same record', async () => {
    const { draft, draftId, autosave, live } = setUp();
    draft.changed(content('The registry'));
    await autosave.flush();
    const [created] = await live();
    expect(created?.text).toBe('The registry');
    expect(draftId.value).toBe(created?.id);
    expect(draft.view.value).toMatchObject({ observationId: created?.id, status: 'saved' });
    draft.changed(content('The registry exchanges data', { kind: 'quote', intervieweeId: SPEAKER }));
    await autosave.flush();
    const rows = await live();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: created?.id, text: 'The registry exchanges data', intervieweeId: SPEAKER });
  });

  it('creates nothing when the text is erased before the first write', async () => {
    const { draft, autosave, observations } = setUp();
    draft.changed(content('x'));
    draft.changed(content(''));
    await autosave.flush();
    expect(await observations()).toEqual([]);
    expect(draft.view.value.observationId).toBeNull();
  });

  it('removes the half-made note when everything typed is erased; typing again makes a new one', async () => {
    const { draft, draftId, autosave, live, observations } = setUp();
    draft.changed(content('Half a thought'));
    await autosave.flush();
    const first = draftId.value;
    draft.changed(content('   '));
    await autosave.flush();
    expect(await live()).toEqual([]);
    expect(draftId.value).toBeNull();
    draft.changed(content('A new thought'));
    await autosave.flush();
    const rows = await live();
    expect(rows.map((row) => row.text)).toEqual(['A new thought']);
    expect(rows[0]?.id).not.toBe(first);
    expect(await observations()).toHaveLength(2);
  });

  it('submits: the trimmed text is stored, the entry goes from saving to saved, and a new draft starts', async () => {
    const { draft, draftId, submitted, autosave, live } = setUp();
    draft.changed(content('Said at the start'));
    const before = draft.view.value.key;
    const entry = draft.submit(content('  Said at the start, and more.  ', { intervieweeId: SPEAKER }));
    if (entry === 'empty') throw new Error('expected an entry');
    expect(entry.status.value).toBe('saving');
    expect(submitted.value).toEqual([entry]);
    expect(draft.view.value.key).not.toBe(before);
    expect(draftId.value).toBeNull();
    await autosave.flush();
    expect(entry.status.value).toBe('saved');
    const rows = await live();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: entry.observationId.value, text: 'Said at the start, and more.', intervieweeId: SPEAKER });
  });

  it('draws the "saving" row only once the write has taken SAVING_SHOWN_AFTER_MS, and a failure at once', async () => {
    const { db, draft, autosave, timers } = setUp();
    const quick = draft.submit(content('Stored within the blink of an eye'));
    if (quick === 'empty') throw new Error('expected an entry');
    expect(quick.shown.value).toBe(false);
    expect(timers.map((timer) => timer.ms)).toEqual([SAVING_SHOWN_AFTER_MS]);
    await autosave.flush();
    expect(quick.status.value).toBe('saved');
    expect(quick.shown.value).toBe(false);
    // A write still under way when the time is up is drawn as saving.
    timers[0]?.run();
    expect(quick.shown.value).toBe(true);

    db.close();
    const refused = draft.submit(content('Spoken while the disk was unavailable'));
    if (refused === 'empty') throw new Error('expected an entry');
    expect(refused.shown.value).toBe(false);
    await autosave.flush();
    expect(refused.status.value).toBe('failed');
    expect(refused.shown.value).toBe(true);
  });

  it('submitting an empty note saves nothing and removes an erased draft', async () => {
    const { draft, autosave, live, submitted } = setUp();
    expect(draft.submit(content('  '))).toBe('empty');
    draft.changed(content('oops'));
    await autosave.flush();
    expect(await live()).toHaveLength(1);
    expect(draft.submit(content(''))).toBe('empty');
    await autosave.flush();
    expect(await live()).toEqual([]);
    expect(submitted.value).toEqual([]);
  });

  it('a failed write shows the failure, keeps the write for a retry, and the retry stores it', async () => {
    const { db, draft, autosave, live, failures } = setUp();
    db.close();
    const entry = draft.submit(content('Spoken while the disk was unavailable'));
    if (entry === 'empty') throw new Error('expected an entry');
    await autosave.flush();
    expect(entry.status.value).toBe('failed');
    expect(failures.length).toBeGreaterThan(0);
    // The text is kept: on the list entry, and as the pending write.
    expect(entry.text).toBe('Spoken while the disk was unavailable');
    expect(autosave.pending.value).toBe(1);
    expect(autosave.lastError.value).not.toBeNull();
    await db.open();
    await autosave.flush(entry.key);
    expect(entry.status.value).toBe('saved');
    expect((await live()).map((row) => row.text)).toEqual(['Spoken while the disk was unavailable']);
  });

  it('a failed draft write is shown beside the note box as failed', async () => {
    const { db, draft, autosave } = setUp();
    db.close();
    draft.changed(content('typing'));
    await autosave.flush();
    // Nothing was created, so there is nothing to show as saved: the status says it failed.
    expect(draft.view.value.status).toBe('failed');
    await db.open();
    await autosave.flush();
    expect(draft.view.value.status).toBe('saved');
  });

  it('attaching creates the note without text, links the file, and removing it unlinks it', async () => {
    const { draft, live } = setUp();
    const stored = await draft.attach([{ blob: new Blob(['photo bytes'], { type: 'image/jpeg' }), name: 'whiteboard.jpg' }], content(''));
    expect(stored).toEqual(['whiteboard.jpg']);
    const [note] = await live();
    expect(note?.text).toBe('');
    expect(note?.attachmentIds).toHaveLength(1);
    expect(draft.view.value).toMatchObject({ observationId: note?.id, uploads: 0 });
    expect(draft.view.value.attachmentIds).toEqual(note?.attachmentIds);
    const removed = await draft.removeAttachment(note?.attachmentIds[0] ?? '');
    expect(removed.ok).toBe(true);
    expect(draft.view.value.attachmentIds).toEqual([]);
    expect((await live())[0]?.attachmentIds).toEqual([]);
  });

  it('a note with a file is not removed when its text is erased', async () => {
    const { draft, autosave, live } = setUp();
    await draft.attach([{ blob: new Blob(['x'], { type: 'image/png' }), name: 'a.png' }], content('caption'));
    draft.changed(content(''));
    await autosave.flush();
    await draft.leave(content(''));
    expect(await live()).toHaveLength(1);
  });

  it('leaving writes what is pending, and removes an erased draft', async () => {
    const { draft, autosave, live } = setUp();
    draft.changed(content('Last words'));
    await draft.leave(content('Last words'));
    expect((await live()).map((row) => row.text)).toEqual(['Last words']);
    await draft.leave(content(''));
    await autosave.flush();
    expect(await live()).toEqual([]);
  });
});
