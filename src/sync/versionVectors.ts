/** Version-vector arithmetic replication needs beyond the core's `versionVector`/`changesSince`. */
import type { VersionVector } from '../core/merge/versionVector';

/** The pointwise maximum: what a replica knows after learning both. Nodes in sorted order. */
export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out = new Map<string, string>(Object.entries(a));
  for (const [node, hlc] of Object.entries(b)) {
    const current = out.get(node);
    if (current === undefined || hlc > current) out.set(node, hlc);
  }
  return Object.fromEntries([...out].sort(([x], [y]) => (x < y ? -1 : 1)));
}
