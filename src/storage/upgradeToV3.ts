/**
 * The version-3 upgrade (databaseSchema.ts), run by Dexie inside the upgrade transaction, so a
 * device either has all of it or none of it:
 *
 * 1. Bundle peers move out of `meta` (`bundle-peer:<assessment id>:<node id>`, version 1–2) into
 *    the `peers` table (peerId = the node id), their value unchanged. A meta row whose key does
 *    not split into an assessment and a node is left where it is (nothing reads it any more, and
 *    dropping data we cannot interpret is not this upgrade's call).
 * 2. The change log is compacted once: per field, only the newest change of each node is kept
 *    (compactChangeLog.ts says why that keeps version vectors and "what since V" exact).
 */
import type { Transaction } from 'dexie';
import { fieldKey } from '../core/merge/mergeChanges';

/** The meta key prefix of bundle peers before version 3. */
export const LEGACY_PEER_META_PREFIX = 'bundle-peer:';

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const meta = tx.table('meta');
  const legacy: Array<{ key: string; value: unknown }> = await meta.where('key').startsWith(LEGACY_PEER_META_PREFIX).toArray();
  const moved: Array<{ assessmentId: string; peerId: string; value: unknown }> = [];
  const movedKeys: string[] = [];
  for (const row of legacy) {
    const [assessmentId, peerId, ...rest] = row.key.slice(LEGACY_PEER_META_PREFIX.length).split(':');
    if (assessmentId === undefined || peerId === undefined || assessmentId === '' || peerId === '' || rest.length > 0) continue;
    moved.push({ assessmentId, peerId, value: row.value });
    movedKeys.push(row.key);
  }
  if (moved.length > 0) {
    await tx.table('peers').bulkPut(moved);
    await meta.bulkDelete(movedKeys);
  }

  const newest = new Map<string, string>();
  const superseded: string[] = [];
  await tx
    .table('changeLog')
    .toCollection()
    .each((row: unknown) => {
      if (!isLogRow(row)) return;
      const key = `${fieldKey(row)}\u0000${row.node}`;
      const kept = newest.get(key);
      if (kept === undefined) newest.set(key, row.hlc);
      else if (row.hlc > kept) {
        superseded.push(kept);
        newest.set(key, row.hlc);
      } else superseded.push(row.hlc);
    });
  if (superseded.length > 0) await tx.table('changeLog').bulkDelete(superseded);
}

function isLogRow(row: unknown): row is { hlc: string; node: string; table: string; id: string; field: string } {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  return typeof r.hlc === 'string' && typeof r.node === 'string' && typeof r.table === 'string' && typeof r.id === 'string' && typeof r.field === 'string';
}
