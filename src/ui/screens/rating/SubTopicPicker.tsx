/**
 * Pillars and their sub-topics as links (#/a/:id/rating/:subTopicId), each with my progress: the
 * indicator × track cells I have judged out of those to judge. The list is one Tab stop (the
 * current sub-topic's link; roving tabindex), so Tab goes on to the ratings instead of through 30
 * links; arrow keys, Home and End move between the links.
 */
import type { Framework } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { LIST_LINKS, moveFocusInList } from '../../shared/moveFocusInList';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import { sumProgress, type Progress } from './ratingProgress';
import { useCurrentInView } from './useCurrentInView';

interface SubTopicPickerProps {
  readonly assessmentId: string;
  readonly framework: Framework;
  readonly currentId: string | undefined;
  readonly progress: ReadonlyMap<string, Progress>;
  /** False when no "me" is chosen: there is no progress to show. */
  readonly showProgress: boolean;
}

export function SubTopicPicker({ assessmentId, framework, currentId, progress, showProgress }: SubTopicPickerProps) {
  const { t } = useTranslation();
  const total = sumProgress(progress.values());
  const listRef = useCurrentInView<HTMLUListElement>(currentId);
  const tabStopId = currentId ?? framework.pillars[0]?.subTopics[0]?.id;
  return (
    <nav class="rating-picker" aria-labelledby="rating-picker-heading">
      <h3 id="rating-picker-heading">{t('rating:picker.heading')}</h3>
      {showProgress && (
        <p class="picker-total">
          {t('rating:picker.total', { done: total.done, count: total.total })}
          <progress max={Math.max(total.total, 1)} value={total.done} aria-hidden="true" />
        </p>
      )}
      <ul class="picker-pillars" ref={listRef} onKeyDown={(event) => moveFocusInList(event, event.currentTarget, LIST_LINKS)}>
        {framework.pillars.map((pillar) => {
          const pillarProgress = sumProgress(pillar.subTopics.map((subTopic) => progress.get(subTopic.id) ?? { done: 0, total: 0 }));
          return (
            <li key={pillar.id} class="picker-pillar">
              <span class="picker-pillar-name" id={`picker-pillar-${pillar.id}`}>
                <span class="picker-code">{pillar.code}</span>{' '}
                <span class="picker-pillar-label">
                  <FrameworkText value={pillar.name} />
                </span>
                {showProgress && pillarProgress.total > 0 && (
                  <span class="picker-pillar-progress">
                    <span aria-hidden="true">
                      {pillarProgress.done}/{pillarProgress.total}
                    </span>
                    <span class="visually-hidden">{t('rating:picker.progress', { done: pillarProgress.done, count: pillarProgress.total })}</span>
                  </span>
                )}
              </span>
              <ul class="picker-sub-topics" aria-labelledby={`picker-pillar-${pillar.id}`}>
                {pillar.subTopics.map((subTopic) => {
                  const p = progress.get(subTopic.id) ?? { done: 0, total: 0 };
                  const state = p.total === 0 ? 'none' : p.done === p.total ? 'done' : p.done > 0 ? 'partial' : 'todo';
                  return (
                    <li key={subTopic.id}>
                      <a
                        href={formatRoute({ screen: 'rating', assessmentId, subTopicId: subTopic.id })}
                        class="picker-link"
                        aria-current={subTopic.id === currentId ? 'page' : undefined}
                        tabIndex={subTopic.id === tabStopId ? 0 : -1}
                        data-sub-topic-id={subTopic.id}
                      >
                        <span class="picker-code">{subTopic.code}</span>
                        <span class="picker-name">
                          <FrameworkText value={subTopic.name} />
                        </span>
                        {p.total === 0 ? (
                          <span class="progress-mark state-none">{t('rating:picker.notScored')}</span>
                        ) : showProgress ? (
                          <span class={`progress-mark state-${state}`}>
                            <span aria-hidden="true">
                              {state === 'done' ? '✓ ' : ''}
                              {p.done}/{p.total}
                            </span>
                            <span class="visually-hidden">{t('rating:picker.progress', { done: p.done, count: p.total })}</span>
                          </span>
                        ) : null}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
