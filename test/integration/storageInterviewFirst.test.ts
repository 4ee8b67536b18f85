/**
 * The interview screen's first read (issue 9): one interview's notes through the
 * `[assessmentId+interviewId]` index and the small tables, marked incomplete; then, when the caller
 * says so, the whole assessment, exactly as a whole read gives it. The outbox count follows writes
 * a little later, never in the same moment as the note's read-back.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import { loadAssessment, type AssessmentSnapshot } from '../../src/storage/loadAssessment';
import { loadInterviewFirst } from '../../src/storage/loadInterviewFirst';
import { watchAssessment } from '../../src/storage/watchAssessment';
import { watchPendingCount } from '../../src/storage/watchPendingCount';
import {
  assessmentInput,
  assessorInput,
  institutionInput,
  interviewInput,
  observationInput,
  openTestStore,
  ratingInput,
  unwrap,
  waitUntil,
  type TestStore,
} from './support/storageTestKit';

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

/** Two interviews of one assessment (5 and 40 notes), a desk note, a rating, and another assessment. */
async function seedTwoInterviews(store: TestStore['store']) {
  const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
  const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
  const institution = unwrap(await store.createRecord('institution', institutionInput(assessment.id))).record;
  const mine = unwrap(await store.createRecord('interview', interviewInput(assessment.id, institution.id))).record;
  const other = unwrap(await store.createRecord('interview', interviewInput(assessment.id, institution.id, { date: '2022-10-04' }))).record;
  for (let i = 0; i < 5; i++) unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, mine.id, { text: `mine ${i}` })));
  for (let i = 0; i < 40; i++) unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, other.id, { text: `other ${i}` })));
  unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'desk research' })));
  unwrap(await store.createRecord('rating', ratingInput(assessment.id, anna.id)));
  const elsewhere = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Elsewhere' }))).record;
  unwrap(await store.createRecord('observation', observationInput(elsewhere.id, anna.id, mine.id, { text: 'of another assessment' })));
  return { assessment, anna, mine, other };
}

describe('loadInterviewFirst', () => {
  it('reads one interview’s notes and the small tables, and says it is not the whole assessment', async () => {
    const { db, store } = open();
    const { assessment, mine } = await seedTwoInterviews(store);
    const first = unwrap(await loadInterviewFirst(db, assessment.id, mine.id));
    const whole = unwrap(await loadAssessment(db, assessment.id));
    expect(first.complete).toBe(false);
    expect(whole.complete).toBe(true);
    expect(first.records.observation.map((note) => note.text).sort()).toEqual(['mine 0', 'mine 1', 'mine 2', 'mine 3', 'mine 4']);
    expect(first.records.rating).toEqual([]);
    expect(first.assessment).toEqual(whole.assessment);
    for (const table of ['assessor', 'institution', 'interview', 'interviewee', 'attachment'] as const) expect(first.records[table]).toEqual(whole.records[table]);
  });

  it('validates what it reads: an invalid note of the interview is skipped and counted', async () => {
    const { db, store } = open();
    const { assessment, mine } = await seedTwoInterviews(store);
    await db.observation.put({ id: 'broken', assessmentId: assessment.id, interviewId: mine.id, text: 42 });
    const first = unwrap(await loadInterviewFirst(db, assessment.id, mine.id));
    expect(first.records.observation).toHaveLength(5);
    expect(first.invalid).toBe(1);
    expect(first.invalidRows[0]?.id).toBe('broken');
  });
});

describe('watchAssessment from one interview first', () => {
  it('gives the interview first, the whole assessment when asked, and stays live for both', async () => {
    const { db, store } = open();
    const { assessment, anna, mine, other } = await seedTwoInterviews(store);
    const seen: AssessmentSnapshot[] = [];
    let readRest: (() => void) | undefined;
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s), undefined, { firstInterviewId: mine.id, afterFirst: (run) => (readRest = run) }));
    await waitUntil(() => seen.length === 1 && readRest !== undefined);
    expect(seen[0]!.complete).toBe(false);
    expect(seen[0]!.records.observation).toHaveLength(5);

    // Before the rest is read, a note added to this interview (another tab, a sync) appears live.
    const added = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, mine.id, { text: 'added meanwhile' }))).record;
    await waitUntil(() => seen.at(-1)!.records.observation.some((note) => note.id === added.id));
    expect(seen.at(-1)!.complete).toBe(false);

    readRest!();
    await waitUntil(() => seen.at(-1)!.complete);
    const whole = seen.at(-1)!;
    expect(whole).toEqual(unwrap(await loadAssessment(db, assessment.id)));
    expect(whole.records.observation.filter((note) => note.interviewId === other.id)).toHaveLength(40);

    // And live after that, by keys as before.
    const later = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, other.id, { text: 'later' }))).record;
    await waitUntil(() => seen.at(-1)!.records.observation.some((note) => note.id === later.id));
    expect(seen.at(-1)).toEqual(unwrap(await loadAssessment(db, assessment.id)));
  });

  it('without firstInterviewId reads the whole assessment at once, as before', async () => {
    const { db, store } = open();
    const { assessment } = await seedTwoInterviews(store);
    const seen: AssessmentSnapshot[] = [];
    let asked = false;
    cleanups.push(watchAssessment(db, assessment.id, (s) => seen.push(s), undefined, { afterFirst: () => (asked = true) }));
    await waitUntil(() => seen.length === 1);
    expect(seen[0]!.complete).toBe(true);
    expect(asked).toBe(false);
  });
});

describe('watchPendingCount', () => {
  it('counts now, then once after a burst of writes has gone quiet', async () => {
    const { db, store } = open();
    const counts: number[] = [];
    const failures: unknown[] = [];
    cleanups.push(watchPendingCount(db, (n) => counts.push(n), (failure) => failures.push(failure), { quietMs: 100, maxWaitMs: 1000 }));
    await waitUntil(() => counts.length === 1);
    expect(counts).toEqual([0]);
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    unwrap(await store.updateFields('assessment', assessment.id, { title: 'Renamed' }));
    const expected = await db.outbox.count();
    await waitUntil(() => counts.length === 2, 2000);
    expect(counts).toEqual([0, expected]);
    expect(failures).toEqual([]);
  });

  it('counts within maxWaitMs while writes keep coming', async () => {
    const { db, store } = open();
    const counts: number[] = [];
    cleanups.push(watchPendingCount(db, (n) => counts.push(n), () => undefined, { quietMs: 150, maxWaitMs: 300 }));
    await waitUntil(() => counts.length === 1);
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const started = Date.now();
    // A write every 50 ms (less than quietMs apart) for 600 ms: the count must not wait for the end.
    while (Date.now() - started < 600 && counts.length === 1) {
      unwrap(await store.updateFields('assessment', assessment.id, { title: `Title ${Date.now()}` }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(counts.length).toBeGreaterThan(1);
  });
});
