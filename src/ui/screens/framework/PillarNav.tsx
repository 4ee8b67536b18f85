import type { Pillar } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { moveFocusInList } from '../../shared/moveFocusInList';
import { useTranslation } from '../../useTranslation';

interface PillarNavProps {
  readonly pillars: readonly Pillar[];
  readonly selectedId: string | undefined;
  readonly onSelect: (pillarId: string) => void;
}

export function PillarNav({ pillars, selectedId, onSelect }: PillarNavProps) {
  const { t } = useTranslation();
  return (
    <nav class="pillar-nav" aria-labelledby="pillar-nav-heading">
      <h2 id="pillar-nav-heading">{t('explorer:nav.heading')}</h2>
      <ul class="pillar-list" onKeyDown={(event) => moveFocusInList(event, event.currentTarget)}>
        {pillars.map((pillar) => {
          const selected = pillar.id === selectedId;
          return (
            <li key={pillar.id}>
              <button
                type="button"
                class="pillar-button"
                aria-current={selected ? 'true' : undefined}
                data-pillar-id={pillar.id}
                onClick={() => onSelect(pillar.id)}
              >
                <span class="pillar-code">{pillar.code}</span>
                <span class="pillar-name">
                  <FrameworkText value={pillar.name} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
