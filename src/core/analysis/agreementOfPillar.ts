/**
 * Inter-assessor agreement over one pillar: each indicator × track of the pillar is a unit; each
 * assessor who gave at least one level there is a coder. Quadratic-weighted kappa for every pair
 * (on the units both rated), Krippendorff's ordinal alpha over everyone (missing values allowed).
 * "Cannot judge" is no value: it is not a level to agree on.
 */
import type { RatingInput as Rating } from '../estimate/estimateTypes';
import type { Pillar } from '../framework/frameworkSchema';
import type { FrameworkIndex } from '../framework/indexFramework';
import { krippendorffAlphaOrdinal } from '../agreement/krippendorffAlphaOrdinal';
import { quadraticWeightedKappa } from '../agreement/quadraticWeightedKappa';
import { cellKey } from './selectEvidence';

export interface PairAgreement {
  readonly assessorA: string;
  readonly assessorB: string;
  /** Units both rated with a level. */
  readonly shared: number;
  readonly kappa: number | null;
}

export interface PillarAgreement {
  /** Assessors with at least one level in the pillar, sorted by id (stable across renders). */
  readonly assessorIds: readonly string[];
  /** Units rated by at least two assessors. */
  readonly pairableUnits: number;
  readonly alpha: number | null;
  readonly pairs: readonly PairAgreement[];
}

export function agreementOfPillar(index: FrameworkIndex, pillar: Pillar, ratings: readonly Rating[]): PillarAgreement {
  return agreementOfCells(index, cellsOfPillars(index, [pillar]), ratings);
}

/** The team's agreement over the whole framework: every indicator × track is a unit. */
export function agreementOverall(index: FrameworkIndex, ratings: readonly Rating[]): PillarAgreement {
  return agreementOfCells(index, cellsOfPillars(index, index.framework.pillars), ratings);
}

function cellsOfPillars(index: FrameworkIndex, pillars: readonly Pillar[]): string[] {
  const units: string[] = [];
  for (const pillar of pillars) {
    for (const subTopic of pillar.subTopics) {
      for (const indicator of subTopic.indicators) {
        for (const trackId of index.tracksOfIndicator.get(indicator.id) ?? []) units.push(cellKey(indicator.id, trackId));
      }
    }
  }
  return units;
}

/** Agreement over the given units (cellKey(indicator, track)). */
export function agreementOfCells(index: FrameworkIndex, units: readonly string[], ratings: readonly Rating[]): PillarAgreement {
  const unitIndex = new Map(units.map((key, i) => [key, i] as const));
  // assessor → unit → 0-based rank
  const byAssessor = new Map<string, Array<number | null>>();
  for (const rating of ratings) {
    if (rating.deleted || rating.level === null) continue;
    const u = unitIndex.get(cellKey(rating.indicatorId, rating.trackId));
    const rank = index.levelRank.get(rating.level);
    if (u === undefined || rank === undefined) continue;
    let row = byAssessor.get(rating.assessorId);
    if (row === undefined) {
      row = new Array<number | null>(units.length).fill(null);
      byAssessor.set(rating.assessorId, row);
    }
    row[u] = rank - 1;
  }
  const assessorIds = [...byAssessor.keys()].sort();
  const levelCount = index.levelIds.length;
  const rows = assessorIds.map((id) => byAssessor.get(id) ?? []);
  const unitValues = units.map((_, u) => rows.map((row) => row[u] ?? null));
  const pairableUnits = unitValues.filter((values) => values.filter((v) => v !== null).length >= 2).length;
  const pairs: PairAgreement[] = [];
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      const rowA = rows[a] ?? [];
      const rowB = rows[b] ?? [];
      const shared = rowA.filter((value, u) => value !== null && rowB[u] !== null && rowB[u] !== undefined).length;
      pairs.push({
        assessorA: assessorIds[a] ?? '',
        assessorB: assessorIds[b] ?? '',
        shared,
        kappa: quadraticWeightedKappa(rowA, rowB, levelCount),
      });
    }
  }
  return {
    assessorIds,
    pairableUnits,
    alpha: assessorIds.length >= 2 ? krippendorffAlphaOrdinal(unitValues, levelCount) : null,
    pairs,
  };
}

/**
 * Landis & Koch's (1977) bands, the reading most assessors have met; used for alpha too, where
 * Krippendorff's own advice (≥ 0.8 reliable, ≥ 0.667 tentative) falls on the same boundaries'
 * "substantial" and "almost perfect".
 */
export type AgreementBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost-perfect';

export function agreementBand(value: number): AgreementBand {
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost-perfect';
}

/**
 * Krippendorff's own guidance for alpha (2004, p. 241): rely on data with α ≥ .800, draw only
 * tentative conclusions from .667 ≤ α < .800, and discard data below .667.
 */
export type AlphaReading = 'reliable' | 'tentative' | 'unreliable';

export function alphaReading(value: number): AlphaReading {
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}

/** Largest distance in levels between the assessors' levels for one cell; null with fewer than two. */
export function levelSpread(ranks: readonly number[]): number | null {
  if (ranks.length < 2) return null;
  return Math.max(...ranks) - Math.min(...ranks);
}
