/**
 * The write path: every edit is field-level changes with their own HLC, in one transaction with
 * the record, the change log, the outbox and the clock — or nothing at all.
 */
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { clockSchema, parseHlc } from '../../src/core/clock/hlc';
import { UUID_PATTERN } from '../../src/core/ids/uuidv7';
import { CLOCK_META_KEY, type MmdmaDatabase } from '../../src/storage/databaseSchema';
import { loadAssessment } from '../../src/storage/loadAssessment';
import { getRecord } from '../../src/storage/recordQueries';
import { isQuotaExceeded } from '../../src/storage/storageFailure';
import { createStore } from '../../src/storage/createStore';
import {
  assessmentInput,
  assessorInput,
  consensusId,
  consensusInput,
  dumpDatabase,
  observationInput,
  ratingId,
  ratingInput,
  seededRandomBytes,
  testStoresDeletedAfterEach,
  unwrap,
  type TestStore,
} from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

describe('createRecord', () => {
  it('stores a record that reads back equal, one change per field, each with its own HLC', async () => {
    const { db, store } = open();
    const { record, changes } = unwrap(await store.createRecord('assessment', assessmentInput()));

    expect(record.id).toMatch(UUID_PATTERN);
    expect(record.id[14]).toBe('7'); // UUIDv7
    const read = unwrap(await getRecord(db, 'assessment', record.id));
    expect(read.record).toEqual(record);
    expect(record).toMatchObject({ title: 'MMDMA Armenia 2022', notes: '', deleted: false });

    const fields = Object.keys(record).filter((f) => f !== 'id');
    expect(changes.map((c) => c.field)).toEqual(fields);
    const hlcs = changes.map((c) => c.hlc);
    expect(new Set(hlcs).size).toBe(fields.length);
    expect([...hlcs].sort()).toEqual(hlcs); // issued in order
    const nodeId = unwrap(await store.nodeId());
    for (const change of changes) {
      expect(change).toMatchObject({ node: nodeId, table: 'assessment', id: record.id });
      expect(parseHlc(change.hlc)?.nodeId).toBe(nodeId);
      expect(change.value).toEqual((record as Record<string, unknown>)[change.field]);
    }

    const byHlc = (a: { hlc: string }, b: { hlc: string }) => (a.hlc < b.hlc ? -1 : 1);
    expect((await db.changeLog.toArray()).sort(byHlc)).toEqual(changes);
    expect((await db.outbox.toArray()).sort(byHlc)).toEqual(changes);
    expect((await db.fieldVersions.toArray()).sort(byHlc)).toEqual(changes);

    // The persisted clock is the last timestamp issued, so a restart never re-issues one.
    const clock = clockSchema.parse((await db.meta.get(CLOCK_META_KEY))?.value);
    expect(parseHlc(hlcs.at(-1)!)).toEqual({ wallMs: clock.wallMs, counter: clock.counter, nodeId: clock.nodeId });
  });

  it('gives ratings and consensus their natural-key id, so creating one twice yields one record', async () => {
    const { db, store, clock } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const lead = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;

    const first = unwrap(await store.createRecord('rating', ratingInput(assessment.id, lead.id, { level: 'developing' })));
    clock.advance(1000);
    const second = unwrap(await store.createRecord('rating', ratingInput(assessment.id, lead.id, { level: 'established', rationale: 'Law adopted' })));

    expect(first.record.id).toBe(ratingId(assessment.id, '6.5.2-a', 'migration', lead.id));
    expect(second.record.id).toBe(first.record.id);
    // The second create only wrote what changed.
    expect(second.changes.map((c) => c.field).sort()).toEqual(['level', 'rationale']);
    const ratings = await db.rating.toArray();
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ level: 'established', rationale: 'Law adopted' });

    // Another track is another rating.
    unwrap(await store.createRecord('rating', ratingInput(assessment.id, lead.id, { trackId: 'central' })));
    expect(await db.rating.count()).toBe(2);
  });

  it('does not let defaults of a repeated create overwrite stored values (consensus history)', async () => {
    const { store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput()));
    const lead = unwrap(await store.createRecord('assessor', assessorInput(assessment.record.id))).record;
    const history = [{ level: 'emerging', rationale: 'first pass', setBy: lead.id, at: '2022-10-04T10:00:00.000Z' }];
    const first = unwrap(await store.createRecord('consensus', consensusInput(assessment.record.id, lead.id, { history })));
    expect(first.record.id).toBe(consensusId(assessment.record.id, 'sub-topic', '6.5.2', 'migration'));

    const again = unwrap(await store.createRecord('consensus', consensusInput(assessment.record.id, lead.id, { level: 'established' })));
    expect(again.record.history).toEqual(history);
    expect(again.changes.map((c) => c.field)).toEqual(['level']);
  });

  it('undeletes a natural-key record that is created again', async () => {
    const { store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const rating = unwrap(await store.createRecord('rating', ratingInput(assessment.id, assessment.id))).record;
    unwrap(await store.deleteRecord('rating', rating.id));
    const again = unwrap(await store.createRecord('rating', ratingInput(assessment.id, assessment.id)));
    expect(again.record.deleted).toBe(false);
    expect(again.changes.map((c) => c.field)).toEqual(['deleted']);
  });

  it('rejects invalid input with a path per problem and writes nothing, not even a node id', async () => {
    const { db, store } = open();
    const before = await dumpDatabase(db);
    const result = await store.createRecord('assessment', assessmentInput({ title: '   ', startDate: '2022-02-30', status: 'done' as never }));
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid') throw new Error('expected invalid');
    expect(result.error.problems.map((p) => p.path).sort()).toEqual(['startDate', 'status', 'title']);
    for (const problem of result.error.problems) expect(problem.message).not.toBe('');
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('rejects fields the table does not have, instead of dropping them silently', async () => {
    const { db, store } = open();
    const input = { ...assessmentInput(), titel: 'typo' };
    const result = await store.createRecord('assessment', input);
    expect(result).toEqual({ ok: false, error: { kind: 'invalid', problems: [{ path: 'titel', message: 'is not a field of assessment' }] } });
    expect(await db.changeLog.count()).toBe(0);
  });
});

describe('createRecords', () => {
  /** Counts the read-write transactions the database starts. */
  const countWrites = (db: MmdmaDatabase) => {
    const counted = { writes: 0 };
    db.use({
      stack: 'dbcore',
      name: 'countWrites',
      create: (down: DBCore): DBCore => ({
        ...down,
        transaction: (stores, mode, options) => {
          if (mode === 'readwrite') counted.writes += 1;
          return down.transaction(stores, mode, options);
        },
      }),
    });
    return counted;
  };
  const notes = (assessmentId: string, authorId: string, n: number) =>
    Array.from({ length: n }, (_, i) => observationInput(assessmentId, authorId, null, { text: `Note ${i + 1}`, createdAt: new Date(Date.UTC(2022, 9, 4, 9, 0, i)).toISOString() }));

  it('writes exactly what creating the records one by one writes, in one transaction', async () => {
    const one = open({ seed: 7 });
    let writes = { writes: 0 };
    // Middleware is installed before the database is first used (prepare), or it would not apply.
    const batch = open({ seed: 7, prepare: (db) => (writes = countWrites(db)) });
    const ids: string[] = [];
    for (const { store } of [one, batch]) {
      unwrap(await store.nodeId());
      const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
      const lead = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
      ids.push(assessment.id, lead.id);
    }
    expect(ids.slice(0, 2)).toEqual(ids.slice(2));
    const [assessmentId, leadId] = ids as [string, string];
    const inputs = notes(assessmentId, leadId, 300);
    for (const input of inputs) unwrap(await one.store.createRecord('observation', input));
    writes.writes = 0;
    const outcomes = unwrap(await batch.store.createRecords('observation', inputs));

    expect(writes.writes).toBe(1);
    expect(outcomes.map((outcome) => outcome.record.text)).toEqual(inputs.map((input) => input.text));
    const hlcs = outcomes.flatMap((outcome) => outcome.changes.map((change) => change.hlc));
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    // Same ids, same stamps, same change log, outbox, field versions and clock.
    expect(await dumpDatabase(batch.db)).toEqual(await dumpDatabase(one.db));
  });

  it('writes nothing when one record is invalid, and says which by its position', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const before = await dumpDatabase(db);
    const inputs = notes(assessment.id, assessment.id, 5);
    inputs[3] = { ...inputs[3]!, kind: 'gossip' as never };
    const result = await store.createRecords('observation', inputs);
    if (result.ok || result.error.kind !== 'invalid') throw new Error('expected invalid');
    expect(result.error.problems.map((problem) => problem.path)).toEqual(['[3].kind']);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('updates a natural-key record that exists, and refuses the same one twice in a batch', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const lead = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    unwrap(await store.createRecord('rating', ratingInput(assessment.id, lead.id, { level: 'developing' })));
    const [updated, created] = unwrap(
      await store.createRecords('rating', [ratingInput(assessment.id, lead.id, { level: 'established' }), ratingInput(assessment.id, lead.id, { trackId: 'central' })]),
    );
    expect(updated?.changes.map((change) => change.field)).toEqual(['level']);
    expect(created?.record.trackId).toBe('central');
    expect(await db.rating.count()).toBe(2);

    const before = await dumpDatabase(db);
    const twice = await store.createRecords('rating', [ratingInput(assessment.id, lead.id, { level: 'emerging' }), ratingInput(assessment.id, lead.id, { level: 'optimised' as never })]);
    expect(twice.ok).toBe(false);
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('updateFields and deleteRecord', () => {
  it('writes only the fields that changed; the outbox keeps the newest change per field', async () => {
    const { db, store, clock } = open();
    const created = unwrap(await store.createRecord('assessment', assessmentInput()));
    const id = created.record.id;
    clock.advance(1000);

    const first = unwrap(await store.updateFields('assessment', id, { title: 'MMDMA Armenia', country: 'Armenia' }));
    expect(first.changes.map((c) => c.field)).toEqual(['title']); // country was unchanged
    clock.advance(1000);
    const second = unwrap(await store.updateFields('assessment', id, { title: 'MMDMA Armenia (final)', notes: 'Day 1 done' }));
    expect(second.changes.map((c) => c.field)).toEqual(['title', 'notes']);

    const stored = unwrap(await getRecord(db, 'assessment', id)).record;
    expect(stored).toMatchObject({ title: 'MMDMA Armenia (final)', notes: 'Day 1 done', country: 'Armenia' });

    // The log keeps this device's newest change per field (title's two older versions are gone,
    // notes' create-time one too); the outbox likewise holds one entry per field, the newest.
    expect(await db.changeLog.count()).toBe(created.changes.length);
    expect((await db.changeLog.toArray()).filter((c) => c.field === 'title')).toEqual([second.changes[0]]);
    const outbox = await db.outbox.toArray();
    // title and notes replaced their older entries from the create: still one entry per field.
    expect(outbox).toHaveLength(created.changes.length);
    const outboxTitle = outbox.find((c) => c.field === 'title');
    expect(outboxTitle).toEqual(second.changes[0]);
    expect((await db.fieldVersions.get(['assessment', id, 'title']))?.value).toBe('MMDMA Armenia (final)');
  });

  it('writes nothing (and does not tick the clock) when nothing changed', async () => {
    const { db, store } = open();
    const { record } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const before = await dumpDatabase(db);
    const same = unwrap(await store.updateFields('assessment', record.id, { title: record.title, status: record.status }));
    expect(same.changes).toEqual([]);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('validates the patched record as a whole and writes nothing when it is invalid', async () => {
    const { db, store } = open();
    const { record } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const assessor = unwrap(await store.createRecord('assessor', assessorInput(record.id, { email: 'anna@example.org' }))).record;
    const before = await dumpDatabase(db);
    const bad = await store.updateFields('assessment', record.id, { status: 'finished' as never, endDate: 'tomorrow' });
    if (bad.ok || bad.error.kind !== 'invalid') throw new Error('expected invalid');
    expect(bad.error.problems.map((p) => p.path).sort()).toEqual(['endDate', 'status']);
    // An optional field cannot be cleared by a change (JSON has no undefined); say so.
    const clearing = await store.updateFields('assessor', assessor.id, { email: undefined });
    expect(clearing.ok === false && clearing.error.kind === 'invalid' && clearing.error.problems[0]?.path).toBe('email');
    const idChange = await store.updateFields('assessment', record.id, { id: 'x' } as never);
    if (idChange.ok || idChange.error.kind !== 'invalid') throw new Error('expected invalid');
    expect(idChange.error.problems[0]?.path).toBe('id');
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('reports a missing record as not-found', async () => {
    const { store } = open();
    const id = '0183a1c2-7d3e-7b4f-9a10-000000000001';
    expect(await store.updateFields('assessment', id, { title: 'x' })).toEqual({ ok: false, error: { kind: 'not-found', table: 'assessment', id } });
    expect(await store.deleteRecord('observation', id)).toEqual({ ok: false, error: { kind: 'not-found', table: 'observation', id } });
  });

  it('deletes by setting deleted: true, which reads then leave out', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const assessor = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    const deleted = unwrap(await store.deleteRecord('assessor', assessor.id));
    expect(deleted.changes.map((c) => [c.field, c.value])).toEqual([['deleted', true]]);
    expect(await db.assessor.count()).toBe(1); // never a hard delete
    expect(unwrap(await loadAssessment(db, assessment.id)).records.assessor).toEqual([]);
    expect(unwrap(await loadAssessment(db, assessment.id, { includeDeleted: true })).records.assessor).toEqual([{ ...assessor, deleted: true }]);
  });
});

/**
 * A DBCore middleware that makes every write to one table fail with a real DOMException, as the
 * browser does when the disk is full — after other tables of the same transaction were written.
 */
function failWritesTo(tableName: string, errorName: string) {
  const state = { failing: false };
  const install = (db: MmdmaDatabase) => {
    db.use({
      stack: 'dbcore',
      name: 'fail-writes',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          if (name !== tableName) return table;
          return {
            ...table,
            mutate: (req) => (state.failing ? Promise.reject(new DOMException('The quota has been exceeded.', errorName)) : table.mutate(req)),
          };
        },
      }),
    });
  };
  return { state, install };
}

describe('atomicity', () => {
  it('a write that fails half-way (quota on the change log) returns quota-exceeded and changes nothing anywhere', async () => {
    const fault = failWritesTo('changeLog', 'QuotaExceededError');
    const { db, store, clock } = open({ prepare: fault.install });
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const assessor = unwrap(await store.createRecord('assessor', assessorInput(assessment.id))).record;
    clock.advance(1000);
    const before = await dumpDatabase(db);
    expect(before.fieldVersions!.length).toBeGreaterThan(0);

    fault.state.failing = true;
    const create = await store.createRecord('observation', {
      assessmentId: assessment.id,
      authorId: assessor.id,
      interviewId: null,
      kind: 'note',
      text: 'an hour of notes',
      suggestedLevel: null,
      createdAt: '2022-10-03T10:00:00.000Z',
    });
    expect(create).toEqual({ ok: false, error: { kind: 'quota-exceeded', message: expect.any(String) } });
    const update = await store.updateFields('assessment', assessment.id, { notes: 'more notes' });
    expect(update.ok === false && update.error.kind).toBe('quota-exceeded');
    const remove = await store.deleteRecord('assessor', assessor.id);
    expect(remove.ok === false && remove.error.kind).toBe('quota-exceeded');

    // Record, fieldVersions, changeLog, outbox and the clock in meta: all exactly as before.
    expect(await dumpDatabase(db)).toEqual(before);

    // Once space is freed the same write succeeds, with a timestamp after everything before.
    fault.state.failing = false;
    const retried = unwrap(await store.updateFields('assessment', assessment.id, { notes: 'more notes' }));
    const lastBefore = before.changeLog!.map((c) => (c as { hlc: string }).hlc).sort().at(-1)!;
    expect(retried.changes[0]!.hlc > lastBefore).toBe(true);
  });

  it('rolls back the node id created by a first write that fails', async () => {
    const fault = failWritesTo('outbox', 'QuotaExceededError');
    const { db, store } = open({ prepare: fault.install });
    fault.state.failing = true;
    const result = await store.createRecord('assessment', assessmentInput());
    expect(result.ok === false && result.error.kind).toBe('quota-exceeded');
    expect(await db.meta.count()).toBe(0);
    expect(await db.assessment.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(0);
  });

  it('maps other IndexedDB failures to storage-failed, also without writing anything', async () => {
    const fault = failWritesTo('fieldVersions', 'UnknownError');
    const { db, store } = open({ prepare: fault.install });
    const { record } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const before = await dumpDatabase(db);
    fault.state.failing = true;
    const result = await store.updateFields('assessment', record.id, { title: 'x' });
    expect(result).toEqual({ ok: false, error: { kind: 'storage-failed', message: expect.any(String) } });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('recognises QuotaExceededError however it is wrapped', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaExceeded(new Error('other', { cause: quota }))).toBe(true);
    expect(isQuotaExceeded(new DOMException('no', 'UnknownError'))).toBe(false);
  });

  it('still saves when the device clock was set back by an hour, and the new change sorts after the old', async () => {
    const { store, clock } = open();
    const { record, changes } = unwrap(await store.createRecord('assessment', assessmentInput()));
    clock.advance(-60 * 60_000);
    const update = unwrap(await store.updateFields('assessment', record.id, { title: 'x' }));
    expect(update.record.title).toBe('x');
    expect(update.changes[0]!.hlc > changes.at(-1)!.hlc).toBe(true);
  });
});

describe('node id', () => {
  it('is created once, persisted, and shared by every store on the database', async () => {
    const { db, store } = open({ seed: 7 });
    const id = unwrap(await store.nodeId());
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const other = createStore(db, { randomBytes: seededRandomBytes(99) });
    expect(unwrap(await other.nodeId())).toBe(id);
  });

  it('resetNodeId gives a new id whose timestamps still sort after everything before', async () => {
    const { store, clock } = open();
    const { record, changes } = unwrap(await store.createRecord('assessment', assessmentInput()));
    const oldId = unwrap(await store.nodeId());
    const newId = unwrap(await store.resetNodeId());
    expect(newId).not.toBe(oldId);
    expect(unwrap(await store.nodeId())).toBe(newId);
    clock.advance(-1); // even if the wall clock stepped back a little
    const update = unwrap(await store.updateFields('assessment', record.id, { title: 'after restore' }));
    expect(update.changes[0]!.node).toBe(newId);
    expect(update.changes[0]!.hlc.slice(0, 20) > changes.at(-1)!.hlc.slice(0, 20)).toBe(true);
  });
});
