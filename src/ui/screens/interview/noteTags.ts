/**
 * A note's tags as the composer and the inline editor change them: adding one (an indicator tag
 * says more than its sub-topic's tag, so it replaces it), removing one, and giving them all the
 * tracks chosen for the note.
 */
import type { ObservationTag } from '../../../core/assessment/observationSchema';
import { tagKey, type TagRef } from './TagChips';

/** The tags with this one added, or undefined when it is already there. */
export function withTag(tags: readonly TagRef[], tag: TagRef): TagRef[] | undefined {
  const key = tagKey(tag);
  if (tags.some((existing) => tagKey(existing) === key)) return undefined;
  const rest = tags.filter((existing) => !(tag.indicatorId !== undefined && existing.indicatorId === undefined && existing.subTopicId === tag.subTopicId));
  return [...rest, tag];
}

export function withoutTag<T extends TagRef>(tags: readonly T[], tag: TagRef): T[] {
  return tags.filter((existing) => tagKey(existing) !== tagKey(tag));
}

/** The tags as stored: each on these tracks (its own copy of the list). */
export function tagsOnTracks(tags: readonly TagRef[], trackIds: readonly string[]): ObservationTag[] {
  return tags.map((tag) => ({ subTopicId: tag.subTopicId, ...(tag.indicatorId !== undefined ? { indicatorId: tag.indicatorId } : {}), trackIds: [...trackIds] }));
}
