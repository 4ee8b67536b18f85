/**
 * The assessment report, generated from the records as the team works (the same document model the
 * command-line tool renders): read it, write its prose in place, print it to PDF, download it as
 * HTML, Markdown, DOCX or CSV, in the language the lead chooses. Every level links to the rating
 * screen of its sub-topic, where the ratings, consensus and notes behind it are.
 *
 * Route: #/a/:assessmentId/report. The DOCX library is fetched only when DOCX is asked for.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AssessmentRecords } from '../../../core/analysis/assessmentRecords';
import { calendarDateFormat } from '../../../i18n/calendarDateFormat';
import { SUPPORTED_LANGUAGES, type Language } from '../../../i18n/languages';
import { buildReport } from '../../../report/buildReport';
import { PRINT_CSS } from '../../../report/printCss';
import type { Block, EvidenceTarget, ReportDocument } from '../../../report/reportDocument';
import { renderReportCsv } from '../../../report/renderCsv';
import { cssString, renderReportHtml } from '../../../report/renderHtml';
import { renderReportMarkdown } from '../../../report/renderMarkdown';
import type { ReportT } from '../../../report/reportText';
import { formatRoute } from '../../routing/route';
import { ScreenMessage } from '../../shared/ScreenMessage';
import { useOpenAssessment } from '../../shell/useOpenAssessment';
import { useAppState } from '../../AppStateContext';
import { useTranslation } from '../../useTranslation';
import { downloadFile, reportFileName } from './downloadFile';
import { NarrativeField } from './NarrativeField';
import { loadReportT } from './reportStrings';
import { ReportBlock } from './ReportView';
import './report.css';

export interface ReportScreenProps {
  readonly assessmentId: string;
}

type Format = 'html' | 'md' | 'docx' | 'csv';
const FORMATS: readonly Format[] = ['html', 'md', 'docx', 'csv'];
const FORMAT_LABEL: Record<Format, string> = { html: 'HTML', md: 'Markdown', docx: 'DOCX', csv: 'CSV' };

export function ReportScreen({ assessmentId }: ReportScreenProps) {
  const { t, language } = useTranslation();
  const { i18n } = useAppState();
  const { session, data, index, me } = useOpenAssessment();
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const [reportT, setReportT] = useState<{ readonly language: Language; readonly t: ReportT } | undefined>(undefined);
  const [busy, setBusy] = useState<Format | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const pendingText = useRef<Record<string, string>>({});

  useEffect(() => {
    let alive = true;
    loadReportT(reportLanguage).then(
      (loaded) => alive && setReportT({ language: reportLanguage, t: loaded }),
      (error: unknown) => alive && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      alive = false;
    };
  }, [reportLanguage]);

  const records = useMemo<AssessmentRecords | undefined>(
    () =>
      data === null
        ? undefined
        : {
            assessment: data.assessment,
            assessors: data.assessors,
            institutions: data.institutions,
            interviews: data.interviews,
            interviewees: data.interviewees,
            observations: data.observations,
            ratings: data.ratings,
            consensus: data.consensus,
            findings: data.findings,
          },
    [data],
  );
  const report = useMemo(() => {
    if (records === undefined || index === undefined || reportT === undefined) return undefined;
    return buildReport(records, index, { lang: reportT.language, t: reportT.t, formatDate: calendarDateFormat(reportT.language) }).document;
  }, [records, index, reportT]);

  usePrintStyles(report?.runningTitle ?? data?.assessment.title ?? '');

  if (data === null || index === undefined) {
    return (
      <ScreenMessage class="report-screen" title={t('report:screen.title')} loading>
        {t('report:screen.loading')}
      </ScreenMessage>
    );
  }
  const editable = me !== undefined && me.role !== 'observer';

  const saveNarrative = (key: string, value: string) => {
    pendingText.current = { ...pendingText.current, [key]: value };
    const merged = { ...(data.assessment.reportText ?? {}), ...pendingText.current };
    return session!.writer.update('assessment', assessmentId, { reportText: merged });
  };

  const download = async (format: Format) => {
    if (report === undefined || records === undefined) return;
    setBusy(format);
    setProblem(undefined);
    try {
      const name = reportFileName(data.assessment.title, format);
      if (format === 'html') downloadFile(renderReportHtml(report), name, 'text/html;charset=utf-8');
      else if (format === 'md') downloadFile(renderReportMarkdown(report), name, 'text/markdown;charset=utf-8');
      else if (format === 'csv') downloadFile(renderReportCsv(records, index), name, 'text/csv;charset=utf-8');
      else {
        const { renderReportDocx } = await import('../../../report/renderDocx');
        const bytes = await renderReportDocx(report);
        downloadFile(bytes.slice().buffer, name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      }
    } catch (error) {
      setProblem(t('report:screen.failed', { format: FORMAT_LABEL[format], message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const hrefOf = (target: EvidenceTarget) => {
    const subTopicId = target.kind === 'sub-topic' ? target.subTopicId : index.pillarById.get(target.pillarId)?.subTopics.find((s) => s.indicators.length > 0)?.id;
    return formatRoute({ screen: 'rating', assessmentId, subTopicId });
  };

  return (
    <div class="report-screen">
      <section class="report-toolbar no-print" aria-label={t('report:screen.actions')}>
        <label>
          {t('report:screen.language')}{' '}
          <select value={reportLanguage} onChange={(event) => setReportLanguage(event.currentTarget.value as Language)}>
            {SUPPORTED_LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {i18n.getFixedT(lang)('language.self')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => window.print()} disabled={report === undefined}>
          {t('report:screen.print')}
        </button>
        {FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => void download(format)} disabled={report === undefined || busy !== undefined}>
            {busy === format ? t('report:screen.working', { format: FORMAT_LABEL[format] }) : t('report:screen.download', { format: FORMAT_LABEL[format] })}
          </button>
        ))}
        {!editable && <p class="report-hint">{t('report:screen.readOnly')}</p>}
        {report !== undefined && report.confidentialOmitted > 0 && <p class="report-hint">{t('report:screen.confidentialNote', { count: report.confidentialOmitted })}</p>}
        {problem !== undefined && (
          <p class="banner banner-error" role="alert">
            {problem}
          </p>
        )}
      </section>
      {report === undefined ? (
        <p role="status">{t('report:screen.loading')}</p>
      ) : <ReportBody document={report} hrefOf={hrefOf} editable={editable} save={saveNarrative} />}
    </div>
  );
}

interface ReportBodyProps {
  readonly document: ReportDocument;
  readonly hrefOf: (target: EvidenceTarget) => string;
  readonly editable: boolean;
  readonly save: (key: string, value: string) => ReturnType<NonNullable<ReturnType<typeof useOpenAssessment>['session']>['writer']['update']>;
}

/** The document, with its prose blocks as live fields. */
function ReportBody({ document: report, hrefOf, editable, save }: ReportBodyProps) {
  const options = {
    hrefOf,
    narrative: (block: Extract<Block, { kind: 'narrative' }>) => (
      <NarrativeField narrativeKey={block.key} label={block.label} text={block.text} placeholder={block.placeholder} editable={editable} save={save} />
    ),
  };
  return (
    <article class="report-document" lang={report.lang}>
      {report.blocks.map((block, i) => (
        <ReportBlock key={block.kind === 'narrative' ? block.key : i} block={block} options={options} />
      ))}
    </article>
  );
}

/** The report's stylesheet (one source with the exported HTML), adopted while the screen is shown. */
function usePrintStyles(title: string): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS.replace('__RUNNING_TITLE__', cssString(title)));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [title]);
}
