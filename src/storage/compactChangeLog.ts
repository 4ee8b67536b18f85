/**
 * Compaction of the change log (issue 10, item 7). Without it every autosave of a note stays in
 * the log for good: an hour of typing one long note kept hundreds of full copies of its text.
 *
 * The rule: a change is dropped from the log when a newer change OF THE SAME NODE to the same field
 * replaces it. Why this is safe for everything that reads the log:
 * - Version vectors (node → newest HLC) are unchanged: a node's newest change is never the one
 *   dropped, since the one that replaces it is newer and of the same node.
 * - "What does a peer with vector V lack" stays exact: a dropped change c of node n was replaced by
 *   c' of n with c'.hlc > c.hlc. If the peer lacks c (c.hlc > V[n]) it lacks c' too and gets c',
 *   which beats c. The invariant version vectors rest on — a replica holding n up to h holds every
 *   change of n up to h, or a newer change that beat it — still holds.
 * - Merges are unaffected: only a field's winner decides anything, and winners are never dropped.
 * - The outbox (what the hub has not acknowledged) already keeps one change per field.
 * What is kept: every field's winner, and a version another node replaced (a concurrent edit from
 * another author stays in the log, so the vectors of both nodes stay exact). What a dropped version
 * changes: if that very version arrives again from a peer that still has it, it counts as "older
 * than yours" instead of "already here" in an import report.
 *
 * Writes apply the rule to the version each change replaces (cheap: the write reads it anyway);
 * the version-3 upgrade applies it to the whole log once (upgradeToV3.ts).
 */
import type { Change } from '../core/merge/change';

/** HLCs of `previous[i]` that `next[i]` replaces and that the same node made. */
export function supersededByOwnNode(previous: ReadonlyArray<unknown>, next: readonly Change[]): string[] {
  const out: string[] = [];
  next.forEach((change, i) => {
    const old = previous[i];
    if (typeof old !== 'object' || old === null || !('hlc' in old) || !('node' in old)) return;
    if (old.node === change.node && typeof old.hlc === 'string' && old.hlc !== change.hlc && old.hlc < change.hlc) out.push(old.hlc);
  });
  return out;
}
