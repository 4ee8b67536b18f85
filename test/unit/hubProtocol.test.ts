import { describe, expect, it } from 'vitest';
import {
  HUB_LIMITS,
  hubChangeSchema,
  joinRequestSchema,
  normaliseInviteCode,
  pullQuerySchema,
  pushRequestSchema,
  roleMayWrite,
} from '../../src/core/sync/hubProtocol';

const NODE = 'a1a1a1a1a1a1a1a1';
const plain = {
  hlc: `001765100000000-0000-${NODE}`,
  node: NODE,
  table: 'observation',
  id: '01900000-0000-7000-8000-000000000010',
  field: 'text',
  value: 'The registry has no API yet.',
};

describe('hub protocol schemas', () => {
  it('accepts a change in clear and an encrypted one, and nothing with both or neither', () => {
    expect(hubChangeSchema.safeParse(plain).success).toBe(true);
    const { value: _value, ...key } = plain;
    expect(hubChangeSchema.safeParse({ ...key, enc: 'A'.repeat(40) }).success).toBe(true);
    expect(hubChangeSchema.safeParse({ ...plain, enc: 'A'.repeat(40) }).success).toBe(false);
    expect(hubChangeSchema.safeParse(key).success).toBe(false);
  });

  it('refuses unknown keys, a node that is not the timestamp’s, and reserved field names', () => {
    expect(hubChangeSchema.safeParse({ ...plain, extra: 1 }).success).toBe(false);
    expect(hubChangeSchema.safeParse({ ...plain, node: 'b2b2b2b2b2b2b2b2' }).success).toBe(false);
    expect(hubChangeSchema.safeParse({ ...plain, field: '__proto__' }).success).toBe(false);
  });

  it('limits a push to 1,000 changes and at least one', () => {
    expect(pushRequestSchema.safeParse({ changes: [] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ changes: Array(HUB_LIMITS.MAX_PUSH_CHANGES + 1).fill(plain) }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ changes: Array(HUB_LIMITS.MAX_PUSH_CHANGES).fill(plain) }).success).toBe(true);
  });

  it('reads a pull query with defaults and refuses a cursor that is not a number', () => {
    expect(pullQuerySchema.parse({})).toEqual({ after: '0', limit: 1000 });
    expect(pullQuerySchema.parse({ after: '42', limit: '10' })).toEqual({ after: '42', limit: 10 });
    expect(pullQuerySchema.safeParse({ after: '001765100000000-0000-a1a1a1a1a1a1a1a1' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
  });

  it('takes invite codes as people type them', () => {
    expect(normaliseInviteCode('7k2qd m8xpv c4j9t h3wna')).toBe('7K2QD-M8XPV-C4J9T-H3WNA');
    expect(joinRequestSchema.safeParse({ code: '7k2qdm8xpvc4j9th3wna', device: { label: 'Tablet' } }).success).toBe(true);
    expect(joinRequestSchema.safeParse({ code: 'nope', device: { label: 'Tablet' } }).success).toBe(false);
  });

  it('lets observers write nothing and keeps consensus, the team and the assessment to the lead', () => {
    expect(roleMayWrite('observer', 'observation')).toBe(false);
    for (const table of ['assessment', 'assessor', 'consensus'] as const) {
      expect(roleMayWrite('assessor', table)).toBe(false);
      expect(roleMayWrite('lead', table)).toBe(true);
    }
    expect(roleMayWrite('assessor', 'rating')).toBe(true);
  });
});
