/**
 * The report as Markdown (GitHub-flavoured tables). Text is escaped for Markdown so a finding that
 * contains `|`, `*` or `<` stays text; charts appear as their data tables.
 */
import { evidenceAnchor } from './buildReport';
import type { Inline, ReportDocument, TableBlock } from './reportDocument';

const escapeMd = (value: string) => value.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n/g, ' ');

function inlines(list: readonly Inline[]): string {
  return list
    .map((inline) => {
      if (inline.kind === 'quote') return `“${escapeMd(inline.text)}”`;
      if (inline.kind === 'level') return inline.target === null ? escapeMd(inline.text) : `[${escapeMd(inline.text)}](#${evidenceAnchor(inline.target)})`;
      return inline.strong ? `**${escapeMd(inline.text)}**` : escapeMd(inline.text);
    })
    .join('');
}

function table(block: TableBlock): string {
  const head = `| ${block.head.map(escapeMd).join(' | ')} |`;
  const rule = `|${block.head.map(() => ' --- ').join('|')}|`;
  const rows = block.rows.map((row) => `| ${row.cells.map((cell) => (cell.tick === true ? `✓ ${inlines(cell.inlines)}` : inlines(cell.inlines)) || ' ').join(' | ')} |`);
  return [`*${escapeMd(block.caption)}*`, '', head, rule, ...rows].join('\n');
}

export function renderReportMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`<a id="${block.id}"></a>\n\n${'#'.repeat(block.depth)} ${escapeMd(block.text)}`);
        break;
      case 'paragraph':
        out.push(inlines(block.inlines));
        break;
      case 'narrative':
        if (block.text.trim() !== '') out.push(block.text.split(/\n{2,}/).map(escapeMd).join('\n\n'));
        break;
      case 'list':
        out.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlines(item)}`).join('\n'));
        break;
      case 'table':
        out.push(table(block));
        break;
      case 'figure':
        out.push(`**${escapeMd(block.title)}**\n\n${escapeMd(block.description)}\n\n${table(block.table)}`);
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
