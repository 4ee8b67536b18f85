import { describe, expect, it } from 'vitest';
import { changeSchema } from '../../src/core/merge/change';

const valid = {
  hlc: '001664787600000-0000-aaaaaaaaaaaaaaaa',
  node: 'aaaaaaaaaaaaaaaa',
  table: 'observation',
  id: '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f70',
  field: 'tags',
  value: [{ subTopicId: 'a.b', trackIds: ['central'] }],
};

function issuePaths(input: unknown): string[] {
  const result = changeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('changeSchema', () => {
  it('accepts a change to any JSON value, including null and false', () => {
    expect(issuePaths(valid)).toEqual([]);
    expect(issuePaths({ ...valid, field: 'deleted', value: true })).toEqual([]);
    expect(issuePaths({ ...valid, field: 'level', value: null })).toEqual([]);
    expect(issuePaths({ ...valid, field: 'toString', value: 'fine: Maps and fromEntries do not care' })).toEqual([]);
  });

  it('rejects a table outside the model, a bad id and a bad timestamp, each at its path', () => {
    expect(issuePaths({ ...valid, table: 'users' })).toEqual(['table']);
    expect(issuePaths({ ...valid, id: 'obs-1' })).toEqual(['id']);
    expect(issuePaths({ ...valid, hlc: '2022-10-03' })).toEqual(['hlc']);
  });

  it.each(['', '__proto__', 'constructor', 'prototype'])('rejects the field name %o', (field) => {
    expect(issuePaths({ ...valid, field })).toEqual(['field']);
  });

  it('rejects values that do not survive JSON: undefined, NaN, Infinity, functions', () => {
    const { value: _omitted, ...withoutValue } = valid;
    expect(issuePaths(withoutValue)).toEqual(['value']);
    expect(issuePaths({ ...valid, value: Number.NaN })).toEqual(['value']);
    expect(issuePaths({ ...valid, value: Number.POSITIVE_INFINITY })).toEqual(['value']);
    expect(issuePaths({ ...valid, value: () => 1 })).toEqual(['value']);
  });

  it('rejects a change whose node is not the node in its timestamp', () => {
    expect(issuePaths({ ...valid, node: 'bbbbbbbbbbbbbbbb' })).toEqual(['node']);
  });
});
