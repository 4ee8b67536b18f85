/**
 * What the exchange screen says before an export (attachments, peers, who signs) and in an import
 * preview (records per table, conflicts in words), from the bundle code's data.
 */
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../src/core/assessment/assessmentSchema';
import { assessorSchema, type Assessor } from '../../src/core/assessment/assessorSchema';
import { attachmentSchema, type Attachment } from '../../src/core/assessment/attachmentSchema';
import { observationSchema } from '../../src/core/assessment/observationSchema';
import { ratingSchema } from '../../src/core/assessment/ratingSchema';
import type { BundlePeer, FieldConflict, ImportPreview } from '../../src/exchange/importBundle';
import type { AssessmentData } from '../../src/ui/session/assessmentSession';
import { attachmentTotals, initialSigner, OTHER_SIGNER, peerViews, resolveSigner } from '../../src/ui/screens/exchange/exportScope';
import { conflictRows, hlcTime, previewVerdict, recordLabel, tableRows, valueText } from '../../src/ui/screens/exchange/previewSummary';

const A = '01900000-0000-7000-8000-00000000000a';
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const sha = (c: string) => c.repeat(64);
const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';
const hlc = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-0000-${node}`;

const assessor = (n: number, name: string, role: Assessor['role']): Assessor => assessorSchema.parse({ id: uuid(n), assessmentId: A, name, role });
const attachment = (n: number, hash: string, bytes: number, deleted = false): Attachment =>
  attachmentSchema.parse({ id: uuid(n), assessmentId: A, sha256: hash, mediaType: 'image/png', bytes, fileName: `photo-${n}.png`, observationId: null, deleted });

const anna = assessor(1, 'Anna Petrosyan', 'lead');
const boris = assessor(2, 'Boris Ivanov', 'assessor');

function peer(overrides: Partial<BundlePeer>): BundlePeer {
  return {
    assessmentId: A,
    node: NODE_B,
    assessor: 'Boris',
    assessorId: null,
    versionVector: {},
    blobsHeld: [],
    lastBundleId: uuid(90),
    lastBundleCreatedAt: '2026-11-24T18:00:00.000Z',
    importedAt: '2026-11-24T19:00:00.000Z',
    ...overrides,
  };
}

describe('before an export', () => {
  it('counts each attachment file once, leaves out deleted ones and those the peer holds', () => {
    const attachments = [attachment(10, sha('a'), 1_000), attachment(11, sha('a'), 1_000), attachment(12, sha('b'), 2_500), attachment(13, sha('c'), 9_000, true)];
    expect(attachmentTotals(attachments)).toEqual({ files: 2, bytes: 3_500 });
    expect(attachmentTotals(attachments, [sha('a')])).toEqual({ files: 1, bytes: 2_500 });
    expect(attachmentTotals([], [sha('a')])).toEqual({ files: 0, bytes: 0 });
  });

  it('names a peer as the assessment knows them now, else as their bundle said', () => {
    const views = peerViews([peer({ assessorId: boris.id, assessor: 'B. Ivanov (old name)' }), peer({ node: NODE_A, assessor: '  ' })], [anna, boris]);
    expect(views.map((view) => view.name)).toEqual(['Boris Ivanov', null]);
    expect(views[0]?.node).toBe(NODE_B);
    expect(peerViews([peer({ assessorId: uuid(77) })], [anna])[0]?.name).toBe('Boris');
  });

  it('signs an export as "me" when this device knows who it is, and otherwise asks instead of guessing', () => {
    expect(initialSigner([boris, anna], boris.id)).toBe(boris.id);
    // Not the lead: a colleague's device must not sign with the lead's name.
    expect(initialSigner([boris, anna], undefined)).toBe('');
    expect(initialSigner([boris], uuid(99))).toBe('');
    expect(initialSigner([], undefined)).toBe(OTHER_SIGNER);
  });

  it('resolves the signature to an assessor of the team or a typed name', () => {
    expect(resolveSigner(anna.id, 'ignored', [anna, boris])).toEqual({ ok: true, name: 'Anna Petrosyan', assessorId: anna.id });
    expect(resolveSigner('', '', [anna])).toEqual({ ok: false, problem: 'choose' });
    expect(resolveSigner(uuid(99), '', [anna])).toEqual({ ok: false, problem: 'choose' });
    expect(resolveSigner(OTHER_SIGNER, '  Chris Guest ', [anna])).toEqual({ ok: true, name: 'Chris Guest', assessorId: null });
    expect(resolveSigner(OTHER_SIGNER, '   ', [anna])).toEqual({ ok: false, problem: 'name' });
  });
});

function preview(overrides: Partial<ImportPreview>): ImportPreview {
  const counts = { new: 0, changed: 0, conflicting: 0, unchanged: 0 };
  return {
    bundleId: uuid(50),
    createdAt: '2026-11-24T18:00:00.000Z',
    createdBy: { kind: 'device', node: NODE_B, assessor: 'Boris Ivanov', assessorId: boris.id },
    fromThisDevice: false,
    assessment: { id: A, title: 'Armenia 2022', existsHere: true },
    framework: { id: 'mmdma', version: '1.0.0' },
    frameworkNote: undefined,
    newerAppVersion: undefined,
    encrypted: true,
    partial: false,
    changes: { total: 0, newer: 0, older: 0, alreadyHere: 0 },
    records: counts,
    byTable: {},
    conflicts: [],
    conflictCount: 0,
    attachments: { new: 0, present: 0, newBytes: 0 },
    futureChanges: 0,
    nothingNew: false,
    ...overrides,
  };
}

const data: AssessmentData = {
  assessment: assessmentSchema.parse({ id: A, title: 'Armenia 2022', country: 'Armenia', startDate: '2022-10-03', endDate: null, frameworkId: 'mmdma', frameworkVersion: '1.0.0', status: 'fieldwork' }),
  assessors: [anna, boris],
  institutions: [],
  interviews: [],
  interviewees: [],
  observations: [
    observationSchema.parse({
      id: uuid(20),
      assessmentId: A,
      interviewId: null,
      authorId: anna.id,
      kind: 'note',
      text: 'The interoperability platform connects   40 agencies and exchanges population-register data with the border system every night, with a manual fallback.',
      suggestedLevel: 'developing',
      createdAt: '2022-10-04T09:00:00.000Z',
    }),
  ],
  attachments: [],
  ratings: [ratingSchema.parse({ id: uuid(30), assessmentId: A, assessorId: boris.id, indicatorId: 'data-management.access-to-data.digital-registers', trackId: 'central', level: 'developing' })],
  consensus: [],
  findings: [],
  invalidRows: 0,
};

describe('an import preview', () => {
  it('lists the tables the bundle touches in the order assessors think of them', () => {
    const rows = tableRows({
      rating: { new: 3, changed: 0, conflicting: 0, unchanged: 0 },
      assessment: { new: 0, changed: 1, conflicting: 0, unchanged: 0 },
      observation: { new: 0, changed: 0, conflicting: 1, unchanged: 4 },
      finding: { new: 0, changed: 0, conflicting: 0, unchanged: 0 },
    });
    expect(rows.map((row) => row.table)).toEqual(['assessment', 'observation', 'rating']);
  });

  it('says nothing is new, a new assessment, or updates', () => {
    expect(previewVerdict(preview({ nothingNew: true }))).toBe('nothing-new');
    expect(previewVerdict(preview({ assessment: { id: A, title: 'x', existsHere: false } }))).toBe('new-assessment');
    expect(previewVerdict(preview({}))).toBe('updates');
  });

  it('shows values in words: empty, yes/no, text cut with an ellipsis, lists as JSON', () => {
    expect(valueText(null)).toEqual({ kind: 'empty' });
    expect(valueText('')).toEqual({ kind: 'empty' });
    expect(valueText(true)).toEqual({ kind: 'boolean', value: true });
    expect(valueText(3)).toEqual({ kind: 'text', text: '3', cut: false });
    expect(valueText([{ subTopicId: 'a.b' }])).toEqual({ kind: 'text', text: '[{"subTopicId":"a.b"}]', cut: false });
    const cut = valueText('Ս'.repeat(200), 10);
    expect(cut).toEqual({ kind: 'text', text: `${'Ս'.repeat(9)}…`, cut: true });
  });

  it('dates each side of a conflict from its HLC and names the record as people know it', () => {
    const conflict = (table: FieldConflict['table'], id: string, field: string): FieldConflict => ({
      table,
      id,
      field,
      local: { value: 'here', hlc: hlc(1_700_000_000_000, NODE_A), node: NODE_A },
      incoming: { value: 'there', hlc: hlc(1_700_000_360_000, NODE_B), node: NODE_B },
      kept: 'incoming',
    });
    const rows = conflictRows([conflict('observation', uuid(20), 'text'), conflict('rating', uuid(30), 'level'), conflict('finding', uuid(40), 'text')], data);
    expect(rows[0]?.label).toBe('The interoperability platform connects 40 agencies and exchanges population-reg…');
    expect(rows[0]?.localAt).toBe(1_700_000_000_000);
    expect(rows[0]?.incomingAt).toBe(1_700_000_360_000);
    expect(rows[1]?.label).toBe('data-management.access-to-data.digital-registers · central · Boris Ivanov');
    // Not on this device: the screen falls back to the table's name.
    expect(rows[2]?.label).toBeUndefined();
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
    expect(conflictRows([conflict('assessor', anna.id, 'name')], null)[0]?.label).toBeUndefined();
    expect(recordLabel('assessor', anna.id, data)).toBe('Anna Petrosyan');
    expect(recordLabel('assessment', A, data)).toBe('Armenia 2022');
    expect(hlcTime('not an hlc')).toBeUndefined();
  });
});
