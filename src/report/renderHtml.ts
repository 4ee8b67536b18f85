/**
 * The report as HTML: a fragment for the report screen and a self-contained file (its print
 * stylesheet inlined, no script, no external resource) that a browser prints to a clean PDF.
 * Every string is escaped; the charts are the chart code's own SVG (which escapes its text).
 */
import { evidenceAnchor } from './buildReport';
import { svgToString } from './charts/svgNode';
import { escapeXml } from './escapeXml';
import { PRINT_CSS } from './printCss';
import type { Block, EvidenceTarget, Inline, ReportDocument, TableBlock } from './reportDocument';

export interface HtmlOptions {
  /** Where a level links to; default the in-document annex anchor. */
  readonly hrefOf?: (target: EvidenceTarget) => string;
  /** Prose not written yet: shown as a placeholder on screen, left out of files. */
  readonly showPlaceholders?: boolean;
}

export function renderInlines(inlines: readonly Inline[], options: HtmlOptions = {}): string {
  const hrefOf = options.hrefOf ?? ((target: EvidenceTarget) => `#${evidenceAnchor(target)}`);
  return inlines
    .map((inline) => {
      if (inline.kind === 'quote') return `<q class="report-quote">${escapeXml(inline.text)}</q>`;
      if (inline.kind === 'level') {
        const cls = `level level-${escapeXml(inline.levelId ?? 'none')}`;
        return inline.target === null ? `<span class="${cls}">${escapeXml(inline.text)}</span>` : `<a class="${cls}" href="${escapeXml(hrefOf(inline.target))}">${escapeXml(inline.text)}</a>`;
      }
      return inline.strong ? `<strong>${escapeXml(inline.text)}</strong>` : escapeXml(inline.text);
    })
    .join('');
}

export function renderTable(table: TableBlock, options: HtmlOptions = {}, extraClass = ''): string {
  const head = `<thead><tr>${table.head.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row) => {
      const [first, ...rest] = row.cells;
      const th = `<th scope="row"${row.group ? ` colspan="1" class="group"` : ''}>${first ? renderInlines(first.inlines, options) : ''}</th>`;
      const tds = rest
        .map((cell) => {
          if (cell.tick === true) return `<td class="tick"><span aria-hidden="true">✓</span> ${renderInlines(cell.inlines, options)}</td>`;
          return `<td>${renderInlines(cell.inlines, options)}</td>`;
        })
        .join('');
      return `<tr${row.group ? ' class="group"' : ''}>${th}${tds}</tr>`;
    })
    .join('');
  return `<table id="${escapeXml(table.id)}" class="report-table ${extraClass}"><caption>${escapeXml(table.caption)}</caption>${head}<tbody>${body}</tbody></table>`;
}

export function renderBlock(block: Block, options: HtmlOptions = {}): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.depth} id="${escapeXml(block.id)}">${escapeXml(block.text)}</h${block.depth}>`;
    case 'paragraph':
      return `<p>${renderInlines(block.inlines, options)}</p>`;
    case 'narrative':
      if (block.text.trim() === '') return options.showPlaceholders ? `<p class="narrative-empty">${escapeXml(block.placeholder)}</p>` : '';
      return block.text
        .split(/\n{2,}/)
        .map((paragraph) => `<p class="narrative">${escapeXml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('');
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${renderInlines(item, options)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return renderTable(block, options, block.id === 'table-3' || block.id === 'table-4' ? 'level-table' : '');
    case 'figure':
      return `<figure id="${escapeXml(block.id)}" class="report-figure">${svgToString(block.svg)}<figcaption>${escapeXml(block.title)}</figcaption><details class="figure-data"><summary>${escapeXml(block.table.caption)}</summary>${renderTable(block.table, options)}</details></figure>`;
  }
}

export function renderReportBody(doc: ReportDocument, options: HtmlOptions = {}): string {
  return doc.blocks.map((block) => renderBlock(block, options)).join('\n');
}

/** A self-contained HTML file: inline styles, no script, prints to PDF with page numbers. */
export function renderReportHtml(doc: ReportDocument): string {
  const css = PRINT_CSS.replace('__RUNNING_TITLE__', cssString(doc.runningTitle));
  return `<!doctype html>
<html lang="${escapeXml(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(doc.title)}</title>
<style>${css}</style>
</head>
<body>
<main class="report-document">
${renderReportBody(doc)}
</main>
</body>
</html>
`;
}

/** A CSS string literal: quotes and backslashes escaped, no line breaks, no way out of the string. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`;
}
