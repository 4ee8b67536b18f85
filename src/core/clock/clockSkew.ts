/**
 * The one rule against a poisoned clock, shared by bundle verification, `mmdma bundle merge`,
 * import and (later) the sync hub: a timestamp stamped more than MAX_CLOCK_SKEW_MS ahead of the
 * reader's own clock is refused, and so is everything that carries it.
 *
 * Why refuse rather than accept: last-writer-wins compares HLC strings, wall time first. A change
 * stamped in the year 33658 (a device whose battery died and came back at a random date, a typo in
 * the date settings, or a forger) beats every honest edit of that field for ever, and a device that
 * advanced its clock past it would stamp all its own later edits in that future too. No value that
 * wins that way can be trusted, so nothing that depends on it may be merged or imported.
 *
 * Why a day (and not the 5 minutes storage allows one change to run ahead, MAX_DRIFT_MS in hlc.ts):
 * field laptops run minutes to hours off after travel across time zones and a dead CMOS battery;
 * refusing a whole bundle for that would cost a team its day's work, while storage still keeps its
 * own clock within 5 minutes of the wall by refusing (and counting) those single changes. A day is
 * also the hub's rule (DESIGN §7).
 *
 * Pure: the caller passes its wall clock (`nowMs`), so tests, the CLI and the hub decide "now".
 */
import { parseHlc, type NodeId } from './hlc';

/** How far ahead of the reader's clock a timestamp may be before it is refused: 24 hours, in ms. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** A timestamp too far ahead: who stamped it, when it claims, and by how much it is ahead. */
export interface ClockAhead {
  readonly kind: 'clock-ahead';
  /** The device (node id) whose clock stamped it. */
  readonly node: NodeId;
  /** The offending HLC string, as found. */
  readonly hlc: string;
  /** Its wall time in ms since the epoch (what the stamping device thought "now" was). */
  readonly stampedAtMs: number;
  /** The reader's clock when it checked, ms since the epoch. */
  readonly readerNowMs: number;
  /** stampedAtMs − readerNowMs, in ms (always > maxSkewMs). */
  readonly aheadMs: number;
  readonly maxSkewMs: number;
}

export type ClockSkewCheck = { readonly ok: true } | { readonly ok: false; readonly error: ClockAhead };

/**
 * Checks one timestamp against the reader's clock. A string that is not an HLC is not this rule's
 * business (schemas refuse it) and passes here.
 */
export function checkClockSkew(hlc: string, readerNowMs: number, maxSkewMs: number = MAX_CLOCK_SKEW_MS): ClockSkewCheck {
  const parts = parseHlc(hlc);
  if (parts === null) return { ok: true };
  const aheadMs = parts.wallMs - readerNowMs;
  if (aheadMs <= maxSkewMs) return { ok: true };
  return { ok: false, error: { kind: 'clock-ahead', node: parts.nodeId, hlc, stampedAtMs: parts.wallMs, readerNowMs, aheadMs, maxSkewMs } };
}

/**
 * The first timestamp too far ahead among many (changes, version-vector entries), or ok. One pass,
 * no allocation per timestamp beyond parsing: a bundle may carry a million of them.
 */
export function checkClockSkewOfAll(hlcs: Iterable<string>, readerNowMs: number, maxSkewMs: number = MAX_CLOCK_SKEW_MS): ClockSkewCheck {
  // Compare strings first: an HLC's wall part is fixed-width, so one below the limit as a string
  // is below it as a number, and only the rare candidate is parsed.
  const limit = readerNowMs + maxSkewMs;
  const limitPrefix = Number.isSafeInteger(limit) && limit >= 0 ? String(limit).padStart(15, '0') : undefined;
  for (const hlc of hlcs) {
    if (limitPrefix !== undefined && hlc.slice(0, 15) <= limitPrefix) continue;
    const check = checkClockSkew(hlc, readerNowMs, maxSkewMs);
    if (!check.ok) return check;
  }
  return { ok: true };
}

/** "device a1a1… stamped a change at 33658-…, 31,000 years ahead of this clock (…)" in English. */
export function describeClockAhead(problem: ClockAhead, where: string): string {
  return (
    `The device ${problem.node} stamped ${where} at ${isoOrRaw(problem.stampedAtMs)}, ${durationText(problem.aheadMs)} ahead of this clock ` +
    `(${isoOrRaw(problem.readerNowMs)}); timestamps more than ${durationText(problem.maxSkewMs)} ahead are refused, so that a wrong clock ` +
    `cannot overwrite the team's work. That device's date and time are wrong: correct them there (and check this machine's), then export again.`
  );
}

/**
 * What a device does about its OWN clock (see docs/clocks.md): true when the last timestamp it
 * issued or accepted is more than the skew ahead of its wall clock now, i.e. its clock once ran in
 * the future (or took a future timestamp) and every edit it stamps from now on would be refused by
 * every reader until the real time catches up. The app then warns and stops exporting those
 * changes until the user repairs the clock (the repair re-issues them under a new node id).
 */
export function ownClockAhead(lastIssuedWallMs: number, nowMs: number, maxSkewMs: number = MAX_CLOCK_SKEW_MS): boolean {
  return lastIssuedWallMs - nowMs > maxSkewMs;
}

function isoOrRaw(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `${ms} ms` : date.toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** "31,631": the problem texts are English technical detail, so no locale data is needed (or wanted). */
const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
function durationText(ms: number): string {
  if (ms >= 365 * DAY_MS) return `${groupDigits(Math.floor(ms / (365.25 * DAY_MS)))} years`;
  if (ms >= 2 * DAY_MS) return `${Math.floor(ms / DAY_MS)} days`;
  if (ms >= 2 * 3_600_000) return `${Math.floor(ms / 3_600_000)} hours`;
  return `${Math.max(1, Math.floor(ms / 60_000))} minutes`;
}
