/**
 * The estimator's input from an assessment's live records: the few structural fields it reads, and
 * the interview → institution map that makes all interviews with one institution ONE source of
 * evidence (two meetings with the Migration Service must not outvote one with the Central Bank).
 *
 * Deleted records are already left out of AssessmentData; `deleted` is still passed through so the
 * function is safe on data that includes them (a trash view, a bundle preview).
 */
import type { EstimateInput } from '../../core/estimate/estimateAssessment';
import type { FrameworkIndex } from '../../core/framework/indexFramework';
import type { AssessmentData } from './assessmentSession';

export type EstimateSource = Pick<AssessmentData, 'ratings' | 'observations' | 'consensus' | 'interviews'>;

export function buildEstimateInput(data: EstimateSource, index: FrameworkIndex): EstimateInput {
  const institutionOfInterview = new Map<string, string>();
  for (const interview of data.interviews) {
    if (!interview.deleted) institutionOfInterview.set(interview.id, interview.institutionId);
  }
  return {
    index,
    ratings: data.ratings.map((rating) => ({
      assessorId: rating.assessorId,
      indicatorId: rating.indicatorId,
      trackId: rating.trackId,
      level: rating.level,
      deleted: rating.deleted,
    })),
    observations: data.observations.map((observation) => ({
      interviewId: observation.interviewId,
      tags: observation.tags,
      suggestedLevel: observation.suggestedLevel,
      deleted: observation.deleted,
    })),
    consensus: data.consensus.map((entry) => ({
      scope: entry.scope,
      targetId: entry.targetId,
      trackId: entry.trackId,
      level: entry.level,
      deleted: entry.deleted,
    })),
    institutionOfInterview,
  };
}
