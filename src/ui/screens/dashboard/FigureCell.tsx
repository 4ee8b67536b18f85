/**
 * One figure in words and pictures: score and level with its tendency ("Developing, tending towards
 * Established"), the provisional mark, the consensus beside the estimate, the level scale, coverage,
 * basis and spread. `compact` (the sub-topic drill-down) leaves out spread.
 */
import type { Basis, Spread } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { TFunction } from 'i18next';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import { ConsensusGap } from './ConsensusGap';
import { CoverageMeter } from './CoverageMeter';
import type { DashboardFormatters } from './dashboardFormatters';
import type { FigureView } from './figureView';
import { LevelName } from './LevelName';
import { LevelScale } from './LevelScale';

interface FigureCellProps {
  /** null: not judged on this track. */
  readonly figure: FigureView | null;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
  readonly compact?: boolean;
  /** Shown as a tag: a scored sub-topic with nothing recorded on this track. */
  readonly lacksEvidence?: boolean;
}

export function FigureCell({ figure, index, fmt, compact = false, lacksEvidence = false }: FigureCellProps) {
  const { t } = useTranslation();
  if (figure === null) return <p class="dash-figure-not-judged">{t('dashboard:figure.notJudged')}</p>;
  const classes = ['dash-figure'];
  if (figure.provisional) classes.push('is-provisional');
  if (figure.consensus?.differs === true) classes.push('has-gap');
  return (
    <div class={classes.join(' ')}>
      <p class="dash-figure-headline">
        {figure.score === null || figure.level === null ? (
          <span class="dash-figure-empty">{t('dashboard:figure.noData')}</span>
        ) : (
          <>
            <span class="dash-figure-score">{fmt.score(figure.score)}</span>{' '}
            <span class="dash-figure-level">
              {figure.tendency === null ? (
                <strong>
                  <LevelName index={index} levelId={figure.level} />
                </strong>
              ) : (
                interpolateNodes(
                    t,
                    'dashboard:figure.levelTending',
                    {},
                    { level: <strong><LevelName index={index} levelId={figure.level} /></strong>, tendency: <LevelName index={index} levelId={figure.tendency} /> },
                  )
              )}
            </span>
          </>
        )}
      </p>
      {(figure.provisional || lacksEvidence) && (
        <p class="dash-figure-tags">
          {figure.provisional && (
            <span class="dash-tag dash-tag-provisional">
              <span aria-hidden="true">◌ </span>
              {figure.basis === 'evidence' ? t('dashboard:figure.provisional') : t('dashboard:figure.provisionalPartly')}
            </span>
          )}
          {lacksEvidence && (
            <span class="dash-tag dash-tag-lacking">
              <span aria-hidden="true">? </span>
              {t('dashboard:figure.lacksEvidence')}
            </span>
          )}
        </p>
      )}
      {figure.consensus !== null && <ConsensusGap consensus={figure.consensus} index={index} fmt={fmt} />}
      <LevelScale figure={figure} index={index} fmt={fmt} />
      <CoverageMeter coverage={figure.coverage} fmt={fmt} />
      <p class="dash-figure-meta">
        <span>{t('dashboard:basis.label', { basis: basisName(t, figure.basis) })}</span>
        {!compact && <span>{spreadText(t, figure.spread, fmt)}</span>}
      </p>
    </div>
  );
}

function basisName(t: TFunction, basis: Basis): string {
  switch (basis) {
    case 'consensus':
      return t('dashboard:basis.consensus');
    case 'ratings':
      return t('dashboard:basis.ratings');
    case 'evidence':
      return t('dashboard:basis.evidence');
    case 'none':
      return t('dashboard:basis.none');
  }
}

function spreadText(t: TFunction, spread: Spread, fmt: DashboardFormatters): string {
  const parts: string[] = [];
  if (spread.assessors !== null) parts.push(t('dashboard:spread.assessors', { count: spread.assessors, value: fmt.spread(spread.assessors) }));
  if (spread.sources !== null) parts.push(t('dashboard:spread.sources', { count: spread.sources, value: fmt.spread(spread.sources) }));
  return parts.length === 0 ? t('dashboard:spread.none') : t('dashboard:spread.line', { details: fmt.list(parts) });
}
