/**
 * The stakeholder × pillar grid (the report's Table 1 with the fieldwork on it). Ten pillar columns
 * do not fit a tablet beside the names, so only this table scrolls sideways, inside its own focusable
 * region, with the institution column pinned; the page itself never overflows.
 */
import { memo } from 'preact/compat';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import { FrameworkText } from '../../shared/FrameworkText';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import type { CoverageGrid, GridCell, GridRow, InterviewCounts } from '../../../core/analysis/coverageGrid';
import type { DashboardFormatters } from './dashboardFormatters';
import { useStableList } from './useStableList';

interface CoverageGridSectionProps {
  readonly assessmentId: string;
  readonly grid: CoverageGrid;
  readonly index: FrameworkIndex;
  readonly fmt: DashboardFormatters;
}

const rowKey = (row: GridRow) => row.key;

export function CoverageGridSection({ assessmentId, grid, index, fmt }: CoverageGridSectionProps) {
  const { t } = useTranslation();
  const rows = useStableList(grid.rows, rowKey);
  const hasInstitutions = rows.some((row) => row.kind === 'institution');
  return (
    <section class="dash-section" aria-labelledby="dash-grid-heading">
      <h3 id="dash-grid-heading">{t('dashboard:grid.heading')}</h3>
      {!hasInstitutions && (
        <p class="dash-empty">
          {t('dashboard:grid.empty')}{' '}
          <a class="dash-inline-link" href={formatRoute({ screen: 'setup', assessmentId })}>
            {t('dashboard:grid.setupLink')}
          </a>
        </p>
      )}
      {rows.length > 0 && (
        <>
          {hasInstitutions && (
            <p class={grid.relevantWithoutNotes > 0 ? 'dash-grid-summary has-gaps' : 'dash-grid-summary'}>
              {grid.relevantWithoutNotes > 0 ? t('dashboard:grid.gaps', { count: grid.relevantWithoutNotes }) : t('dashboard:grid.noGaps')}
            </p>
          )}
          <p class="dash-hint">{t('dashboard:grid.legend')}</p>
          <div class="dash-grid-scroll" role="region" aria-labelledby="dash-grid-caption" tabIndex={0}>
            <table class="dash-grid">
              <caption id="dash-grid-caption" class="visually-hidden">{t('dashboard:grid.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="dash-grid-name">
                    {t('dashboard:grid.institutionColumn')}
                  </th>
                  <th scope="col" class="dash-grid-interviews">
                    {t('dashboard:grid.interviewsColumn')}
                  </th>
                  {grid.pillarIds.map((pillarId) => {
                    const pillar = index.pillarById.get(pillarId);
                    return (
                      <th key={pillarId} scope="col" class="dash-grid-pillar">
                        <span class="dash-grid-pillar-label">
                          <span class="dash-code">{pillar?.code}</span> {pillar ? <FrameworkText value={pillar.name} /> : pillarId}
                        </span>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <GridRowView key={row.key} row={row} fmt={fmt} />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" class="dash-grid-name">
                    {t('dashboard:grid.total')}
                  </th>
                  <td class="dash-grid-interviews">
                    <InterviewText counts={grid.totals.interviews} fmt={fmt} />
                  </td>
                  {grid.totals.cells.map((cell) => (
                    <td key={cell.pillarId} class="dash-grid-cell">
                      <span aria-hidden="true">{fmt.count(cell.notes)}</span>
                      <span class="visually-hidden">
                        {t('dashboard:grid.totalCell', { count: cell.notes, relevant: fmt.count(cell.relevantInstitutions) })}
                      </span>
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const GridRowView = memo(function GridRowView({ row, fmt }: { readonly row: GridRow; readonly fmt: DashboardFormatters }) {
  const { t } = useTranslation();
  let name;
  if (row.kind === 'desk-research') name = t('dashboard:grid.deskResearch');
  else if (row.kind === 'unknown-institution') name = t('dashboard:grid.removedInstitution');
  else
    name = (
      <>
        {row.institution?.name}
        {row.institution !== null && row.institution.acronym !== '' && row.institution.acronym !== row.institution.name && (
          <span class="dash-grid-acronym"> ({row.institution.acronym})</span>
        )}
      </>
    );
  return (
    <tr class={row.kind === 'institution' ? undefined : 'dash-grid-other'}>
      <th scope="row" class="dash-grid-name">
        {name}
      </th>
      <td class="dash-grid-interviews">{row.kind === 'desk-research' ? <span class="muted">–</span> : <InterviewText counts={row.interviews} fmt={fmt} />}</td>
      {row.cells.map((cell) => (
        <GridCellView key={cell.pillarId} cell={cell} fmt={fmt} />
      ))}
    </tr>
  );
});

function GridCellView({ cell, fmt }: { readonly cell: GridCell; readonly fmt: DashboardFormatters }) {
  const { t } = useTranslation();
  const classes = ['dash-grid-cell'];
  if (cell.relevant) classes.push('is-relevant');
  if (cell.relevant && cell.notes === 0) classes.push('is-missing');
  let spoken: string;
  if (cell.relevant) spoken = cell.notes === 0 ? t('dashboard:grid.relevantNoNotes') : t('dashboard:grid.relevantNotes', { count: cell.notes });
  else spoken = cell.notes === 0 ? t('dashboard:grid.noNotes') : t('dashboard:grid.notes', { count: cell.notes });
  return (
    <td class={classes.join(' ')}>
      <span aria-hidden="true">
        {cell.relevant && <span class="dash-grid-check">✓</span>}
        {cell.notes > 0 || cell.relevant ? fmt.count(cell.notes) : '·'}
      </span>
      <span class="visually-hidden">{spoken}</span>
    </td>
  );
}

function InterviewText({ counts, fmt }: { readonly counts: InterviewCounts; readonly fmt: DashboardFormatters }) {
  const { t } = useTranslation();
  if (counts.done + counts.planned + counts.cancelled === 0) return <span class="muted">{t('dashboard:grid.noInterviews')}</span>;
  return (
    <>
      {t('dashboard:grid.interviews', { done: fmt.count(counts.done), planned: fmt.count(counts.planned) })}
      {counts.cancelled > 0 && <span class="muted"> · {t('dashboard:grid.cancelled', { cancelled: fmt.count(counts.cancelled) })}</span>}
    </>
  );
}
