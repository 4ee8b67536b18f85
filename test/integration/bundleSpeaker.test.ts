/**
 * "Who said it" (an observation's intervieweeId, issue 9 item 6) travels like every note field:
 * set, changed and cleared on one device, through bundles into another, by the field-level change
 * log; and a note stored before the field existed (no intervieweeId at all) still reads back valid.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { exportBundle } from '../../src/exchange/exportBundle';
import { applyImport } from '../../src/exchange/importBundle';
import type { MmdmaDatabase } from '../../src/storage/databaseSchema';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { assessmentInput, assessorInput, observationInput, openTestStore, unwrap, type TestStore } from './support/storageTestKit';

const SPEAKER = '0190a000-0000-7000-8000-0000000000aa';
const opened: MmdmaDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
function open(seed: number, label: string): TestStore {
  const test = openTestStore({ seed, label });
  opened.push(test.db);
  return test;
}

async function carry(from: TestStore, to: TestStore, assessmentId: string): Promise<void> {
  const exported = unwrap(await exportBundle(from.store, { assessmentId, includeAttachments: false, createdBy: { name: 'Anna Petrosyan' }, now: from.clock.now }));
  const report = unwrap(await applyImport(to.store, unwrap(await readBundle(exported.blob, {}))));
  expect(report.invalid).toBe(0);
}

async function noteOn(device: TestStore, assessmentId: string, noteId: string) {
  const snapshot = unwrap(await loadAssessment(device.db, assessmentId, { includeDeleted: true }));
  expect(snapshot.invalid).toBe(0);
  return snapshot.records.observation.find((note) => note.id === noteId);
}

describe('who said it, between devices', () => {
  it('is carried when set, changed and cleared; a note without it stays valid', async () => {
    const a = open(31, 'a');
    const b = open(32, 'b');
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const old = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
    const quote = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { kind: 'quote', intervieweeId: SPEAKER }))).record;

    await carry(a, b, assessment.id);
    expect((await noteOn(b, assessment.id, quote.id))?.intervieweeId).toBe(SPEAKER);
    const before = await noteOn(b, assessment.id, old.id);
    expect(before).toBeDefined();
    expect(before && 'intervieweeId' in before).toBe(false);

    unwrap(await a.store.updateFields('observation', quote.id, { intervieweeId: null }));
    await carry(a, b, assessment.id);
    expect((await noteOn(b, assessment.id, quote.id))?.intervieweeId).toBeNull();
  });

  it('refuses an interviewee id that is not an id, and changes nothing', async () => {
    const a = open(33, 'a');
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const note = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
    const refused = await a.store.updateFields('observation', note.id, { intervieweeId: 'Aram' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind).toBe('invalid');
    expect((await noteOn(a, assessment.id, note.id))?.intervieweeId).toBeUndefined();
  });
});
