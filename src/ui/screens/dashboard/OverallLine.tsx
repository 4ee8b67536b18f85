/**
 * The report's conclusion, live: "Overall: Developing, with a tendency towards Established in 6.5 …
 * and 6.9 …", then the pillars leaning the other way and those at other levels, so nothing that
 * departs from the overall level goes unsaid. A polite live region: it changes rarely (only when a
 * level or tendency moves), and when it does, that is news.
 */
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import { LevelName } from './LevelName';
import type { OverallSummary } from './overallSummary';
import { PillarList } from './PillarList';

interface OverallLineProps {
  readonly summary: OverallSummary;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

export function OverallLine({ summary, index, fmt }: OverallLineProps) {
  const { t } = useTranslation();
  const level = (levelId: string) => <LevelName index={index} levelId={levelId} />;
  const pillars = (pillarIds: readonly string[]) => <PillarList pillarIds={pillarIds} index={index} fmt={fmt} />;
  return (
    <div class="dash-overall" role="status">
      {summary.level === null ? (
        <p class="dash-overall-main">{t('dashboard:overall.none')}</p>
      ) : (
        <>
          <p class="dash-overall-main">
            {summary.towardsHigher === null
              ? interpolateNodes(t, 'dashboard:overall.level', {}, { level: <strong>{level(summary.level)}</strong> })
              : interpolateNodes(
                  t,
                  'dashboard:overall.levelTending',
                  {},
                  { level: <strong>{level(summary.level)}</strong>, tendency: level(summary.towardsHigher.level), pillars: pillars(summary.towardsHigher.pillarIds) },
                )}
            {summary.provisional && (
              <span class="dash-tag dash-tag-provisional">
                <span aria-hidden="true">◌ </span>
                {t('dashboard:figure.provisionalPartly')}
              </span>
            )}
          </p>
          {(summary.towardsLower !== null || summary.otherLevels.length > 0 || summary.scoredPillars < summary.totalPillars) && (
            <ul class="dash-overall-details">
              {summary.towardsLower !== null && (
                <li>{interpolateNodes(t, 'dashboard:overall.leaning', {}, { tendency: level(summary.towardsLower.level), pillars: pillars(summary.towardsLower.pillarIds) })}</li>
              )}
              {summary.otherLevels.map((group) => (
                <li key={group.level}>{interpolateNodes(t, 'dashboard:overall.atLevel', {}, { level: level(group.level), pillars: pillars(group.pillarIds) })}</li>
              ))}
              {summary.scoredPillars < summary.totalPillars && (
                <li>{t('dashboard:overall.partial', { scored: fmt.count(summary.scoredPillars), count: summary.totalPillars })}</li>
              )}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
