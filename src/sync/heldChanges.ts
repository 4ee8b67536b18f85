/**
 * Changes that arrive stamped too far ahead of this device's clock (a teammate whose clock runs fast,
 * or a device set to the wrong time zone): storage refuses to receive such a timestamp, because
 * advancing this device's clock to it would stamp every later local edit in that future too
 * (MAX_DRIFT_MS in hlc.ts, docs/clocks.md). Refused for good, they would be lost; stopping the sync
 * on them, the whole team would wait on one wrong clock for as long as it is wrong. So they wait
 * here instead, with what the sender knew and where they came from, and are applied through the same
 * path as any incoming change once this device's clock reaches them (`releaseDueChanges`, called
 * before every import and hub round, and by the app while some wait).
 *
 * Only the clock's "too far ahead" refusal is held. A change that carries this device's node id, or
 * is invalid, is refused as before: time will not make it acceptable.
 */
import { z } from 'zod';
import { MAX_DRIFT_MS, parseHlc } from '../core/clock/hlc';
import { changeSchema, type Change } from '../core/merge/change';
import { versionVectorSchema, type VersionVector } from '../core/merge/versionVector';
import { ok, type Result } from '../core/result';
import { conflictSourceSchema, type ApplyReport, type ConflictSource, type HeldChangeRow, type StorageFailure, type Store } from '../storage';

const heldValueSchema = z.object({
  change: changeSchema,
  knownToSender: versionVectorSchema,
  source: conflictSourceSchema,
});
type HeldValue = z.infer<typeof heldValueSchema>;

export interface HeldSummary {
  /** Changes waiting for this device's clock. */
  readonly count: number;
  /** When the last of them comes due on this device's clock (ms since the epoch), if any wait. */
  readonly dueByMs: number | undefined;
}

/** When a change stamped at `hlc` can be received here: its wall time less the drift storage allows. */
export function dueAtMs(hlc: string): number | undefined {
  const wallMs = parseHlc(hlc)?.wallMs;
  return wallMs === undefined ? undefined : wallMs - MAX_DRIFT_MS;
}

/** Keeps changes storage refused for their clock, to be applied when they come due. */
export async function holdChanges(
  store: Store,
  assessmentId: string,
  changes: readonly Change[],
  context: { readonly knownToSender: VersionVector; readonly source: ConflictSource },
): Promise<Result<void, StorageFailure>> {
  const rows = changes.map((change): HeldChangeRow => ({
    assessmentId,
    hlc: change.hlc,
    value: { change, knownToSender: context.knownToSender, source: context.source } satisfies HeldValue,
  }));
  return store.holdChangeRows(rows);
}

export async function heldSummary(store: Store, assessmentId: string): Promise<Result<HeldSummary, StorageFailure>> {
  const summary = await store.heldChangeSummary(assessmentId);
  if (!summary.ok) return summary;
  const { count, lastHlc } = summary.value;
  return ok({ count, dueByMs: lastHlc === undefined ? undefined : dueAtMs(lastHlc) });
}

export interface ReleaseReport {
  /** Held changes applied now (written, or found older than or equal to what is here). */
  readonly released: number;
  /** Of those, the ones that won their field. */
  readonly applied: number;
  readonly conflictsRecorded: number;
  /** Rows that no longer read as a held change (written by a newer version, or damaged): dropped. */
  readonly unreadable: number;
  /** Still waiting after this release. */
  readonly stillHeld: HeldSummary;
}

/**
 * Applies the held changes of an assessment that this device's clock (`nowMs`, the same clock the
 * store uses) can now receive, each group with the context it arrived with, and drops them. A change
 * the store still refuses for its clock (the clock went back meanwhile) stays held.
 */
export async function releaseDueChanges(store: Store, assessmentId: string, nowMs: number): Promise<Result<ReleaseReport, StorageFailure>> {
  const upTo = `${String(Math.max(0, Math.floor(nowMs + MAX_DRIFT_MS))).padStart(15, '0')}-ffff-ffffffffffffffff`;
  const rows = await store.listHeldChangeRows(assessmentId, upTo);
  if (!rows.ok) return rows;
  let released = 0;
  let applied = 0;
  let conflictsRecorded = 0;
  let unreadable = 0;
  const groups = new Map<string, { context: Omit<HeldValue, 'change'>; changes: Change[] }>();
  const dropped: string[] = [];
  for (const row of rows.value) {
    const parsed = heldValueSchema.safeParse(row.value);
    if (!parsed.success || parsed.data.change.hlc !== row.hlc) {
      unreadable += 1;
      dropped.push(row.hlc);
      continue;
    }
    const { change, knownToSender, source } = parsed.data;
    const key = JSON.stringify([knownToSender, source]);
    const group = groups.get(key) ?? { context: { knownToSender, source }, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  for (const { context, changes } of groups.values()) {
    const report = await store.applyChanges(changes, { conflicts: { assessmentId, knownToSender: context.knownToSender, source: context.source } });
    if (!report.ok) return report;
    const stillAhead = clockRefusedIndexes(report.value);
    changes.forEach((change, index) => {
      if (!stillAhead.has(index)) dropped.push(change.hlc);
    });
    released += changes.length - stillAhead.size;
    applied += report.value.applied;
    conflictsRecorded += report.value.conflictsRecorded;
  }
  const dropping = await store.dropHeldChangeRows(assessmentId, dropped);
  if (!dropping.ok) return dropping;
  const stillHeld = await heldSummary(store, assessmentId);
  if (!stillHeld.ok) return stillHeld;
  return ok({ released, applied, conflictsRecorded, unreadable, stillHeld: stillHeld.value });
}

/** Positions in a batch that storage refused only because their timestamp is too far ahead. */
export function clockRefusedIndexes(report: ApplyReport): Set<number> {
  return new Set(report.problems.filter((problem) => problem.clockRefusal === 'clock-drift').map((problem) => problem.index));
}

