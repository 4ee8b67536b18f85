import { describe, expect, it } from 'vitest';
import type { Interview } from '../../src/core/assessment/interviewSchema';
import { newAssessmentProblems, type NewAssessmentDraft } from '../../src/ui/screens/assessments/newAssessmentProblems';
import { statusAfterUnarchive } from '../../src/ui/screens/assessments/statusAfterUnarchive';
import {
  defaultInterviewDate,
  emailProblem,
  groupInterviewsByDate,
  hasLead,
  institutionsPerPillar,
  observationCounts,
  statusCounts,
  togglePillar,
} from '../../src/ui/screens/setup/setupChecks';
import { endBeforeStart, isoDateOf, localDateOf } from '../../src/ui/shell/dates';

const A = '01900000-0000-7000-8000-000000000001';
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const interview = (n: number, date: string, startTime: string | null | undefined, institution: number, status: Interview['status'] = 'planned'): Interview => ({
  id: id(n),
  assessmentId: A,
  institutionId: id(institution),
  date,
  ...(startTime === undefined ? {} : { startTime }),
  interviewerIds: [],
  status,
  consent: { given: false, scope: 'none' },
  notes: '',
  deleted: false,
});

describe('new assessment form checks', () => {
  const draft: NewAssessmentDraft = {
    title: 'MMDMA Armenia 2022',
    country: 'Armenia',
    startDate: '2022-10-03',
    endDate: '2022-10-06',
    framework: 'mmdma@1.0.0',
    leadName: 'Anna',
    leadEmail: '',
  };
  const installed = new Set(['mmdma@1.0.0']);

  it('accepts a complete draft, with or without dates and e-mail', () => {
    expect(newAssessmentProblems(draft, installed)).toEqual({});
    expect(newAssessmentProblems({ ...draft, startDate: '', endDate: '', leadEmail: 'anna@example.org' }, installed)).toEqual({});
  });

  it('names every problem at once, per field', () => {
    expect(
      newAssessmentProblems({ ...draft, title: '  ', country: '', leadName: ' ', leadEmail: 'anna@', framework: 'gone@2.0.0', endDate: '2022-10-01' }, installed),
    ).toEqual({ title: 'empty', country: 'empty', leadName: 'empty', leadEmail: 'invalidEmail', framework: 'unknownFramework', endDate: 'endBeforeStart' });
    expect(newAssessmentProblems({ ...draft, startDate: '2022-02-30' }, installed)).toEqual({ startDate: 'invalidDate' });
  });
});

describe('dates', () => {
  it('reads calendar dates as local days and refuses impossible ones', () => {
    const date = localDateOf('2022-10-03');
    expect(date?.getFullYear()).toBe(2022);
    expect(date?.getMonth()).toBe(9);
    expect(date?.getDate()).toBe(3);
    expect(localDateOf('2022-02-30')).toBeUndefined();
    expect(localDateOf('3 Oct')).toBeUndefined();
    expect(isoDateOf(new Date(2024, 0, 9, 23, 59))).toBe('2024-01-09');
    expect(endBeforeStart('2022-10-03', '2022-10-02')).toBe(true);
    expect(endBeforeStart('2022-10-03', '2022-10-03')).toBe(false);
    expect(endBeforeStart(null, '2022-10-02')).toBe(false);
  });
});

describe('archive', () => {
  it('returns an assessment to the phase its dates suggest', () => {
    const dates = { startDate: '2022-10-03', endDate: '2022-10-06' };
    expect(statusAfterUnarchive(dates, '2022-09-01')).toBe('planning');
    expect(statusAfterUnarchive(dates, '2022-10-04')).toBe('fieldwork');
    expect(statusAfterUnarchive(dates, '2023-01-01')).toBe('reporting');
    expect(statusAfterUnarchive({ startDate: null, endDate: null }, '2023-01-01')).toBe('planning');
  });
});

describe('team and institutions', () => {
  it('checks e-mail addresses; empty is allowed (none, or clearing one)', () => {
    expect(emailProblem('')).toBeUndefined();
    expect(emailProblem(' anna@example.org ')).toBeUndefined();
    expect(emailProblem('anna@')).toBe('invalid');
  });

  it('knows when the team has no lead', () => {
    const person = (role: 'lead' | 'assessor' | 'observer') => ({ id: id(1), assessmentId: A, name: 'x', role, deleted: false });
    expect(hasLead([person('assessor'), person('observer')])).toBe(false);
    expect(hasLead([person('assessor'), person('lead')])).toBe(true);
  });

  it('toggles a pillar keeping the framework order and ids it does not know', () => {
    const order = ['p1', 'p2', 'p3'];
    expect(togglePillar(['p3'], 'p1', true, order)).toEqual(['p1', 'p3']);
    expect(togglePillar(['p1', 'p3'], 'p1', false, order)).toEqual(['p3']);
    expect(togglePillar(['old', 'p2'], 'p1', true, order)).toEqual(['p1', 'p2', 'old']);
    expect(togglePillar(['p2'], 'p2', true, order)).toEqual(['p2']);
  });

  it('counts institutions per pillar (a duplicate id counts once)', () => {
    const institution = (pillars: string[]) => ({ id: id(1), assessmentId: A, name: 'x', acronym: '', kind: '', relevantPillarIds: pillars, deleted: false });
    const counts = institutionsPerPillar([institution(['p1', 'p2']), institution(['p2', 'p2'])]);
    expect(counts.get('p1')).toBe(1);
    expect(counts.get('p2')).toBe(2);
    expect(counts.get('p3')).toBeUndefined();
  });
});

describe('interview schedule', () => {
  it('groups by day in date order, then by time (untimed last), then by institution name', () => {
    const names = new Map([
      [id(100), 'Police'],
      [id(200), 'ARMSTAT'],
    ]);
    const days = groupInterviewsByDate(
      [
        interview(1, '2022-10-04', '10:00', 100),
        interview(2, '2022-10-03', undefined, 100),
        interview(3, '2022-10-03', '14:00', 100),
        interview(4, '2022-10-03', '09:30', 100),
        interview(5, '2022-10-03', null, 200),
      ],
      (institutionId) => names.get(institutionId) ?? '',
    );
    expect(days.map((day) => day.date)).toEqual(['2022-10-03', '2022-10-04']);
    expect(days[0]?.interviews.map((entry) => entry.id)).toEqual([id(4), id(3), id(5), id(2)]);
  });

  it('counts notes per interview and interviews per status', () => {
    const counts = observationCounts([{ interviewId: id(1) }, { interviewId: id(1) }, { interviewId: null }, { interviewId: id(2) }]);
    expect([...counts]).toEqual([
      [id(1), 2],
      [id(2), 1],
    ]);
    expect(statusCounts([interview(1, '2022-10-03', undefined, 1), interview(2, '2022-10-03', undefined, 1, 'done')])).toEqual({ planned: 1, done: 1, cancelled: 0 });
  });

  it('starts a new interview on the mission\'s first day while it is ahead, else today', () => {
    expect(defaultInterviewDate('2022-10-03', '2022-10-06', '2022-09-01')).toBe('2022-10-03');
    expect(defaultInterviewDate('2022-10-03', '2022-10-06', '2022-10-04')).toBe('2022-10-04');
    expect(defaultInterviewDate('2022-10-03', '2022-10-06', '2023-01-01')).toBe('2022-10-03');
    expect(defaultInterviewDate(null, null, '2023-01-01')).toBe('2023-01-01');
  });
});
