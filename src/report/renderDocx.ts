/**
 * The report as a Word document, through the `docx` library (well kept, no native code, runs in
 * the browser and in Node). Only imported dynamically (`import('./renderDocx')`), so neither the
 * library nor this file is in the app's initial JavaScript.
 *
 * Headings use Word's heading styles (so the navigation pane and a table of contents work); levels
 * are internal hyperlinks to bookmarks at the annex's headings; table rows never split across pages
 * and header rows repeat. Charts appear as their title, description and data table: Word cannot
 * show SVG without a bitmap fallback, and the table is what a screen reader reads anyway.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { evidenceAnchor } from './buildReport';
import type { Block, Inline, ReportDocument, TableBlock } from './reportDocument';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** Word bookmark names: letters, digits and underscores, at most 40 characters, starting with a letter. */
export function bookmarkName(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return `b${hash.toString(36)}_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
}

function runs(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === 'quote') return new TextRun({ text: `“${inline.text}”`, italics: true });
    if (inline.kind === 'level') {
      if (inline.target === null) return new TextRun({ text: inline.text, bold: true });
      return new InternalHyperlink({ anchor: bookmarkName(evidenceAnchor(inline.target)), children: [new TextRun({ text: inline.text, bold: true, style: 'Hyperlink' })] });
    }
    return new TextRun({ text: inline.text, bold: inline.strong === true });
  });
}

function table(block: TableBlock): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.head.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] })),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map(
          (cell, i) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: cell.tick === undefined || i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: cell.tick === true ? [new TextRun({ text: '✓ ', bold: true }), ...runs(cell.inlines)] : runs(cell.inlines),
                }),
              ],
            }),
        ),
      }),
  );
  return [
    new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })], keepNext: true }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
    new Paragraph({ children: [] }),
  ];
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.depth - 1], children: [new Bookmark({ id: bookmarkName(block.id), children: [new TextRun(block.text)] })] })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.inlines) })];
    case 'narrative':
      return block.text.trim() === '' ? [] : block.text.split(/\n{2,}/).map((text) => new Paragraph({ children: [new TextRun(text)] }));
    case 'list':
      return block.items.map((item, i) => (block.ordered ? new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${i + 1}.\t`), ...runs(item)] }) : new Paragraph({ bullet: { level: 0 }, children: runs(item) })));
    case 'table':
      return table(block);
    case 'figure':
      return [new Paragraph({ children: [new TextRun({ text: block.title, bold: true })] }), new Paragraph({ children: [new TextRun({ text: block.description, italics: true })] }), ...table(block.table)];
  }
}

export async function renderReportDocx(report: ReportDocument): Promise<Uint8Array> {
  const word = new Document({
    title: report.title,
    creator: 'MMDMA Field',
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.runningTitle, size: 16 })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })] })],
          }),
        },
        children: report.blocks.flatMap(blockToDocx),
      },
    ],
  });
  return Packer.pack(word, 'uint8array');
}
