/** Id → record maps over one assessment's data, built once per data change for O(1) lookups in rows. */
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Institution } from '../../../core/assessment/institutionSchema';
import type { Interview } from '../../../core/assessment/interviewSchema';
import type { AssessmentData } from '../../session/assessmentSession';

export interface AssessmentMaps {
  readonly assessorById: ReadonlyMap<string, Assessor>;
  readonly interviewById: ReadonlyMap<string, Interview>;
  readonly institutionById: ReadonlyMap<string, Institution>;
}

export function assessmentMaps(data: Pick<AssessmentData, 'assessors' | 'interviews' | 'institutions'>): AssessmentMaps {
  return {
    assessorById: new Map(data.assessors.map((assessor) => [assessor.id, assessor])),
    interviewById: new Map(data.interviews.map((interview) => [interview.id, interview])),
    institutionById: new Map(data.institutions.map((institution) => [institution.id, institution])),
  };
}

/**
 * A calendar date (`YYYY-MM-DD`) as a local Date at midnight. `new Date("2022-10-03")` would be
 * UTC midnight, which west of Greenwich formats as the day before.
 */
export function localDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}
