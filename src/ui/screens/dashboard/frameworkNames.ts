/**
 * Framework names as plain strings, for the few places that take no elements (aria-label, title).
 * Everywhere else, names are shown with FrameworkText so English fallbacks carry `lang`.
 */
import type { LocalizedText } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';

export function levelNameOf(index: FrameworkIndex, levelId: string, text: (value: LocalizedText) => string): string {
  const level = index.framework.levels.find((candidate) => candidate.id === levelId);
  return level === undefined ? levelId : text(level.name);
}

export function trackNameOf(index: FrameworkIndex, trackId: string, text: (value: LocalizedText) => string): string {
  const track = index.framework.tracks.find((candidate) => candidate.id === trackId);
  return track === undefined ? trackId : text(track.name);
}
