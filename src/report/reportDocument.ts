/**
 * The report as a document model: a list of blocks that the HTML, Markdown, DOCX and CSV renderers
 * and the report screen all walk. Built once from the records (buildReport), so every output says
 * the same thing, and a level in any of them points to the same evidence.
 *
 * Text is plain strings, never markup: renderers escape for their format, so data never becomes code.
 */
import type { SvgNode } from './charts/svgNode';

/** What a level rests on: the ratings, consensus and notes of one sub-topic (and track), or a pillar. */
export type EvidenceTarget =
  | { readonly kind: 'sub-topic'; readonly subTopicId: string; readonly trackId: string }
  | { readonly kind: 'pillar'; readonly pillarId: string; readonly trackId: string };

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly strong?: boolean }
  /** A maturity level, linked to what it rests on. */
  | { readonly kind: 'level'; readonly text: string; readonly levelId: string | null; readonly target: EvidenceTarget | null }
  /** A verbatim quotation from a source (an indicator statement from the report). */
  | { readonly kind: 'quote'; readonly text: string };

export interface TableCell {
  readonly inlines: readonly Inline[];
  /** A tick in a level column (Tables 3 and 4), read as "yes" by screen readers. */
  readonly tick?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly id: string;
  readonly caption: string;
  readonly head: readonly string[];
  /** The first cell of each row is its header (th scope=row). */
  readonly rows: ReadonlyArray<{ readonly cells: readonly TableCell[]; readonly group?: boolean }>;
}

export interface FigureBlock {
  readonly kind: 'figure';
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The chart as an element tree (src/report/charts), serialised or rendered by each output. */
  readonly svg: SvgNode;
  /** The figure's data, for screen readers and for outputs that cannot draw. */
  readonly table: TableBlock;
}

export type Block =
  | { readonly kind: 'heading'; readonly depth: 1 | 2 | 3 | 4; readonly id: string; readonly text: string }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  /** Prose the lead writes; `text` empty means not written yet (renderers show `placeholder` only on screen). */
  | { readonly kind: 'narrative'; readonly key: string; readonly label: string; readonly text: string; readonly placeholder: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly Inline[]> }
  | TableBlock
  | FigureBlock;

export interface ReportDocument {
  readonly lang: string;
  readonly title: string;
  /** The running title printed on every page. */
  readonly runningTitle: string;
  readonly blocks: readonly Block[];
  /** Confidential notes that were not quoted anywhere in this report. */
  readonly confidentialOmitted: number;
  readonly assessmentId: string;
}

export const text = (value: string, strong = false): Inline => (strong ? { kind: 'text', text: value, strong } : { kind: 'text', text: value });

/** The plain text of some inlines (for CSV, alt texts, tests). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}
