/**
 * The report's document model as Preact elements: every string a text node, every chart an
 * element tree (no HTML parsing anywhere). Mirrors renderHtml.ts, which writes the same structure
 * as a file; the prose blocks are live fields here.
 */
import type { ComponentChildren } from 'preact';
import type { Block, EvidenceTarget, Inline, TableBlock } from '../../../report/reportDocument';
import { SvgTree } from '../../shared/SvgTree';

export interface ReportViewOptions {
  readonly hrefOf: (target: EvidenceTarget) => string;
  readonly narrative: (block: Extract<Block, { kind: 'narrative' }>) => ComponentChildren;
}

export function Inlines({ inlines, hrefOf }: { readonly inlines: readonly Inline[]; readonly hrefOf: ReportViewOptions['hrefOf'] }) {
  return (
    <>
      {inlines.map((inline, i) => {
        if (inline.kind === 'quote') return <q key={i} class="report-quote">{inline.text}</q>;
        if (inline.kind === 'level') {
          const cls = `level level-${inline.levelId ?? 'none'}`;
          return inline.target === null ? (
            <span key={i} class={cls}>{inline.text}</span>
          ) : (
            <a key={i} class={cls} href={hrefOf(inline.target)}>
              {inline.text}
            </a>
          );
        }
        return inline.strong ? <strong key={i}>{inline.text}</strong> : inline.text;
      })}
    </>
  );
}

function ReportTable({ table, hrefOf, levelTable }: { readonly table: TableBlock; readonly hrefOf: ReportViewOptions['hrefOf']; readonly levelTable?: boolean }) {
  return (
    <table id={table.id} class={`report-table${levelTable ? ' level-table' : ''}`}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.head.map((head, i) => (
            <th key={i} scope="col">
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => {
          const [first, ...rest] = row.cells;
          return (
            <tr key={r} class={row.group ? 'group' : undefined}>
              <th scope="row">{first && <Inlines inlines={first.inlines} hrefOf={hrefOf} />}</th>
              {rest.map((cell, c) =>
                cell.tick === true ? (
                  <td key={c} class="tick">
                    <span aria-hidden="true">✓</span> <Inlines inlines={cell.inlines} hrefOf={hrefOf} />
                  </td>
                ) : (
                  <td key={c}>
                    <Inlines inlines={cell.inlines} hrefOf={hrefOf} />
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ReportBlock({ block, options }: { readonly block: Block; readonly options: ReportViewOptions }) {
  const { hrefOf } = options;
  switch (block.kind) {
    case 'heading': {
      const Tag = `h${block.depth}` as 'h1' | 'h2' | 'h3' | 'h4';
      return <Tag id={block.id}>{block.text}</Tag>;
    }
    case 'paragraph':
      return (
        <p>
          <Inlines inlines={block.inlines} hrefOf={hrefOf} />
        </p>
      );
    case 'narrative':
      return <>{options.narrative(block)}</>;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Inlines inlines={item} hrefOf={hrefOf} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <ReportTable table={block} hrefOf={hrefOf} levelTable={block.id === 'table-3' || block.id === 'table-4'} />;
    case 'figure':
      return (
        <figure id={block.id} class="report-figure">
          <SvgTree node={block.svg} />
          <figcaption>{block.title}</figcaption>
          <details class="figure-data">
            <summary>{block.table.caption}</summary>
            <ReportTable table={block.table} hrefOf={hrefOf} />
          </details>
        </figure>
      );
  }
}
