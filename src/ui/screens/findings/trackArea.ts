/**
 * The report names the two tracks by what they cover: "general digital transformation" (the
 * central-government track) and "migration management digitalisation". Other frameworks' tracks
 * use their own names.
 */
import type { FindingKind } from '../../../core/assessment/findingSchema';
import type { TFunction } from 'i18next';

export const CENTRAL_TRACK_ID = 'central';
export const MIGRATION_TRACK_ID = 'migration';

/** The heading of a track's findings section. */
export function trackHeading(t: TFunction, trackId: string, trackName: string): string {
  if (trackId === CENTRAL_TRACK_ID) return t('findings:track.central');
  if (trackId === MIGRATION_TRACK_ID) return t('findings:track.migration');
  return trackName;
}

/** The heading of one list, as the report words it ("Strengths in general digital transformation"). */
export function listHeading(t: TFunction, trackId: string, trackName: string, kind: FindingKind): string {
  if (trackId === CENTRAL_TRACK_ID) {
    return {
      strength: t('findings:list.central.strength'),
      improvement: t('findings:list.central.improvement'),
      recommendation: t('findings:list.central.recommendation'),
    }[kind];
  }
  if (trackId === MIGRATION_TRACK_ID) {
    return {
      strength: t('findings:list.migration.strength'),
      improvement: t('findings:list.migration.improvement'),
      recommendation: t('findings:list.migration.recommendation'),
    }[kind];
  }
  return {
    strength: t('findings:list.other.strength', { track: trackName }),
    improvement: t('findings:list.other.improvement', { track: trackName }),
    recommendation: t('findings:list.other.recommendation', { track: trackName }),
  }[kind];
}
