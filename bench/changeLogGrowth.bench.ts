/**
 * Storage growth of the change log over a four-hour interview (issue 10, item 7), through the real
 * store on fake-indexeddb: the baseline is what the log held before compaction — every change any
 * write made, since every one was logged — measured in the same run as the sum of the changes the
 * writes returned; the subject is what the log holds now. Bytes are the JSON of the rows (what an
 * IndexedDB row of strings costs, give or take its structured-clone framing).
 *
 * The interview: one assessor, four hours, a new note about every 2 minutes (120 notes), each typed
 * for its 2 minutes with the autosave firing every 1.5 s of typing (80 saves a note, the text
 * growing by about 8 characters a save to ~640 characters), a tag change on every fourth note and
 * a suggested level on every third — 9,600 text saves in all.
 */
import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { createStore, openDatabase } from '../src/storage';
import { assessmentInput, assessorInput, institutionInput, interviewInput, observationInput, seededRandomBytes, testClock, unwrap } from '../test/integration/support/storageTestKit';

const HOURS = 4;
const NOTE_EVERY_MS = 120_000;
const SAVE_EVERY_MS = 1_500;
const CHARS_PER_SAVE = 8;

it('change log: a four-hour interview before and after compaction', async () => {
  const db = openDatabase(`bench-changelog-${Date.now()}`);
  const clock = testClock();
  const store = createStore(db, { now: clock.now, randomBytes: seededRandomBytes(3) });
  const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
  const assessor = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
  const institution = unwrap(await store.createRecord('institution', institutionInput(assessment.id))).record;
  const interview = unwrap(await store.createRecord('interview', interviewInput(assessment.id, institution.id))).record;

  let everyChangeBytes = 0;
  let everyChange = 0;
  const count = (changes: readonly unknown[]) => {
    everyChange += changes.length;
    for (const change of changes) everyChangeBytes += JSON.stringify(change).length;
  };
  const notes = (HOURS * 3_600_000) / NOTE_EVERY_MS;
  const savesPerNote = NOTE_EVERY_MS / SAVE_EVERY_MS;
  const words = 'the registry exchanges data with the border guard in real time but not yet with consular posts '.split(' ');
  const started = performance.now();
  for (let n = 0; n < notes; n++) {
    const created = unwrap(await store.createRecord('observation', observationInput(assessment.id, assessor.id, interview.id, { text: '' })));
    count(created.changes);
    let text = '';
    for (let s = 0; s < savesPerNote; s++) {
      clock.advance(SAVE_EVERY_MS);
      while (text.length < (s + 1) * CHARS_PER_SAVE) text += `${words[(n + text.length) % words.length]} `;
      const patch = { text, ...(s === savesPerNote / 2 && n % 4 === 0 ? { tags: [{ subTopicId: '6.5.1', trackIds: ['migration'] }] } : {}), ...(s === savesPerNote - 1 && n % 3 === 0 ? { suggestedLevel: 'developing' as const } : {}) };
      count(unwrap(await store.updateFields('observation', created.record.id, patch)).changes);
    }
  }
  const elapsedMs = performance.now() - started;
  const rows = await db.changeLog.toArray();
  const logBytes = rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0);
  const outbox = await db.outbox.count();
  console.log(
    [
      `change log after a ${HOURS}-hour interview (${notes} notes, ${notes * savesPerNote} text saves, ${everyChange} changes written):`,
      `  before compaction (every change logged): ${everyChange} rows, ${(everyChangeBytes / 1_048_576).toFixed(2)} MiB`,
      `  after compaction (this build):           ${rows.length} rows, ${(logBytes / 1_048_576).toFixed(3)} MiB`,
      `  ratio after/before: rows ${(rows.length / everyChange).toFixed(4)}, bytes ${(logBytes / everyChangeBytes).toFixed(4)} (${(everyChangeBytes / logBytes).toFixed(1)}x smaller)`,
      `  outbox: ${outbox} rows (one per field); ${(elapsedMs / (notes * savesPerNote)).toFixed(2)} ms per save on fake-indexeddb`,
    ].join('\n'),
  );
  db.close();
  await db.delete();
});
