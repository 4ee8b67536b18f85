/**
 * The live snapshot's cost follows what changed (issue 9): after the first read, a write is read
 * back by its keys alone and patched in. Untouched tables keep their arrays and untouched records
 * their objects (screens compare by identity); a write that names no keys (a bulk write of 50 rows
 * or more, as a bundle import makes) reads everything again; and the result is always what a
 * whole read would give.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import { loadAssessment, type AssessmentSnapshot } from '../../src/storage/loadAssessment';
import { changedKeysOf, patchList, watchAssessment } from '../../src/storage/watchAssessment';
import { assessmentInput, assessorInput, institutionInput, interviewInput, observationInput, openTestStore, unwrap, waitUntil, type TestStore } from './support/storageTestKit';

const opened: MmdmaDatabase[] = [];
const cleanups: Array<() => void> = [];
function open(): TestStore {
  const test = openTestStore();
  opened.push(test.db);
  return test;
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const db of opened.splice(0)) await db.delete();
});

/** The snapshot a whole read gives now, to compare the patched one with. */
async function wholeRead(db: MmdmaDatabase, id: string): Promise<AssessmentSnapshot> {
  return unwrap(await loadAssessment(db, id));
}

describe('watchAssessment, incrementally', () => {
  it('patches a new, an edited and a deleted note in, keeping everything untouched identical', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    for (let i = 0; i < 30; i++) unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: `note ${i}` })));
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    const first = seen[0]!;

    const added = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'the new one' }))).record;
    await waitUntil(() => seen.at(-1)!.records.observation.length === 31);
    const second = seen.at(-1)!;
    expect(second.records.observation.find((note) => note.id === added.id)).toEqual(added);
    // Untouched: the other tables' arrays, the other notes' objects, the assessment.
    expect(second.records.assessor).toBe(first.records.assessor);
    expect(second.records.rating).toBe(first.records.rating);
    expect(second.assessment).toBe(first.assessment);
    const kept = new Set(second.records.observation);
    for (const note of first.records.observation) expect(kept.has(note)).toBe(true);
    expect(second).toEqual(await wholeRead(db, assessment.id));

    const target = second.records.observation[10]!;
    unwrap(await store.updateFields('observation', target.id, { text: 'edited' }));
    await waitUntil(() => seen.at(-1)!.records.observation[10]!.text === 'edited');
    const third = seen.at(-1)!;
    expect(third.records.observation[9]).toBe(second.records.observation[9]);
    expect(third).toEqual(await wholeRead(db, assessment.id));

    unwrap(await store.updateFields('observation', target.id, { deleted: true }));
    await waitUntil(() => seen.at(-1)!.records.observation.length === 30);
    expect(seen.at(-1)!.records.observation.some((note) => note.id === target.id)).toBe(false);
    expect(seen.at(-1)).toEqual(await wholeRead(db, assessment.id));
  });

  it('ignores other assessments’ records and reads everything again after a bulk write', async () => {
    const { db, store } = open();
    const mine = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const other = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Other' }))).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(mine.id))).record;
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, mine.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    unwrap(await store.createRecord('observation', observationInput(other.id, anna.id, null)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(1);

    // 60 rows in one bulkPut: Dexie names no keys for it, only "the whole table".
    const template = seen[0]!.assessment!;
    const rows = Array.from({ length: 60 }, (_, i) => ({
      ...observationInput(mine.id, anna.id, null, { text: `bulk ${i}` }),
      id: `0183a1c2-7d3e-7b4f-9a10-${String(i).padStart(12, '0')}`,
      tags: [],
      attachmentIds: [],
      deleted: false,
    }));
    expect(template.id).toBe(mine.id);
    await db.observation.bulkPut(rows);
    await waitUntil(() => seen.at(-1)!.records.observation.length === 60);
    expect(seen.at(-1)).toEqual(await wholeRead(db, mine.id));
  });

  it('counts a corrupt row, and forgets it once the row is repaired', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const note = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
    const seen: AssessmentSnapshot[] = [];
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s)));
    await waitUntil(() => seen.length === 1);
    await db.observation.put({ ...note, kind: 'gossip' });
    await waitUntil(() => seen.at(-1)!.invalid === 1);
    expect(seen.at(-1)!.records.observation).toEqual([]);
    await db.observation.put(note);
    await waitUntil(() => seen.at(-1)!.invalid === 0);
    expect(seen.at(-1)!.records.observation).toEqual([note]);
  });
});

describe('watchAssessment.applyCommitted', () => {
  it('shows a committed write at once; its read then confirms it and the result is what a whole read gives', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    for (let i = 0; i < 5; i++) unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: `note ${i}` })));
    const seen: AssessmentSnapshot[] = [];
    const watch = watchAssessment(db, assessment.id, (s) => seen.push(s));
    cleanups.push(watch);
    await waitUntil(() => seen.length === 1);
    const first = seen[0]!;

    const added = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'listed from the write' }))).record;
    const before = seen.length;
    watch.applyCommitted('observation', added);
    // At once: no read in between.
    expect(seen).toHaveLength(before + 1);
    const applied = seen.at(-1)!;
    expect(applied.records.observation.at(-1)).toEqual(added);
    expect(applied.records.assessor).toBe(first.records.assessor);
    for (const note of first.records.observation) expect(applied.records.observation).toContain(note);
    // The read its storage notice started confirms it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.at(-1)).toEqual(await wholeRead(db, assessment.id));
  });

  it('validates an applied record as a read row: another assessment’s, a deleted one or an invalid one changes nothing shown', async () => {
    const { db, store } = open();
    const mine = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const other = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Other' }))).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(mine.id))).record;
    const note = unwrap(await store.createRecord('observation', observationInput(mine.id, anna.id, null))).record;
    const seen: AssessmentSnapshot[] = [];
    const watch = watchAssessment(db, mine.id, (s) => seen.push(s));
    cleanups.push(watch);
    await waitUntil(() => seen.length === 1);
    watch.applyCommitted('observation', { ...note, id: '0183a1c2-7d3e-7b4f-9a10-000000000001', assessmentId: other.id });
    expect(seen).toHaveLength(1);
    watch.applyCommitted('observation', { ...note, deleted: true });
    expect(seen.at(-1)!.records.observation).toEqual([]);
    watch.applyCommitted('observation', { ...note, kind: 'gossip' });
    expect(seen.at(-1)!.invalid).toBe(1);
  });

  it('gives the disk the last word: a read begun after the record was applied replaces it with what is stored', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const note = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'as stored' }))).record;
    const seen: AssessmentSnapshot[] = [];
    const watch = watchAssessment(db, assessment.id, (s) => seen.push(s));
    cleanups.push(watch);
    await waitUntil(() => seen.length === 1);
    // Not what the disk holds (a write that, say, another tab overtook): shown until the next read.
    watch.applyCommitted('observation', { ...note, text: 'never stored' });
    expect(seen.at(-1)!.records.observation[0]!.text).toBe('never stored');
    unwrap(await store.updateFields('observation', note.id, { kind: 'quote' }));
    await waitUntil(() => seen.at(-1)!.records.observation[0]!.kind === 'quote');
    expect(seen.at(-1)!.records.observation[0]!.text).toBe('as stored');
    expect(seen.at(-1)).toEqual(await wholeRead(db, assessment.id));
  });

  it('keeps an applied record over a read that began before it was applied (an older view of the disk)', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const institution = unwrap(await store.createRecord('institution', institutionInput(assessment.id))).record;
    const interview = unwrap(await store.createRecord('interview', interviewInput(assessment.id, institution.id))).record;
    const stored = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, interview.id, { text: 'stored before' }))).record;
    const seen: AssessmentSnapshot[] = [];
    let readRest: (() => void) | undefined;
    const watch = watchAssessment(db, assessment.id, (s) => seen.push(s), undefined, { firstInterviewId: interview.id, afterFirst: (run) => (readRest = run) });
    cleanups.push(watch);
    await waitUntil(() => seen.length === 1 && readRest !== undefined);
    // The whole read begins; then a record is applied that this read cannot have seen (its write
    // committed after the read began: here, a record the read will not find at all).
    readRest?.();
    const later = { ...stored, id: '0183a1c2-7d3e-7b4f-9a10-00000000000f', text: 'committed after the read began' };
    watch.applyCommitted('observation', later);
    await waitUntil(() => seen.at(-1)!.complete);
    expect(seen.at(-1)!.records.observation.map((note) => note.text)).toEqual(['stored before', 'committed after the read began']);
    // A read of it that begins after it was applied is the disk's word.
    await db.observation.put({ ...later, text: 'as the disk has it' });
    await waitUntil(() => seen.at(-1)!.records.observation[1]?.text === 'as the disk has it');
    expect(seen.at(-1)).toEqual(await wholeRead(db, assessment.id));
  });
});

describe('changedKeysOf', () => {
  it('names the record keys of this database’s record tables, and "all" for a range', () => {
    const parts = {
      'idb://mine/observation/': { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 } },
      'idb://mine/observation/assessmentId': { from: 'x', to: 'x', d: 1 },
      'idb://mine/changeLog/': { from: 'h', to: 'h', d: 1 },
      'idb://theirs/rating/': { from: 'r', to: 'r', d: 1 },
    };
    const changed = changedKeysOf('mine', parts);
    expect(changed?.kind).toBe('keys');
    expect(changed?.kind === 'keys' ? [...changed.keys.entries()].map(([table, ids]) => [table, [...ids].sort()]) : []).toEqual([['observation', ['a', 'b']]]);
    expect(changedKeysOf('mine', { 'idb://mine/rating/': { from: 'a', to: 'z', d: 1 } })).toEqual({ kind: 'all' });
    expect(changedKeysOf('mine', { 'idb://mine/changeLog/': { from: 'h', to: 'h', d: 1 } })).toBeUndefined();
  });
});

describe('patchList', () => {
  const list = ['b', 'd', 'f'].map((id) => ({ id, v: 1 }));
  it('inserts in id order, replaces, removes, and keeps the array when nothing named is there', () => {
    const fresh = [{ id: 'c', v: 2 }, { id: 'd', v: 2 }];
    const patched = patchList(list, new Set(['c', 'd', 'f']), fresh);
    expect(patched).toEqual([{ id: 'b', v: 1 }, { id: 'c', v: 2 }, { id: 'd', v: 2 }]);
    expect(patched[0]).toBe(list[0]);
    expect(patchList(list, new Set(['a']), [])).toBe(list);
    expect(patchList(list, new Set(['a', 'z']), [{ id: 'z', v: 3 }, { id: 'a', v: 3 }]).map((r) => r.id)).toEqual(['a', 'b', 'd', 'f', 'z']);
  });
});
