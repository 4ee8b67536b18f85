/**
 * A rows × columns heat map (stakeholders × pillars, notes per cell). Grey levels plus the number in
 * each cell, so it prints in black and white and never relies on shade alone; a marked cell (the
 * institution matters for the pillar) gets a heavy border.
 */
import { el, type SvgNode } from './svgNode';

export interface HeatMapInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** values[row][column] */
  readonly values: ReadonlyArray<ReadonlyArray<number>>;
  readonly marked?: ReadonlyArray<ReadonlyArray<boolean>>;
}

export function heatMapChart(input: HeatMapInput): SvgNode {
  const cell = 30;
  const left = 170;
  const top = 110;
  const width = left + input.columnLabels.length * cell + 10;
  const height = top + input.rowLabels.length * cell + 10;
  const max = Math.max(1, ...input.values.flat());
  const parts: SvgNode[] = [];
  parts.push(el('title', { id: `${input.id}-title` }, input.title), el('desc', { id: `${input.id}-desc` }, input.description));
  input.columnLabels.forEach((label, c) => {
    const x = left + c * cell + cell / 2;
    parts.push(el('text', { transform: `translate(${x + 4},${top - 6}) rotate(-55)`, 'font-size': 10, fill: '#111' }, truncate(label, 24)));
  });
  input.rowLabels.forEach((label, r) => {
    const y = top + r * cell;
    parts.push(el('text', { x: left - 6, y: y + cell / 2 + 4, 'font-size': 10, 'text-anchor': 'end', fill: '#111' }, truncate(label, 30)));
    input.columnLabels.forEach((_, c) => {
      const value = input.values[r]?.[c] ?? 0;
      const shade = Math.round(255 - (value / max) * 190);
      const fill = `rgb(${shade},${shade},${shade})`;
      const marked = input.marked?.[r]?.[c] === true;
      const x = left + c * cell;
      parts.push(el('rect', { x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, fill, stroke: marked ? '#000' : '#ccc', 'stroke-width': marked ? 2 : 0.5 }));
      parts.push(el('text', { x: x + cell / 2, y: y + cell / 2 + 4, 'font-size': 10, 'text-anchor': 'middle', fill: shade < 140 ? '#fff' : '#000' }, String(value)));
    });
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'chart chart-heatmap', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${input.id}-title ${input.id}-desc` }, ...parts);
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
