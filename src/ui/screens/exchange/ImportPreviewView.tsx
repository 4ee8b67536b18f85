/**
 * What an import would do, before anything is written: who made the bundle, when, on which device,
 * for which assessment and framework; the records it would add or change per table; every
 * conflicting field with both values and which one the newest-wins rule keeps (and where the other
 * one stays); the attachments. "Import" and "Cancel" close it.
 */
import type { Ref } from 'preact';
import { memo } from 'preact/compat';
import { useMemo } from 'preact/hooks';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { JsonValue } from '../../../core/merge/change';
import { MMDMA_APP_VERSION } from '../../../exchange/bundle/format';
import type { ImportPreview } from '../../../exchange/importBundle';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import type { AssessmentData } from '../../session/assessmentSession';
import { formatBytes } from '../../shell/formatStorage';
import { useTranslation } from '../../useTranslation';
import { shortNode } from './ExportPanel';
import { fieldLabel } from './fieldLabel';
import { conflictRows, previewVerdict, tableRows, valueText, type ConflictRow } from './previewSummary';
import { tableName } from './tableName';

export interface ImportPreviewViewProps {
  readonly preview: ImportPreview;
  /** The assessment open on this screen, if any (a bundle of another one is said so). */
  readonly current: { readonly id: string; readonly title: string } | undefined;
  /** The open assessment's records, to name the records of conflicts. */
  readonly data: AssessmentData | null;
  readonly index: FrameworkIndex | undefined;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onImport: () => void;
  readonly onCancel: () => void;
}

export function ImportPreviewView({ preview, current, data, index, headingRef, onImport, onCancel }: ImportPreviewViewProps) {
  const { t, format, language } = useTranslation();
  const verdict = previewVerdict(preview);
  const rows = useMemo(() => tableRows(preview.byTable), [preview]);
  const sameAssessment = current !== undefined && current.id === preview.assessment.id;
  const conflicts = useMemo(() => conflictRows(preview.conflicts, sameAssessment ? data : null), [preview, sameAssessment, data]);
  const by = preview.createdBy;
  const name = by.assessor ?? t('exchange:unknownPerson');
  return (
    <div class="xc-preview">
      <h4 ref={headingRef} tabIndex={-1} class="xc-result-heading">
        {t('exchange:preview.heading')}
      </h4>

      {current !== undefined && !sameAssessment && (
        <p class="banner banner-warning">{t('exchange:preview.otherAssessment', { title: preview.assessment.title, current: current.title })}</p>
      )}

      <p class={`xc-verdict xc-verdict-${verdict}`}>
        {verdict === 'nothing-new'
          ? preview.fromThisDevice
            ? t('exchange:preview.verdict.ownBundle')
            : t('exchange:preview.verdict.nothingNew')
          : verdict === 'new-assessment'
            ? t('exchange:preview.verdict.newAssessment')
            : t('exchange:preview.verdict.updates')}
      </p>

      <dl class="xc-facts">
        <div>
          <dt>{t('exchange:preview.madeBy')}</dt>
          <dd>
            {by.kind === 'merge'
              ? t('exchange:preview.mergedBy', { name })
              : preview.fromThisDevice
                ? t('exchange:preview.byThisDevice', { name })
                : interpolateNodes(t, 'exchange:preview.byDevice', { name }, { device: <span class="xc-device">…{shortNode(by.node)}</span> })}
          </dd>
        </div>
        <div>
          <dt>{t('exchange:preview.madeAt')}</dt>
          <dd>
            <time dateTime={preview.createdAt}>{format.dateTime(new Date(preview.createdAt))}</time>
          </dd>
        </div>
        <div>
          <dt>{t('exchange:preview.assessment')}</dt>
          <dd>
            {preview.assessment.title}{' '}
            <span class="muted">{preview.assessment.existsHere ? t('exchange:preview.assessmentHere') : t('exchange:preview.assessmentNew')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('exchange:preview.framework')}</dt>
          <dd>
            <code>{preview.framework.id}</code> {preview.framework.version}
          </dd>
        </div>
        <div>
          <dt>{t('exchange:preview.contents')}</dt>
          <dd>{preview.partial ? t('exchange:preview.partial') : t('exchange:preview.whole')}</dd>
        </div>
        <div>
          <dt>{t('exchange:preview.protection')}</dt>
          <dd>{preview.encrypted ? t('exchange:preview.encrypted') : t('exchange:preview.notEncrypted')}</dd>
        </div>
      </dl>

      {preview.frameworkNote !== undefined && (
        <p class="banner xc-info">{t('exchange:preview.frameworkNote', { id: preview.framework.id, version: preview.framework.version })}</p>
      )}
      {preview.newerAppVersion !== undefined && (
        <p class="banner xc-info" data-notice="newer-app">
          {t('exchange:preview.newerApp', { bundleVersion: preview.newerAppVersion, appVersion: MMDMA_APP_VERSION })}
        </p>
      )}
      {preview.futureChanges > 0 && <p class="banner banner-warning">{t('exchange:preview.futureChanges', { count: preview.futureChanges })}</p>}

      <h5 class="xc-subheading">{t('exchange:preview.changesHeading')}</h5>
      <dl class="xc-facts xc-facts-numbers">
        <div>
          <dt>{t('exchange:preview.changes.total')}</dt>
          <dd>{format.number(preview.changes.total)}</dd>
        </div>
        <div>
          <dt>{t('exchange:preview.changes.newer')}</dt>
          <dd>{format.number(preview.changes.newer)}</dd>
        </div>
        <div>
          <dt>{t('exchange:preview.changes.older')}</dt>
          <dd>{format.number(preview.changes.older)}</dd>
        </div>
        <div>
          <dt>{t('exchange:preview.changes.alreadyHere')}</dt>
          <dd>{format.number(preview.changes.alreadyHere)}</dd>
        </div>
      </dl>

      {rows.length > 0 && (
        <div class="xc-table-scroll" role="region" aria-labelledby="xc-records-caption" tabIndex={0}>
          <table class="xc-table">
            <caption id="xc-records-caption">{t('exchange:preview.records.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange:preview.records.table')}</th>
                <th scope="col">{t('exchange:preview.records.new')}</th>
                <th scope="col">{t('exchange:preview.records.changed')}</th>
                <th scope="col">{t('exchange:preview.records.conflicting')}</th>
                <th scope="col">{t('exchange:preview.records.unchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ table, counts }) => (
                <tr key={table} data-table={table}>
                  <th scope="row">{tableName(t, table)}</th>
                  <td>{format.number(counts.new)}</td>
                  <td>{format.number(counts.changed)}</td>
                  <td class={counts.conflicting > 0 ? 'xc-has-conflicts' : undefined}>{format.number(counts.conflicting)}</td>
                  <td>{format.number(counts.unchanged)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('exchange:preview.records.total')}</th>
                <td>{format.number(preview.records.new)}</td>
                <td>{format.number(preview.records.changed)}</td>
                <td>{format.number(preview.records.conflicting)}</td>
                <td>{format.number(preview.records.unchanged)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <h5 class="xc-subheading">{t('exchange:preview.attachments.heading')}</h5>
      <p>
        {preview.attachments.new + preview.attachments.present === 0
          ? t('exchange:preview.attachments.none')
          : `${t('exchange:preview.attachments.new', { count: preview.attachments.new, size: formatBytes(preview.attachments.newBytes, language) })} ${t('exchange:preview.attachments.present', { count: preview.attachments.present })}`}
      </p>

      {preview.conflictCount > 0 && (
        <section class="xc-conflicts" aria-labelledby="xc-conflicts-heading">
          <h5 id="xc-conflicts-heading" class="xc-subheading">
            {t('exchange:preview.conflicts.heading', { count: preview.conflictCount })}
          </h5>
          <p class="field-hint">{t('exchange:preview.conflicts.intro')}</p>
          {preview.conflictCount > conflicts.length && (
            <p class="field-hint">{t('exchange:preview.conflicts.firstOnly', { shown: format.number(conflicts.length), count: preview.conflictCount })}</p>
          )}
          <ul class="xc-conflict-list">
            {conflicts.map((row) => (
              <ConflictItem key={row.key} row={row} index={index} />
            ))}
          </ul>
        </section>
      )}

      <div class="xc-actions">
        {verdict === 'nothing-new' ? (
          <button type="button" class="button button-primary" onClick={onCancel}>
            {t('exchange:preview.close')}
          </button>
        ) : (
          <>
            <button type="button" class="button button-primary" onClick={onImport}>
              {t('exchange:preview.import')}
            </button>
            <button type="button" class="button" onClick={onCancel}>
              {t('exchange:import.cancel')}
            </button>
          </>
        )}
      </div>
      {verdict !== 'nothing-new' && <p class="field-hint">{t('exchange:preview.nothingYet')}</p>}
    </div>
  );
}

const ConflictItem = memo(function ConflictItem({ row, index }: { readonly row: ConflictRow; readonly index: FrameworkIndex | undefined }) {
  const { t, format } = useTranslation();
  const { conflict } = row;
  const at = (ms: number | undefined) => (ms === undefined ? t('exchange:preview.conflicts.unknownTime') : format.dateTime(new Date(ms)));
  const keptIncoming = conflict.kept === 'incoming';
  return (
    <li class="xc-conflict">
      <p class="xc-conflict-title">
        <span class="xc-conflict-record">{row.label ?? tableName(t, conflict.table)}</span>
        {' — '}
        <span class="xc-conflict-field">{fieldLabel(t, conflict.field)}</span>
      </p>
      <div class="xc-conflict-values">
        <div class={`xc-conflict-value${keptIncoming ? '' : ' is-kept'}`}>
          <p class="xc-conflict-side">{t('exchange:preview.conflicts.local', { date: at(row.localAt) })}</p>
          <ValueView value={conflict.local.value} field={conflict.field} index={index} />
        </div>
        <div class={`xc-conflict-value${keptIncoming ? ' is-kept' : ''}`}>
          <p class="xc-conflict-side">{t('exchange:preview.conflicts.incoming', { date: at(row.incomingAt) })}</p>
          <ValueView value={conflict.incoming.value} field={conflict.field} index={index} />
        </div>
      </div>
      <p class="xc-conflict-outcome">
        <strong>{keptIncoming ? t('exchange:preview.conflicts.keptIncoming') : t('exchange:preview.conflicts.keptLocal')}</strong>{' '}
        {keptIncoming ? t('exchange:preview.conflicts.localStays') : t('exchange:preview.conflicts.incomingNotStored')}
      </p>
    </li>
  );
});

function ValueView({ value, field, index }: { readonly value: JsonValue; readonly field: string; readonly index: FrameworkIndex | undefined }) {
  const { t } = useTranslation();
  if ((field === 'level' || field === 'suggestedLevel') && typeof value === 'string' && index !== undefined) {
    const level = index.framework.levels.find((candidate) => candidate.id === value);
    if (level !== undefined) {
      return (
        <p class="xc-value">
          <FrameworkText value={level.name} />
        </p>
      );
    }
  }
  const shown = valueText(value);
  if (shown.kind === 'empty') return <p class="xc-value xc-value-empty">{t('exchange:preview.conflicts.empty')}</p>;
  if (shown.kind === 'boolean') return <p class="xc-value">{shown.value ? t('exchange:preview.conflicts.yes') : t('exchange:preview.conflicts.no')}</p>;
  return (
    <p class="xc-value" title={shown.cut && typeof value === 'string' ? value : undefined}>
      {shown.text}
    </p>
  );
}
