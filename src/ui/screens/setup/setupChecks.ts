/**
 * Pure checks and orderings of the Setup and Interviews screens: the rules the record schemas leave
 * to the interface (they accept whatever two devices may merge), kept here so they are tested
 * without a browser.
 */
import type { Assessor, AssessorRole } from '../../../core/assessment/assessorSchema';
import type { Institution } from '../../../core/assessment/institutionSchema';
import type { Interview, InterviewStatus } from '../../../core/assessment/interviewSchema';
import { assessorSchema } from '../../../core/assessment/assessorSchema';

export type EmailProblem = 'invalid';

/** An e-mail address as typed: empty is fine (someone without one, or clearing it). */
export function emailProblem(typed: string): EmailProblem | undefined {
  const value = typed.trim();
  if (value === '') return undefined;
  return assessorSchema.shape.email.safeParse(value).success ? undefined : 'invalid';
}

export const ROLES: readonly AssessorRole[] = ['lead', 'assessor', 'observer'];

export function hasLead(assessors: readonly Assessor[]): boolean {
  return assessors.some((assessor) => assessor.role === 'lead');
}

/** The pillar ids ticked after toggling one, in the framework's pillar order (stable diffs, stable merges). */
export function togglePillar(current: readonly string[], pillarId: string, on: boolean, pillarOrder: readonly string[]): string[] {
  const set = new Set(current);
  if (on) set.add(pillarId);
  else set.delete(pillarId);
  const ordered = pillarOrder.filter((id) => set.has(id));
  // Ids the framework does not know (a merge from another framework version) are kept, at the end.
  const unknown = [...set].filter((id) => !pillarOrder.includes(id));
  return [...ordered, ...unknown];
}

/** How many institutions are linked to each pillar (the bottom row of the Table 1 grid). */
export function institutionsPerPillar(institutions: readonly Institution[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const institution of institutions) {
    for (const pillarId of new Set(institution.relevantPillarIds)) counts.set(pillarId, (counts.get(pillarId) ?? 0) + 1);
  }
  return counts;
}

export interface InterviewDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly interviews: readonly Interview[];
}

/**
 * The schedule by day, days in order, and within a day by start time (untimed last), then by the
 * institution's name, then by id so the order never jumps between renders.
 */
export function groupInterviewsByDate(interviews: readonly Interview[], institutionName: (id: string) => string): InterviewDay[] {
  const byDate = new Map<string, Interview[]>();
  for (const interview of interviews) {
    const day = byDate.get(interview.date);
    if (day) day.push(interview);
    else byDate.set(interview.date, [interview]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]) => ({
      date,
      interviews: day.sort((a, b) => {
        const [x, y] = [a.startTime ?? undefined, b.startTime ?? undefined];
        if (x !== y) {
          if (x === undefined) return 1;
          if (y === undefined) return -1;
          return x < y ? -1 : 1;
        }
        return institutionName(a.institutionId).localeCompare(institutionName(b.institutionId)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      }),
    }));
}

/** Notes, quotes and evidence per interview id. */
export function observationCounts(observations: ReadonlyArray<{ readonly interviewId: string | null }>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const observation of observations) {
    if (observation.interviewId !== null) counts.set(observation.interviewId, (counts.get(observation.interviewId) ?? 0) + 1);
  }
  return counts;
}

export function statusCounts(interviews: readonly Interview[]): Readonly<Record<InterviewStatus, number>> {
  const counts: Record<InterviewStatus, number> = { planned: 0, done: 0, cancelled: 0 };
  for (const interview of interviews) counts[interview.status] += 1;
  return counts;
}

/** The date a new interview starts with: the mission's first day if it is still ahead, else today. */
export function defaultInterviewDate(startDate: string | null, endDate: string | null, today: string): string {
  if (startDate !== null && startDate > today) return startDate;
  if (endDate !== null && endDate < today) return startDate ?? endDate;
  return today;
}
