/**
 * What an export would carry, for the form to show before anyone presses the button: the peers a
 * partial export can be cut for (everyone whose bundle of this assessment was imported here), and
 * the attachments (count and size) the bundle would hold in each case.
 */
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Attachment } from '../../../core/assessment/attachmentSchema';
import type { BundlePeer } from '../../../exchange/importBundle';

export interface AttachmentTotals {
  /** Distinct files (two attachment records of the same photo are one file in a bundle). */
  readonly files: number;
  readonly bytes: number;
}

/**
 * Attachments of the assessment a bundle would carry: all of them, or those a peer does not hold.
 * Sizes come from the attachment records; bytes this device never received are skipped by the
 * export and reported after it.
 */
export function attachmentTotals(attachments: readonly Attachment[], peerBlobs?: readonly string[]): AttachmentTotals {
  const held = new Set(peerBlobs ?? []);
  const sizes = new Map<string, number>();
  for (const attachment of attachments) {
    if (attachment.deleted || held.has(attachment.sha256)) continue;
    sizes.set(attachment.sha256, attachment.bytes);
  }
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { files: sizes.size, bytes };
}

export interface PeerView {
  /** The peer's node id (one installation). */
  readonly node: string;
  /** The assessor's name as the assessment knows it now, else as the bundle said, else null. */
  readonly name: string | null;
  readonly lastBundleCreatedAt: string;
  readonly importedAt: string;
  readonly peer: BundlePeer;
}

/** Peers for the "only what … lacks" choice, newest bundle first (as listBundlePeers returns them). */
export function peerViews(peers: readonly BundlePeer[], assessors: readonly Assessor[]): PeerView[] {
  const byId = new Map(assessors.map((assessor) => [assessor.id, assessor]));
  return peers.map((peer) => {
    const current = peer.assessorId === null ? undefined : byId.get(peer.assessorId);
    const name = current?.name.trim() || peer.assessor?.trim() || null;
    return { node: peer.node, name, lastBundleCreatedAt: peer.lastBundleCreatedAt, importedAt: peer.importedAt, peer };
  });
}

/** The select's value for "someone not in the team list" (assessor ids are UUIDs, so it cannot clash). */
export const OTHER_SIGNER = 'other';

/**
 * Who signs an export at first: "me" on this device when chosen. Never a guess such as the lead: a
 * bundle signed with someone else's name misleads every colleague who imports it.
 */
export function initialSigner(assessors: readonly Assessor[], meId: string | undefined): string {
  if (assessors.length === 0) return OTHER_SIGNER;
  return assessors.some((assessor) => assessor.id === meId) ? (meId ?? '') : '';
}

export type SignerResolution =
  | { readonly ok: true; readonly name: string; readonly assessorId: string | null }
  | { readonly ok: false; readonly problem: 'choose' | 'name' };

/** The signature of an export from the form: an assessor of the team, or a typed name. */
export function resolveSigner(choice: string, typedName: string, assessors: readonly Assessor[]): SignerResolution {
  if (choice === OTHER_SIGNER) {
    const name = typedName.trim();
    return name === '' ? { ok: false, problem: 'name' } : { ok: true, name, assessorId: null };
  }
  const assessor = assessors.find((candidate) => candidate.id === choice);
  return assessor === undefined ? { ok: false, problem: 'choose' } : { ok: true, name: assessor.name, assessorId: assessor.id };
}
