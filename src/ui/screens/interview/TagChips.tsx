/**
 * The tags of a note as chips: code and name, each with a remove button when editable. Tags to
 * ids the framework does not know (another framework version) still show, by id.
 */
import type { ObservationTag } from '../../../core/assessment/observationSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { LocalizedText } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';

export interface TagRef {
  readonly subTopicId: string;
  readonly indicatorId?: string | undefined;
}

export function tagKey(tag: TagRef): string {
  return tag.indicatorId ?? tag.subTopicId;
}

export function tagLabel(index: FrameworkIndex | undefined, tag: TagRef): { readonly code: string; readonly name: LocalizedText | undefined } {
  if (tag.indicatorId !== undefined) {
    const indicator = index?.indicatorById.get(tag.indicatorId);
    if (indicator) return { code: indicator.code, name: indicator.label };
  }
  const subTopic = index?.subTopicById.get(tag.subTopicId);
  return subTopic ? { code: subTopic.code, name: subTopic.name } : { code: tag.indicatorId ?? tag.subTopicId, name: undefined };
}

interface TagChipsProps {
  readonly index: FrameworkIndex | undefined;
  readonly tags: readonly (TagRef | ObservationTag)[];
  readonly onRemove?: (tag: TagRef) => void;
  /** Track names shown after the tags when they are not all the tracks. */
  readonly trackNote?: string | undefined;
}

export function TagChips({ index, tags, onRemove, trackNote }: TagChipsProps) {
  const { t, text } = useTranslation();
  if (tags.length === 0 && trackNote === undefined) return null;
  return (
    <ul class="tag-chips" aria-label={t('interview:tags.listLabel')}>
      {tags.map((tag) => {
        const label = tagLabel(index, tag);
        return (
          <li key={tagKey(tag)} class="tag-chip">
            <span class="tag-chip-code">{label.code}</span>
            {label.name && (
              <span class="tag-chip-name">
                <FrameworkText value={label.name} />
              </span>
            )}
            {onRemove && (
              <button
                type="button"
                class="tag-chip-remove"
                aria-label={t('interview:tags.remove', { tag: label.name ? `${label.code} ${text(label.name)}` : label.code })}
                onClick={() => onRemove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </li>
        );
      })}
      {trackNote !== undefined && <li class="tag-chip tag-chip-tracks">{trackNote}</li>}
    </ul>
  );
}
