/**
 * After an import: what changed on this device, in the bundle code's own terms (changes written,
 * older than here, already here; attachments added), with the problems it met, and a way to the
 * assessment. A bundle imported before says so plainly: nothing new, nothing changed.
 */
import type { Ref } from 'preact';
import type { ImportReport } from '../../../exchange/importBundle';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import { tableName } from './tableName';
import { tableNameSchema } from '../../../core/assessment/recordSchemas';

export interface ImportReportViewProps {
  readonly report: ImportReport;
  readonly assessment: { readonly id: string; readonly title: string };
  /** True when the assessment imported into is the one open on this screen. */
  readonly isCurrent: boolean;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onResetNodeId: (() => void) | undefined;
  readonly onAnother: () => void;
  /**
   * Moves the focus to the conflicts section on this screen; without it (another assessment, or the
   * device-level import screen) the line links to the assessment's exchange screen, which lists them.
   */
  readonly onReviewConflicts?: (() => void) | undefined;
}

/** Problems listed in full (the rest are counted). */
const SHOWN_PROBLEMS = 10;

export function ImportReportView({ report, assessment, isCurrent, headingRef, onResetNodeId, onAnother, onReviewConflicts }: ImportReportViewProps) {
  const { t, format } = useTranslation();
  const nothing = report.nothingChanged;
  return (
    <div class="xc-report">
      <h4 ref={headingRef} tabIndex={-1} class="xc-result-heading">
        {nothing ? t('exchange:report.nothingHeading') : t('exchange:report.heading')}
      </h4>
      <p class={`xc-verdict ${nothing ? 'xc-verdict-nothing-new' : 'xc-verdict-imported'}`}>
        {nothing ? t('exchange:report.nothingNew') : t('exchange:report.imported', { title: assessment.title })}
      </p>
      <dl class="xc-facts xc-facts-numbers">
        <div>
          <dt>{t('exchange:report.applied')}</dt>
          <dd data-figure="applied">{format.number(report.applied)}</dd>
        </div>
        <div>
          <dt>{t('exchange:report.stale')}</dt>
          <dd data-figure="stale">{format.number(report.stale)}</dd>
        </div>
        <div>
          <dt>{t('exchange:report.duplicate')}</dt>
          <dd data-figure="duplicate">{format.number(report.duplicate)}</dd>
        </div>
        <div>
          <dt>{t('exchange:report.blobsCreated')}</dt>
          <dd data-figure="blobs-created">{format.number(report.blobsCreated)}</dd>
        </div>
        <div>
          <dt>{t('exchange:report.blobsPresent')}</dt>
          <dd data-figure="blobs-present">{format.number(report.blobsPresent)}</dd>
        </div>
        {report.invalid > 0 && (
          <div>
            <dt>{t('exchange:report.invalid')}</dt>
            <dd data-figure="invalid">{format.number(report.invalid)}</dd>
          </div>
        )}
      </dl>
      {report.stale > 0 && <p class="field-hint">{t('exchange:report.staleExplained')}</p>}
      {report.held > 0 && (
        <p class="banner banner-warning" data-figure="held">
          {t('exchange:report.held', { count: report.held, time: format.dateTime(new Date(report.heldDueByMs ?? Date.now())) })}
        </p>
      )}
      {report.conflictsRecorded > 0 && (
        <div class="banner xc-info xc-report-conflicts">
          <p>{t('exchange:report.conflictsRecorded', { count: report.conflictsRecorded })}</p>
          {onReviewConflicts === undefined ? (
            <a class="button" href={formatRoute({ screen: 'exchange', assessmentId: assessment.id })}>
              {t('exchange:report.reviewConflicts')}
            </a>
          ) : (
            <button type="button" class="button" onClick={onReviewConflicts}>
              {t('exchange:report.reviewConflicts')}
            </button>
          )}
        </div>
      )}

      {report.nodeIdConflict && (
        <div class="banner banner-warning">
          <p>{t('exchange:report.nodeIdConflict')}</p>
          {onResetNodeId !== undefined && (
            <button type="button" class="button" onClick={onResetNodeId}>
              {t('exchange:report.resetNodeId')}
            </button>
          )}
        </div>
      )}
      {report.invalidRecords.length > 0 && (
        <p class="banner banner-warning">{t('exchange:report.invalidRecords', { count: report.invalidRecords.length })}</p>
      )}
      {report.problemCount > 0 && (
        <details class="xc-details">
          <summary>{t('exchange:report.problems', { count: report.problemCount })}</summary>
          <ul lang="en">
            {report.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
              <li key={`${problem.index}-${problem.path}`}>
                #{problem.index + 1} {problem.path}: {problem.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.invalidRecords.length > 0 && (
        <details class="xc-details">
          <summary>{t('exchange:technicalDetails')}</summary>
          <ul lang="en">
            {report.invalidRecords.slice(0, SHOWN_PROBLEMS).map((row) => {
              const table = tableNameSchema.safeParse(row.table);
              return (
                <li key={`${row.table}-${row.id ?? ''}`}>
                  {table.success ? tableName(t, table.data) : row.table} {row.id ?? ''}: {row.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      <div class="xc-actions">
        {!isCurrent && (
          <a class="button button-primary" href={formatRoute({ screen: 'dashboard', assessmentId: assessment.id })}>
            {t('exchange:report.open', { title: assessment.title })}
          </a>
        )}
        {isCurrent && !nothing && (
          <a class="button" href={formatRoute({ screen: 'dashboard', assessmentId: assessment.id })}>
            {t('exchange:report.toDashboard')}
          </a>
        )}
        <button type="button" class="button" onClick={onAnother}>
          {t('exchange:import.another')}
        </button>
      </div>
    </div>
  );
}
