/**
 * Helpers for the bundle tests: changes stamped by a hand-driven clock (no database needed), a small
 * but complete assessment as changes, and bundles written from them.
 */
import { formatHlc, type NodeId } from '../../../src/core/clock/hlc';
import type { Change, JsonValue } from '../../../src/core/merge/change';
import { versionVector } from '../../../src/core/merge/versionVector';
import { ratingId } from '../../../src/core/assessment/ratingSchema';
import type { TableName } from '../../../src/core/assessment/recordSchemas';
import { sha256Hex } from '../../../src/exchange/bundle/bytes';
import { writeBundle, type BundleBlobSource, type WriteBundleInput, type WriteBundleOptions } from '../../../src/exchange/bundle/writeBundle';

export const NODE_A: NodeId = 'a1a1a1a1a1a1a1a1';
export const NODE_B: NodeId = 'b2b2b2b2b2b2b2b2';
export const ASSESSMENT_ID = '01900000-0000-7000-8000-000000000001';
export const ASSESSOR_ID = '01900000-0000-7000-8000-000000000002';
export const OBSERVATION_ID = '01900000-0000-7000-8000-000000000003';
export const ATTACHMENT_ID = '01900000-0000-7000-8000-000000000004';
export const OTHER_ASSESSMENT_ID = '01900000-0000-7000-8000-0000000000ff';
/** 3 October 2022, 09:00 UTC. */
export const T0 = Date.UTC(2022, 9, 3, 9, 0, 0);

/** A clock that stamps one HLC per change, 1 ms apart. */
export function stamper(node: NodeId, startMs = T0) {
  let ms = startMs;
  return (table: TableName, id: string, field: string, value: JsonValue): Change => {
    ms += 1;
    return { hlc: formatHlc({ wallMs: ms, counter: 0, nodeId: node }), node, table, id, field, value };
  };
}

export function recordChanges(stamp: ReturnType<typeof stamper>, table: TableName, id: string, fields: Record<string, JsonValue>): Change[] {
  return Object.entries(fields).map(([field, value]) => stamp(table, id, field, value));
}

export const NOTE_TEXT = 'NSS: border data shared with EKENG only on paper; confidential, do not quote.';
export const ATTACHMENT_BYTES = new TextEncoder().encode('%PDF-1.4 pretend decree on e-visas, 2021 — confidential annex');

/** An assessment with one assessor, one note, one rating and one attachment record. */
export function sampleChanges(node: NodeId = NODE_A, options: { startMs?: number; note?: string; attachmentSha?: string } = {}): Change[] {
  const stamp = stamper(node, options.startMs);
  return [
    ...recordChanges(stamp, 'assessment', ASSESSMENT_ID, {
      title: 'MMDMA Armenia 2022',
      country: 'Armenia',
      startDate: '2022-10-03',
      endDate: '2022-10-06',
      frameworkId: 'mmdma',
      frameworkVersion: '1.0.0',
      status: 'fieldwork',
      notes: '',
      deleted: false,
    }),
    ...recordChanges(stamp, 'assessor', ASSESSOR_ID, { assessmentId: ASSESSMENT_ID, name: 'Anna Petrosyan', role: 'lead', deleted: false }),
    ...recordChanges(stamp, 'observation', OBSERVATION_ID, {
      assessmentId: ASSESSMENT_ID,
      interviewId: null,
      authorId: ASSESSOR_ID,
      kind: 'note',
      text: options.note ?? NOTE_TEXT,
      tags: [{ subTopicId: '6.5.2', trackIds: ['migration'] }],
      suggestedLevel: 'developing',
      attachmentIds: [ATTACHMENT_ID],
      createdAt: '2022-10-03T09:15:00.000Z',
      deleted: false,
    }),
    ...recordChanges(stamp, 'rating', ratingId(ASSESSMENT_ID, '6-5-2-a', 'migration', ASSESSOR_ID), {
      assessmentId: ASSESSMENT_ID,
      assessorId: ASSESSOR_ID,
      indicatorId: '6-5-2-a',
      trackId: 'migration',
      level: 'developing',
      rationale: 'Exchange exists but is manual.',
      evidenceIds: [OBSERVATION_ID],
      deleted: false,
    }),
    ...(options.attachmentSha === undefined
      ? []
      : recordChanges(stamp, 'attachment', ATTACHMENT_ID, {
          assessmentId: ASSESSMENT_ID,
          sha256: options.attachmentSha,
          mediaType: 'application/pdf',
          bytes: ATTACHMENT_BYTES.length,
          fileName: 'decree.pdf',
          caption: '',
          observationId: OBSERVATION_ID,
          deleted: false,
        })),
  ];
}

export function blobSource(bytes: Uint8Array, sha256: string, mediaType = 'application/pdf'): BundleBlobSource {
  return { sha256, mediaType, bytes: bytes.length, read: async () => bytes };
}

export const BUNDLE_ID = '01900000-0000-7000-8000-0000000000b1';

export async function sampleInput(overrides: Partial<WriteBundleInput> = {}): Promise<WriteBundleInput> {
  const sha = await sha256Hex(ATTACHMENT_BYTES);
  const changes = overrides.changes ?? sampleChanges(NODE_A, { attachmentSha: sha });
  return {
    bundleId: BUNDLE_ID,
    createdAt: '2022-10-03T18:00:00.000Z',
    createdBy: { kind: 'device', node: NODE_A, assessor: 'Anna Petrosyan', assessorId: ASSESSOR_ID },
    assessment: { id: ASSESSMENT_ID, title: 'MMDMA Armenia 2022' },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: versionVector(changes),
    since: null,
    includesAttachments: true,
    blobsHeld: [sha],
    blobs: [blobSource(ATTACHMENT_BYTES, sha)],
    ...overrides,
    changes,
  };
}

/** A bundle's bytes. */
export async function sampleBundle(overrides: Partial<WriteBundleInput> = {}, options: WriteBundleOptions = {}): Promise<Uint8Array> {
  const written = await writeBundle(await sampleInput(overrides), options);
  if (!written.ok) throw new Error(written.error.message);
  return new Uint8Array(await written.value.blob!.arrayBuffer());
}
