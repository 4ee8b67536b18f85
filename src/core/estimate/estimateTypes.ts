/**
 * Inputs and outputs of the estimator. Inputs are structural (the few fields the estimator reads)
 * so the estimator runs equally on stored records, on bundle contents and on synthetic benchmarks.
 */

export interface RatingInput {
  readonly assessorId: string;
  readonly indicatorId: string;
  readonly trackId: string;
  /** null: the assessor looked and could not judge; it is not a rating. */
  readonly level: string | null;
  readonly deleted?: boolean;
}

export interface EvidenceTagInput {
  readonly subTopicId: string;
  /** Absent: the note speaks to the sub-topic as a whole, so it counts for each of its indicators. */
  readonly indicatorId?: string | undefined;
  readonly trackIds: readonly string[];
}

export interface ObservationInput {
  /** null for desk research; otherwise the interview, whose institution is the evidence's source. */
  readonly interviewId: string | null;
  readonly tags: readonly EvidenceTagInput[];
  readonly suggestedLevel: string | null;
  readonly deleted?: boolean;
}

export interface ConsensusInput {
  readonly scope: 'sub-topic' | 'pillar';
  readonly targetId: string;
  /** A track id, or OVERALL_TRACK_ID ("overall") for a pillar's overall level. */
  readonly trackId: string;
  readonly level: string | null;
  readonly deleted?: boolean;
}


/** What a figure rests on, strongest first. */
export type Basis = 'consensus' | 'ratings' | 'evidence' | 'none';

export interface Coverage {
  /** Indicators (on this track) with at least one assessor rating. */
  readonly rated: number;
  /** Indicators with no rating but with evidence suggesting a level. */
  readonly evidenced: number;
  /** Indicators judged on this track. */
  readonly total: number;
}

export interface Spread {
  /** Largest distance in levels between two assessors' ratings of one indicator; null if < 2 assessors. */
  readonly assessors: number | null;
  /** Largest distance between the mean levels suggested by two sources (institutions); null if < 2. */
  readonly sources: number | null;
}

export interface Estimate {
  /** Mean on the level scale (1 = lowest level), or null when nothing is known. */
  readonly score: number | null;
  readonly level: string | null;
  /** The neighbouring level the score leans towards, if it leans enough (see levelFromScore). */
  readonly tendency: string | null;
  readonly basis: Basis;
  /** True when any part rests on evidence rather than on ratings or consensus. */
  readonly provisional: boolean;
  readonly coverage: Coverage;
  readonly spread: Spread;
  readonly inputs: { readonly ratings: number; readonly evidence: number; readonly consensus: number };
}

/** An estimate where the lead may have set a consensus: both are kept, so the gap is never hidden. */
export interface ConsensusAwareEstimate extends Estimate {
  /** The bottom-up estimate ignoring this node's own consensus (children's consensus still counts). */
  readonly estimated: { readonly score: number | null; readonly level: string | null; readonly tendency: string | null };
  readonly consensus: { readonly level: string; readonly rank: number; readonly gap: number | null } | null;
}

export interface IndicatorEstimate extends Estimate {
  readonly indicatorId: string;
  readonly trackId: string;
}

export interface SubTopicEstimate extends ConsensusAwareEstimate {
  readonly subTopicId: string;
  readonly trackId: string;
  readonly indicators: readonly IndicatorEstimate[];
}

export interface PillarTrackEstimate extends ConsensusAwareEstimate {
  readonly pillarId: string;
  readonly trackId: string;
  readonly subTopics: readonly SubTopicEstimate[];
  /** Scored sub-topics without ratings or evidence: where the team still needs to ask. */
  readonly subTopicsLackingEvidence: readonly string[];
}

export interface PillarEstimate {
  readonly pillarId: string;
  readonly overall: ConsensusAwareEstimate;
  readonly tracks: readonly PillarTrackEstimate[];
}

export interface AssessmentEstimate {
  readonly pillars: readonly PillarEstimate[];
  /** Rounds out the figures: how many inputs were ignored because they named unknown ids or levels. */
  readonly ignored: { readonly ratings: number; readonly observations: number; readonly consensus: number };
}
