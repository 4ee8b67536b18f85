/**
 * Table 3 of the report, live: pillars down, central government, migration management and overall
 * across. Pillar names open their sub-topics; ↑/↓ (and Home/End) move between them, as in the
 * framework explorer's lists.
 */
import { useCallback, useState } from 'preact/hooks';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import type { DashboardFormatters } from './dashboardFormatters';
import { moveFocusBetweenToggles } from './moveFocusBetweenToggles';
import type { PillarRowView } from './pillarRows';
import { PillarRow } from './PillarRow';
import { ReadingGuide } from './ReadingGuide';

interface PillarTableProps {
  readonly assessmentId: string;
  readonly rows: readonly PillarRowView[];
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

export function PillarTable({ assessmentId, rows, index, fmt }: PillarTableProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  // Stable across renders, so memoised rows are not re-rendered for a new callback.
  const toggle = useCallback((pillarId: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(pillarId)) next.delete(pillarId);
      else next.add(pillarId);
      return next;
    });
  }, []);
  const allOpen = rows.length > 0 && rows.every((row) => expanded.has(row.pillarId));

  return (
    <section class="dash-section" aria-labelledby="dash-pillars-heading">
      <div class="dash-section-header">
        <h3 id="dash-pillars-heading">{t('dashboard:pillars.heading')}</h3>
        <button
          type="button"
          class="dash-button"
          onClick={() => setExpanded(allOpen ? new Set() : new Set(rows.map((row) => row.pillarId)))}
        >
          {allOpen ? t('dashboard:pillars.collapseAll') : t('dashboard:pillars.expandAll')}
        </button>
      </div>
      <ReadingGuide index={index} />
      <p class="dash-hint">{t('dashboard:pillars.keyboardHint')}</p>
      <table
        class="dash-pillar-table"
        role="table"
        style={{ '--figure-columns': index.trackIds.length + 1 }}
        onKeyDown={(event) => moveFocusBetweenToggles(event, event.currentTarget)}>
        <caption class="visually-hidden">{t('dashboard:pillars.caption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" class="dash-pillar-column">
              {t('dashboard:pillars.pillarColumn')}
            </th>
            {index.framework.tracks.map((track) => (
              <th key={track.id} scope="col" role="columnheader">
                <FrameworkText value={track.name} />
              </th>
            ))}
            <th scope="col" role="columnheader">
              {t('dashboard:pillars.overallColumn')}
            </th>
          </tr>
        </thead>
        {rows.map((row) => (
          <PillarRow key={row.pillarId} assessmentId={assessmentId} row={row} index={index} fmt={fmt} expanded={expanded.has(row.pillarId)} onToggle={toggle} />
        ))}
      </table>
    </section>
  );
}
