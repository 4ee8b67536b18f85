/**
 * The session's `data` from a storage snapshot: records grouped by table (deleted ones already left
 * out by the read), the count of rows that failed validation, and structural sharing with the
 * previous value so unchanged records keep their identity.
 */
import type { AssessmentSnapshot } from '../../storage';
import type { AssessmentData } from './assessmentSession';
import { reuseUnchanged, sameValue } from '../shared/structuralSharing';

/** Undefined when the assessment record is missing, deleted or unreadable. */
export function toAssessmentData(snapshot: AssessmentSnapshot, previous: AssessmentData | null): AssessmentData | undefined {
  const assessment = snapshot.assessment;
  if (assessment === undefined) return undefined;
  const { records } = snapshot;
  const next: AssessmentData = {
    assessment: previous !== null && sameValue(previous.assessment, assessment) ? previous.assessment : assessment,
    assessors: reuseUnchanged(previous?.assessors, records.assessor),
    institutions: reuseUnchanged(previous?.institutions, records.institution),
    interviews: reuseUnchanged(previous?.interviews, records.interview),
    interviewees: reuseUnchanged(previous?.interviewees, records.interviewee),
    observations: reuseUnchanged(previous?.observations, records.observation),
    attachments: reuseUnchanged(previous?.attachments, records.attachment),
    ratings: reuseUnchanged(previous?.ratings, records.rating),
    consensus: reuseUnchanged(previous?.consensus, records.consensus),
    findings: reuseUnchanged(previous?.findings, records.finding),
    invalidRows: snapshot.invalid,
  };
  if (previous !== null && (Object.keys(next) as Array<keyof AssessmentData>).every((key) => next[key] === previous[key])) return previous;
  return next;
}
