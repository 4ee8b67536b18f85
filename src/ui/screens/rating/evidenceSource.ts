/**
 * Where a note comes from, for the evidence list: the institution of its interview and the
 * interview's date, or desk research. Filters work on the same key the estimator uses for a source.
 */
import type { Institution } from '../../../core/assessment/institutionSchema';
import type { Interview } from '../../../core/assessment/interviewSchema';
import type { Observation, ObservationKind } from '../../../core/assessment/observationSchema';

/** The filter value for notes from desk research (no interview). */
export const DESK_RESEARCH = 'desk-research';
/** The filter value for notes whose interview (or its institution) is missing on this device. */
export const UNKNOWN_SOURCE = 'unknown';

export interface EvidenceSource {
  /** An institution id, DESK_RESEARCH or UNKNOWN_SOURCE. */
  readonly key: string;
  readonly institution: Institution | undefined;
  readonly interview: Interview | undefined;
}

export function evidenceSourceOf(
  observation: Observation,
  interviewById: ReadonlyMap<string, Interview>,
  institutionById: ReadonlyMap<string, Institution>,
): EvidenceSource {
  if (observation.interviewId === null) return { key: DESK_RESEARCH, institution: undefined, interview: undefined };
  const interview = interviewById.get(observation.interviewId);
  const institution = interview ? institutionById.get(interview.institutionId) : undefined;
  return { key: institution?.id ?? UNKNOWN_SOURCE, institution, interview };
}

export interface EvidenceFilter {
  /** A source key, or 'all'. */
  readonly source: string;
  readonly kind: ObservationKind | 'all';
}

export const NO_FILTER: EvidenceFilter = { source: 'all', kind: 'all' };

export function filterEvidence(
  observations: readonly Observation[],
  filter: EvidenceFilter,
  sourceKeyOf: (observation: Observation) => string,
): Observation[] {
  return observations.filter(
    (observation) => (filter.kind === 'all' || observation.kind === filter.kind) && (filter.source === 'all' || sourceKeyOf(observation) === filter.source),
  );
}

/** The sources present in a list, each with its count, in first-appearance order. */
export function sourcesIn(observations: readonly Observation[], sourceKeyOf: (observation: Observation) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const observation of observations) {
    const key = sourceKeyOf(observation);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
