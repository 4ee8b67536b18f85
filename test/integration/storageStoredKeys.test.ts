/**
 * storedKeys.ts: which of many incoming keys are stored, from one key-only range read per table —
 * what lets an import of 10,000 changes skip 10,000 single-key lookups. The answers must be exact
 * for the incoming keys (a superset is fine: callers intersect), whatever else lies in the span.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../src/core/clock/hlc';
import { fieldKey, recordKey } from '../../src/core/merge/mergeChanges';
import { FEW_KEYS, storedChangeLogKeys, storedFieldVersionKeys, storedRecordIds } from '../../src/storage/storedKeys';
import { assessmentInput, assessorInput, testStoresDeletedAfterEach, unwrap } from './support/storageTestKit';

const open = testStoresDeletedAfterEach();

describe('stored keys', () => {
  it('finds the stored fields, records, rows and logged changes among incoming ones, and nothing for unknown ids', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id, { name: 'Anna' }))).record;
    const aram = unwrap(await store.createRecord('assessor', assessorInput(assessment.id, { name: 'Aram' }))).record;
    const log = unwrap(await store.changesSince({})).changes;

    const unknownId = '01890000-0000-7000-8000-000000000000';
    const incoming = [
      { table: 'assessor' as const, id: anna.id, field: 'name' },
      { table: 'assessor' as const, id: aram.id, field: 'no-such-field' },
      { table: 'assessor' as const, id: unknownId, field: 'name' },
      { table: 'assessment' as const, id: assessment.id, field: 'title' },
    ];
    const keys = await db.transaction('r', db.fieldVersions, () => storedFieldVersionKeys(db, incoming));
    expect(keys.fields.has(fieldKey(incoming[0]!))).toBe(true);
    expect(keys.fields.has(fieldKey(incoming[1]!))).toBe(false);
    expect(keys.fields.has(fieldKey(incoming[2]!))).toBe(false);
    expect(keys.fields.has(fieldKey(incoming[3]!))).toBe(true);
    expect(keys.records.has(recordKey(incoming[1]!))).toBe(true);
    expect(keys.records.has(recordKey(incoming[2]!))).toBe(false);

    expect([...(await storedRecordIds(db, 'assessor', [aram.id, unknownId]))]).toEqual([aram.id]);
    expect([...(await storedRecordIds(db, 'assessor', []))]).toEqual([]);

    const last = parseHlc(log.at(-1)!.hlc)!;
    const newer = formatHlc({ ...last, wallMs: last.wallMs + 1 });
    const logged = await storedChangeLogKeys(db, [log[0]!.hlc, newer, log.at(-1)!.hlc]);
    expect([...logged].sort()).toEqual([log[0]!.hlc, log.at(-1)!.hlc].sort());
    expect([...(await storedChangeLogKeys(db, []))]).toEqual([]);
  });

  it('ignores field-version keys of another shape (a damaged row) instead of failing the import', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await store.createRecord('assessor', assessorInput(assessment.id, { name: 'Anna' }))).record;
    // A row whose key parts are not all strings, inside the span of the incoming ids.
    await db.fieldVersions.put({ table: 'assessor', id: anna.id, field: 7 } as never);
    const keys = await storedFieldVersionKeys(db, [{ table: 'assessor', id: anna.id }]);
    expect(keys.fields.has(fieldKey({ table: 'assessor', id: anna.id, field: 'name' }))).toBe(true);
    expect([...keys.fields].every((key) => key.split('\u0000').length === 3)).toBe(true);
  });

  it('gives the same answers by one range read when more than a few records are asked about', async () => {
    const { db, store } = open();
    const assessment = unwrap(await store.createRecord('assessment', assessmentInput())).record;
    const ids: string[] = [];
    for (let i = 0; i < FEW_KEYS + 6; i++) ids.push(unwrap(await store.createRecord('assessor', assessorInput(assessment.id, { name: `Assessor ${i}` }))).record.id);
    const log = unwrap(await store.changesSince({})).changes;
    // Every other stored assessor, plus ids inside and outside the stored span that are not here.
    const asked = [...ids.filter((_, i) => i % 2 === 0), '01800000-0000-7000-8000-000000000000', 'ffffffff-ffff-7fff-bfff-ffffffffffff'];
    for (let i = 0; i < FEW_KEYS; i++) asked.push(`${ids[1]!.slice(0, 30)}${i.toString(16).padStart(6, '0')}`);
    const expected = new Set(ids.filter((_, i) => i % 2 === 0));
    expect(await storedRecordIds(db, 'assessor', asked)).toEqual(expected);
    const keys = await storedFieldVersionKeys(db, asked.map((id) => ({ table: 'assessor' as const, id })));
    for (const id of asked) expect(keys.records.has(recordKey({ table: 'assessor', id })), id).toBe(expected.has(id) || ids.includes(id));
    expect(keys.fields.has(fieldKey({ table: 'assessor', id: ids[0]!, field: 'name' }))).toBe(true);
    const hlcs = log.map((change) => change.hlc);
    const last = parseHlc(hlcs.at(-1)!)!;
    const unknown = Array.from({ length: FEW_KEYS }, (_, i) => formatHlc({ ...last, wallMs: last.wallMs + 1 + i }));
    expect(await storedChangeLogKeys(db, [...hlcs, ...unknown])).toEqual(new Set(hlcs));
  });
});
