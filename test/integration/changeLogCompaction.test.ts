/**
 * The change log no longer keeps every superseded version of a field (issue 10, item 7), and what
 * sync and bundles rely on survives: version vectors stay exact, "what does a peer with vector V
 * lack" still gives it every winner, and a concurrent edit by another device stays in the log.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { versionVector } from '../../src/core/merge/versionVector';
import { assessmentInput, assessorInput, observationInput, testStoresDeletedAfterEach, unwrap } from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

async function noteOn(device: ReturnType<typeof open>) {
  const assessment = unwrap(await device.store.createRecord('assessment', assessmentInput())).record;
  const assessor = unwrap(await device.store.createRecord('assessor', assessorInput(assessment.id))).record;
  const note = unwrap(await device.store.createRecord('observation', observationInput(assessment.id, assessor.id, null))).record;
  return { assessment, note };
}

describe('change log compaction', () => {
  it('an hour of autosaves of one note keeps one version in the log, the newest, and an exact vector', async () => {
    const a = open({ seed: 1 });
    const { note } = await noteOn(a);
    const written = [];
    for (let i = 0; i < 2_400; i++) {
      a.clock.advance(1_500);
      written.push(...unwrap(await a.store.updateFields('observation', note.id, { text: `draft ${i} ${'words '.repeat(i % 200)}` })).changes);
    }
    const log = unwrap(await a.store.changesSince({})).changes;
    const texts = log.filter((c) => c.id === note.id && c.field === 'text');
    expect(texts).toEqual([written.at(-1)]);
    // The vector is what it would be over every change ever written.
    expect(unwrap(await a.store.versionVector())).toEqual(versionVector(written));
    expect(unwrap(await a.store.pendingChanges()).changes.filter((c) => c.field === 'text')).toEqual([written.at(-1)]);
  });

  it('a peer that saw an older version is sent the newest; incoming versions of one node compact too; another node’s edit stays', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const { assessment, note } = await noteOn(a);
    const first = unwrap(await a.store.assessmentChangesSince(assessment.id, {}));
    unwrap(await b.store.applyChanges(first.changes));
    const seenByB = first.versionVector;

    for (let i = 0; i < 20; i++) {
      a.clock.advance(1_000);
      unwrap(await a.store.updateFields('observation', note.id, { text: `take ${i}` }));
    }
    const lacking = unwrap(await a.store.assessmentChangesSince(assessment.id, seenByB));
    expect(lacking.changes.map((c) => c.value)).toEqual(['take 19']);
    unwrap(await b.store.applyChanges(lacking.changes));
    expect((await b.db.observation.get(note.id))?.text).toBe('take 19');
    // On B, A's older text version was replaced by A's newer one: compacted there too.
    const textsOnB = unwrap(await b.store.changesSince({})).changes.filter((c) => c.field === 'text');
    expect(textsOnB.map((c) => c.value)).toEqual(['take 19']);
    expect(unwrap(await b.store.versionVector())).toEqual(unwrap(await a.store.versionVector()));

    // B edits the same note (another node): A keeps both nodes' versions, so both vectors stay exact.
    b.clock.set(a.clock.now() + 5_000);
    unwrap(await b.store.updateFields('observation', note.id, { text: 'B corrects it' }));
    const fromB = unwrap(await b.store.assessmentChangesSince(assessment.id, unwrap(await a.store.assessmentChangesSince(assessment.id, {})).versionVector));
    expect(fromB.changes.map((c) => c.value)).toEqual(['B corrects it']);
    a.clock.set(b.clock.now() + 1_000);
    unwrap(await a.store.applyChanges(fromB.changes));
    const textsOnA = unwrap(await a.store.changesSince({})).changes.filter((c) => c.field === 'text');
    expect(textsOnA.map((c) => c.value)).toEqual(['take 19', 'B corrects it']);
    expect(unwrap(await a.store.versionVector())).toEqual(unwrap(await b.store.versionVector()));
  });
});
