import type { Assessment, AssessmentStatus } from '../../../core/assessment/assessmentSchema';

/**
 * The phase an assessment returns to when it is taken out of the archive. The status before
 * archiving is not kept (it is one field, and the archive overwrote it), so it is inferred from the
 * dates: before the mission, planning; during it, fieldwork; after it, reporting. Anyone can change
 * it in Setup afterwards.
 */
export function statusAfterUnarchive(assessment: Pick<Assessment, 'startDate' | 'endDate'>, today: string): Exclude<AssessmentStatus, 'archived'> {
  if (assessment.startDate === null || today < assessment.startDate) return 'planning';
  if (assessment.endDate === null || today <= assessment.endDate) return 'fieldwork';
  return 'reporting';
}
