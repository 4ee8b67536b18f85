/**
 * The report's stylesheet, shared by the report screen (which adds its own chrome rules) and the
 * self-contained HTML file. `@page` margin boxes give the running title and page numbers when the
 * browser prints to PDF; rows never split across pages; links print as plain text.
 * `__RUNNING_TITLE__` is replaced by a CSS string literal (cssString) of the report's title.
 */
export const PRINT_CSS = `
.report-document { font: 11pt/1.45 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 60rem; margin: 0 auto; padding: 1rem; }
.report-document h1 { font-size: 1.7em; margin: 0 0 .5em; }
.report-document h2 { font-size: 1.35em; margin: 1.6em 0 .5em; border-bottom: 1px solid #444; }
.report-document h3 { font-size: 1.15em; margin: 1.3em 0 .4em; }
.report-document h4 { font-size: 1em; margin: 1em 0 .3em; }
.report-document h2, .report-document h3, .report-document h4 { break-after: avoid; page-break-after: avoid; }
.report-table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
.report-table caption { text-align: left; font-weight: 600; padding: .3em 0; caption-side: top; }
.report-table th, .report-table td { border: 1px solid #777; padding: .25em .45em; vertical-align: top; text-align: left; }
.report-table thead th { background: #eee; }
.report-table tr { break-inside: avoid; page-break-inside: avoid; }
.report-table tr.group th { background: #f4f4f4; }
.level-table td { text-align: center; width: 11%; }
.level-table td.tick { font-weight: 600; }
.report-quote { font-style: italic; }
.report-quote::before { content: open-quote; } .report-quote::after { content: close-quote; }
.report-figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
.report-figure svg { max-width: 100%; height: auto; display: block; }
.report-figure figcaption { font-weight: 600; margin-top: .3em; }
.narrative-empty { color: #555; font-style: italic; }
a.level { color: inherit; text-decoration: underline dotted; }
@page { size: A4; margin: 20mm 16mm 22mm;
  @top-center { content: __RUNNING_TITLE__; font-size: 9pt; color: #333; }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); font-size: 9pt; color: #333; } }
@media print {
  .report-document { max-width: none; padding: 0; }
  .figure-data { display: none; }
  a.level { text-decoration: none; }
  .no-print { display: none !important; }
}
`;
