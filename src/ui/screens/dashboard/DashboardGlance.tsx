/**
 * The top of the dashboard: the radar of the pillars (both tracks against the target level, the
 * same chart as the report's) and a compact strip with every pillar's overall level, so the live
 * picture reads at a glance without scrolling, at 1366×768 and 768×1024. Each strip entry links to
 * the pillar's row in the table below.
 */
import { useMemo } from 'preact/hooks';
import type { AssessmentEstimate } from '../../../core/estimate/estimateTypes';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { radarChart } from '../../../report/charts/radarChart';
import { SvgTree } from '../../shared/SvgTree';
import { useTranslation } from '../../useTranslation';

export interface DashboardGlanceProps {
  readonly estimate: AssessmentEstimate;
  readonly index: FrameworkIndex;
}

export function DashboardGlance({ estimate, index }: DashboardGlanceProps) {
  const { t, text, language } = useTranslation();
  const framework = index.framework;
  const levelName = (id: string | null) => (id === null ? '—' : text(framework.levels.find((level) => level.id === id)?.name ?? { en: id }));
  const target = levelName(framework.targetLevel);
  const svg = useMemo(
    () =>
      radarChart({
        id: 'dash-radar',
        title: t('dashboard:glance.radarTitle'),
        description: t('dashboard:glance.radarDescription', { target }),
        axes: framework.pillars.map((pillar) => pillar.code),
        levels: framework.levels.map((level) => text(level.name)),
        targetRank: index.targetRank,
        targetLabel: t('dashboard:glance.target', { level: target }),
        series: index.trackIds.map((trackId) => ({
          label: text(framework.tracks.find((track) => track.id === trackId)?.name ?? { en: trackId }),
          values: framework.pillars.map((pillar) => estimate.pillars.find((p) => p.pillarId === pillar.id)?.tracks.find((tr) => tr.trackId === trackId)?.score ?? null),
        })),
        size: 300,
        labelRoom: 20,
      }),
    // `language` re-renders the chart's words when the interface language changes.
    [estimate, index, language],
  );
  return (
    <section class="dash-glance" aria-label={t('dashboard:glance.heading')}>
      <div class="dash-radar">
        <SvgTree node={svg} />
      </div>
      <ol class="dash-strip" aria-label={t('dashboard:glance.strip')}>
        {framework.pillars.map((pillar) => {
          const overall = estimate.pillars.find((p) => p.pillarId === pillar.id)?.overall;
          return (
            <li key={pillar.id} class={`dash-strip-item level-${overall?.level ?? 'none'}${overall?.provisional ? ' is-provisional' : ''}`}>
              <span class="dash-strip-code">{pillar.code}</span> <span class="dash-strip-name">{text(pillar.name)}</span>{' '}
              <strong class="dash-strip-level">{levelName(overall?.level ?? null)}</strong>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
