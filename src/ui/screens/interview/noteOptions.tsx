/**
 * The choices a note offers (kind, tracks, suggested level) with their labels and shortcuts, shared
 * by the composer and the inline editor so both speak the same words and keys.
 */
import { useMemo } from 'preact/hooks';
import type { ObservationKind } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { ariaShortcut, SHORTCUT_CODES, trackShortcutKeys, type TrackChoice } from './composerShortcuts';
import type { SegmentedOption } from './SegmentedChoice';

export interface NoteOption<V extends string> extends SegmentedOption<V> {
  /** The label as plain text, for announcements. */
  readonly text: string;
}

export const KINDS: readonly ObservationKind[] = ['note', 'quote', 'evidence'];

export function useKindOptions(): readonly NoteOption<ObservationKind>[] {
  const { t, language } = useTranslation();
  return useMemo(
    () => [
      { value: 'note', text: t('interview:kind.note'), label: t('interview:kind.note'), shortcut: ariaShortcut(SHORTCUT_CODES.note) },
      { value: 'quote', text: t('interview:kind.quote'), label: t('interview:kind.quote'), shortcut: ariaShortcut(SHORTCUT_CODES.quote) },
      { value: 'evidence', text: t('interview:kind.evidence'), label: t('interview:kind.evidence'), shortcut: ariaShortcut(SHORTCUT_CODES.evidence) },
    ],
    [language],
  );
}

export function kindLabel(t: ReturnType<typeof useTranslation>['t'], kind: ObservationKind): string {
  switch (kind) {
    case 'note':
      return t('interview:kind.note');
    case 'quote':
      return t('interview:kind.quote');
    case 'evidence':
      return t('interview:kind.evidence');
  }
}

/** "All" (both, in MMDMA) first, then each track with its key. */
export function useTrackOptions(index: FrameworkIndex | undefined): readonly NoteOption<TrackChoice>[] {
  const { t, text, language } = useTranslation();
  return useMemo(() => {
    if (!index) return [];
    const keys = trackShortcutKeys(index.trackIds);
    const keyOf = new Map([...keys].map(([code, trackId]) => [trackId, code] as const));
    const all: NoteOption<TrackChoice> = {
      value: 'all',
      text: index.trackIds.length === 2 ? t('interview:tracks.both') : t('interview:tracks.all'),
      label: index.trackIds.length === 2 ? t('interview:tracks.both') : t('interview:tracks.all'),
      shortcut: ariaShortcut(SHORTCUT_CODES.allTracks),
    };
    return [
      all,
      ...index.framework.tracks.map((track) => {
        const code = keyOf.get(track.id);
        return { value: track.id, text: text(track.name), label: <FrameworkText value={track.name} />, shortcut: code ? ariaShortcut(code) : undefined };
      }),
    ];
  }, [index, language]);
}

export function useLevelOptions(index: FrameworkIndex | undefined): readonly NoteOption<string>[] {
  const { text, language } = useTranslation();
  return useMemo(
    () =>
      (index?.framework.levels ?? []).map((level, position) => ({
        value: level.id,
        text: text(level.name),
        label: <FrameworkText value={level.name} />,
        shortcut: position < 9 ? ariaShortcut(`Digit${position + 1}`) : undefined,
      })),
    [index, language],
  );
}

/** The track ids a choice stands for. */
export function tracksOfChoice(choice: TrackChoice, trackIds: readonly string[]): string[] {
  if (choice === 'all') return [...trackIds];
  return trackIds.includes(choice) ? [choice] : [...trackIds];
}

/** The choice that gives these track ids ("all" for every track, or for none or several). */
export function choiceOfTracks(ids: readonly string[], trackIds: readonly string[]): TrackChoice {
  const [only] = ids;
  return ids.length === 1 && only !== undefined && trackIds.includes(only) ? only : 'all';
}

/** The level a shortcut's rank names (1 = the lowest), or null for "none" and ranks past the last. */
export function levelOfRank(rank: number | null, levelIds: readonly string[]): string | null {
  return rank === null ? null : (levelIds[rank - 1] ?? null);
}
