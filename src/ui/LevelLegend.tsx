import type { Framework } from '../core/framework/frameworkSchema';
import { useTranslation } from './useTranslation';

interface LevelLegendProps {
  readonly framework: Framework;
}

/** The levels' definitions, folded away: assessors know them, but a newcomer needs them at hand. */
export function LevelLegend({ framework }: LevelLegendProps) {
  const { t, text } = useTranslation();
  const target = framework.levels.find((level) => level.id === framework.targetLevel);
  return (
    <details class="level-legend">
      <summary>{t('explorer:levels.heading')}</summary>
      {target && <p class="target-note">{t('explorer:levels.targetNote', { level: text(target.name) })}</p>}
      <dl>
        {framework.levels.map((level) => (
          <div key={level.id} class={level.id === framework.targetLevel ? 'level-definition is-target' : 'level-definition'}>
            <dt>
              {text(level.name)}
              {level.id === framework.targetLevel && <span class="target-badge">{t('explorer:levels.target')}</span>}
            </dt>
            <dd>{text(level.definition)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
