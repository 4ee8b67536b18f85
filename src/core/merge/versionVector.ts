/**
 * Version vectors: for each node, the newest HLC of that node a replica holds. A bundle's manifest
 * carries one, and `changesSince` answers "what does a peer with this vector lack?".
 *
 * Why this is enough even though compaction drops superseded changes: a replica that holds an HLC
 * h of node n holds every change of n up to h, or a newer change to the same field that beat it
 * (changes travel as whole prefixes of a node's log, and each change has its own HLC).
 * Every change it lacks and that would still win is therefore newer than its vector entry for that
 * change's node, and is sent. (The sync hub does not use this; it pages by its own sequence.)
 */
import { z } from 'zod';
import { hlcSchema, nodeIdSchema, type Hlc, type NodeId } from '../clock/hlc';
import type { Change } from './change';

export const versionVectorSchema = z.record(nodeIdSchema, hlcSchema);
export type VersionVector = Readonly<Record<NodeId, Hlc>>;

/** Node → newest HLC, with nodes in sorted order so equal vectors serialise equally. */
export function versionVector(changes: Iterable<Change>): VersionVector {
  const newest = new Map<NodeId, Hlc>();
  for (const change of changes) {
    const current = newest.get(change.node);
    if (current === undefined || change.hlc > current) newest.set(change.node, change.hlc);
  }
  return Object.fromEntries([...newest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The changes a replica with `vector` has not seen: newer than its entry for their node. */
export function changesSince(changes: readonly Change[], vector: VersionVector): Change[] {
  return changes.filter((change) => {
    // hasOwn: the vector may come from a bundle, and "constructor" is not a node we have seen.
    const seen = Object.hasOwn(vector, change.node) ? vector[change.node] : undefined;
    return seen === undefined || change.hlc > seen;
  });
}
