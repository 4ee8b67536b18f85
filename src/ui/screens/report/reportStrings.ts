/**
 * The report's words in the language chosen for the report, which may differ from the interface's:
 * the `report` namespace of that language, fetched on demand (each locale file is its own chunk).
 */
import type { Language } from '../../../i18n/languages';
import { reportTFromStrings, type ReportT } from '../../../report/reportText';

const files = import.meta.glob<Record<string, unknown>>('../../../../locales/*/report.json', { import: 'default' });

export async function loadReportT(language: Language): Promise<ReportT> {
  const load = files[`../../../../locales/${language}/report.json`];
  const english = files['../../../../locales/en/report.json'];
  if (load === undefined || english === undefined) throw new Error(`no report strings for ${language}`);
  const [strings, fallback] = await Promise.all([load(), english()]);
  return reportTFromStrings(strings, fallback);
}
