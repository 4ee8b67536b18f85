/**
 * Setting a consensus keeps what it replaces. The record holds the current level, rationale and
 * who set it; `history` holds the earlier values, oldest first. The record has no "set at" field,
 * so an entry's `at` is the moment that value was REPLACED, and a value's own start is the `at` of
 * the entry before it (the current value's start is the last entry's `at`). Only the very first
 * value's start is unknown: nothing recorded it.
 *
 * Only a change of level (an explicit "Set consensus") appends history; the rationale is the
 * current decision's reasoning and is refined in place (autosaved), and the history entry keeps it
 * as it stood when the level was replaced.
 */
import type { Consensus, ConsensusHistoryEntry, ConsensusInput } from '../../../core/assessment/consensusSchema';

export interface SetConsensusRequest {
  readonly level: string | null;
  /** Used only when there is no consensus yet; an existing rationale stays as it is. */
  readonly rationale: string;
  /** Assessor id of the lead setting it. */
  readonly setBy: string;
  /** ISO instant, `new Date().toISOString()`. */
  readonly at: string;
}

export type ConsensusWrite =
  /** No `history`: a new record gets the default (empty), and a record deleted elsewhere keeps its own. */
  | { readonly kind: 'create'; readonly input: Omit<ConsensusInput, 'id' | 'history'> }
  | { readonly kind: 'update'; readonly patch: Pick<ConsensusInput, 'level' | 'setBy' | 'history'> }
  | { readonly kind: 'unchanged' };

export interface ConsensusTarget {
  readonly assessmentId: string;
  readonly scope: Consensus['scope'];
  readonly targetId: string;
  readonly trackId: string;
}

/** What to write to set `request.level`; the previous value goes to the end of `history`. */
export function planConsensusWrite(current: Consensus | undefined, target: ConsensusTarget, request: SetConsensusRequest): ConsensusWrite {
  if (current === undefined) {
    return {
      kind: 'create',
      input: { ...target, level: request.level, rationale: request.rationale, setBy: request.setBy },
    };
  }
  if (current.level === request.level) return { kind: 'unchanged' };
  return {
    kind: 'update',
    patch: { level: request.level, setBy: request.setBy, history: appendHistory(current, request.at) },
  };
}

export function appendHistory(current: Consensus, at: string): ConsensusHistoryEntry[] {
  return [...current.history, { level: current.level, rationale: current.rationale, setBy: current.setBy, at }];
}

export interface TimelineEntry {
  readonly level: string | null;
  readonly rationale: string;
  readonly setBy: string;
  /** When this value was set; null when no record says (the first value). */
  readonly from: string | null;
  /** When it was replaced; null for the current value. */
  readonly until: string | null;
  readonly current: boolean;
}

/** Every value the consensus has had, newest first, each with its time span. */
export function consensusTimeline(consensus: Consensus): TimelineEntry[] {
  const entries: TimelineEntry[] = consensus.history.map((entry, i) => ({
    level: entry.level,
    rationale: entry.rationale,
    setBy: entry.setBy,
    from: i === 0 ? null : (consensus.history[i - 1]?.at ?? null),
    until: entry.at,
    current: false,
  }));
  entries.push({
    level: consensus.level,
    rationale: consensus.rationale,
    setBy: consensus.setBy,
    from: consensus.history.at(-1)?.at ?? null,
    until: null,
    current: true,
  });
  return entries.reverse();
}
