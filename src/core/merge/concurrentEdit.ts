/**
 * Concurrent edits (DESIGN §5): two versions of one field, each made without its author having seen
 * the other. Last-writer-wins keeps the newer one everywhere; the other is what the conflicts table
 * keeps for the lead to review. Sequential edits — the second author had the first version when
 * writing — are not conflicts, however close in time: that is an ordinary correction.
 *
 * "Had seen" is read, for the sender, from its version vector: a replica whose vector holds node n
 * up to h holds every change of n up to h (or a newer change that beat it). For this replica it is
 * whether the incoming version is in its change log. Not its own version vector: that spans every
 * assessment on the device, and a newer change of the same author to another assessment says
 * nothing of this one. A version that arrived here earlier and lost was judged when it arrived.
 * The rule errs towards reporting: when a third author corrected the incoming version and only the
 * correction reached this device, the pair is reported, and the lead dismisses it.
 */
import type { Change } from './change';
import { canonicalJson, fieldKey } from './mergeChanges';
import type { VersionVector } from './versionVector';

/** Whether a replica with `vector` had seen `change` (or a change that beat it). */
export function coveredBy(vector: VersionVector, change: Pick<Change, 'node' | 'hlc'>): boolean {
  // hasOwn: a vector may come from a bundle, and "constructor" is not a node anyone has seen.
  const held = Object.hasOwn(vector, change.node) ? vector[change.node] : undefined;
  return held !== undefined && change.hlc <= held;
}

/**
 * Whether `local` (this replica's current version of a field) and `incoming` (the sender's version
 * of the same field) are concurrent edits that disagree: different authors, different values, and
 * neither side had the other's version. `knownToSender` is what the sender held when it sent
 * (a bundle's vector); `incomingLoggedHere` whether this replica's change log holds `incoming`.
 */
export function isConcurrentEdit(local: Change, incoming: Change, knownToSender: VersionVector, incomingLoggedHere: boolean): boolean {
  if (fieldKey(local) !== fieldKey(incoming) || local.hlc === incoming.hlc || local.node === incoming.node) return false;
  if (incomingLoggedHere || coveredBy(knownToSender, local)) return false;
  return canonicalJson(local.value) !== canonicalJson(incoming.value);
}
