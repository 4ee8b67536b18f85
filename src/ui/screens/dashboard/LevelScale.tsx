/**
 * A figure on the level scale: one segment per level, filled up to the figure's level, a marker at
 * the score, a hollow marker at the bottom-up estimate where a consensus overrides it, and the
 * framework's target level outlined. Evidence-only figures are hatched, not merely lighter, so
 * "provisional" does not depend on colour. The graphic is an image with a full text equivalent.
 */
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import type { FigureView } from './figureView';
import { levelNameOf } from './frameworkNames';

interface LevelScaleProps {
  readonly figure: FigureView;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

/** Where a score sits along the bar: integer scores at the middle of their level's segment. */
export function scorePosition(score: number, levelCount: number): number {
  const clamped = Math.min(Math.max(score, 1), levelCount);
  return ((clamped - 0.5) / levelCount) * 100;
}

export function LevelScale({ figure, index, fmt }: LevelScaleProps) {
  const { t, text } = useTranslation();
  const levels = index.levelIds;
  const name = (levelId: string) => levelNameOf(index, levelId, text);
  const target = name(index.framework.targetLevel);
  const estimateScore = figure.consensus?.estimatedScore ?? null;
  let label: string;
  if (figure.score === null || figure.level === null) {
    label = t('dashboard:scale.empty', { target });
  } else {
    const values = {
      level: name(figure.level),
      score: fmt.score(figure.score),
      lowest: name(levels[0] ?? ''),
      highest: name(levels[levels.length - 1] ?? ''),
      target,
    };
    label =
      figure.consensus !== null && estimateScore !== null
        ? t('dashboard:scale.withEstimate', { ...values, estimate: fmt.score(estimateScore) })
        : t('dashboard:scale.label', values);
  }
  const rank = figure.rank ?? 0;
  return (
    <div class="dash-scale" role="img" aria-label={label} style={{ '--level-count': levels.length }}>
      {levels.map((levelId, i) => {
        const classes = ['dash-scale-segment'];
        if (i + 1 <= rank) classes.push('is-reached');
        if (i + 1 === rank) classes.push('is-current');
        if (levelId === index.framework.targetLevel) classes.push('is-target');
        return <span key={levelId} class={classes.join(' ')} />;
      })}
      {figure.score !== null && <span class="dash-scale-marker" style={{ insetInlineStart: `${scorePosition(figure.score, levels.length)}%` }} />}
      {figure.consensus !== null && estimateScore !== null && (
        <span class="dash-scale-marker is-estimate" style={{ insetInlineStart: `${scorePosition(estimateScore, levels.length)}%` }} />
      )}
    </div>
  );
}
