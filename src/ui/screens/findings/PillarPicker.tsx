/** The pillars as links (#/a/:id/findings/:pillarId), each with its number of findings. */
import type { Framework } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { LIST_LINKS, moveFocusInList } from '../../shared/moveFocusInList';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import { useCurrentInView } from '../rating/useCurrentInView';

interface PillarPickerProps {
  readonly assessmentId: string;
  readonly framework: Framework;
  readonly currentId: string;
  readonly counts: ReadonlyMap<string, number>;
}

export function PillarPicker({ assessmentId, framework, currentId, counts }: PillarPickerProps) {
  const { t } = useTranslation();
  const listRef = useCurrentInView<HTMLUListElement>(currentId);
  return (
    <nav class="findings-picker" aria-labelledby="findings-picker-heading">
      <h3 id="findings-picker-heading">{t('findings:picker.heading')}</h3>
      <ul class="findings-picker-list" ref={listRef} onKeyDown={(event) => moveFocusInList(event, event.currentTarget, LIST_LINKS)}>
        {framework.pillars.map((pillar) => {
          const count = counts.get(pillar.id) ?? 0;
          return (
            <li key={pillar.id}>
              <a
                class="findings-picker-link"
                href={formatRoute({ screen: 'findings', assessmentId, pillarId: pillar.id })}
                aria-current={pillar.id === currentId ? 'page' : undefined}
                data-pillar-id={pillar.id}
              >
                <span class="picker-code">{pillar.code}</span>
                <span class="picker-name">
                  <FrameworkText value={pillar.name} />
                </span>
                <span class={count === 0 ? 'progress-mark' : 'progress-mark state-done'}>
                  <span aria-hidden="true">{count}</span>
                  <span class="visually-hidden">{t('findings:picker.count', { count })}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
