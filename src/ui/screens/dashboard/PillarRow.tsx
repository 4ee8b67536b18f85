/**
 * One pillar of Table 3: its figure per track and overall, and, when opened, its sub-topics.
 * Memoised: the screen hands over the same row object while the pillar's figures stay put (see
 * shared/structuralSharing), so a new note re-renders only the pillars it moves.
 */
import { memo } from 'preact/compat';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';
import { PillarConsensusEditor } from '../rating/PillarConsensusEditor';
import type { DashboardFormatters } from './dashboardFormatters';
import { FigureCell } from './FigureCell';
import { trackNameOf } from './frameworkNames';
import type { PillarRowView } from './pillarRows';
import { SubTopicDrillDown } from './SubTopicDrillDown';

interface PillarRowProps {
  readonly assessmentId: string;
  readonly row: PillarRowView;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
  readonly expanded: boolean;
  readonly onToggle: (pillarId: string) => void;
}

/** The id of a pillar's drill-down row (pillar ids are framework ids: letters, digits, - and .). */
export const drillDownId = (pillarId: string) => `dashboard-subtopics-${pillarId}`;

export const PillarRow = memo(function PillarRow({ assessmentId, row, index, fmt, expanded, onToggle }: PillarRowProps) {
  const { t, text } = useTranslation();
  const pillar = index.pillarById.get(row.pillarId);
  if (pillar === undefined) return null;
  const lacking = row.subTopics.filter((subTopic) => subTopic.tracks.some((cell) => cell.lacksEvidence)).length;
  const columns = row.tracks.length + 2;
  return (
    <tbody role="rowgroup" class={expanded ? 'dash-pillar-group is-expanded' : 'dash-pillar-group'} data-pillar-id={row.pillarId}>
      <tr role="row" class="dash-pillar-row">
        <th scope="row" role="rowheader" class="dash-pillar-cell">
          <button
            type="button"
            class="dash-drill-toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? drillDownId(row.pillarId) : undefined}
            onClick={() => onToggle(row.pillarId)}
          >
            {/* Drawn by CSS with empty alt text, so the row's name is never read with an arrow. */}
            <span class="dash-drill-chevron" aria-hidden="true" />
            <span class="dash-code">{pillar.code}</span>
            <span class="dash-pillar-name">
              <FrameworkText value={pillar.name} />
            </span>
          </button>
          {lacking > 0 && (
            <span class="dash-tag dash-tag-lacking">
              <span aria-hidden="true">? </span>
              {t('dashboard:pillars.lacking', { count: lacking })}
            </span>
          )}
        </th>
        {row.tracks.map((track) => (
          <td key={track.trackId} role="cell" data-label={trackNameOf(index, track.trackId, text)}>
            <FigureCell figure={track.figure} index={index} fmt={fmt} />
          </td>
        ))}
        <td role="cell" class="dash-overall-cell" data-label={t('dashboard:pillars.overallColumn')}>
          <FigureCell figure={row.overall} index={index} fmt={fmt} />
        </td>
      </tr>
      {expanded && (
        <tr role="row" class="dash-drill-row" id={drillDownId(row.pillarId)}>
          <td role="cell" colSpan={columns}>
            <SubTopicDrillDown assessmentId={assessmentId} pillar={pillar} subTopics={row.subTopics} index={index} fmt={fmt} />
            {/* The lead sets the pillar's level here as on the rating screen; folded, as the glance comes first. */}
            <details class="dash-consensus-editor">
              <summary>{interpolateNodes(t, 'dashboard:drill.consensusSummary', { code: pillar.code }, { name: <FrameworkText value={pillar.name} /> })}</summary>
              <PillarConsensusEditor assessmentId={assessmentId} pillarId={row.pillarId} headingLevel={4} />
            </details>
          </td>
        </tr>
      )}
    </tbody>
  );
});
