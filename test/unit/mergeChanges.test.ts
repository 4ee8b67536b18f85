/**
 * The merge laws, checked over change sets drawn from three replicas that share a small space of
 * records and fields, so that the same field is written concurrently all the time. Values are
 * drawn without -0 (JSON cannot tell it from 0, deep equality can).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/clock/hlc';
import type { Change } from '../../src/core/merge/change';
import {
  applyChanges,
  canonicalJson,
  changesOfState,
  compactChanges,
  emptyChangeState,
  materialise,
  mergeChangeSets,
  mergeStates,
  recordsOf,
  type ChangeState,
} from '../../src/core/merge/mergeChanges';

const NODES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'] as const;
const IDS = ['0183a1c2-7d3e-7b4f-9a10-000000000001', '0183a1c2-7d3e-7b4f-9a10-000000000002'] as const;
const FIELDS = ['level', 'rationale', 'deleted'] as const;
const T0 = 1_664_787_600_000;

const jsonValue: fc.Arbitrary<Change['value']> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('', 'emerging', 'developing'),
  fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
  fc.record({ z: fc.integer({ min: 0, max: 1 }), a: fc.constantFrom('x', 'y') }),
);

/**
 * A change from one of three replicas. Times, counters and values come from tiny ranges, so equal
 * HLCs on one field with different values (which a real clock never issues) occur too: the merge
 * must still converge on them.
 */
const changeArb: fc.Arbitrary<Change> = fc
  .record({
    node: fc.constantFrom(...NODES),
    wall: fc.integer({ min: 0, max: 4 }),
    counter: fc.integer({ min: 0, max: 2 }),
    table: fc.constantFrom('rating' as const, 'consensus' as const),
    id: fc.constantFrom(...IDS),
    field: fc.constantFrom(...FIELDS),
    value: jsonValue,
  })
  .map(({ node, wall, counter, table, id, field, value }) => ({
    hlc: formatHlc({ wallMs: T0 + wall, counter, nodeId: node }),
    node,
    table,
    id,
    field,
    value,
  }));

const changeSet = fc.array(changeArb, { maxLength: 25 });

/** States compared as their compacted change sets: canonical, so insertion order does not matter. */
const canonical = (state: ChangeState) => changesOfState(state);

describe('mergeChangeSets', () => {
  it('is commutative', () => {
    fc.assert(fc.property(changeSet, changeSet, (a, b) => {
        expect(mergeChangeSets(a, b)).toEqual(mergeChangeSets(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(changeSet, changeSet, changeSet, (a, b, c) => {
        expect(mergeChangeSets(mergeChangeSets(a, b), c)).toEqual(mergeChangeSets(a, mergeChangeSets(b, c)));
      }),
    );
  });

  it('is idempotent: importing the same set again changes nothing', () => {
    fc.assert(
      fc.property(changeSet, changeSet, (a, b) => {
        const merged = mergeChangeSets(a, b);
        expect(mergeChangeSets(merged, merged)).toEqual(merged);
        expect(mergeChangeSets(merged, b)).toEqual(merged);
        expect(mergeChangeSets(a, a)).toEqual(compactChanges(a));
      }),
    );
  });

  it('converges whatever order three replicas exchange in', () => {
    fc.assert(
      fc.property(changeSet, changeSet, changeSet, (a, b, c) => {
        const reference = mergeChangeSets(mergeChangeSets(a, b), c);
        for (const [x, y, z] of [
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ] as const) {
          expect(mergeChangeSets(mergeChangeSets(x, y), z)).toEqual(reference);
        }
      }),
    );
  });

  it('keeps exactly one change per field, the one with the greatest HLC, in canonical order', () => {
    fc.assert(
      fc.property(changeSet, changeSet, (a, b) => {
        const merged = mergeChangeSets(a, b);
        const keys = merged.map((c) => `${c.table}/${c.id}/${c.field}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const change of [...a, ...b]) {
          const winner = merged.find((m) => m.table === change.table && m.id === change.id && m.field === change.field);
          expect(winner !== undefined && winner.hlc >= change.hlc).toBe(true);
        }
        for (let i = 1; i < merged.length; i++) expect(merged[i - 1]!.hlc <= merged[i]!.hlc).toBe(true);
      }),
    );
  });

  it('lets the newer of two concurrent edits win, field by field', () => {
    const at = (wall: number, node: string) => formatHlc({ wallMs: T0 + wall, counter: 0, nodeId: node });
    const [A, B] = NODES;
    const id = IDS[0];
    const fromA: Change[] = [
      { hlc: at(1, A), node: A, table: 'consensus', id, field: 'level', value: 'developing' },
      { hlc: at(5, A), node: A, table: 'consensus', id, field: 'rationale', value: 'A wrote last' },
    ];
    const fromB: Change[] = [
      { hlc: at(2, B), node: B, table: 'consensus', id, field: 'level', value: 'established' },
      { hlc: at(3, B), node: B, table: 'consensus', id, field: 'rationale', value: 'B' },
    ];
    expect(materialise(mergeChangeSets(fromA, fromB)).get('consensus')?.get(id)).toEqual({
      id,
      level: 'established',
      rationale: 'A wrote last',
    });
  });

  it('breaks an (impossible in practice) HLC tie by value, the same way on every device', () => {
    const hlc = formatHlc({ wallMs: T0, counter: 0, nodeId: NODES[0] });
    const base = { hlc, node: NODES[0], table: 'rating' as const, id: IDS[0], field: 'level' };
    const x: Change = { ...base, value: 'developing' };
    const y: Change = { ...base, value: 'emerging' };
    expect(mergeChangeSets([x], [y])).toEqual([y]);
    expect(mergeChangeSets([y], [x])).toEqual([y]);
  });
});

describe('applyChanges and mergeStates', () => {
  it('materialising the merged set equals merging the materialised states, in any order', () => {
    fc.assert(
      fc.property(changeSet, changeSet, changeSet, (a, b, c) => {
        const merged = mergeChangeSets(mergeChangeSets(a, b), c);
        const expected = materialise(merged);
        const [sa, sb, sc] = [a, b, c].map((set) => applyChanges(emptyChangeState(), set)) as [ChangeState, ChangeState, ChangeState];
        for (const state of [
          mergeStates(mergeStates(sa, sb), sc),
          mergeStates(sc, mergeStates(sb, sa)),
          mergeStates(mergeStates(sb, sc), sa),
          applyChanges(applyChanges(applyChanges(emptyChangeState(), c), a), b),
          applyChanges(emptyChangeState(), [...c, ...b, ...a].reverse()),
        ]) {
          expect(canonical(state)).toEqual(merged);
          expect(recordsOf(state)).toEqual(expected);
        }
      }),
    );
  });

  it('leaves the input state untouched', () => {
    fc.assert(
      fc.property(changeSet, changeSet, (a, b) => {
        const before = applyChanges(emptyChangeState(), a);
        const snapshot = canonical(before);
        const tables = [...before.values()];
        applyChanges(before, b);
        mergeStates(before, applyChanges(emptyChangeState(), b));
        expect(canonical(before)).toEqual(snapshot);
        expect([...before.values()]).toEqual(tables);
      }),
    );
  });

  it('gives each field the value of its newest change, with deletes as a field and the id from the key', () => {
    const [A, B] = NODES;
    const id = IDS[1];
    const at = (wall: number, node: string) => formatHlc({ wallMs: T0 + wall, counter: 0, nodeId: node });
    const records = materialise([
      { hlc: at(1, A), node: A, table: 'rating', id, field: 'level', value: 'emerging' },
      { hlc: at(4, B), node: B, table: 'rating', id, field: 'deleted', value: true },
      { hlc: at(3, A), node: A, table: 'rating', id, field: 'level', value: 'developing' },
      { hlc: at(2, B), node: B, table: 'rating', id, field: 'level', value: 'advanced' },
      { hlc: at(5, B), node: B, table: 'rating', id, field: 'id', value: 'something else' },
    ]);
    expect(records.get('rating')?.get(id)).toEqual({ id, level: 'developing', deleted: true });
  });

  it('never lets a field name reach a prototype', () => {
    const [A] = NODES;
    const id = IDS[0];
    const record = materialise([
      { hlc: formatHlc({ wallMs: T0, counter: 0, nodeId: A }), node: A, table: 'rating', id, field: '__proto__', value: { polluted: true } },
    ])
      .get('rating')
      ?.get(id);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('canonicalJson', () => {
  it('is independent of key order and distinguishes different values', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] })).toBe(canonicalJson({ a: [true, { c: 'x', d: null }], b: 1 }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([])).not.toBe(canonicalJson({}));
  });
});
