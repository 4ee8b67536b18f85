import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import type { ConsensusGapView } from './figureView';
import { LevelName } from './LevelName';

/**
 * The lead's consensus with the bottom-up estimate and the gap between them, always shown (DESIGN.md
 * section 3.5: deviations are shown, never hidden); emphasised, with a word and a symbol rather than
 * colour alone, when the two name different levels.
 */
export function ConsensusGap({ consensus, index, fmt }: { readonly consensus: ConsensusGapView; readonly index: FrameworkIndex; readonly fmt: DashboardFormatters }) {
  const { t } = useTranslation();
  const level = <LevelName index={index} levelId={consensus.level} />;
  return (
    <p class={consensus.differs ? 'dash-consensus is-different' : 'dash-consensus'}>
      {consensus.estimatedScore !== null && consensus.estimatedLevel !== null && consensus.gap !== null
        ? interpolateNodes(
            t,
            'dashboard:consensus.line',
            { score: fmt.score(consensus.estimatedScore), gap: fmt.gap(consensus.gap) },
            { level, estimatedLevel: <LevelName index={index} levelId={consensus.estimatedLevel} /> },
          )
        : interpolateNodes(t, 'dashboard:consensus.noEstimate', {}, { level })}
      {consensus.differs && (
        <span class="dash-gap-flag">
          <span aria-hidden="true">≠ </span>
          {t('dashboard:consensus.differs')}
        </span>
      )}
    </p>
  );
}
