/**
 * The records of one assessment as the shared analysis reads them: what the app's session holds,
 * what a bundle carries and what the built-in example builds. Deleted records may be present; every
 * analysis function leaves them out itself.
 */
import type { Assessment } from '../assessment/assessmentSchema';
import type { Assessor } from '../assessment/assessorSchema';
import type { Consensus } from '../assessment/consensusSchema';
import type { Finding } from '../assessment/findingSchema';
import type { Institution } from '../assessment/institutionSchema';
import type { Interviewee } from '../assessment/intervieweeSchema';
import type { Interview } from '../assessment/interviewSchema';
import type { Observation } from '../assessment/observationSchema';
import type { Rating } from '../assessment/ratingSchema';

export interface AssessmentRecords {
  readonly assessment: Assessment;
  readonly assessors: readonly Assessor[];
  readonly institutions: readonly Institution[];
  readonly interviews: readonly Interview[];
  readonly interviewees: readonly Interviewee[];
  readonly observations: readonly Observation[];
  readonly ratings: readonly Rating[];
  readonly consensus: readonly Consensus[];
  readonly findings: readonly Finding[];
}
