/**
 * The report's Table 1 with the fieldwork laid over it: institutions × pillars, each cell saying
 * whether the institution is marked relevant for the pillar and how many notes from its interviews
 * are tagged to the pillar's sub-topics. "Relevant but no notes yet" is what the team looks for.
 *
 * One pass over the notes, so thousands of them cost a few milliseconds. A note tagged to several
 * sub-topics of one pillar counts once for that pillar. Notes from desk research, and from interviews
 * whose institution was removed, get their own rows only when there are some, so the totals add up.
 */
import type { Institution } from '../assessment/institutionSchema';
import type { Interview } from '../assessment/interviewSchema';
import type { Observation } from '../assessment/observationSchema';
import type { FrameworkIndex } from '../framework/indexFramework';

export interface GridCell {
  readonly pillarId: string;
  readonly relevant: boolean;
  /** Notes, quotes and evidence from this row's source tagged to the pillar. */
  readonly notes: number;
}

export interface InterviewCounts {
  readonly done: number;
  readonly planned: number;
  readonly cancelled: number;
}

export type GridRowKind = 'institution' | 'desk-research' | 'unknown-institution';

export interface GridRow {
  /** The institution id, or the kind for the two synthetic rows. */
  readonly key: string;
  readonly kind: GridRowKind;
  readonly institution: Institution | null;
  readonly interviews: InterviewCounts;
  readonly cells: readonly GridCell[];
}

export interface GridTotals {
  /** Per pillar: institutions marked relevant, and notes from every source. */
  readonly cells: ReadonlyArray<{ readonly pillarId: string; readonly relevantInstitutions: number; readonly notes: number }>;
  readonly interviews: InterviewCounts;
}

export interface CoverageGrid {
  readonly pillarIds: readonly string[];
  readonly rows: readonly GridRow[];
  readonly totals: GridTotals;
  /** Institutions that are relevant for a pillar but have no note tagged to it. */
  readonly relevantWithoutNotes: number;
}

export interface CoverageGridInput {
  readonly institutions: readonly Institution[];
  readonly interviews: readonly Interview[];
  readonly observations: readonly Observation[];
}

const DESK = 'desk-research';
const UNKNOWN = 'unknown-institution';

export function buildCoverageGrid(
  input: CoverageGridInput,
  index: FrameworkIndex,
  compareNames: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): CoverageGrid {
  const pillarIds = index.framework.pillars.map((pillar) => pillar.id);
  const pillarColumn = new Map(pillarIds.map((id, column) => [id, column] as const));
  const columnOfSubTopic = new Map<string, number>();
  for (const [subTopicId, pillar] of index.pillarOfSubTopic) columnOfSubTopic.set(subTopicId, pillarColumn.get(pillar.id) ?? -1);

  const institutionIds = new Set(input.institutions.filter((institution) => !institution.deleted).map((institution) => institution.id));
  const rowKeyOfInterview = new Map<string, string>();
  const interviewCounts = new Map<string, { done: number; planned: number; cancelled: number }>();
  const countsOf = (key: string) => {
    let counts = interviewCounts.get(key);
    if (counts === undefined) {
      counts = { done: 0, planned: 0, cancelled: 0 };
      interviewCounts.set(key, counts);
    }
    return counts;
  };
  for (const interview of input.interviews) {
    if (interview.deleted) continue;
    const key = institutionIds.has(interview.institutionId) ? interview.institutionId : UNKNOWN;
    rowKeyOfInterview.set(interview.id, key);
    countsOf(key)[interview.status]++;
  }

  const notes = new Map<string, Uint32Array>();
  const notesOf = (key: string) => {
    let counts = notes.get(key);
    if (counts === undefined) {
      counts = new Uint32Array(pillarIds.length);
      notes.set(key, counts);
    }
    return counts;
  };
  const totalNotes = new Uint32Array(pillarIds.length);
  // seenBy[column] = the number of the last note counted there, so a note tagged twice to one
  // pillar counts once without clearing an array per note.
  const seenBy = new Int32Array(pillarIds.length).fill(-1);
  let counts: Uint32Array | undefined;
  let countsKey = '';
  let n = 0;
  for (const observation of input.observations) {
    n++;
    if (observation.deleted) continue;
    for (const tag of observation.tags) {
      const column = columnOfSubTopic.get(tag.subTopicId);
      if (column === undefined || column < 0 || seenBy[column] === n) continue;
      seenBy[column] = n;
      const key = observation.interviewId === null ? DESK : (rowKeyOfInterview.get(observation.interviewId) ?? UNKNOWN);
      // Notes arrive grouped by interview more often than not: reuse the last row's counters.
      if (counts === undefined || key !== countsKey) {
        counts = notesOf(key);
        countsKey = key;
      }
      counts[column] = (counts[column] ?? 0) + 1;
      totalNotes[column] = (totalNotes[column] ?? 0) + 1;
    }
  }

  const relevantCount = new Uint32Array(pillarIds.length);
  let relevantWithoutNotes = 0;
  const institutionRows: GridRow[] = [...input.institutions]
    .filter((institution) => !institution.deleted)
    .sort((a, b) => compareNames(a.name, b.name))
    .map((institution) => {
      const relevant = new Set(institution.relevantPillarIds);
      const counts = notes.get(institution.id);
      const cells = pillarIds.map((pillarId, column) => {
        const isRelevant = relevant.has(pillarId);
        const noteCount = counts?.[column] ?? 0;
        if (isRelevant) {
          relevantCount[column] = (relevantCount[column] ?? 0) + 1;
          if (noteCount === 0) relevantWithoutNotes++;
        }
        return { pillarId, relevant: isRelevant, notes: noteCount };
      });
      return { key: institution.id, kind: 'institution', institution, interviews: frozenCounts(interviewCounts.get(institution.id)), cells };
    });

  const syntheticRow = (kind: 'desk-research' | 'unknown-institution'): GridRow[] => {
    const counts = notes.get(kind);
    const interviews = interviewCounts.get(kind);
    if (counts === undefined && interviews === undefined) return [];
    return [
      {
        key: kind,
        kind,
        institution: null,
        interviews: frozenCounts(interviews),
        cells: pillarIds.map((pillarId, column) => ({ pillarId, relevant: false, notes: counts?.[column] ?? 0 })),
      },
    ];
  };

  const allInterviews = { done: 0, planned: 0, cancelled: 0 };
  for (const counts of interviewCounts.values()) {
    allInterviews.done += counts.done;
    allInterviews.planned += counts.planned;
    allInterviews.cancelled += counts.cancelled;
  }
  return {
    pillarIds,
    rows: [...institutionRows, ...syntheticRow(UNKNOWN), ...syntheticRow(DESK)],
    totals: {
      cells: pillarIds.map((pillarId, column) => ({ pillarId, relevantInstitutions: relevantCount[column] ?? 0, notes: totalNotes[column] ?? 0 })),
      interviews: allInterviews,
    },
    relevantWithoutNotes,
  };
}

function frozenCounts(counts: InterviewCounts | undefined): InterviewCounts {
  return counts === undefined ? { done: 0, planned: 0, cancelled: 0 } : { done: counts.done, planned: counts.planned, cancelled: counts.cancelled };
}
