/**
 * The report's conclusion tables, from the estimate (which already puts the lead's consensus first
 * and keeps the bottom-up figure beside it):
 * - Table 3: the overall level of every pillar, with its tendency;
 * - Table 4: the level of every scored sub-topic on one track (the report prints migration
 *   management), grouped by pillar.
 * A row without a level says so (level null) rather than disappearing: a gap in the table is a gap
 * in the fieldwork, and the reader must see it.
 */
import type { AssessmentEstimate, Basis, ConsensusAwareEstimate } from '../estimate/estimateTypes';
import type { FrameworkIndex } from '../framework/indexFramework';

export interface MaturityRow {
  readonly id: string;
  readonly code: string;
  readonly level: string | null;
  readonly tendency: string | null;
  readonly basis: Basis;
  readonly provisional: boolean;
  /** True when the lead's consensus sets the level. */
  readonly agreed: boolean;
}

export interface Table4Group {
  readonly pillarId: string;
  readonly code: string;
  readonly rows: readonly MaturityRow[];
}

/**
 * The tendency to print with a level: the estimate's own; where the lead's consensus sets the level
 * and the bottom-up estimate lands on the same level, the estimate's lean (the report's "developing,
 * with a strong tendency towards established").
 */
export function tendencyOf(node: ConsensusAwareEstimate | undefined): string | null {
  if (node === undefined) return null;
  if (node.tendency !== null) return node.tendency;
  if (node.consensus !== null && node.estimated.level === node.consensus.level) return node.estimated.tendency;
  return null;
}

export function table3(estimate: AssessmentEstimate, index: FrameworkIndex): MaturityRow[] {
  const byId = new Map(estimate.pillars.map((pillar) => [pillar.pillarId, pillar]));
  return index.framework.pillars.map((pillar) => {
    const overall = byId.get(pillar.id)?.overall;
    return {
      id: pillar.id,
      code: pillar.code,
      level: overall?.level ?? null,
      tendency: tendencyOf(overall),
      basis: overall?.basis ?? 'none',
      provisional: overall?.provisional ?? false,
      agreed: overall?.consensus != null,
    };
  });
}

export function table4(estimate: AssessmentEstimate, index: FrameworkIndex, trackId: string): Table4Group[] {
  const byId = new Map(estimate.pillars.map((pillar) => [pillar.pillarId, pillar]));
  return index.framework.pillars.map((pillar) => {
    const track = byId.get(pillar.id)?.tracks.find((t) => t.trackId === trackId);
    const rows = (track?.subTopics ?? []).map((subTopic) => ({
      id: subTopic.subTopicId,
      code: index.subTopicById.get(subTopic.subTopicId)?.code ?? '',
      level: subTopic.level,
      tendency: tendencyOf(subTopic),
      basis: subTopic.basis,
      provisional: subTopic.provisional,
      agreed: subTopic.consensus != null,
    }));
    return { pillarId: pillar.id, code: pillar.code, rows };
  });
}
