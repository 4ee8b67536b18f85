/**
 * The bundle bench's workload, shared by the Node side (peak memory) and the page module (time in
 * Chromium): an assessment of 10,000 changes — notes with realistic text, ratings, attachment
 * records — and 20 incompressible 5 MiB attachments. Deterministic, so runs compare. Pure: no DOM,
 * no Node APIs, no storage.
 */
import { formatHlc } from '../../src/core/clock/hlc';
import type { Change, JsonValue } from '../../src/core/merge/change';
import type { TableName } from '../../src/core/assessment/recordSchemas';
import { ratingId } from '../../src/core/assessment/ratingSchema';
import { createUuidV7 } from '../../src/core/ids/uuidv7';

export const MiB = 1024 * 1024;
export const ATTACHMENTS = 20;
export const ATTACHMENT_BYTES = 5 * MiB;
export const TARGET_CHANGES = 10_000;

/** Incompressible bytes, like the JPEGs and PDFs assessors attach (xorshift32). */
export function noise(bytes: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  const words = new Uint32Array(out.buffer);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  return out;
}

const NODE = 'b3b3b3b3b3b3b3b3';
const NOTE =
  'The Migration Service exchanges visa data with the Border Guard through a shared database; residence permits still travel as scanned PDFs by e-mail, and statistics reach ARMSTAT quarterly on paper. ';

export interface BundleWorkload {
  readonly assessmentId: string;
  readonly changes: Change[];
  /** A clock reading after every change, for the stores of the bench. */
  readonly now: number;
}

/** The changes of the assessment; `shas` are the SHA-256 of the attachments it lists. */
export function bundleWorkload(shas: readonly string[]): BundleWorkload {
  let ms = Date.UTC(2022, 9, 3, 9);
  let seq = 0;
  const random = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (seq * 31 + i * 17) & 0xff;
    seq++;
    return out;
  };
  const changes: Change[] = [];
  const add = (table: TableName, id: string, fields: Record<string, JsonValue>) => {
    for (const [field, value] of Object.entries(fields)) {
      ms += 1;
      changes.push({ hlc: formatHlc({ wallMs: ms, counter: 0, nodeId: NODE }), node: NODE, table, id, field, value });
    }
  };
  const assessmentId = createUuidV7(ms, random);
  add('assessment', assessmentId, { title: 'MMDMA Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: '2022-10-06', frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork', notes: '', deleted: false });
  const assessors: string[] = [];
  for (const name of ['Anna', 'Aram', 'Lilit']) {
    const id = createUuidV7(ms, random);
    assessors.push(id);
    add('assessor', id, { assessmentId, name, role: 'assessor', deleted: false });
  }
  shas.forEach((sha, i) => {
    add('attachment', createUuidV7(ms, random), { assessmentId, sha256: sha, mediaType: 'image/jpeg', bytes: ATTACHMENT_BYTES, fileName: `photo-${i}.jpg`, caption: '', observationId: null, deleted: false });
  });
  for (let i = 0; i < 100; i++) {
    const assessorId = assessors[i % 3]!;
    const indicatorId = `ind-${Math.floor(i / 2)}`;
    const trackId = i % 2 === 0 ? 'central' : 'migration';
    add('rating', ratingId(assessmentId, indicatorId, trackId, assessorId), { assessmentId, assessorId, indicatorId, trackId, level: 'developing', rationale: NOTE.slice(0, 80), evidenceIds: [], deleted: false });
  }
  for (let i = 0; changes.length + 9 <= TARGET_CHANGES; i++) {
    add('observation', createUuidV7(ms, random), {
      assessmentId,
      interviewId: null,
      authorId: assessors[i % 3]!,
      kind: 'note',
      text: `${i}: ${NOTE}${NOTE.slice(0, i % 120)}`,
      tags: [{ subTopicId: `6.${(i % 10) + 1}.1`, trackIds: ['migration'] }],
      suggestedLevel: 'developing',
      createdAt: new Date(ms).toISOString(),
      deleted: false,
    });
  }
  return { assessmentId, changes, now: ms + 60_000 };
}

/** Medians of each side and of the per-pair ratios (robust to other processes loading the machine). */
export function pairedSummary(baseline: readonly number[], subject: readonly number[]): { baselineMs: number; subjectMs: number; ratio: number } {
  return { baselineMs: median(baseline), subjectMs: median(subject), ratio: median(subject.map((s, i) => s / baseline[i]!)) };
}

export function median(xs: readonly number[]): number {
  return [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
}
