import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  createClock,
  createNodeId,
  formatHlc,
  hlcSchema,
  MAX_COUNTER,
  MAX_DRIFT_MS,
  parseHlc,
  receive,
  tick,
  type Clock,
  type Hlc,
} from '../../src/core/clock/hlc';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';
const T0 = 1_664_787_600_000; // 2022-10-03T09:00:00Z, the first interview day

function mustTick(clock: Clock, nowMs: number): { clock: Clock; hlc: Hlc } {
  const result = tick(clock, nowMs);
  if (!result.ok) throw new Error(`tick failed: ${result.error.kind}`);
  return result.value;
}

function mustReceive(clock: Clock, remote: Hlc, nowMs: number): Clock {
  const result = receive(clock, remote, nowMs);
  if (!result.ok) throw new Error(`receive failed: ${result.error.kind}`);
  return result.value;
}

describe('HLC strings', () => {
  it('are wall ms (15 digits), counter (4 hex) and node (16 hex)', () => {
    const { hlc } = mustTick(createClock(NODE_A), T0);
    expect(hlc).toBe('001664787600000-0000-aaaaaaaaaaaaaaaa');
    expect(hlcSchema.safeParse(hlc).success).toBe(true);
    expect(parseHlc(hlc)).toEqual({ wallMs: T0, counter: 0, nodeId: NODE_A });
  });

  it('round-trip through format and parse, and sort as their parts do', () => {
    const parts = fc.record({
      wallMs: fc.integer({ min: 0, max: 999_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      nodeId: fc.constantFrom(NODE_A, NODE_B, '0123456789abcdef'),
    });
    fc.assert(
      fc.property(parts, parts, (p, q) => {
        expect(parseHlc(formatHlc(p))).toEqual(p);
        const byParts = p.wallMs - q.wallMs || p.counter - q.counter || (p.nodeId < q.nodeId ? -1 : p.nodeId > q.nodeId ? 1 : 0);
        expect(compareHlc(formatHlc(p), formatHlc(q))).toBe(Math.sign(byParts));
      }),
    );
  });

  it('reject malformed strings', () => {
    for (const bad of [
      '',
      '1664787600000-0000-aaaaaaaaaaaaaaaa', // 13 digits: would sort wrongly
      '001664787600000-000-aaaaaaaaaaaaaaaa',
      '001664787600000-0000-AAAAAAAAAAAAAAAA',
      '001664787600000-0000-aaaaaaaaaaaaaaa',
      '2022-10-03T09:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
      '001664787600000-0000-aaaaaaaaaaaaaaaa ',
    ]) {
      expect(parseHlc(bad)).toBeNull();
      expect(hlcSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('createNodeId and createClock', () => {
  it('makes 16 hex digits from 8 random bytes', () => {
    expect(createNodeId((n) => Uint8Array.from({ length: n }, (_, i) => i * 17))).toBe('0011223344556677');
  });

  it('refuses a node id that would break the HLC format', () => {
    expect(() => createClock('not-a-node')).toThrow(RangeError);
    expect(createClock(NODE_A)).toEqual({ nodeId: NODE_A, wallMs: 0, counter: 0 });
  });
});

describe('tick', () => {
  it('issues strictly increasing timestamps for local events, even when the wall clock stalls or steps back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        let clock = createClock(NODE_A);
        let now = T0;
        let previous = '';
        for (const step of steps) {
          now += step;
          const next = mustTick(clock, now);
          expect(next.hlc > previous).toBe(true);
          previous = next.hlc;
          clock = next.clock;
        }
      }),
    );
  });

  it('does not modify the clock it is given', () => {
    const clock = Object.freeze(createClock(NODE_A));
    const first = mustTick(clock, T0);
    expect(clock).toEqual({ nodeId: NODE_A, wallMs: 0, counter: 0 });
    expect(mustTick(clock, T0).hlc).toBe(first.hlc);
  });

  it('counts within one millisecond and resets when the wall clock moves on', () => {
    const a = mustTick(createClock(NODE_A), T0);
    const b = mustTick(a.clock, T0);
    const c = mustTick(b.clock, T0 + 1);
    expect([a.hlc, b.hlc, c.hlc].map((h) => parseHlc(h)?.counter)).toEqual([0, 1, 0]);
  });

  it('borrows the next millisecond after 65,536 events in one millisecond, still in order', () => {
    const full: Clock = { nodeId: NODE_A, wallMs: T0, counter: MAX_COUNTER };
    const result = tick(full, T0);
    if (!result.ok) throw new Error('tick must not fail');
    expect(result.value.clock).toEqual({ nodeId: NODE_A, wallMs: T0 + 1, counter: 0 });
    expect(compareHlc(formatHlc(full), result.value.hlc)).toBe(-1);
  });

  it('keeps stamping, in order, when the device clock jumped back (a note must always be savable)', () => {
    const ahead: Clock = { nodeId: NODE_A, wallMs: T0 + 60 * 60_000, counter: 7 };
    const result = tick(ahead, T0);
    if (!result.ok) throw new Error('tick must not fail');
    expect(result.value.clock).toEqual({ nodeId: NODE_A, wallMs: T0 + 60 * 60_000, counter: 8 });
    expect(compareHlc(formatHlc(ahead), result.value.hlc)).toBe(-1);
  });

  it('treats a nonsensical wall time as a bug', () => {
    expect(() => tick(createClock(NODE_A), Number.NaN)).toThrow(RangeError);
    expect(() => tick(createClock(NODE_A), -1)).toThrow(RangeError);
  });
});

describe('receive', () => {
  it('moves the clock past a remote timestamp so the next local event sorts after it', () => {
    const remote = mustTick(createClock(NODE_B), T0 + 60_000).hlc; // B's clock runs a minute ahead
    const local = mustReceive(createClock(NODE_A), remote, T0);
    const next = mustTick(local, T0);
    expect(next.hlc > remote).toBe(true);
    expect(parseHlc(next.hlc)).toEqual({ wallMs: T0 + 60_000, counter: 2, nodeId: NODE_A });
  });

  it('keeps causal order across replicas exchanging timestamps (any order of events)', () => {
    const event = fc.record({
      node: fc.constantFrom(0, 1, 2),
      kind: fc.constantFrom('tick', 'send'),
      to: fc.constantFrom(0, 1, 2),
      advanceMs: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 150 }), (events) => {
        const nodes = [NODE_A, NODE_B, 'cccccccccccccccc'];
        let clocks = nodes.map((n) => createClock(n));
        const lastSeen = nodes.map(() => ''); // the newest HLC each node has issued or received
        let now = T0;
        for (const e of events) {
          now += e.advanceMs;
          const stamped = mustTick(clocks[e.node]!, now);
          expect(stamped.hlc > lastSeen[e.node]!).toBe(true);
          clocks = clocks.map((c, i) => (i === e.node ? stamped.clock : c));
          lastSeen[e.node] = stamped.hlc;
          if (e.kind === 'send' && e.to !== e.node) {
            clocks = clocks.map((c, i) => (i === e.to ? mustReceive(c, stamped.hlc, now) : c));
            if (stamped.hlc > lastSeen[e.to]!) lastSeen[e.to] = stamped.hlc;
          }
        }
      }),
    );
  });

  it('fails with clock-drift when the remote timestamp is too far in the future, leaving the clock to the caller', () => {
    const farAhead = formatHlc({ wallMs: T0 + MAX_DRIFT_MS + 1, counter: 0, nodeId: NODE_B });
    expect(receive(createClock(NODE_A), farAhead, T0)).toEqual({
      ok: false,
      error: { kind: 'clock-drift', driftMs: MAX_DRIFT_MS + 1, maxDriftMs: MAX_DRIFT_MS },
    });
    const justInside = formatHlc({ wallMs: T0 + MAX_DRIFT_MS, counter: 0, nodeId: NODE_B });
    expect(receive(createClock(NODE_A), justInside, T0).ok).toBe(true);
  });

  it('fails with counter-overflow when the remote counter is exhausted in the same millisecond', () => {
    const remote = formatHlc({ wallMs: T0, counter: MAX_COUNTER, nodeId: NODE_B });
    expect(receive(createClock(NODE_A), remote, T0)).toEqual({ ok: false, error: { kind: 'counter-overflow' } });
  });

  it('accepts our own timestamps coming back, but flags a newer one carrying our node id', () => {
    const mine = mustTick(createClock(NODE_A), T0);
    expect(receive(mine.clock, mine.hlc, T0 + 5)).toEqual({ ok: true, value: mine.clock });
    const impostor = formatHlc({ wallMs: T0 + 10, counter: 0, nodeId: NODE_A });
    expect(receive(mine.clock, impostor, T0 + 20)).toEqual({ ok: false, error: { kind: 'duplicate-node', nodeId: NODE_A } });
  });

  it('rejects a malformed remote timestamp as a typed failure', () => {
    expect(receive(createClock(NODE_A), 'yesterday', T0)).toEqual({
      ok: false,
      error: { kind: 'invalid-hlc', value: 'yesterday' },
    });
  });
});
