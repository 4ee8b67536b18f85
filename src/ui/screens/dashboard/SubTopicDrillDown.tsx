/**
 * A pillar's sub-topics per track, opened from its row: level, score, basis, provisional mark and
 * consensus gap for each, and a link to rate it. Descriptive sub-topics (6.3.3) say so instead of
 * showing empty figures.
 */
import type { Pillar } from '../../../core/framework/frameworkSchema';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import { FigureCell } from './FigureCell';
import type { SubTopicRowView } from './pillarRows';
import { trackNameOf } from './frameworkNames';

interface SubTopicDrillDownProps {
  readonly assessmentId: string;
  readonly pillar: Pillar;
  readonly subTopics: readonly SubTopicRowView[];
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

export function SubTopicDrillDown({ assessmentId, pillar, subTopics, index, fmt }: SubTopicDrillDownProps) {
  const { t, text } = useTranslation();
  return (
    <table class="dash-drill-table" role="table" style={{ '--track-columns': index.trackIds.length }}>
      <caption>{interpolateNodes(t, 'dashboard:drill.caption', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('dashboard:drill.subTopicColumn')}
          </th>
          {index.framework.tracks.map((track) => (
            <th key={track.id} scope="col" role="columnheader">
              <FrameworkText value={track.name} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {subTopics.map((row) => {
          const subTopic = index.subTopicById.get(row.subTopicId);
          return (
            <tr key={row.subTopicId} role="row">
              <th scope="row" role="rowheader">
                <a class="dash-sub-topic-link" href={formatRoute({ screen: 'rating', assessmentId, subTopicId: row.subTopicId })}>
                  <span class="dash-code">{row.code}</span> {subTopic ? <FrameworkText value={subTopic.name} /> : row.subTopicId}
                </a>
              </th>
              {row.scored ? (
                row.tracks.map((cell) => (
                  <td key={cell.trackId} role="cell" data-label={trackNameOf(index, cell.trackId, text)}>
                    <FigureCell figure={cell.figure} index={index} fmt={fmt} compact lacksEvidence={cell.lacksEvidence} />
                  </td>
                ))
              ) : (
                <td role="cell" colSpan={row.tracks.length} class="dash-drill-descriptive">
                  {t('dashboard:drill.descriptive')}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
