import type { Pillar } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { moveFocusInList } from '../../shared/moveFocusInList';
import { useTranslation } from '../../useTranslation';

interface SubTopicListProps {
  readonly pillar: Pillar;
  readonly selectedId: string;
  readonly onSelect: (subTopicId: string) => void;
}

export function SubTopicList({ pillar, selectedId, onSelect }: SubTopicListProps) {
  const { t } = useTranslation();
  return (
    <section class="sub-topics" aria-labelledby="sub-topics-heading">
      <h3 id="sub-topics-heading">{t('explorer:pillar.subTopicsHeading')}</h3>
      <ul
        class="sub-topic-list"
        aria-label={t('explorer:pillar.subTopicsLabel', { code: pillar.code })}
        onKeyDown={(event) => moveFocusInList(event, event.currentTarget)}
      >
        {pillar.subTopics.map((subTopic) => (
          <li key={subTopic.id}>
            <button
              type="button"
              class="sub-topic-button"
              aria-current={subTopic.id === selectedId ? 'true' : undefined}
              data-sub-topic-id={subTopic.id}
              onClick={() => onSelect(subTopic.id)}
            >
              <span class="sub-topic-code">{subTopic.code}</span>
              <span class="sub-topic-name">
                <FrameworkText value={subTopic.name} />
              </span>
              <span class="sub-topic-count">
                {subTopic.indicators.length === 0
                  ? t('explorer:subTopic.descriptive')
                  : t('explorer:counts.indicators', { count: subTopic.indicators.length })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
