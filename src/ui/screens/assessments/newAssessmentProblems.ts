/**
 * Checks of the "new assessment" form, before anything is written: the record schemas accept any
 * combination of dates (two devices may merge them), so "the end is before the start" is the form's
 * job, as are empty names and a malformed e-mail address.
 */
import { assessorSchema } from '../../../core/assessment/assessorSchema';
import { endBeforeStart, localDateOf } from '../../shell/dates';

export interface NewAssessmentDraft {
  readonly title: string;
  readonly country: string;
  /** `YYYY-MM-DD` or ''. */
  readonly startDate: string;
  readonly endDate: string;
  /** `id@version` of an installed framework. */
  readonly framework: string;
  readonly leadName: string;
  readonly leadEmail: string;
}

export type NewAssessmentProblem = 'empty' | 'invalidDate' | 'endBeforeStart' | 'invalidEmail' | 'unknownFramework';
export type NewAssessmentProblems = Partial<Record<keyof NewAssessmentDraft, NewAssessmentProblem>>;

export function newAssessmentProblems(draft: NewAssessmentDraft, installedFrameworkKeys: ReadonlySet<string>): NewAssessmentProblems {
  const problems: Record<string, NewAssessmentProblem> = {};
  if (draft.title.trim() === '') problems.title = 'empty';
  if (draft.country.trim() === '') problems.country = 'empty';
  if (draft.startDate !== '' && localDateOf(draft.startDate) === undefined) problems.startDate = 'invalidDate';
  if (draft.endDate !== '' && localDateOf(draft.endDate) === undefined) problems.endDate = 'invalidDate';
  else if (problems.startDate === undefined && endBeforeStart(draft.startDate, draft.endDate)) problems.endDate = 'endBeforeStart';
  if (!installedFrameworkKeys.has(draft.framework)) problems.framework = 'unknownFramework';
  if (draft.leadName.trim() === '') problems.leadName = 'empty';
  if (draft.leadEmail.trim() !== '' && !assessorSchema.shape.email.safeParse(draft.leadEmail.trim()).success) problems.leadEmail = 'invalidEmail';
  return problems;
}
