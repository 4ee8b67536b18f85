/**
 * `mmdma report <bundle> --format html|md|docx|csv -o <file> [--lang en|hy|ru]`: the assessment
 * report from a bundle, through the same core and report code as the app. The bundle is fully
 * verified first (readBundle); its framework must be built in or given with --framework <file>.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import enReport from '../../locales/en/report.json';
import hyReport from '../../locales/hy/report.json';
import ruReport from '../../locales/ru/report.json';
import type { FrameworkIndex } from '../core/framework/indexFramework';
import { indexFramework } from '../core/framework/indexFramework';
import { validateFramework } from '../core/framework/validateFramework';
import { calendarDateFormat } from '../i18n/calendarDateFormat';
import { isLanguage } from '../i18n/languages';
import { readBundle } from '../exchange/bundle/readBundle';
import { BUILTIN_FRAMEWORK_SOURCES } from '../frameworks/builtinFrameworks';
import { buildReport } from '../report/buildReport';
import { recordsFromChanges } from '../report/recordsFromChanges';
import { renderReportCsv } from '../report/renderCsv';
import { renderReportHtml } from '../report/renderHtml';
import { renderReportMarkdown } from '../report/renderMarkdown';
import { reportTFromStrings } from '../report/reportText';
import { CliError, EXIT, openInput, printable, readPassphrase, writeOutput, type CliIo } from './io';
import { parseArgs } from './parseArgs';

export const REPORT_USAGE = `Usage: mmdma report <bundle> --format html|md|docx|csv -o <file> [options]

  --format html|md|docx|csv  html: one self-contained file that prints to PDF; md: Markdown;
                             docx: Word; csv: ratings, consensus and evidence
  -o, --output <file>        where to write (required)
  --lang en|hy|ru            the report's language (default en; framework text may stay English)
  --framework <file>         the framework JSON, when the bundle's is not built in
  --passphrase-file <file>   passphrase of an encrypted bundle (or set MMDMA_PASSPHRASE)
  --force                    replace an existing output file
`;

const STRINGS = { en: enReport, hy: hyReport, ru: ruReport } as const;
const FORMATS = ['html', 'md', 'docx', 'csv'] as const;

export async function runReportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '--format': [], '--output': ['-o'], '--lang': [], '--framework': [], '--passphrase-file': [] },
    flags: { '--force': [], '--help': ['-h'] },
  });
  if (args.flags.has('--help')) {
    io.stdout(REPORT_USAGE);
    return EXIT.OK;
  }
  if (args.positional.length !== 1) throw new CliError(EXIT.USAGE, 'report takes exactly one bundle file');
  const path = args.positional[0]!;
  const format = args.values.get('--format');
  if (format === undefined || !(FORMATS as readonly string[]).includes(format)) throw new CliError(EXIT.USAGE, '--format must be html, md, docx or csv');
  const output = args.values.get('--output');
  if (output === undefined) throw new CliError(EXIT.USAGE, 'report needs -o <file>');
  const lang = args.values.get('--lang') ?? 'en';
  if (!isLanguage(lang)) throw new CliError(EXIT.USAGE, '--lang must be en, hy or ru');

  const passphrase = await readPassphrase(io, args.values.get('--passphrase-file'));
  const read = await readBundle(await openInput(io, path), passphrase === undefined ? {} : { passphrase });
  if (!read.ok) {
    const exit = read.error.code === 'needs-passphrase' || read.error.code === 'wrong-passphrase' ? EXIT.PASSPHRASE : EXIT.REFUSED;
    throw new CliError(exit, `${path}: refused (${read.error.code}): ${printable(read.error.message)}`);
  }
  const bundle = read.value;
  if (bundle.manifest.since !== null) io.stderr(`mmdma: ${path} is a partial bundle (only what a peer lacked): the report may be incomplete.\n`);
  const index = await frameworkFor(io, bundle.manifest.framework, args.values.get('--framework'));
  const records = recordsFromChanges(bundle.changes, bundle.manifest.assessment.id);
  if (!records.ok) throw new CliError(EXIT.REFUSED, `${path}: ${records.error}`);
  for (const [table, count] of Object.entries(records.value.invalid)) io.stderr(`mmdma: left out ${count} ${table} record(s) that do not validate.\n`);

  const t = reportTFromStrings(STRINGS[lang], enReport);
  const formatDate = calendarDateFormat(lang);
  let bytes: Uint8Array;
  if (format === 'csv') bytes = new TextEncoder().encode(renderReportCsv(records.value.records, index));
  else {
    const { document } = buildReport(records.value.records, index, { lang, t, formatDate });
    if (format === 'html') bytes = new TextEncoder().encode(renderReportHtml(document));
    else if (format === 'md') bytes = new TextEncoder().encode(renderReportMarkdown(document));
    else bytes = await (await import('../report/renderDocx')).renderReportDocx(document);
  }
  await writeOutput(io, output, args.flags.has('--force'), async (sink) => {
    await sink.write(bytes);
  });
  io.stderr(`mmdma: wrote ${output}\n`);
  return EXIT.OK;
}

async function frameworkFor(io: CliIo, wanted: { readonly id: string; readonly version: string }, file: string | undefined): Promise<FrameworkIndex> {
  const sameMajor = (version: string) => version.split('.')[0] === wanted.version.split('.')[0];
  if (file !== undefined) {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
    } catch (error) {
      throw new CliError(EXIT.FILE, `${file}: cannot be read as JSON (${error instanceof Error ? printable(error.message) : 'unknown error'})`);
    }
    const valid = validateFramework(input);
    if (!valid.ok) throw new CliError(EXIT.USAGE, `${file}: not a valid framework: ${valid.error.map((p) => `${p.path}: ${printable(p.message)}`).slice(0, 5).join('; ')}`);
    const framework = valid.value.framework;
    if (framework.id !== wanted.id || !sameMajor(framework.version)) {
      throw new CliError(EXIT.USAGE, `${file} is framework ${framework.id} ${framework.version}, but the bundle uses ${wanted.id} ${wanted.version}`);
    }
    return indexFramework(framework);
  }
  for (const candidate of BUILTIN_FRAMEWORK_SOURCES) {
    const valid = validateFramework(candidate);
    if (valid.ok && valid.value.framework.id === wanted.id && sameMajor(valid.value.framework.version)) return indexFramework(valid.value.framework);
  }
  throw new CliError(EXIT.USAGE, `the bundle uses framework ${wanted.id} ${wanted.version}, which is not built in: give it with --framework <file>`);
}
