/**
 * The live dashboard: what assessors glance at between interviews. The overall line (the report's
 * conclusion), Table 3 per pillar and track with drill-down to sub-topics, the sub-topics still
 * lacking evidence, and the stakeholder × pillar grid (Table 1 with the fieldwork on it).
 *
 * Everything derives from the session's signals: `estimate` is recomputed by the session on every
 * change of ratings, notes or consensus, and this screen re-renders from it. The view models are
 * pure functions (files beside this one, unit-tested); structural sharing (useStableList) and
 * memoised rows make a new note re-render only the pillars and grid rows whose figures moved.
 */
import { useMemo } from 'preact/hooks';
import type { AssessmentEstimate } from '../../../core/estimate/estimateTypes';
import { DashboardGlance } from './DashboardGlance';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { AssessmentData } from '../../session/assessmentSession';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { buildCoverageGrid } from '../../../core/analysis/coverageGrid';
import { CoverageGridSection } from './CoverageGridSection';
import { createDashboardFormatters, type DashboardFormatters } from './dashboardFormatters';
import { LackingEvidenceSection } from './LackingEvidenceSection';
import { lackingEvidence, type LackingEvidence } from '../../../core/analysis/lackingEvidence';
import { OverallLine } from './OverallLine';
import { summariseOverall } from './overallSummary';
import { buildPillarRows, type PillarRowView } from './pillarRows';
import { PillarTable } from './PillarTable';
import { useStableList } from './useStableList';
import './dashboard.css';

export interface DashboardScreenProps {
  readonly assessmentId: string;
}

export function DashboardScreen({ assessmentId }: DashboardScreenProps) {
  const { t } = useTranslation();
  const session = useShell().session.value;
  const current = session !== null && session.assessmentId === assessmentId ? session : null;
  const data = current?.data.value ?? null;
  const index = current?.index.value;
  const estimate = current?.estimate.value;
  return (
    <div class="dash">
      <h2 class="dash-title">{t('dashboard:title')}</h2>
      {data === null || index === undefined || estimate === undefined ? (
        // The shell shows missing assessments and frameworks itself; this covers the moments between.
        <p class="dash-loading" role="status">
          {t('dashboard:loading')}
        </p>
      ) : (
        <DashboardBody assessmentId={assessmentId} data={data} index={index} estimate={estimate} />
      )}
    </div>
  );
}

interface DashboardBodyProps {
  readonly assessmentId: string;
  readonly data: AssessmentData;
  readonly index: FrameworkIndex;
  readonly estimate: AssessmentEstimate;
}

const pillarRowKey = (row: PillarRowView) => row.pillarId;

function DashboardBody({ assessmentId, data, index, estimate }: DashboardBodyProps) {
  const { t, language } = useTranslation();
  const fmt = useMemo(() => createDashboardFormatters(language), [language]);
  const rows = useStableList(
    useMemo(() => buildPillarRows(estimate, index), [estimate, index]),
    pillarRowKey,
  );
  const summary = useMemo(() => summariseOverall(estimate, index), [estimate, index]);
  const lacking = useMemo(() => lackingEvidence(estimate, index), [estimate, index]);
  const collator = useMemo(() => new Intl.Collator(language, { sensitivity: 'base', numeric: true }), [language]);
  // The session keeps unchanged record lists identical, so the grid is recounted only when
  // institutions, interviews or notes really changed.
  const grid = useMemo(
    () => buildCoverageGrid({ institutions: data.institutions, interviews: data.interviews, observations: data.observations }, index, collator.compare),
    [data.institutions, data.interviews, data.observations, index, collator],
  );
  const ignored = estimate.ignored.ratings + estimate.ignored.observations + estimate.ignored.consensus;

  return (
    <>
      <DashboardGlance estimate={estimate} index={index} />
      <p class="dash-intro">{t('dashboard:intro')}</p>
      <OverallLine summary={summary} index={index} fmt={fmt} />
      <KeyFigures rows={rows} lacking={lacking} data={data} fmt={fmt} />
      {ignored > 0 && (
        <p class="dash-warning" role="note">
          {t('dashboard:ignored', {
            ratings: fmt.count(estimate.ignored.ratings),
            notes: fmt.count(estimate.ignored.observations),
            consensus: fmt.count(estimate.ignored.consensus),
          })}
        </p>
      )}
      <PillarTable assessmentId={assessmentId} rows={rows} index={index} fmt={fmt} />
      <LackingEvidenceSection assessmentId={assessmentId} lacking={lacking} index={index} fmt={fmt} />
      <CoverageGridSection assessmentId={assessmentId} grid={grid} index={index} fmt={fmt} />
    </>
  );
}

interface KeyFiguresProps {
  readonly rows: readonly PillarRowView[];
  readonly lacking: LackingEvidence;
  readonly data: AssessmentData;
  readonly fmt: DashboardFormatters;
}

/** Four numbers for a glance: how much is rated, how much rests on evidence alone, what is left to ask, and the interviews. */
function KeyFigures({ rows, lacking, data, fmt }: KeyFiguresProps) {
  const { t } = useTranslation();
  let rated = 0;
  let evidenced = 0;
  let total = 0;
  for (const row of rows) {
    rated += row.overall.coverage.rated;
    evidenced += row.overall.coverage.evidenced;
    total += row.overall.coverage.total;
  }
  let done = 0;
  let planned = 0;
  for (const interview of data.interviews) {
    if (interview.status === 'done') done++;
    else if (interview.status === 'planned') planned++;
  }
  return (
    <dl class="dash-key-figures">
      <div>
        <dt>{t('dashboard:keyFigures.rated')}</dt>
        <dd>{t('dashboard:keyFigures.ofTotal', { value: fmt.count(rated), total: fmt.count(total) })}</dd>
      </div>
      <div class={evidenced > 0 ? 'is-provisional' : undefined}>
        <dt>{t('dashboard:keyFigures.evidenceOnly')}</dt>
        <dd>{t('dashboard:keyFigures.ofTotal', { value: fmt.count(evidenced), total: fmt.count(total) })}</dd>
      </div>
      <div>
        <dt>{t('dashboard:keyFigures.lacking')}</dt>
        <dd>{t('dashboard:keyFigures.ofTotal', { value: fmt.count(lacking.lacking), total: fmt.count(lacking.scored) })}</dd>
      </div>
      <div>
        <dt>{t('dashboard:keyFigures.interviews')}</dt>
        <dd>{t('dashboard:keyFigures.ofTotal', { value: fmt.count(done), total: fmt.count(done + planned) })}</dd>
      </div>
    </dl>
  );
}
