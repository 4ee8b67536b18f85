/**
 * The findings of an assessment arranged as the report prints them: per pillar and track, the
 * strengths and the numbered areas of improvement (ordered by `rank` within their list), the
 * recommendations (in creation order, key ones first by their key rank), and across pillars the
 * ranked key recommendations.
 *
 * `rank` therefore means "position in its list" for strengths and areas of improvement, and
 * "position among the key recommendations" for recommendations (null: not a key recommendation).
 */
import type { Finding, FindingKind } from '../assessment/findingSchema';
import { compareRanked, orderByRank } from './rankOrder';

export const FINDING_KINDS: readonly FindingKind[] = ['strength', 'improvement', 'recommendation'];

/** Whether the list of this kind is ordered by rank (strengths and areas of improvement). */
export function isRankedList(kind: FindingKind): boolean {
  return kind !== 'recommendation';
}

export function findingsOfList(findings: readonly Finding[], pillarId: string, trackId: string, kind: FindingKind): Finding[] {
  const list = findings.filter((finding) => !finding.deleted && finding.pillarId === pillarId && finding.trackId === trackId && finding.kind === kind);
  if (isRankedList(kind)) return orderByRank(list);
  // Recommendations: creation order (UUIDv7 ids sort by time); rank is the key-recommendation order.
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The key recommendations across pillars, in rank order. */
export function keyRecommendations(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.deleted && finding.kind === 'recommendation' && finding.rank !== null).sort(compareRanked);
}

/** Live findings per pillar. */
export function countByPillar(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (finding.deleted) continue;
    counts.set(finding.pillarId, (counts.get(finding.pillarId) ?? 0) + 1);
  }
  return counts;
}
