/**
 * Bundle peers: per assessment, the devices whose bundles were imported here, with what each is
 * known to hold (the pointwise maximum of their bundles' version vectors, the attachments they said
 * they held), so the next export to one of them carries only what it lacks. Kept in storage's
 * `peers` table (peerId = the peer's node id; a hub's peerId starts with `hub:`), validated here on
 * every read.
 */
import { z } from 'zod';
import { sha256HexSchema } from '../core/assessment/attachmentSchema';
import { isoDateTimeSchema } from '../core/assessment/recordBase';
import { nodeIdSchema } from '../core/clock/hlc';
import { versionVectorSchema, type VersionVector } from '../core/merge/versionVector';
import { uuidSchema } from '../core/ids/uuidSchema';
import { err, ok, type Result } from '../core/result';
import type { StorageFailure, Store } from '../storage';
import { mergeVectors } from './versionVectors';

export const bundlePeerSchema = z.object({
  assessmentId: uuidSchema,
  node: nodeIdSchema,
  assessor: z.string().nullable(),
  assessorId: uuidSchema.nullable(),
  /** Pointwise maximum of the vectors of every bundle imported from this peer. */
  versionVector: versionVectorSchema,
  /** Union of the attachments the peer said it held. */
  blobsHeld: z.array(sha256HexSchema),
  lastBundleId: uuidSchema,
  lastBundleCreatedAt: isoDateTimeSchema,
  importedAt: isoDateTimeSchema,
});
export type BundlePeer = z.infer<typeof bundlePeerSchema>;

/** Peers whose bundles of this assessment were imported here, most recent first. */
export async function listBundlePeers(store: Store, assessmentId: string): Promise<Result<BundlePeer[], StorageFailure>> {
  const rows = await store.listPeerRows(assessmentId);
  if (!rows.ok) return rows;
  const peers = rows.value.flatMap((row) => {
    const parsed = bundlePeerSchema.safeParse(row.value);
    return parsed.success && parsed.data.assessmentId === assessmentId && parsed.data.node === row.peerId ? [parsed.data] : [];
  });
  return ok(peers.sort((a, b) => (a.lastBundleCreatedAt < b.lastBundleCreatedAt ? 1 : -1)));
}

export interface BundleSeen {
  readonly assessmentId: string;
  readonly node: string;
  readonly assessor: string | null;
  readonly assessorId: string | null;
  readonly versionVector: VersionVector;
  readonly blobsHeld: readonly string[];
  readonly bundleId: string;
  readonly createdAt: string;
}

/** Learns what a peer holds from a bundle it made; a bundle that teaches nothing new writes nothing. */
export async function rememberBundlePeer(store: Store, seen: BundleSeen, now: () => number = () => Date.now()): Promise<Result<void, StorageFailure>> {
  const wrote = await store.updatePeerRow(seen.assessmentId, seen.node, (stored) => {
    const previous = bundlePeerSchema.safeParse(stored);
    const newer = !previous.success || seen.createdAt >= previous.data.lastBundleCreatedAt;
    const peer: BundlePeer = {
      assessmentId: seen.assessmentId,
      node: seen.node,
      assessor: newer ? seen.assessor : previous.data.assessor,
      assessorId: newer ? seen.assessorId : previous.data.assessorId,
      versionVector: mergeVectors(previous.success ? previous.data.versionVector : {}, seen.versionVector),
      blobsHeld: [...new Set([...(previous.success ? previous.data.blobsHeld : []), ...seen.blobsHeld])].sort(),
      lastBundleId: newer ? seen.bundleId : previous.data.lastBundleId,
      lastBundleCreatedAt: newer ? seen.createdAt : previous.data.lastBundleCreatedAt,
      importedAt: new Date(now()).toISOString(),
    };
    // A re-imported bundle teaches nothing new: leave the row alone, so the database is unchanged.
    return previous.success && sameExceptImportTime(previous.data, peer) ? undefined : peer;
  });
  return wrote.ok ? ok(undefined) : err(wrote.error);
}

function sameExceptImportTime(a: BundlePeer, b: BundlePeer): boolean {
  return JSON.stringify({ ...a, importedAt: '' }) === JSON.stringify({ ...b, importedAt: '' });
}
