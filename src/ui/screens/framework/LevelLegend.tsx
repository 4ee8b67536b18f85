import type { Framework } from '../../../core/framework/frameworkSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';

interface LevelLegendProps {
  readonly framework: Framework;
}

/** The levels' definitions, folded away: assessors know them, but a newcomer needs them at hand. */
export function LevelLegend({ framework }: LevelLegendProps) {
  const { t } = useTranslation();
  const target = framework.levels.find((level) => level.id === framework.targetLevel);
  return (
    <details class="level-legend">
      <summary>{t('explorer:levels.heading')}</summary>
      {target && <p class="target-note">{interpolateNodes(t, 'explorer:levels.targetNote', {}, { level: <FrameworkText value={target.name} /> })}</p>}
      <dl>
        {framework.levels.map((level) => (
          <div key={level.id} class={level.id === framework.targetLevel ? 'level-definition is-target' : 'level-definition'}>
            <dt>
              <FrameworkText value={level.name} />
              {level.id === framework.targetLevel && <span class="target-badge">{t('explorer:levels.target')}</span>}
            </dt>
            <dd>
              <FrameworkText value={level.definition} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
