import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import { LevelName } from './LevelName';

/** How to read a figure: folded away like the explorer's level legend, one click from every glance. */
export function ReadingGuide({ index }: { readonly index: FrameworkIndex }) {
  const { t } = useTranslation();
  const levels = index.levelIds;
  return (
    <details class="dash-guide">
      <summary>{t('dashboard:guide.heading')}</summary>
      <dl>
        <div>
          <dt>
            <span class="dash-guide-sample dash-scale" aria-hidden="true" style={{ '--level-count': levels.length }}>
              {levels.map((levelId, i) => (
                <span key={levelId} class={`dash-scale-segment${i < 2 ? ' is-reached' : ''}${levelId === index.framework.targetLevel ? ' is-target' : ''}`} />
              ))}
              <span class="dash-scale-marker" style={{ insetInlineStart: '53%' }} />
            </span>
            {t('dashboard:guide.scaleTerm')}
          </dt>
          <dd>
            {interpolateNodes(
              t,
              'dashboard:guide.scale',
              {},
              {
                lowest: <LevelName index={index} levelId={levels[0] ?? ''} />,
                highest: <LevelName index={index} levelId={levels[levels.length - 1] ?? ''} />,
                target: <LevelName index={index} levelId={index.framework.targetLevel} />,
              },
            )}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard:guide.tendencyTerm')}</dt>
          <dd>{t('dashboard:guide.tendency')}</dd>
        </div>
        <div>
          <dt>
            <span class="dash-tag dash-tag-provisional">
              <span aria-hidden="true">◌ </span>
              {t('dashboard:figure.provisional')}
            </span>
          </dt>
          <dd>{t('dashboard:guide.provisional')}</dd>
        </div>
        <div>
          <dt>{t('dashboard:guide.consensusTerm')}</dt>
          <dd>{t('dashboard:guide.consensus')}</dd>
        </div>
        <div>
          <dt>{t('dashboard:guide.coverageTerm')}</dt>
          <dd>{t('dashboard:guide.coverage')}</dd>
        </div>
        <div>
          <dt>{t('dashboard:guide.spreadTerm')}</dt>
          <dd>{t('dashboard:guide.spread')}</dd>
        </div>
        <div>
          <dt>{t('dashboard:guide.basisTerm')}</dt>
          <dd>{t('dashboard:guide.basis')}</dd>
        </div>
      </dl>
    </details>
  );
}
