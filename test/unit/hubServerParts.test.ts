/** The hub's small pure parts: the clock check's boundary, Range parsing, the rate window, canonical JSON. */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/clock/hlc';
import { findClockAhead, MAX_CLOCK_AHEAD_MS } from '../../server/http/clockCheck';
import { createRateLimiter } from '../../server/http/rateLimiter';
import { parseRange } from '../../server/routes/blobRoutes';
import { canonicalJson } from '../../server/store/canonicalJson';

const NOW = 1_765_000_000_000;
const at = (wallMs: number) => formatHlc({ wallMs, counter: 0, nodeId: 'a1a1a1a1a1a1a1a1' });

describe('hub clock check', () => {
  it('accepts up to exactly a day ahead and refuses a millisecond more, naming the worst change', () => {
    expect(findClockAhead([at(NOW + MAX_CLOCK_AHEAD_MS), at(NOW - 365 * MAX_CLOCK_AHEAD_MS)], NOW)).toBeNull();
    const worst = at(NOW + 3 * MAX_CLOCK_AHEAD_MS);
    expect(findClockAhead([at(NOW), at(NOW + MAX_CLOCK_AHEAD_MS + 1), worst], NOW)).toEqual({ hlc: worst, aheadMs: 3 * MAX_CLOCK_AHEAD_MS });
  });
});

describe('Range parsing', () => {
  it('reads single byte ranges, suffixes and open ends, and refuses what lies outside', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ first: 0, last: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ first: 90, last: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ first: 90, last: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ first: 50, last: 99 });
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=9-3', 100)).toBeNull();
    expect(parseRange('bytes=-0', 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('ignore');
    expect(parseRange('items=0-1', 100)).toBe('ignore');
  });
});

describe('rate limiter', () => {
  it('allows the limit per key per minute, then says how long to wait, and resets after the window', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 3; i += 1) expect(limiter.take('device:a', 3, NOW + i)).toBeNull();
    expect(limiter.take('device:a', 3, NOW + 10_000)).toBe(50);
    expect(limiter.take('device:b', 3, NOW + 10_000)).toBeNull();
    expect(limiter.take('device:a', 3, NOW + 60_000)).toBeNull();
  });
});

describe('canonical JSON', () => {
  it('is the same for the same value whatever the key order, and keeps arrays in order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: null, c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: null }, b: [2, 1] }));
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
    expect(canonicalJson('text "quoted"')).toBe(JSON.stringify('text "quoted"'));
  });
});
