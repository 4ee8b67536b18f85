/**
 * The conflicts table (DESIGN §5): importing a bundle keeps, for the lead to review, the value that
 * last-writer-wins set aside when two people changed the same field without seeing each other's
 * change — whichever side lost, in the transaction that merged, exactly once — and nothing for
 * ordinary sequential corrections. Real stores (fake-indexeddb), real bundles.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readBundle, type VerifiedBundle } from '../../src/exchange/bundle/readBundle';
import { exportBundle } from '../../src/exchange/exportBundle';
import { applyImport, previewImport } from '../../src/exchange/importBundle';
import { getRecord } from '../../src/storage/recordQueries';
import { assessmentInput, assessorInput, dumpDatabase, testStoresDeletedAfterEach, unwrap, type TestStore } from './support/storageTestKit';

const openStore = testStoresDeletedAfterEach();
const open = (seed: number, label: string): TestStore => openStore({ seed, label });

async function bundleOf(device: TestStore, assessmentId: string, name: string): Promise<VerifiedBundle> {
  const exported = unwrap(await exportBundle(device.store, { assessmentId, includeAttachments: false, createdBy: { name }, now: device.clock.now }));
  return unwrap(await readBundle(exported.blob));
}

/** A (the lead) and B (an assessor) both hold the same assessment. */
async function twoDevices() {
  const a = open(31, 'lead');
  const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
  unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id, { name: 'Anna Petrosyan', role: 'lead' })));
  const b = open(32, 'assessor');
  unwrap(await applyImport(b.store, await bundleOf(a, assessment.id, 'Anna Petrosyan')));
  return { a, b, assessmentId: assessment.id };
}

describe('the conflicts table', () => {
  it('keeps the local value an import replaced, and the incoming value that lost, each once', async () => {
    const { a, b, assessmentId } = await twoDevices();
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { title: 'MMDMA Armenia 2022 (lead draft)' }));
    b.clock.advance(2_000);
    unwrap(await b.store.updateFields('assessment', assessmentId, { title: 'MMDMA Republic of Armenia 2022' }));

    // Both send before either imports. B's title is newer: importing B's bundle on A replaces A's
    // title, and keeps A's for review.
    const fromA = await bundleOf(a, assessmentId, 'Anna Petrosyan');
    const fromB = await bundleOf(b, assessmentId, 'Aram Grigoryan');
    const preview = unwrap(await previewImport(a.store, fromB));
    expect(preview.conflictCount).toBe(1);
    const onA = unwrap(await applyImport(a.store, fromB));
    expect(onA.conflictsRecorded).toBe(1);
    const aConflicts = unwrap(await a.store.listConflicts(assessmentId));
    expect(aConflicts.invalid).toBe(0);
    expect(aConflicts.conflicts).toEqual([
      expect.objectContaining({
        assessmentId,
        table: 'assessment',
        id: assessmentId,
        field: 'title',
        kept: expect.objectContaining({ value: 'MMDMA Republic of Armenia 2022', node: unwrap(await b.store.nodeId()) }),
        lost: expect.objectContaining({ value: 'MMDMA Armenia 2022 (lead draft)', node: unwrap(await a.store.nodeId()) }),
        lostSide: 'local',
        source: { kind: 'bundle', id: fromB.manifest.bundleId, by: 'Aram Grigoryan' },
        reviewedAt: null,
      }),
    ]);
    expect(unwrap(await getRecord(a.db, 'assessment', assessmentId)).record?.title).toBe('MMDMA Republic of Armenia 2022');

    // A's bundle on B: A's title loses to B's newer one; B keeps A's as the incoming value that lost.
    const onB = unwrap(await applyImport(b.store, fromA));
    expect(onB.conflictsRecorded).toBe(1);
    const [onBConflict] = unwrap(await b.store.listConflicts(assessmentId)).conflicts;
    expect(onBConflict).toMatchObject({ lostSide: 'incoming', lost: { value: 'MMDMA Armenia 2022 (lead draft)' }, kept: { value: 'MMDMA Republic of Armenia 2022' } });
    // The same pair, seen from both sides: the same losing version.
    expect(onBConflict!.lostHlc).toBe(aConflicts.conflicts[0]!.lostHlc);

    // Importing the same bundles again records nothing and changes nothing at all.
    for (const [device, bundle] of [
      [a, fromB],
      [b, fromA],
    ] as const) {
      const before = await dumpDatabase(device.db);
      const again = unwrap(await applyImport(device.store, bundle));
      expect(again).toMatchObject({ conflictsRecorded: 0, nothingChanged: true });
      expect(await dumpDatabase(device.db)).toEqual(before);
    }
  });

  it('records nothing for a correction made after seeing the other value, for equal values, or for one author', async () => {
    const { a, b, assessmentId } = await twoDevices();
    // B corrects the title, A imports it, then A corrects B's correction: sequential, not concurrent.
    b.clock.advance(1_000);
    unwrap(await b.store.updateFields('assessment', assessmentId, { title: 'MMDMA Armenia 2022, v2' }));
    unwrap(await applyImport(a.store, await bundleOf(b, assessmentId, 'Aram')));
    a.clock.advance(2_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { title: 'MMDMA Armenia 2022, v3' }));
    expect(unwrap(await applyImport(b.store, await bundleOf(a, assessmentId, 'Anna'))).conflictsRecorded).toBe(0);
    // B's old bundle arriving late at A (B's v2 is in A's change log): still no conflict.
    expect(unwrap(await applyImport(a.store, await bundleOf(b, assessmentId, 'Aram'))).conflictsRecorded).toBe(0);

    // Both typed the same country independently: nothing to review.
    a.clock.advance(1_000);
    b.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { country: 'Republic of Armenia' }));
    unwrap(await b.store.updateFields('assessment', assessmentId, { country: 'Republic of Armenia' }));
    expect(unwrap(await applyImport(a.store, await bundleOf(b, assessmentId, 'Aram'))).conflictsRecorded).toBe(0);
    expect(unwrap(await a.store.listConflicts(assessmentId)).conflicts).toEqual([]);
    expect(unwrap(await b.store.listConflicts(assessmentId)).conflicts).toEqual([]);
  });

  it('is written with the batch that merges: an import stopped before that batch has recorded nothing yet', async () => {
    const { a, b, assessmentId } = await twoDevices();
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { title: 'Lead title' }));
    b.clock.advance(2_000);
    // Enough newer changes from B that the title change sits in the last batch of three.
    unwrap(await b.store.updateFields('assessment', assessmentId, { title: 'Assessor title' }));
    for (let i = 0; i < 4; i++) unwrap(await b.store.createRecord('assessor', assessorInput(assessmentId, { name: `Assessor ${i}` })));
    const fromB = await bundleOf(b, assessmentId, 'Aram');
    const controller = new AbortController();
    let batches = 0;
    const stopped = await applyImport(a.store, fromB, {
      batchChanges: 1,
      onProgress: (progress) => {
        if (progress.stage === 'changes' && ++batches === 1) controller.abort();
      },
      signal: controller.signal,
    });
    expect(!stopped.ok && stopped.error.code).toBe('aborted');
    expect(unwrap(await a.store.listConflicts(assessmentId)).conflicts).toEqual([]);
    expect(unwrap(await getRecord(a.db, 'assessment', assessmentId)).record?.title).toBe('Lead title');
    const completed = unwrap(await applyImport(a.store, fromB));
    expect(completed.conflictsRecorded).toBe(1);
    expect(unwrap(await a.store.listConflicts(assessmentId)).conflicts.map((c) => c.lost.value)).toEqual(['Lead title']);
  });

  it('is reviewed on the device, skips damaged rows, and stays out of bundles', async () => {
    const { a, b, assessmentId } = await twoDevices();
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { title: 'Lead title' }));
    b.clock.advance(2_000);
    unwrap(await b.store.updateFields('assessment', assessmentId, { title: 'Assessor title' }));
    unwrap(await applyImport(a.store, await bundleOf(b, assessmentId, 'Aram')));
    const [conflict] = unwrap(await a.store.listConflicts(assessmentId)).conflicts;

    a.clock.advance(60_000);
    expect(unwrap(await a.store.markConflictReviewed(conflict!.lostHlc))).toBe(true);
    expect(unwrap(await a.store.listConflicts(assessmentId)).conflicts[0]!.reviewedAt).toBe(new Date(a.clock.now()).toISOString());
    expect(unwrap(await a.store.markConflictReviewed(conflict!.lostHlc, false))).toBe(true);
    expect(unwrap(await a.store.listConflicts(assessmentId)).conflicts[0]!.reviewedAt).toBeNull();
    expect(unwrap(await a.store.markConflictReviewed('0'.repeat(12)))).toBe(false);

    await a.db.conflicts.put({ ...conflict!, lostHlc: `${conflict!.lostHlc.slice(0, -1)}0`, kept: 'not a version' } as never);
    const read = unwrap(await a.store.listConflicts(assessmentId));
    expect(read.conflicts).toHaveLength(1);
    expect(read.invalid).toBe(1);

    // Conflicts are this device's review list: a bundle carries changes and attachments only.
    const exported = unwrap(await exportBundle(a.store, { assessmentId, includeAttachments: false, createdBy: { name: 'Anna' }, now: a.clock.now }));
    expect(await exported.blob.text()).not.toContain('lostHlc');
  });

  it('is not recorded for changes of unknown provenance (no sender vector given)', async () => {
    const { a, b, assessmentId } = await twoDevices();
    a.clock.advance(1_000);
    unwrap(await a.store.updateFields('assessment', assessmentId, { title: 'Lead title' }));
    b.clock.advance(2_000);
    unwrap(await b.store.updateFields('assessment', assessmentId, { title: 'Assessor title' }));
    const report = unwrap(await a.store.applyChanges((await bundleOf(b, assessmentId, 'Aram')).changes));
    expect(report.conflictsRecorded).toBe(0);
    expect(await a.db.conflicts.count()).toBe(0);
  });
});
