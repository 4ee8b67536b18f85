/**
 * applyChanges: replicas that exchange their change logs in any order, any number of times, end
 * with identical records (the merge laws of the core, now through IndexedDB).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordSchemas, tableNames } from '../../src/core/assessment/recordSchemas';
import { formatHlc, MAX_DRIFT_MS, parseHlc } from '../../src/core/clock/hlc';
import type { Change } from '../../src/core/merge/change';
import { materialise } from '../../src/core/merge/mergeChanges';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { getRecord } from '../../src/storage/recordQueries';
import {
  assessmentInput,
  assessorInput,
  consensusInput,
  dumpDatabase,
  observationInput,
  openTestStore,
  ratingInput,
  T0,
  testStoresDeletedAfterEach,
  unwrap,
  type TestStore,
} from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

async function logOf(test: TestStore): Promise<Change[]> {
  const read = unwrap(await test.store.changesSince({}));
  expect(read.invalid).toBe(0);
  return [...read.changes];
}

async function fieldVersionsOf(test: TestStore) {
  const rows = await test.db.fieldVersions.toArray();
  return rows.sort((a, b) => (a.table + a.id + a.field < b.table + b.id + b.field ? -1 : 1));
}

/**
 * Three devices of a team on one assessment: a shared start, then a day of offline work with
 * concurrent edits of shared fields (assessment title, the consensus), the same natural-key rating
 * from two devices of one assessor, a delete, and per-author notes.
 */
async function threeReplicasAfterADay() {
  const a = open({ seed: 11, label: 'a' });
  const b = open({ seed: 22, label: 'b' });
  const c = open({ seed: 33, label: 'c' });
  const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
  const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
  const start = await logOf(a);
  for (const replica of [b, c]) expect(unwrap(await replica.store.applyChanges(start)).applied).toBe(start.length);

  // The devices' clocks are close but not equal; edits interleave in time.
  a.clock.set(T0 + 60_000);
  b.clock.set(T0 + 60_000); // same millisecond as A: the node id breaks the tie
  c.clock.set(T0 + 61_000);

  unwrap(await a.store.updateFields('assessment', assessment.id, { title: 'Armenia (A)' }));
  unwrap(await b.store.updateFields('assessment', assessment.id, { title: 'Armenia (B)', notes: 'B was here' }));
  unwrap(await c.store.updateFields('assessment', assessment.id, { status: 'rating' }));

  const note = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null))).record;
  unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'From the tablet' })));
  // Anna rates the same indicator on her laptop (A) and her tablet (C): one record, merged per field.
  unwrap(await a.store.createRecord('rating', ratingInput(assessment.id, anna.id, { level: 'developing', rationale: 'laptop' })));
  c.clock.advance(5_000);
  unwrap(await c.store.createRecord('rating', ratingInput(assessment.id, anna.id, { level: 'established' })));
  // The lead's consensus, set on two devices.
  unwrap(await b.store.createRecord('consensus', consensusInput(assessment.id, anna.id, { level: 'developing', rationale: 'B' })));
  unwrap(await c.store.createRecord('consensus', consensusInput(assessment.id, anna.id, { level: 'established', rationale: 'C' })));
  a.clock.advance(10_000);
  unwrap(await a.store.updateFields('observation', note.id, { text: 'Corrected note' }));
  unwrap(await a.store.deleteRecord('assessor', anna.id));

  return { a, b, c, assessmentId: assessment.id };
}

describe('applyChanges', () => {
  it('three replicas exchanging their logs in different orders end with identical records', async () => {
    const { a, b, c, assessmentId } = await threeReplicasAfterADay();
    const [la, lb, lc] = [await logOf(a), await logOf(b), await logOf(c)];

    unwrap(await a.store.applyChanges(lb));
    unwrap(await a.store.applyChanges(lc));
    unwrap(await b.store.applyChanges(lc));
    unwrap(await b.store.applyChanges(la));
    unwrap(await c.store.applyChanges([...la, ...lb].reverse()));
    // A fourth, fresh device receives every change one at a time, newest first.
    const d = open({ seed: 44, label: 'd' });
    for (const change of [...lc, ...la, ...lb].sort((x, y) => (x.hlc < y.hlc ? 1 : -1))) unwrap(await d.store.applyChanges([change]));

    const snapshots = await Promise.all([a, b, c, d].map(async (r) => unwrap(await loadAssessment(r.db, assessmentId, { includeDeleted: true }))));
    for (const snapshot of snapshots) {
      expect(snapshot.invalid).toBe(0);
      expect(snapshot).toEqual(snapshots[0]);
    }
    const versions = await Promise.all([a, b, c, d].map(fieldVersionsOf));
    for (const v of versions) expect(v).toEqual(versions[0]);

    // …and they equal what the pure core makes of the union of all logs.
    const expected = materialise([...la, ...lb, ...lc]);
    for (const table of tableNames) {
      for (const [id, record] of expected.get(table) ?? []) {
        const stored = unwrap(await getRecord(a.db, table, id, { includeDeleted: true })).record;
        expect(stored).toEqual(recordSchemas[table].parse(record));
      }
    }

    const merged = snapshots[0]!;
    // Last writer wins per field. A and B retitled in the same millisecond with the same counter:
    // the larger node id breaks the tie, identically everywhere.
    const [nodeA, nodeB] = [unwrap(await a.store.nodeId()), unwrap(await b.store.nodeId())];
    expect(merged.assessment).toMatchObject({ title: nodeA > nodeB ? 'Armenia (A)' : 'Armenia (B)', status: 'rating', notes: 'B was here' });
    expect(merged.records.rating).toHaveLength(1);
    expect(merged.records.rating[0]).toMatchObject({ level: 'established', rationale: 'laptop' });
    expect(merged.records.consensus).toHaveLength(1);
    expect(merged.records.consensus[0]).toMatchObject({ level: 'established', rationale: 'C' });
    expect(merged.records.assessor[0]?.deleted).toBe(true);
    expect(merged.records.observation.map((o) => o.text).sort()).toEqual(['Corrected note', 'From the tablet']);
  });

  it('is idempotent: re-applying changes nothing, and a replica re-applying its own log sees only duplicates', async () => {
    const { a, b, c } = await threeReplicasAfterADay();
    const [la, lb, lc] = [await logOf(a), await logOf(b), await logOf(c)];
    for (const [replica, logs] of [
      [a, [lb, lc]],
      [b, [lc, la]],
      [c, [la, lb]],
    ] as const) {
      for (const log of logs) unwrap(await replica.store.applyChanges(log));
    }

    for (const replica of [a, b, c]) {
      const before = await dumpDatabase(replica.db);
      for (const log of [la, lb, lc]) {
        const again = unwrap(await replica.store.applyChanges(log));
        expect(again.applied).toBe(0);
        expect(again.invalid).toBe(0);
        expect(again.duplicate + again.stale).toBe(log.length);
      }
      expect(await dumpDatabase(replica.db)).toEqual(before);

      const own = await logOf(replica);
      const replay = unwrap(await replica.store.applyChanges(own));
      expect(replay).toMatchObject({ applied: 0, stale: 0, invalid: 0, duplicate: own.length });
    }

    // A fresh replica applying a log twice: the second time, every change it applied is a duplicate.
    const d = open({ seed: 44, label: 'd' });
    const union = [...la, ...lb, ...lc];
    const first = unwrap(await d.store.applyChanges(union));
    expect(first.applied).toBeGreaterThan(0);
    const second = unwrap(await d.store.applyChanges(union));
    expect(second).toMatchObject({ applied: 0, duplicate: first.applied + first.duplicate, stale: first.stale, invalid: 0 });
  });

  it('stale changes lose: an older value arriving later does not overwrite a newer one', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    unwrap(await b.store.applyChanges(await logOf(a)));
    a.clock.advance(1_000);
    const older = unwrap(await a.store.updateFields('assessment', assessment.id, { title: 'older' })).changes;
    b.clock.advance(2_000);
    unwrap(await b.store.updateFields('assessment', assessment.id, { title: 'newer' }));

    const result = unwrap(await b.store.applyChanges(older));
    expect(result).toMatchObject({ applied: 0, stale: 1, duplicate: 0, invalid: 0 });
    expect(unwrap(await getRecord(b.db, 'assessment', assessment.id)).record?.title).toBe('newer');
    // The loser is not logged either: the change log holds what won here.
    expect(await b.db.changeLog.get(older[0]!.hlc)).toBeUndefined();

    // Within one batch, too: the newest change per field wins whatever the order.
    const c = open({ seed: 3, label: 'c' });
    const union = [...(await logOf(b)), ...older];
    const merged = unwrap(await c.store.applyChanges(union.reverse()));
    expect(merged.stale).toBe(2); // the title set at creation, and A's "older"
    expect(merged.applied).toBe(union.length - 2);
    expect(unwrap(await getRecord(c.db, 'assessment', assessment.id)).record?.title).toBe('newer');
  });

  it('moves the local clock past every change received, so the next local edit wins over it', async () => {
    const a = open({ seed: 1, label: 'a', start: T0 + 120_000 }); // A's clock runs two minutes ahead
    const b = open({ seed: 2, label: 'b' });
    const { record } = unwrap(await a.store.createRecord('assessment', assessmentInput()));
    unwrap(await b.store.applyChanges(await logOf(a)));
    const local = unwrap(await b.store.updateFields('assessment', record.id, { title: 'edited on B' })).changes[0]!;
    const newestFromA = (await logOf(a)).at(-1)!;
    expect(local.hlc.slice(0, 20) > newestFromA.hlc.slice(0, 20)).toBe(true);
    unwrap(await a.store.applyChanges([local]));
    expect(unwrap(await getRecord(a.db, 'assessment', record.id)).record?.title).toBe('edited on B');
  });

  it('advances the clock once per import, so a large bundle cannot exhaust the counter of one millisecond', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id)));
    const log = await logOf(a);
    expect(log.length).toBeGreaterThan(10);
    // B's clock is at the same millisecond with only a few counter values left (0xffff is the last).
    const nodeB = unwrap(await b.store.nodeId());
    await b.db.meta.put({ key: 'clock', value: { nodeId: nodeB, wallMs: T0, counter: 0xfffa } });

    const result = unwrap(await b.store.applyChanges(log));
    expect(result).toMatchObject({ applied: log.length, invalid: 0 });
    expect(await b.db.meta.get('clock')).toEqual({ key: 'clock', value: { nodeId: nodeB, wallMs: T0, counter: 0xfffb } });
  });

  it('counts and explains invalid changes, and still applies the valid ones', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    unwrap(await a.store.createRecord('assessment', assessmentInput()));
    const good = await logOf(a);
    const [first, second] = good as [Change, Change];
    const aNode = first.node;
    const future = formatHlc({ wallMs: T0 + MAX_DRIFT_MS + 60_000, counter: 0, nodeId: aNode });

    const input: unknown[] = [
      ...good,
      { ...first, hlc: 'yesterday' }, // not a timestamp
      { ...first, node: 'ffffffffffffffff' }, // node does not match the timestamp
      { ...first, table: 'people' }, // unknown table
      { ...first, field: '__proto__' }, // reserved field name
      null,
      { ...first, hlc: future, value: 'from the future' }, // the sender's clock is wrong
      { ...second, hlc: first.hlc }, // two fields under one timestamp
    ];
    const result = unwrap(await b.store.applyChanges(input));
    expect(result).toMatchObject({ applied: good.length, invalid: 7, stale: 0, duplicate: 0, nodeIdConflict: false });
    expect(new Set(result.problems.map((p) => p.index))).toEqual(new Set([6, 7, 8, 9, 10, 11, 12].map((i) => i + good.length - 6)));
    for (const problem of result.problems) expect(problem.message).not.toBe('');
    expect(result.problems.find((p) => p.index === good.length + 5)?.message).toMatch(/future/);
    expect(result.problems.find((p) => p.index === good.length + 6)?.message).toMatch(/reuses the timestamp/);
    expect(unwrap(await loadAssessment(b.db, first.id)).assessment?.title).toBe('MMDMA Armenia 2022');
  });

  it('flags a node-id conflict when a change carries this device’s node id but was made elsewhere', async () => {
    const a = open({ seed: 1, label: 'a' });
    const clone = open({ seed: 1, label: 'clone' }); // same seed: same node id, as after cloning a profile
    const node = unwrap(await a.store.nodeId());
    expect(unwrap(await clone.store.nodeId())).toBe(node);
    const { record } = unwrap(await clone.store.createRecord('assessment', assessmentInput()));
    const fromClone = await logOf(clone);

    const result = unwrap(await a.store.applyChanges(fromClone));
    expect(result.nodeIdConflict).toBe(true);
    expect(result.applied).toBe(0);

    // The fix: a new node id, then the clone's changes are ordinary remote changes.
    unwrap(await a.store.resetNodeId());
    const retry = unwrap(await a.store.applyChanges(fromClone));
    expect(retry).toMatchObject({ applied: fromClone.length, nodeIdConflict: false });
    expect(unwrap(await getRecord(a.db, 'assessment', record.id)).record).toEqual(record);
  });

  it('stores a record that is incomplete after a merge, reports it, and shows it once complete', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const { record } = unwrap(await a.store.createRecord('assessment', assessmentInput()));
    const log = await logOf(a);
    const missing = log.find((change) => change.field === 'country')!;
    const partial = log.filter((change) => change !== missing);

    const first = unwrap(await b.store.applyChanges(partial));
    expect(first.applied).toBe(partial.length);
    expect(first.invalidRecords).toEqual([{ table: 'assessment', id: record.id, problems: [expect.objectContaining({ path: 'country' })] }]);
    expect(await b.db.fieldVersions.where('[table+id]').equals(['assessment', record.id]).count()).toBe(partial.length);
    const read = unwrap(await loadAssessment(b.db, record.id));
    expect(read.assessment).toBeUndefined();
    expect(read.invalid).toBe(1);

    const second = unwrap(await b.store.applyChanges([missing]));
    expect(second).toMatchObject({ applied: 1, invalidRecords: [] });
    expect(unwrap(await loadAssessment(b.db, record.id)).assessment).toEqual(record);
  });

  it('a change whose timestamp the clock cannot parse never reaches the database', async () => {
    const b = open({ seed: 2 });
    const before = await dumpDatabase(b.db);
    const result = unwrap(await b.store.applyChanges([{ hlc: 1, node: 2 }]));
    expect(result).toMatchObject({ applied: 0, invalid: 1 });
    expect(await dumpDatabase(b.db)).toEqual(before);
    expect(parseHlc('nonsense')).toBeNull();
  });
});

/**
 * applyChanges rebuilds the records a batch touches in memory, from the field versions it reads in
 * bulk and the winners it decides: records new to this device are not read back at all, existing
 * ones keep the fields the batch does not carry. These tests pin that down against the pure core.
 */
describe('applyChanges: rebuilding the records a batch touches', () => {
  /** The record tables and field versions, the part of a database that must not depend on batching. */
  async function recordsAndVersionsOf(test: TestStore) {
    const dump = await dumpDatabase(test.db);
    return Object.fromEntries(Object.entries(dump).filter(([name]) => (tableNames as readonly string[]).includes(name) || name === 'fieldVersions'));
  }

  async function expectEqualToCore(test: TestStore, log: readonly Change[]) {
    const expected = materialise(log);
    for (const table of tableNames) {
      const rows = await test.db[table].toArray();
      expect(rows.map((row) => row.id).sort(), table).toEqual([...(expected.get(table)?.keys() ?? [])].sort());
      for (const [id, record] of expected.get(table) ?? []) {
        expect(unwrap(await getRecord(test.db, table, id, { includeDeleted: true })).record, `${table} ${id}`).toEqual(recordSchemas[table].parse(record));
      }
    }
  }

  it('one batch with new records and edits of existing ones rebuilds both from all their field versions', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const notes = [];
    for (const text of ['first', 'second', 'third']) {
      notes.push(unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text }))).record);
    }
    const shared = await logOf(a);
    unwrap(await b.store.applyChanges(shared));

    a.clock.advance(60_000);
    // Edits of fields B holds, a field B has never seen on a record B holds (`source` is optional,
    // so creating the note did not write it), a delete, and records B does not have at all.
    unwrap(await a.store.updateFields('observation', notes[0]!.id, { text: 'first, corrected' }));
    unwrap(await a.store.updateFields('observation', notes[1]!.id, { source: 'Law on Foreigners, art. 12' }));
    unwrap(await a.store.deleteRecord('observation', notes[2]!.id));
    unwrap(await a.store.updateFields('assessment', assessment.id, { title: 'Armenia, second visit' }));
    const fresh = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'new on A' }))).record;
    const lilit = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id, { name: 'Lilit', role: 'assessor' }))).record;
    const log = await logOf(a);
    const newer = log.filter((change) => !shared.some((old) => old.hlc === change.hlc));

    const result = unwrap(await b.store.applyChanges(newer));
    expect(result).toMatchObject({ applied: newer.length, stale: 0, duplicate: 0, invalid: 0, invalidRecords: [] });
    expect(await recordsAndVersionsOf(b)).toEqual(await recordsAndVersionsOf(a));
    await expectEqualToCore(b, log);
    const read = async (id: string) => unwrap(await getRecord(b.db, 'observation', id, { includeDeleted: true })).record;
    expect(await read(notes[0]!.id)).toMatchObject({ text: 'first, corrected', kind: 'note', authorId: anna.id, deleted: false });
    expect(await read(notes[1]!.id)).toMatchObject({ text: 'second', source: 'Law on Foreigners, art. 12' });
    expect(await read(notes[2]!.id)).toMatchObject({ text: 'third', deleted: true });
    expect(await read(fresh.id)).toEqual(fresh);
    expect(unwrap(await getRecord(b.db, 'assessor', lilit.id)).record).toEqual(lilit);
    expect(unwrap(await getRecord(b.db, 'assessment', assessment.id)).record).toEqual(unwrap(await getRecord(a.db, 'assessment', assessment.id)).record);
  });

  it('a record whose changes straddle two batches is incomplete after the first and whole after the second', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const log = await logOf(a);
    const cut = log.findIndex((change) => change.table === 'assessor') + 2;

    const first = unwrap(await b.store.applyChanges(log.slice(0, cut)));
    expect(first.invalidRecords).toEqual([{ table: 'assessor', id: anna.id, problems: expect.any(Array) }]);
    const second = unwrap(await b.store.applyChanges(log.slice(cut)));
    expect(second).toMatchObject({ applied: log.length - cut, invalidRecords: [] });
    expect(unwrap(await getRecord(b.db, 'assessor', anna.id)).record).toEqual(anna);
    expect(await recordsAndVersionsOf(b)).toEqual(await recordsAndVersionsOf(a));
  });

  it('any split of the same changes into batches, in any order, repeated or not, gives the records of the pure core', async () => {
    const { a, b, c } = await threeReplicasAfterADay();
    const union = [...(await logOf(a)), ...(await logOf(b)), ...(await logOf(c))];
    const reference = open({ seed: 9, label: 'reference' });
    unwrap(await reference.store.applyChanges(union));
    await expectEqualToCore(reference, union);
    const expected = await recordsAndVersionsOf(reference);

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(union, { minLength: union.length, maxLength: union.length }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat({ max: union.length - 1 }), { maxLength: 6 }),
        async (order, sizes, repeats) => {
          const d = openTestStore({ seed: 44, label: 'd' });
          try {
            // Some changes arrive twice, in a later batch: they must count as duplicates or stale.
            const input = [...order, ...repeats.map((i) => order[i]!)];
            let start = 0;
            let applied = 0;
            for (let i = 0; start < input.length; i++) {
              const size = sizes[i % sizes.length]!;
              const batch = input.slice(start, start + size);
              const result = unwrap(await d.store.applyChanges(batch));
              expect(result.invalid).toBe(0);
              expect(result.applied + result.stale + result.duplicate).toBe(batch.length);
              applied += result.applied;
              start += size;
            }
            expect(applied).toBeGreaterThanOrEqual(expected.fieldVersions!.length);
            expect(await recordsAndVersionsOf(d)).toEqual(expected);
            const again = unwrap(await d.store.applyChanges(union));
            expect(again).toMatchObject({ applied: 0, invalid: 0 });
          } finally {
            await d.db.delete();
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a change that reuses the timestamp of a change already logged here for another field', async () => {
    const a = open({ seed: 1, label: 'a' });
    const b = open({ seed: 2, label: 'b' });
    unwrap(await a.store.createRecord('assessment', assessmentInput()));
    const log = await logOf(a);
    unwrap(await b.store.applyChanges(log));
    const [first, second] = log as [Change, Change];
    const before = await dumpDatabase(b.db);

    const result = unwrap(await b.store.applyChanges([{ ...second, hlc: first.hlc, value: 'forged' }]));
    expect(result).toMatchObject({ applied: 0, invalid: 1 });
    expect(result.problems[0]?.message).toMatch(/reuses the timestamp/);
    expect(await dumpDatabase(b.db)).toEqual(before);
  });
});
