import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { consensusId } from '../../src/core/assessment/consensusSchema';
import { ratingId } from '../../src/core/assessment/ratingSchema';
import { recordSchemas, tableNames, type RecordInputOf, type TableName } from '../../src/core/assessment/recordSchemas';

const ASSESSMENT = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f70';
const LEAD = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f71';
const INSTITUTION = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f72';
const INTERVIEW = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f73';
const OBSERVATION = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f74';
const ATTACHMENT = '0183a1c2-7d3e-7b4f-9a10-2b3c4d5e6f75';
const uuid = (n: number) => `0183a1c2-7d3e-7b4f-9a10-${n.toString(16).padStart(12, '0')}`;

/** One valid record per table, in the shape a form or a bundle would give (defaults not applied). */
const samples: { [T in TableName]: RecordInputOf<T> } = {
  assessment: {
    id: ASSESSMENT,
    title: 'MMDMA Armenia 2022',
    country: 'Armenia',
    startDate: '2022-10-03',
    endDate: null,
    frameworkId: 'mmdma',
    frameworkVersion: '1.0.0',
    status: 'fieldwork',
    notes: '',
  },
  assessor: { id: LEAD, assessmentId: ASSESSMENT, name: 'A. Lead', email: 'lead@example.org', role: 'lead' },
  institution: {
    id: INSTITUTION,
    assessmentId: ASSESSMENT,
    name: 'Electronic Governance Infrastructure Implementation Agency',
    acronym: 'EKENG',
    kind: 'agency',
    relevantPillarIds: ['digital-identity', 'data-management'],
  },
  interview: {
    id: INTERVIEW,
    assessmentId: ASSESSMENT,
    institutionId: INSTITUTION,
    date: '2022-10-04',
    startTime: '10:30',
    location: 'Yerevan',
    interviewerIds: [LEAD],
    status: 'done',
    consent: { given: true, recordedAt: '2022-10-04T06:31:00Z', scope: 'notes' },
    notes: '',
  },
  interviewee: {
    id: uuid(1),
    assessmentId: ASSESSMENT,
    interviewId: INTERVIEW,
    name: 'Head of IT',
    role: 'Head of IT department',
    institutionId: INSTITUTION,
  },
  observation: {
    id: OBSERVATION,
    assessmentId: ASSESSMENT,
    interviewId: INTERVIEW,
    authorId: LEAD,
    kind: 'quote',
    text: 'All agencies exchange data through the interoperability platform.',
    tags: [{ subTopicId: 'data-management.exchange', trackIds: ['central', 'migration'] }],
    suggestedLevel: 'established',
    attachmentIds: [ATTACHMENT],
    createdAt: '2022-10-04T06:45:12.345Z',
  },
  attachment: {
    id: ATTACHMENT,
    assessmentId: ASSESSMENT,
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    mediaType: 'image/jpeg',
    bytes: 0,
    fileName: 'strategy-p12.jpg',
    caption: 'Digital strategy, page 12',
    observationId: OBSERVATION,
  },
  rating: {
    id: ratingId(ASSESSMENT, 'data-management.exchange.platform', 'central', LEAD),
    assessmentId: ASSESSMENT,
    assessorId: LEAD,
    indicatorId: 'data-management.exchange.platform',
    trackId: 'central',
    level: null,
    rationale: 'Not enough evidence yet.',
    evidenceIds: [OBSERVATION],
  },
  consensus: {
    id: consensusId(ASSESSMENT, 'pillar', 'digital-skills', 'overall'),
    assessmentId: ASSESSMENT,
    scope: 'pillar',
    targetId: 'digital-skills',
    trackId: 'overall',
    level: 'developing',
    rationale: 'Experts judged below the estimate.',
    setBy: LEAD,
    history: [{ level: 'emerging', rationale: 'first pass', setBy: LEAD, at: '2022-10-07T15:00:00Z' }],
  },
  finding: {
    id: uuid(2),
    assessmentId: ASSESSMENT,
    pillarId: 'digital-skills',
    trackId: 'migration',
    kind: 'recommendation',
    text: 'Train border officers on the new case-management system.',
    rank: 1,
    authorId: LEAD,
  },
};

/** The path of the first issue when `patch` is applied to the table's sample. */
function firstIssuePath(table: TableName, patch: Record<string, unknown>): Array<string | number> | 'accepted' {
  const schema: z.ZodType = recordSchemas[table];
  const result = schema.safeParse({ ...samples[table], ...patch });
  if (result.success) return 'accepted';
  return result.error.issues[0]!.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

describe('record schemas', () => {
  it('cover every table', () => {
    expect(Object.keys(recordSchemas).sort()).toEqual([...tableNames].sort());
  });

  it.each(tableNames)('%s accepts a valid sample and defaults `deleted` to false', (table) => {
    const schema: z.ZodType = recordSchemas[table];
    const result = schema.safeParse(samples[table]);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toMatchObject({ id: samples[table].id, deleted: false });
  });

  it.each(tableNames)('%s rejects a missing or malformed id and a non-boolean deleted', (table) => {
    expect(firstIssuePath(table, { id: undefined })).toEqual(['id']);
    expect(firstIssuePath(table, { id: 'ABC' })).toEqual(['id']);
    expect(firstIssuePath(table, { deleted: 'no' })).toEqual(['deleted']);
    if (table !== 'assessment') expect(firstIssuePath(table, { assessmentId: '42' })).toEqual(['assessmentId']);
  });

  it('keep unknown fields out of the parsed record', () => {
    const parsed = recordSchemas.assessor.parse({ ...samples.assessor, shoeSize: 44 });
    expect(parsed).not.toHaveProperty('shoeSize');
  });

  it.each<[TableName, Record<string, unknown>, Array<string | number>]>([
    ['assessment', { title: '   ' }, ['title']],
    ['assessment', { startDate: '2022-02-30' }, ['startDate']],
    ['assessment', { endDate: '03/10/2022' }, ['endDate']],
    ['assessment', { status: 'done' }, ['status']],
    ['assessment', { frameworkVersion: 'v1' }, ['frameworkVersion']],
    ['assessment', { frameworkId: 'MMDMA v1' }, ['frameworkId']],
    ['assessor', { role: 'boss' }, ['role']],
    ['assessor', { email: 'not-an-email' }, ['email']],
    ['institution', { relevantPillarIds: ['ok', 'Not OK'] }, ['relevantPillarIds', 1]],
    ['interview', { date: '2022-10-04T10:00:00Z' }, ['date']],
    ['interview', { startTime: '25:00' }, ['startTime']],
    ['interview', { status: 'postponed' }, ['status']],
    ['interview', { consent: { given: true, scope: 'everything' } }, ['consent', 'scope']],
    ['interview', { consent: { given: true, scope: 'notes', recordedAt: 'today' } }, ['consent', 'recordedAt']],
    ['interview', { interviewerIds: [LEAD, 'x'] }, ['interviewerIds', 1]],
    ['interviewee', { interviewId: null }, ['interviewId']],
    ['observation', { kind: 'rumour' }, ['kind']],
    ['observation', { tags: [{ subTopicId: 'a.b', trackIds: ['central'] }, { trackIds: [] }] }, ['tags', 1, 'subTopicId']],
    ['observation', { createdAt: '2022-10-04' }, ['createdAt']],
    ['observation', { suggestedLevel: 3 }, ['suggestedLevel']],
    ['observation', { intervieweeId: 'Ani' }, ['intervieweeId']],
    ['attachment', { sha256: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' }, ['sha256']],
    ['attachment', { bytes: -1 }, ['bytes']],
    ['attachment', { bytes: 1.5 }, ['bytes']],
    ['attachment', { mediaType: 'jpeg' }, ['mediaType']],
    ['rating', { level: '' }, ['level']],
    ['rating', { evidenceIds: ['note-1'] }, ['evidenceIds', 0]],
    ['consensus', { scope: 'indicator' }, ['scope']],
    ['consensus', { history: [{ level: null, rationale: '', setBy: LEAD, at: 'yesterday' }] }, ['history', 0, 'at']],
    ['finding', { kind: 'weakness' }, ['kind']],
    ['finding', { rank: 0 }, ['rank']],
  ])('%s rejects %o at %o', (table, patch, path) => {
    expect(firstIssuePath(table, patch)).toEqual(path);
  });

  it.each<[TableName, Record<string, unknown>]>([
    ['assessment', { startDate: null, endDate: '2022-10-07' }],
    ['observation', { interviewId: null, source: 'Law HO-61-N on civil status, art. 4', suggestedLevel: null }],
    ['observation', { tags: [{ subTopicId: 'a.b', indicatorId: 'a.b.c', trackIds: [] }] }],
    // Who said it: an interviewee, cleared (null), or absent as in records written before the field.
    ['observation', { intervieweeId: uuid(1) }],
    ['observation', { intervieweeId: null }],
    ['attachment', { observationId: null }],
    ['finding', { rank: null }],
    ['interview', { startTime: '10:30:15', consent: { given: false, scope: 'none' } }],
    ['assessor', { email: undefined, role: 'observer' }],
  ])('%s accepts the optional form %o', (table, patch) => {
    expect(firstIssuePath(table, patch)).toBe('accepted');
  });
});
