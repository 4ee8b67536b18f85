/**
 * What the guiding-questions panel shows: the pillars that matter for the interview's institution
 * (all of them when the institution names none), and per sub-topic how many notes speak to it, in
 * this interview and across the assessment. A note counts once per sub-topic however many of its
 * tags point there (a sub-topic tag and one of its indicators, say).
 */
import type { Observation } from '../../../core/assessment/observationSchema';
import type { Pillar } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';

type TaggedNote = Pick<Observation, 'tags' | 'deleted'> & { readonly interviewId: string | null };

/** Notes per sub-topic id. Tags to unknown sub-topics (another framework version) count too. */
export function notesPerSubTopic(notes: Iterable<TaggedNote>, subTopicOfIndicator?: ReadonlyMap<string, { readonly id: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const note of notes) {
    if (note.deleted) continue;
    seen.clear();
    for (const tag of note.tags) {
      // An indicator tag names its sub-topic too; trust the framework over the record if they differ.
      const subTopicId = (tag.indicatorId !== undefined ? subTopicOfIndicator?.get(tag.indicatorId)?.id : undefined) ?? tag.subTopicId;
      if (seen.has(subTopicId)) continue;
      seen.add(subTopicId);
      counts.set(subTopicId, (counts.get(subTopicId) ?? 0) + 1);
    }
  }
  return counts;
}

/** The institution's relevant pillars in framework order; all pillars when it names none (or only unknown ones). */
export function relevantPillars(index: FrameworkIndex, relevantPillarIds: readonly string[] | undefined): { readonly pillars: readonly Pillar[]; readonly filtered: boolean } {
  const wanted = new Set(relevantPillarIds ?? []);
  const pillars = index.framework.pillars.filter((pillar) => wanted.has(pillar.id));
  return pillars.length > 0 ? { pillars, filtered: pillars.length < index.framework.pillars.length } : { pillars: index.framework.pillars, filtered: false };
}

export interface SubTopicCoverage {
  readonly subTopicId: string;
  readonly inInterview: number;
  readonly inAssessment: number;
}

export interface PillarCoverage {
  readonly pillar: Pillar;
  readonly subTopics: readonly SubTopicCoverage[];
  /** Sub-topics of this pillar with at least one note in this interview. */
  readonly covered: number;
}

export function guidingCoverage(
  pillars: readonly Pillar[],
  inInterview: ReadonlyMap<string, number>,
  inAssessment: ReadonlyMap<string, number>,
): PillarCoverage[] {
  return pillars.map((pillar) => {
    const subTopics = pillar.subTopics.map((subTopic) => ({
      subTopicId: subTopic.id,
      inInterview: inInterview.get(subTopic.id) ?? 0,
      inAssessment: inAssessment.get(subTopic.id) ?? 0,
    }));
    return { pillar, subTopics, covered: subTopics.filter((entry) => entry.inInterview > 0).length };
  });
}

/** Totals over the shown pillars, for the panel's summary line. */
export function coverageTotals(coverage: readonly PillarCoverage[]): { readonly covered: number; readonly total: number } {
  let covered = 0;
  let total = 0;
  for (const entry of coverage) {
    covered += entry.covered;
    total += entry.subTopics.length;
  }
  return { covered, total };
}
