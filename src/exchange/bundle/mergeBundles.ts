/**
 * Merges verified bundles of one assessment into one bundle, with the app's semantics: the union of
 * the changes keeping the newest version of every field (mergeChangeSets, the same rule the store
 * applies), and the union of the attachments. Importing the merged bundle gives the same records as
 * importing its inputs one by one, in any order. Used by `mmdma bundle merge`.
 */
import type { NodeId } from '../../core/clock/hlc';
import type { Change } from '../../core/merge/change';
import { compareChangeVersions, mergeChangeSets } from '../../core/merge/mergeChanges';
import type { VersionVector } from '../../core/merge/versionVector';
import { err, ok, type Result } from '../../core/result';
import { bundleClockProblem } from './bundleClock';
import type { FrameworkRef } from './format';
import { frameworkFit } from './frameworkMatch';
import type { VerifiedBundle } from './readBundle';
import { writeBundle, type BundleBlobSource, type WriteBundleOptions, type WrittenBundle } from './writeBundle';

export interface MergeBundlesOptions {
  readonly bundleId: string;
  readonly createdAt: string;
  /** A node id for the merge (the tool is not a replica; importers do not record it as a peer). */
  readonly node: NodeId;
  readonly assessor: string | null;
  /** Default true. */
  readonly includeAttachments?: boolean;
  readonly write?: WriteBundleOptions;
  /**
   * The merging machine's clock, ms since the epoch (default Date.now()). An input with a change or
   * version vector more than MAX_CLOCK_SKEW_MS ahead of it refuses the whole merge: merging it would
   * let that change beat honest values for ever and write a vector pointing into the future.
   */
  readonly nowMs?: number;
}

export interface MergeProblem {
  readonly code: 'no-input' | 'different-assessments' | 'framework-mismatch' | 'too-large' | 'read-failed' | 'clock-ahead';
  readonly message: string;
}

export async function mergeBundles(bundles: readonly VerifiedBundle[], options: MergeBundlesOptions): Promise<Result<WrittenBundle, MergeProblem>> {
  const first = bundles[0];
  if (first === undefined) return err({ code: 'no-input', message: 'Give at least one bundle to merge.' });
  const assessmentId = first.manifest.assessment.id;
  const other = bundles.find((b) => b.manifest.assessment.id !== assessmentId);
  if (other !== undefined) {
    return err({
      code: 'different-assessments',
      message: `Bundles of different assessments cannot be merged: ${first.manifest.assessment.id} ("${first.manifest.assessment.title}") and ${other.manifest.assessment.id} ("${other.manifest.assessment.title}").`,
    });
  }
  for (const bundle of bundles) {
    const fit = frameworkFit(bundle.manifest.framework, first.manifest.framework, 'another bundle');
    if (fit.fit === 'incompatible') return err({ code: 'framework-mismatch', message: fit.reason });
  }

  // readBundle already refused such bundles for its own clock; this is the rule at the merge itself,
  // whatever clock the inputs were read with, and before anything is merged or written.
  const nowMs = options.nowMs ?? Date.now();
  for (const bundle of bundles) {
    const ahead = bundleClockProblem(bundle, nowMs);
    if (ahead !== undefined) return err({ code: 'clock-ahead', message: `Bundle ${bundle.manifest.bundleId}: ${ahead.message}` });
  }

  let changes: Change[] = [];
  for (const bundle of bundles) changes = mergeChangeSets(changes, bundle.changes);

  const newest = [...bundles].sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : -1))[0]!;
  const includeAttachments = options.includeAttachments ?? true;
  const blobs = new Map<string, BundleBlobSource>();
  if (includeAttachments) {
    for (const bundle of bundles) {
      for (const info of bundle.blobs) {
        if (blobs.has(info.sha256)) continue;
        blobs.set(info.sha256, {
          sha256: info.sha256,
          mediaType: info.mediaType,
          bytes: info.bytes,
          read: async () => {
            const read = await bundle.readBlob(info.sha256);
            return read.ok ? read.value : undefined;
          },
        });
      }
    }
  }

  const written = await writeBundle(
    {
      bundleId: options.bundleId,
      createdAt: options.createdAt,
      createdBy: { kind: 'merge', node: options.node, assessor: options.assessor, assessorId: null },
      assessment: { id: assessmentId, title: newest.manifest.assessment.title },
      framework: frameworkOf(changes, assessmentId, newest.manifest.framework),
      versionVector: pointwiseMax(bundles.map((b) => b.manifest.versionVector)),
      since: bundles.every((b) => b.manifest.since === null) ? null : pointwiseMin(bundles.flatMap((b) => (b.manifest.since === null ? [] : [b.manifest.since]))),
      includesAttachments: includeAttachments && bundles.some((b) => b.manifest.includesAttachments),
      blobsHeld: [...blobs.keys()],
      changes,
      blobs: [...blobs.values()],
    },
    options.write,
  );
  if (!written.ok) return err(written.error);
  const unreadable = written.value.skippedBlobs;
  if (unreadable.length > 0) {
    return err({ code: 'read-failed', message: `${unreadable.length} attachment(s) could not be read back from the input bundles (first: ${unreadable[0]!.sha256}).` });
  }
  return ok(written.value);
}

/** The assessment's framework as the merged changes decide it (the newest write wins), else the fallback. */
function frameworkOf(changes: readonly Change[], assessmentId: string, fallback: FrameworkRef): FrameworkRef {
  const winner = (field: string) => {
    let best: Change | undefined;
    for (const c of changes) {
      if (c.table === 'assessment' && c.id === assessmentId && c.field === field && (best === undefined || compareChangeVersions(c, best) > 0)) best = c;
    }
    return best?.value;
  };
  const id = winner('frameworkId');
  const version = winner('frameworkVersion');
  return { id: typeof id === 'string' ? id : fallback.id, version: typeof version === 'string' ? version : fallback.version };
}

function pointwiseMax(vectors: readonly VersionVector[]): VersionVector {
  const out = new Map<string, string>();
  for (const vector of vectors) {
    for (const [node, hlc] of Object.entries(vector)) {
      const current = out.get(node);
      if (current === undefined || hlc > current) out.set(node, hlc);
    }
  }
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Nodes present in every vector, at their smallest HLC. */
function pointwiseMin(vectors: readonly VersionVector[]): VersionVector {
  const [head, ...rest] = vectors;
  if (head === undefined) return {};
  const out: Array<[string, string]> = [];
  for (const [node, hlc] of Object.entries(head)) {
    let min = hlc;
    let everywhere = true;
    for (const vector of rest) {
      const other = Object.hasOwn(vector, node) ? vector[node] : undefined;
      if (other === undefined) everywhere = false;
      else if (other < min) min = other;
    }
    if (everywhere) out.push([node, min]);
  }
  return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : 1)));
}
