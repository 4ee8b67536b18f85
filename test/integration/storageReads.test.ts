/**
 * Reads validate every row: old or damaged data is skipped and counted, never thrown, so a screen
 * always opens. Also the query helpers the screens use, and the change-log and outbox hooks.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAssessments } from '../../src/storage/listAssessments';
import { loadAssessment } from '../../src/storage/loadAssessment';
import {
  attachmentsOfObservation,
  consensusOfTarget,
  findingsOfPillar,
  getRecord,
  intervieweesOfInterview,
  interviewsOfInstitution,
  observationsOfAuthor,
  observationsOfInterview,
  ratingsOfAssessor,
  ratingsOfIndicator,
} from '../../src/storage/recordQueries';
import {
  assessmentInput,
  assessorInput,
  consensusInput,
  findingInput,
  institutionInput,
  interviewInput,
  observationInput,
  ratingInput,
  testStoresDeletedAfterEach,
  unwrap,
  type TestStore,
} from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

/** An assessment with two assessors, an institution, an interview and a few notes and ratings. */
async function seedAssessment({ store }: TestStore) {
  const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
  const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
  const davit = unwrap(await store.createRecord('assessor', assessorInput(assessment.id, { name: 'Davit', role: 'assessor' }))).record;
  const ms = unwrap(await store.createRecord('institution', institutionInput(assessment.id))).record;
  const interview = unwrap(await store.createRecord('interview', interviewInput(assessment.id, ms.id))).record;
  const note = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, interview.id))).record;
  const quote = unwrap(await store.createRecord('observation', observationInput(assessment.id, davit.id, interview.id, { kind: 'quote', text: '“We exchange data daily.”' }))).record;
  const desk = unwrap(await store.createRecord('observation', observationInput(assessment.id, anna.id, null, { kind: 'evidence', source: 'Law on e-government' }))).record;
  const interviewee = unwrap(
    await store.createRecord('interviewee', { assessmentId: assessment.id, interviewId: interview.id, institutionId: ms.id, name: 'Head of IT' }),
  ).record;
  const attachment = unwrap(
    await store.createRecord('attachment', {
      assessmentId: assessment.id,
      sha256: 'a'.repeat(64),
      mediaType: 'image/jpeg',
      bytes: 12,
      fileName: 'strategy.jpg',
      observationId: note.id,
    }),
  ).record;
  const annaRating = unwrap(await store.createRecord('rating', ratingInput(assessment.id, anna.id))).record;
  const davitRating = unwrap(await store.createRecord('rating', ratingInput(assessment.id, davit.id, { level: 'established' }))).record;
  const consensus = unwrap(await store.createRecord('consensus', consensusInput(assessment.id, anna.id))).record;
  const finding = unwrap(await store.createRecord('finding', findingInput(assessment.id, anna.id))).record;
  return { assessment, anna, davit, ms, interview, note, quote, desk, interviewee, attachment, annaRating, davitRating, consensus, finding };
}

describe('loadAssessment', () => {
  it('returns every record of the assessment grouped by table, and nothing of another assessment', async () => {
    const test = open();
    const seeded = await seedAssessment(test);
    const other = unwrap(await test.store.createRecord('assessment', assessmentInput({ title: 'Eswatini 2024', country: 'Eswatini' }))).record;
    unwrap(await test.store.createRecord('assessor', assessorInput(other.id, { name: 'Someone else' })));

    const snapshot = unwrap(await loadAssessment(test.db, seeded.assessment.id));
    expect(snapshot.assessment).toEqual(seeded.assessment);
    expect(snapshot.invalid).toBe(0);
    const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();
    expect(ids(snapshot.records.assessor)).toEqual([seeded.anna.id, seeded.davit.id].sort());
    expect(ids(snapshot.records.observation)).toEqual([seeded.note.id, seeded.quote.id, seeded.desk.id].sort());
    expect(snapshot.records.institution).toEqual([seeded.ms]);
    expect(snapshot.records.interview).toEqual([seeded.interview]);
    expect(snapshot.records.interviewee).toEqual([seeded.interviewee]);
    expect(snapshot.records.attachment).toEqual([seeded.attachment]);
    expect(ids(snapshot.records.rating)).toEqual([seeded.annaRating.id, seeded.davitRating.id].sort());
    expect(snapshot.records.consensus).toEqual([seeded.consensus]);
    expect(snapshot.records.finding).toEqual([seeded.finding]);
  });

  it('skips corrupt rows put straight into the tables and reports them, without throwing', async () => {
    const test = open();
    const seeded = await seedAssessment(test);
    const { db } = test;
    // An older app version, a bad merge or a disk error could leave rows like these.
    await db.observation.put({ id: '0183a1c2-7d3e-7b4f-9a10-00000000000a', assessmentId: seeded.assessment.id, text: 42 });
    await db.rating.put({ id: 'not-a-uuid', assessmentId: seeded.assessment.id, indicatorId: '6.5.2-a', level: 'superb' });
    await db.assessment.put({ id: '0183a1c2-7d3e-7b4f-9a10-00000000000b', title: '' });

    const snapshot = unwrap(await loadAssessment(db, seeded.assessment.id));
    expect(snapshot.invalid).toBe(2);
    expect(snapshot.invalidRows.map((r) => [r.table, r.id])).toEqual([
      ['observation', '0183a1c2-7d3e-7b4f-9a10-00000000000a'],
      ['rating', 'not-a-uuid'],
    ]);
    expect(snapshot.invalidRows[0]!.problems.map((p) => p.path)).toContain('text');
    expect(snapshot.records.observation).toHaveLength(3);
    expect(snapshot.records.rating).toHaveLength(2);

    const list = unwrap(await listAssessments(db));
    expect(list.records.map((a) => a.id)).toEqual([seeded.assessment.id]);
    expect(list.invalid).toBe(1);

    const ofInterview = unwrap(await observationsOfInterview(db, seeded.assessment.id, seeded.interview.id));
    expect(ofInterview.invalid).toBe(0); // the corrupt one has no interviewId, so no index entry
    const ofIndicator = unwrap(await ratingsOfIndicator(db, seeded.assessment.id, '6.5.2-a'));
    expect(ofIndicator.records).toHaveLength(2);
    expect(ofIndicator.invalid).toBe(1);

    const one = unwrap(await getRecord(db, 'observation', '0183a1c2-7d3e-7b4f-9a10-00000000000a'));
    expect(one.record).toBeUndefined();
    expect(one.invalidRow?.problems.length).toBeGreaterThan(0);

    // A damaged record can still be repaired by an edit that makes it valid again.
    const damagedNote = { ...seeded.note, kind: 'scribble' };
    await db.observation.put(damagedNote);
    expect(unwrap(await getRecord(db, 'observation', seeded.note.id)).record).toBeUndefined();
    unwrap(await test.store.updateFields('observation', seeded.note.id, { kind: 'note' }));
    expect(unwrap(await getRecord(db, 'observation', seeded.note.id)).record).toEqual(seeded.note);
  });
});

describe('listAssessments', () => {
  it('leaves out archived assessments unless asked, and deleted ones always unless asked', async () => {
    const { db, store } = open();
    const current = unwrap(await store.createRecord('assessment', assessmentInput({ startDate: '2024-05-01' }))).record;
    const archived = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Old', status: 'archived', startDate: '2020-01-01' }))).record;
    const deleted = unwrap(await store.createRecord('assessment', assessmentInput({ title: 'Mistake' }))).record;
    unwrap(await store.deleteRecord('assessment', deleted.id));

    expect(unwrap(await listAssessments(db)).records.map((a) => a.id)).toEqual([current.id]);
    expect(unwrap(await listAssessments(db, { includeArchived: true })).records.map((a) => a.id)).toEqual([current.id, archived.id]);
    expect(unwrap(await listAssessments(db, { includeArchived: true, includeDeleted: true })).records).toHaveLength(3);
  });
});

describe('query helpers', () => {
  it('answer the screens’ questions through their indexes', async () => {
    const test = open();
    const s = await seedAssessment(test);
    const { db } = test;
    const ids = (read: { records: readonly { id: string }[] }) => read.records.map((r) => r.id).sort();
    const a = s.assessment.id;

    expect(ids(unwrap(await observationsOfInterview(db, a, s.interview.id)))).toEqual([s.note.id, s.quote.id].sort());
    expect(ids(unwrap(await observationsOfInterview(db, a, null)))).toEqual([s.desk.id]);
    expect(ids(unwrap(await observationsOfAuthor(db, a, s.anna.id)))).toEqual([s.note.id, s.desk.id].sort());
    expect(ids(unwrap(await ratingsOfIndicator(db, a, '6.5.2-a')))).toEqual([s.annaRating.id, s.davitRating.id].sort());
    expect(ids(unwrap(await ratingsOfIndicator(db, a, '6.1.1-a')))).toEqual([]);
    expect(ids(unwrap(await ratingsOfAssessor(db, a, s.davit.id)))).toEqual([s.davitRating.id]);
    expect(ids(unwrap(await consensusOfTarget(db, a, '6.5.2')))).toEqual([s.consensus.id]);
    expect(ids(unwrap(await findingsOfPillar(db, a, 'data-management')))).toEqual([s.finding.id]);
    expect(ids(unwrap(await interviewsOfInstitution(db, s.ms.id)))).toEqual([s.interview.id]);
    expect(ids(unwrap(await intervieweesOfInterview(db, a, s.interview.id)))).toEqual([s.interviewee.id]);
    expect(ids(unwrap(await attachmentsOfObservation(db, a, s.note.id)))).toEqual([s.attachment.id]);

    unwrap(await test.store.deleteRecord('observation', s.quote.id));
    expect(ids(unwrap(await observationsOfInterview(db, a, s.interview.id)))).toEqual([s.note.id]);
    expect(ids(unwrap(await observationsOfInterview(db, a, s.interview.id, { includeDeleted: true })))).toHaveLength(2);
  });
});

describe('change log and outbox hooks', () => {
  it('versionVector and changesSince move exactly the logged changes', async () => {
    const test = open();
    const { store, clock } = test;
    const { record, changes } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const node = unwrap(await store.nodeId());
    const vector = unwrap(await store.versionVector());
    expect(vector).toEqual({ [node]: changes.at(-1)!.hlc });

    expect(unwrap(await store.changesSince({})).changes).toEqual(changes);
    expect(unwrap(await store.changesSince(vector)).changes).toEqual([]);
    clock.advance(10);
    const update = unwrap(await store.updateFields('assessment', record.id, { notes: 'later' }));
    expect(unwrap(await store.changesSince(vector)).changes).toEqual(update.changes);

    const bad = await store.changesSince({ nothex: 'yesterday' });
    expect(bad.ok === false && bad.error.kind).toBe('invalid');

    // A damaged log row is skipped and reported, not allowed to block an export.
    await test.db.changeLog.put({ hlc: 'garbage' } as never);
    const all = unwrap(await store.changesSince({}));
    // The update replaced the create's `notes` change of the same node: compacted away.
    expect(all.changes).toHaveLength(changes.length);
    expect(all.changes).toContainEqual(update.changes[0]);
    expect(all.invalid).toBe(1);
  });

  it('acknowledging pushed changes keeps a field that was edited again meanwhile', async () => {
    const { store, clock } = open();
    const { record } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const pushed = unwrap(await store.pendingChanges()).changes;
    clock.advance(10);
    const edit = unwrap(await store.updateFields('assessment', record.id, { title: 'edited during the push' }));
    expect(unwrap(await store.acknowledgeChanges(pushed))).toBe(pushed.length - 1);
    expect(unwrap(await store.pendingChanges()).changes).toEqual(edit.changes);
  });
});
