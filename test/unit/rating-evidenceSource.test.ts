import { describe, expect, it } from 'vitest';
import type { Institution } from '../../src/core/assessment/institutionSchema';
import type { Interview } from '../../src/core/assessment/interviewSchema';
import type { Observation } from '../../src/core/assessment/observationSchema';
import { localDate } from '../../src/ui/screens/rating/assessmentMaps';
import { DESK_RESEARCH, evidenceSourceOf, filterEvidence, sourcesIn, UNKNOWN_SOURCE } from '../../src/ui/screens/rating/evidenceSource';

const A = '01890000-0000-7000-8000-000000000001';
const institution = (id: string, name: string): Institution => ({ id, assessmentId: A, name, acronym: '', kind: '', relevantPillarIds: [], deleted: false });
const interview = (id: string, institutionId: string): Interview => ({
  id,
  assessmentId: A,
  institutionId,
  date: '2022-10-03',
  interviewerIds: [],
  status: 'done',
  consent: { given: true, scope: 'notes' },
  notes: '',
  deleted: false,
});
const observation = (id: string, interviewId: string | null, kind: Observation['kind']): Observation => ({
  id,
  assessmentId: A,
  interviewId,
  authorId: A,
  kind,
  text: id,
  tags: [],
  suggestedLevel: null,
  attachmentIds: [],
  createdAt: '2022-10-03T09:00:00.000Z',
  deleted: false,
});

const EKENG = '01890000-0000-7000-8000-0000000000e1';
const MIGRATION = '01890000-0000-7000-8000-0000000000e2';
const interviews = new Map([
  ['i1', interview('i1', EKENG)],
  ['i2', interview('i2', EKENG)],
  ['i3', interview('i3', MIGRATION)],
]);
const institutions = new Map([
  [EKENG, institution(EKENG, 'EKENG')],
  [MIGRATION, institution(MIGRATION, 'Migration Service')],
]);

describe('where evidence comes from', () => {
  it('is the institution of its interview, desk research, or unknown when the interview is not here', () => {
    expect(evidenceSourceOf(observation('a', 'i1', 'note'), interviews, institutions).key).toBe(EKENG);
    expect(evidenceSourceOf(observation('a', 'i1', 'note'), interviews, institutions).interview?.date).toBe('2022-10-03');
    expect(evidenceSourceOf(observation('b', null, 'evidence'), interviews, institutions).key).toBe(DESK_RESEARCH);
    expect(evidenceSourceOf(observation('c', 'missing', 'note'), interviews, institutions).key).toBe(UNKNOWN_SOURCE);
  });

  it('filters by source and kind, and counts notes per source', () => {
    const notes = [observation('a', 'i1', 'quote'), observation('b', 'i2', 'note'), observation('c', 'i3', 'quote'), observation('d', null, 'evidence')];
    const keyOf = (o: Observation) => evidenceSourceOf(o, interviews, institutions).key;
    // Two interviews at EKENG are one source.
    expect([...sourcesIn(notes, keyOf)]).toEqual([
      [EKENG, 2],
      [MIGRATION, 1],
      [DESK_RESEARCH, 1],
    ]);
    expect(filterEvidence(notes, { source: EKENG, kind: 'all' }, keyOf).map((o) => o.id)).toEqual(['a', 'b']);
    expect(filterEvidence(notes, { source: 'all', kind: 'quote' }, keyOf).map((o) => o.id)).toEqual(['a', 'c']);
    expect(filterEvidence(notes, { source: EKENG, kind: 'quote' }, keyOf).map((o) => o.id)).toEqual(['a']);
    expect(filterEvidence(notes, { source: 'all', kind: 'all' }, keyOf)).toHaveLength(4);
  });

  it('reads interview dates as local calendar days', () => {
    const date = localDate('2022-10-03');
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2022, 9, 3]);
  });
});
