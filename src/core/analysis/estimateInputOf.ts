/**
 * The estimator's input from an assessment's records: the few structural fields it reads, and the
 * interview → institution map that makes all interviews with one institution ONE source of
 * evidence (two meetings with the Migration Service must not outvote one with the Central Bank).
 */
import type { EstimateInput } from '../estimate/estimateAssessment';
import type { FrameworkIndex } from '../framework/indexFramework';
import type { AssessmentRecords } from './assessmentRecords';

export type EstimateSource = Pick<AssessmentRecords, 'ratings' | 'observations' | 'consensus' | 'interviews'>;

export function estimateInputOf(data: EstimateSource, index: FrameworkIndex): EstimateInput {
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
