/**
 * Per row (a sub-topic on a track) the spread of the assessors' levels: a line from the lowest to
 * the highest, a mark per assessor, and the agreed level as a hollow diamond. Black on white.
 */
import { el, type SvgNode } from './svgNode';

export interface SpreadRow {
  readonly label: string;
  /** Assessors' levels on the scale (1 = lowest). */
  readonly values: readonly number[];
  readonly agreed: number | null;
}

export interface SpreadInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly levels: readonly string[];
  readonly rows: readonly SpreadRow[];
}

export function spreadChart(input: SpreadInput): SvgNode {
  const left = 230;
  const step = 80;
  const rowHeight = 18;
  const top = 30;
  const width = left + step * (input.levels.length - 1) + 60;
  const height = top + input.rows.length * rowHeight + 10;
  const x = (value: number) => left + (value - 1) * step;
  const f = (v: number) => v.toFixed(1);
  const parts: SvgNode[] = [];
  parts.push(el('title', { id: `${input.id}-title` }, input.title), el('desc', { id: `${input.id}-desc` }, input.description));
  input.levels.forEach((level, i) => {
    parts.push(el('line', { x1: x(i + 1), y1: top - 8, x2: x(i + 1), y2: height - 6, stroke: '#ccc', 'stroke-width': 0.6 }));
    parts.push(el('text', { x: x(i + 1), y: top - 14, 'font-size': 10, 'text-anchor': 'middle', fill: '#111' }, level));
  });
  input.rows.forEach((row, r) => {
    const y = top + r * rowHeight + rowHeight / 2;
    parts.push(el('text', { x: left - 10, y: y + 3, 'font-size': 10, 'text-anchor': 'end', fill: '#111' }, row.label.length > 40 ? `${row.label.slice(0, 39)}…` : row.label));
    if (row.values.length > 0) {
      const lo = Math.min(...row.values);
      const hi = Math.max(...row.values);
      parts.push(el('line', { x1: f(x(lo)), y1: y, x2: f(x(hi)), y2: y, stroke: '#000', 'stroke-width': hi - lo >= 2 ? 3 : 1.5 }));
      for (const value of row.values) parts.push(el('circle', { cx: f(x(value)), cy: y, r: 3, fill: '#000' }));
    }
    if (row.agreed !== null) {
      const ax = x(row.agreed);
      parts.push(el('polygon', { points: `${f(ax)},${y - 6} ${f(ax + 6)},${y} ${f(ax)},${y + 6} ${f(ax - 6)},${y}`, fill: 'none', stroke: '#000', 'stroke-width': 1.2 }));
    }
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'chart chart-spread', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${input.id}-title ${input.id}-desc` }, ...parts);
}
