/**
 * Hybrid logical clock, after Actual Budget's CRDT timestamps (Kulkarni et al., "Logical Physical
 * Clocks"). A timestamp is the string
 *
 *     <wall ms, 15 decimal digits>-<counter, 4 hex digits>-<node id, 16 hex digits>
 *     000001665000000-0000-4f3a9c0d12e8b7a6
 *
 * Every part is fixed-width, so plain string comparison is causal order: an event that saw
 * another (locally, or through `receive`) always sorts after it, and the node id breaks ties
 * between devices so no two devices ever issue the same timestamp.
 *
 * The clock is an immutable value: `tick` and `receive` return a new clock that the caller must
 * persist together with the change it stamped (a lost clock could re-issue a timestamp).
 * Expected failures (a peer whose clock runs far ahead, a counter exhausted within one
 * millisecond, a timestamp that is not ours but carries our node id) are returned, not thrown.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';

/** How far a timestamp may run ahead of this device's wall clock before we refuse it. */
export const MAX_DRIFT_MS = 5 * 60_000;
/** Events one node can stamp within one wall-clock millisecond (4 hex digits). */
export const MAX_COUNTER = 0xffff;
/** The largest wall time 15 decimal digits can hold (the year 33658). */
export const MAX_WALL_MS = 999_999_999_999_999;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;

export const NODE_ID_PATTERN = /^[0-9a-f]{16}$/;
export const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-[0-9a-f]{16}$/;

export const nodeIdSchema = z.string().regex(NODE_ID_PATTERN, 'must be a node id of 16 lower-case hex digits');
export type NodeId = z.infer<typeof nodeIdSchema>;

export const hlcSchema = z
  .string()
  .regex(HLC_PATTERN, 'must be a timestamp "<15-digit ms>-<4 hex counter>-<16 hex node id>"');
export type Hlc = z.infer<typeof hlcSchema>;

/** The persisted state of one device's clock: the last timestamp it issued or saw. */
export const clockSchema = z.object({
  nodeId: nodeIdSchema,
  wallMs: z.number().int().min(0).max(MAX_WALL_MS),
  counter: z.number().int().min(0).max(MAX_COUNTER),
});
export type Clock = Readonly<z.infer<typeof clockSchema>>;

export interface HlcParts {
  readonly wallMs: number;
  readonly counter: number;
  readonly nodeId: NodeId;
}

export type ClockFailure =
  /** The timestamp would be more than MAX_DRIFT_MS ahead of this device's wall clock. */
  | { readonly kind: 'clock-drift'; readonly driftMs: number; readonly maxDriftMs: number }
  /** More than MAX_COUNTER + 1 events in one millisecond. */
  | { readonly kind: 'counter-overflow' }
  /**
   * A remote timestamp carries our node id but is newer than anything we issued: another device
   * runs with our node id (a cloned profile or restored backup), which would silently collide.
   */
  | { readonly kind: 'duplicate-node'; readonly nodeId: NodeId }
  | { readonly kind: 'invalid-hlc'; readonly value: string };

/** The advanced clock (persist it with the change) and the timestamp for the local event. */
export interface Tick {
  readonly clock: Clock;
  readonly hlc: Hlc;
}
export type TickResult = Result<Tick, ClockFailure>;
/** The advanced clock; unchanged when the remote timestamp was already behind it. */
export type ReceiveResult = Result<Clock, ClockFailure>;

/** A fresh node id: 8 random bytes as hex. Regenerate it on restore or clone of a profile. */
export function createNodeId(randomBytes: (n: number) => Uint8Array): NodeId {
  const bytes = randomBytes(8);
  if (bytes.length < 8) throw new RangeError(`createNodeId: randomBytes returned ${bytes.length} bytes, need 8`);
  let hex = '';
  for (const byte of bytes.subarray(0, 8)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function createClock(nodeId: NodeId): Clock {
  if (!NODE_ID_PATTERN.test(nodeId)) throw new RangeError(`createClock: "${nodeId}" is not a node id`);
  return { nodeId, wallMs: 0, counter: 0 };
}

export function formatHlc(parts: HlcParts): Hlc {
  return `${String(parts.wallMs).padStart(WALL_DIGITS, '0')}-${parts.counter
    .toString(16)
    .padStart(COUNTER_DIGITS, '0')}-${parts.nodeId}`;
}

/** Null when the string is not a well-formed timestamp. */
export function parseHlc(value: string): HlcParts | null {
  if (!HLC_PATTERN.test(value)) return null;
  return {
    wallMs: Number(value.slice(0, WALL_DIGITS)),
    counter: Number.parseInt(value.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS), 16),
    nodeId: value.slice(WALL_DIGITS + 2 + COUNTER_DIGITS),
  };
}

/** Causal order. Valid timestamps are fixed-width, so code-unit order is the order. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stamps a local event. It never fails: an assessor must always be able to save a note. When the
 * device clock has gone backwards (an NTP correction, a user fixing the date) the clock carries on
 * from its last value, and when 65,536 events fall in one millisecond it borrows the next
 * millisecond. Either way the clock runs a little ahead of the wall for a while, which only costs
 * ordering precision; refusing would cost notes. Timestamps from elsewhere are still checked for
 * drift in `receive`.
 */
export function tick(clock: Clock, nowMs: number): TickResult {
  assertWallMs(nowMs, 'tick');
  let wallMs = Math.max(clock.wallMs, nowMs);
  let counter = wallMs === clock.wallMs ? clock.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    wallMs += 1;
    counter = 0;
  }
  if (wallMs > MAX_WALL_MS) return err({ kind: 'counter-overflow' });
  const next: Clock = { nodeId: clock.nodeId, wallMs, counter };
  return ok({ clock: next, hlc: formatHlc(next) });
}

/** Advances the clock past a timestamp seen from elsewhere, so our next tick sorts after it. */
export function receive(clock: Clock, remoteHlc: Hlc, nowMs: number): ReceiveResult {
  assertWallMs(nowMs, 'receive');
  const remote = parseHlc(remoteHlc);
  if (!remote) return err({ kind: 'invalid-hlc', value: remoteHlc });
  if (remote.nodeId === clock.nodeId) {
    // Our own timestamps come back through the hub and from our own bundles; those are never
    // ahead of the clock that issued them. One that is ahead was issued by someone else.
    if (remote.wallMs > clock.wallMs || (remote.wallMs === clock.wallMs && remote.counter > clock.counter)) {
      return err({ kind: 'duplicate-node', nodeId: clock.nodeId });
    }
    return ok(clock);
  }
  if (remote.wallMs - nowMs > MAX_DRIFT_MS) {
    return err({ kind: 'clock-drift', driftMs: remote.wallMs - nowMs, maxDriftMs: MAX_DRIFT_MS });
  }
  const wallMs = Math.max(clock.wallMs, nowMs, remote.wallMs);
  let counter: number;
  if (wallMs === clock.wallMs && wallMs === remote.wallMs) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wallMs === clock.wallMs) counter = clock.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  else counter = 0;
  const failure = checkLimits(wallMs, counter, nowMs);
  if (failure) return err(failure);
  return ok({ nodeId: clock.nodeId, wallMs, counter });
}

function checkLimits(wallMs: number, counter: number, nowMs: number): ClockFailure | null {
  if (wallMs - nowMs > MAX_DRIFT_MS) return { kind: 'clock-drift', driftMs: wallMs - nowMs, maxDriftMs: MAX_DRIFT_MS };
  if (counter > MAX_COUNTER) return { kind: 'counter-overflow' };
  return null;
}

/** A wall time that is not a sane integer is a bug in the caller, not an expected failure. */
function assertWallMs(nowMs: number, where: string): void {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_WALL_MS) {
    throw new RangeError(`${where}: wall time ${nowMs} is not an integer millisecond in [0, ${MAX_WALL_MS}]`);
  }
}
