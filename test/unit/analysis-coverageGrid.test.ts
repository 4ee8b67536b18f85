/** The stakeholder × pillar grid (the report's Table 1 with the fieldwork laid over it). */
import { describe, expect, it } from 'vitest';
import type { Institution } from '../../src/core/assessment/institutionSchema';
import type { Interview, InterviewStatus } from '../../src/core/assessment/interviewSchema';
import type { Observation, ObservationTag } from '../../src/core/assessment/observationSchema';
import { buildCoverageGrid, type GridRow } from '../../src/core/analysis/coverageGrid';
import { builtinMmdma } from '../support/builtinFrameworks';

const { index } = builtinMmdma();

const ASSESSMENT = '01890000-0000-7000-8000-000000000000';
let serial = 0;
const id = () => `01890000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;

function institution(name: string, relevantPillarIds: string[], deleted = false): Institution {
  return { id: id(), assessmentId: ASSESSMENT, name, acronym: '', kind: '', relevantPillarIds, deleted };
}
function interview(institutionId: string, status: InterviewStatus, deleted = false): Interview {
  return {
    id: id(),
    assessmentId: ASSESSMENT,
    institutionId,
    date: '2022-10-03',
    interviewerIds: [],
    status,
    consent: { given: true, scope: 'notes' },
    notes: '',
    deleted,
  };
}
function note(interviewId: string | null, tags: ObservationTag[], deleted = false): Observation {
  return {
    id: id(),
    assessmentId: ASSESSMENT,
    interviewId,
    authorId: ASSESSMENT,
    kind: 'note',
    text: 'x',
    tags,
    suggestedLevel: null,
    attachmentIds: [],
    createdAt: '2022-10-03T10:00:00.000Z',
    deleted,
  };
}
const tag = (subTopicId: string): ObservationTag => ({ subTopicId, trackIds: ['central'] });
const cell = (row: GridRow | undefined, pillarId: string) => row?.cells.find((c) => c.pillarId === pillarId);

describe('buildCoverageGrid', () => {
  const ekeng = institution('EKENG', ['data-management', 'digital-infrastructure']);
  const migration = institution('Migration Service', ['strategic-planning', 'public-services']);
  const removed = institution('Removed agency', ['cybersecurity'], true);
  const i1 = interview(ekeng.id, 'done');
  const i2 = interview(ekeng.id, 'planned');
  const i3 = interview(migration.id, 'done');
  const i4 = interview(migration.id, 'cancelled');
  const i5 = interview(removed.id, 'done');
  const observations = [
    note(i1.id, [tag('data-management.access-to-data'), tag('data-management.legal-framework')]),
    note(i1.id, [tag('data-management.access-to-data'), tag('digital-skills.public-officials')]),
    note(i1.id, [tag('data-management.access-to-data')], true),
    note(i3.id, [tag('public-services.availability-maturity')]),
    note(i3.id, []),
    note(i3.id, [tag('no-such.sub-topic')]),
    note(i5.id, [tag('cybersecurity.policy-strategy')]),
    note(null, [tag('strategic-planning.legal-framework')]),
  ];
  const grid = buildCoverageGrid({ institutions: [migration, removed, ekeng], interviews: [i1, i2, i3, i4, i5], observations }, index);
  const row = (key: string) => grid.rows.find((r) => r.key === key);

  it('has a column per pillar and a row per live institution, by name, then the removed-institution and desk-research rows', () => {
    expect(grid.pillarIds).toHaveLength(10);
    expect(grid.rows.map((r) => r.kind)).toEqual(['institution', 'institution', 'unknown-institution', 'desk-research']);
    expect(grid.rows.map((r) => r.institution?.name ?? r.key)).toEqual(['EKENG', 'Migration Service', 'unknown-institution', 'desk-research']);
  });

  it('marks relevance from relevantPillarIds and counts each note once per pillar', () => {
    expect(cell(row(ekeng.id), 'data-management')).toEqual({ pillarId: 'data-management', relevant: true, notes: 2 });
    expect(cell(row(ekeng.id), 'digital-skills')).toEqual({ pillarId: 'digital-skills', relevant: false, notes: 1 });
    expect(cell(row(ekeng.id), 'digital-infrastructure')).toEqual({ pillarId: 'digital-infrastructure', relevant: true, notes: 0 });
    expect(cell(row(migration.id), 'public-services')?.notes).toBe(1);
    expect(cell(row('unknown-institution'), 'cybersecurity')?.notes).toBe(1);
    expect(cell(row('desk-research'), 'strategic-planning')).toEqual({ pillarId: 'strategic-planning', relevant: false, notes: 1 });
  });

  it('counts interviews by status per institution and in total', () => {
    expect(row(ekeng.id)?.interviews).toEqual({ done: 1, planned: 1, cancelled: 0 });
    expect(row(migration.id)?.interviews).toEqual({ done: 1, planned: 0, cancelled: 1 });
    expect(row('unknown-institution')?.interviews).toEqual({ done: 1, planned: 0, cancelled: 0 });
    expect(row('desk-research')?.interviews).toEqual({ done: 0, planned: 0, cancelled: 0 });
    expect(grid.totals.interviews).toEqual({ done: 3, planned: 1, cancelled: 1 });
  });

  it('totals notes and relevant institutions per pillar, and counts relevant cells still without notes', () => {
    const total = (pillarId: string) => grid.totals.cells.find((c) => c.pillarId === pillarId);
    expect(total('data-management')).toEqual({ pillarId: 'data-management', relevantInstitutions: 1, notes: 2 });
    expect(total('strategic-planning')).toEqual({ pillarId: 'strategic-planning', relevantInstitutions: 1, notes: 1 });
    expect(total('cybersecurity')).toEqual({ pillarId: 'cybersecurity', relevantInstitutions: 0, notes: 1 });
    // EKENG × infrastructure, Migration Service × strategic planning.
    expect(grid.relevantWithoutNotes).toBe(2);
  });

  it('has no synthetic rows when there is nothing to put in them, and sorts with the given collator', () => {
    const small = buildCoverageGrid({ institutions: [ekeng, migration], interviews: [], observations: [] }, index, (a, b) => b.localeCompare(a));
    expect(small.rows.map((r) => r.institution?.name)).toEqual(['Migration Service', 'EKENG']);
    expect(small.rows.every((r) => r.cells.every((c) => c.notes === 0))).toBe(true);
  });

  it('counts 5,000 notes in one pass (its time is in bench/dashboardLoad.bench.ts, not asserted here)', () => {
    const many = Array.from({ length: 5_000 }, (_, n) => note(n % 2 === 0 ? i1.id : i3.id, [tag('data-management.access-to-data'), tag('public-services.availability-maturity')]));
    const big = buildCoverageGrid({ institutions: [ekeng, migration], interviews: [i1, i3], observations: many }, index);
    expect(big.totals.cells.find((c) => c.pillarId === 'data-management')?.notes).toBe(5_000);
  });
});
