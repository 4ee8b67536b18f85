/**
 * Triangulation: sources (institutions interviewed, and desk research) × sub-topics, each cell the
 * mean level the source's notes suggest for the sub-topic and how many notes say so. Where two
 * sources point to different levels, the team knows which conversation to go back to.
 *
 * Only notes with a suggested level count for the mean; `notes` counts every note tagged to the
 * sub-topic. A note tagged twice to one sub-topic counts once.
 */
import type { Institution } from '../assessment/institutionSchema';
import type { Interview } from '../assessment/interviewSchema';
import type { Observation } from '../assessment/observationSchema';
import type { FrameworkIndex } from '../framework/indexFramework';

export const DESK_RESEARCH_ROW = 'desk-research';

export interface SourceCell {
  readonly subTopicId: string;
  readonly notes: number;
  /** Mean rank (1 = lowest level) of the levels suggested; null when none suggested one. */
  readonly meanRank: number | null;
  readonly suggested: number;
}

export interface SourceRow {
  /** Institution id, or DESK_RESEARCH_ROW. */
  readonly key: string;
  readonly institution: Institution | null;
  readonly cells: readonly SourceCell[];
}

export interface SourceMatrix {
  readonly subTopicIds: readonly string[];
  readonly rows: readonly SourceRow[];
}

export function sourceMatrix(
  index: FrameworkIndex,
  input: { readonly institutions: readonly Institution[]; readonly interviews: readonly Interview[]; readonly observations: readonly Observation[] },
): SourceMatrix {
  const subTopicIds = index.framework.pillars.flatMap((pillar) => pillar.subTopics.filter((s) => s.indicators.length > 0).map((s) => s.id));
  const column = new Map(subTopicIds.map((id, i) => [id, i] as const));
  const institutionOfInterview = new Map<string, string>();
  for (const interview of input.interviews) if (!interview.deleted) institutionOfInterview.set(interview.id, interview.institutionId);
  const acc = new Map<string, { notes: number[]; sum: number[]; suggested: number[] }>();
  const accOf = (key: string) => {
    let row = acc.get(key);
    if (row === undefined) {
      const zeros = () => new Array<number>(subTopicIds.length).fill(0);
      row = { notes: zeros(), sum: zeros(), suggested: zeros() };
      acc.set(key, row);
    }
    return row;
  };
  for (const observation of input.observations) {
    if (observation.deleted) continue;
    const key = observation.interviewId === null ? DESK_RESEARCH_ROW : institutionOfInterview.get(observation.interviewId);
    if (key === undefined) continue;
    const rank = observation.suggestedLevel === null ? undefined : index.levelRank.get(observation.suggestedLevel);
    const seen = new Set<number>();
    for (const tag of observation.tags) {
      const c = column.get(tag.subTopicId);
      if (c === undefined || seen.has(c)) continue;
      seen.add(c);
      const row = accOf(key);
      row.notes[c]! += 1;
      if (rank !== undefined) {
        row.sum[c]! += rank;
        row.suggested[c]! += 1;
      }
    }
  }
  const rowOf = (key: string, institution: Institution | null): SourceRow | null => {
    const row = acc.get(key);
    if (row === undefined) return null;
    return {
      key,
      institution,
      cells: subTopicIds.map((subTopicId, c) => ({
        subTopicId,
        notes: row.notes[c]!,
        suggested: row.suggested[c]!,
        meanRank: row.suggested[c]! > 0 ? row.sum[c]! / row.suggested[c]! : null,
      })),
    };
  };
  const rows: SourceRow[] = [];
  for (const institution of [...input.institutions].filter((i) => !i.deleted).sort((a, b) => a.name.localeCompare(b.name))) {
    const row = rowOf(institution.id, institution);
    if (row !== null) rows.push(row);
  }
  const desk = rowOf(DESK_RESEARCH_ROW, null);
  if (desk !== null) rows.push(desk);
  return { subTopicIds, rows };
}
