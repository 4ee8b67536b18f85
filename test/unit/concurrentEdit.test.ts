/**
 * What counts as a concurrent edit (core/merge/concurrentEdit.ts): the rule behind the import
 * preview's conflicts and the conflicts table.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/clock/hlc';
import type { Change, JsonValue } from '../../src/core/merge/change';
import { coveredBy, isConcurrentEdit } from '../../src/core/merge/concurrentEdit';

const A = 'a1a1a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2b2b2';
const ID = '01900000-0000-7000-8000-000000000001';
const T0 = Date.UTC(2022, 9, 3, 9);

function change(node: string, ms: number, value: JsonValue, field = 'title'): Change {
  return { hlc: formatHlc({ wallMs: T0 + ms, counter: 0, nodeId: node }), node, table: 'assessment', id: ID, field, value };
}

describe('concurrent edits', () => {
  const local = change(A, 1_000, 'Lead title');
  const incoming = change(B, 2_000, 'Assessor title');

  it('are two authors’ different values of one field, neither seen by the other', () => {
    expect(isConcurrentEdit(local, incoming, {}, false)).toBe(true);
    // Whichever is newer: the rule is symmetric in time.
    expect(isConcurrentEdit(change(A, 3_000, 'Lead title'), incoming, {}, false)).toBe(true);
  });

  it('are not a correction made after seeing the other value, on either side', () => {
    expect(isConcurrentEdit(local, incoming, { [A]: local.hlc }, false)).toBe(false);
    expect(isConcurrentEdit(local, incoming, { [A]: change(A, 5_000, 'x').hlc }, false)).toBe(false);
    expect(isConcurrentEdit(local, incoming, {}, true)).toBe(false);
    // The sender held an older version of A only: A's current one is still unseen.
    expect(isConcurrentEdit(local, incoming, { [A]: change(A, 500, 'x').hlc }, false)).toBe(true);
  });

  it('are not equal values, one author, one change, or two fields', () => {
    expect(isConcurrentEdit(local, change(B, 2_000, 'Lead title'), {}, false)).toBe(false);
    expect(isConcurrentEdit(local, change(A, 2_000, 'Other'), {}, false)).toBe(false);
    expect(isConcurrentEdit(local, local, {}, false)).toBe(false);
    expect(isConcurrentEdit(local, change(B, 2_000, 'x', 'country'), {}, false)).toBe(false);
    // Values compare as JSON, whatever the key order.
    expect(isConcurrentEdit(change(A, 1, { a: 1, b: 2 }, 'tags'), change(B, 2, { b: 2, a: 1 }, 'tags'), {}, false)).toBe(false);
  });

  it('reads a vector safely: entries are per node, and inherited names are not nodes', () => {
    expect(coveredBy({ [A]: local.hlc }, local)).toBe(true);
    expect(coveredBy({ [B]: incoming.hlc }, local)).toBe(false);
    expect(coveredBy(JSON.parse('{"__proto__": "x"}') as Record<string, string>, { node: 'constructor', hlc: '0' })).toBe(false);
  });
});
