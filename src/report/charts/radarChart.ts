/**
 * A radar of the pillars: one axis per pillar, rings at each level, a polygon per track and the
 * target level as a ring. Printable in black and white: the tracks differ by line pattern and
 * marker shape, not only by colour; text is real SVG text (escaped), so it prints sharp and reads.
 */
import { el, type SvgNode } from './svgNode';

export interface RadarSeries {
  readonly label: string;
  /** Score per axis on the level scale (1 = lowest), null where unknown. */
  readonly values: ReadonlyArray<number | null>;
}

export interface RadarInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly axes: readonly string[];
  readonly levels: readonly string[];
  readonly targetRank: number;
  readonly targetLabel: string;
  readonly series: readonly RadarSeries[];
  /** Pixel size of the square drawing (it scales with CSS). */
  readonly size?: number;
  /** Room either side for the axis labels: wide for names, narrow for codes ("6.1"). */
  readonly labelRoom?: number;
}

const STYLES = [
  { stroke: '#1f4e79', dash: '', marker: 'circle' },
  { stroke: '#8a3b12', dash: '6 4', marker: 'square' },
  { stroke: '#2e6b30', dash: '2 3', marker: 'diamond' },
] as const;

export function radarChart(input: RadarInput): SvgNode {
  const size = input.size ?? 420;
  const c = size / 2;
  const radius = size / 2 - 40;
  const n = input.axes.length;
  const levelCount = input.levels.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
  const point = (i: number, score: number) => {
    const r = (radius * Math.max(0, Math.min(score, levelCount))) / levelCount;
    return [c + r * Math.cos(angle(i)), c + r * Math.sin(angle(i))] as const;
  };
  const f = (x: number) => x.toFixed(1);
  const parts: SvgNode[] = [];
  // Room for the axis labels either side and one legend line per series and the target below.
  const pad = input.labelRoom ?? 150;
  const legendTop = size + 6;
  const height = legendTop + (input.series.length + 1) * 18 + 6;
  parts.push(el('title', { id: `${input.id}-title` }, input.title), el('desc', { id: `${input.id}-desc` }, input.description));
  for (let level = 1; level <= levelCount; level++) {
    const ring = input.axes.map((_, i) => point(i, level).map(f).join(',')).join(' ');
    parts.push(el('polygon', { points: ring, fill: 'none', stroke: '#999', 'stroke-width': 0.6 }));
    // Between the first two axes, so ring labels never sit on an axis label.
    const a = -Math.PI / 2 + Math.PI / Math.max(n, 1);
    const r = (radius * level) / levelCount;
    parts.push(el('text', { x: f(c + r * Math.cos(a) + 3), y: f(c + r * Math.sin(a) - 3), 'font-size': 9, fill: '#333' }, input.levels[level - 1] ?? ''));
  }
  input.axes.forEach((axis, i) => {
    const [x, y] = point(i, levelCount);
    parts.push(el('line', { x1: c, y1: c, x2: f(x), y2: f(y), stroke: '#bbb', 'stroke-width': 0.6 }));
    const [tx, ty] = point(i, levelCount + 0.55);
    const anchor = Math.abs(tx - c) < 8 ? 'middle' : tx > c ? 'start' : 'end';
    parts.push(el('text', { x: f(tx), y: f(ty + 3), 'font-size': 10, 'text-anchor': anchor, fill: '#111' }, axis));
  });
  const target = input.axes.map((_, i) => point(i, input.targetRank).map(f).join(',')).join(' ');
  parts.push(el('polygon', { points: target, fill: 'none', stroke: '#000', 'stroke-width': 1.6, 'stroke-dasharray': '1 3', 'stroke-linecap': 'round' }));
  input.series.forEach((series, s) => {
    const style = STYLES[s % STYLES.length]!;
    const known = series.values.map((value, i) => (value === null ? null : point(i, value)));
    const pts = known.filter((p): p is readonly [number, number] => p !== null);
    if (pts.length > 0) {
      parts.push(el('polygon', { points: pts.map((p) => p.map(f).join(',')).join(' '), fill: style.stroke, 'fill-opacity': 0.08, stroke: style.stroke, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
    }
    for (const p of pts) parts.push(marker(style.marker, p[0], p[1], style.stroke));
  });
  // Legend below the drawing, one line each.
  const lx = Math.max(c - 120, 10 - pad);
  input.series.forEach((series, s) => {
    const style = STYLES[s % STYLES.length]!;
    const ly = legendTop + 12 + s * 18;
    parts.push(el('line', { x1: lx, y1: ly, x2: lx + 24, y2: ly, stroke: style.stroke, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
    parts.push(marker(style.marker, lx + 12, ly, style.stroke));
    parts.push(el('text', { x: lx + 30, y: ly + 4, 'font-size': 11, fill: '#111' }, series.label));
  });
  const ty = legendTop + 12 + input.series.length * 18;
  parts.push(el('line', { x1: lx, y1: ty, x2: lx + 24, y2: ty, stroke: '#000', 'stroke-width': 1.6, 'stroke-dasharray': '1 3', 'stroke-linecap': 'round' }));
  parts.push(el('text', { x: lx + 30, y: ty + 4, 'font-size': 11, fill: '#111' }, input.targetLabel));
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'chart chart-radar', viewBox: `${-pad} 0 ${size + 2 * pad} ${height}`, role: 'img', 'aria-labelledby': `${input.id}-title ${input.id}-desc` }, ...parts);
}

function marker(shape: string, x: number, y: number, color: string): SvgNode {
  const f = (v: number) => v.toFixed(1);
  if (shape === 'square') return el('rect', { x: f(x - 3.5), y: f(y - 3.5), width: 7, height: 7, fill: '#fff', stroke: color, 'stroke-width': 1.5 });
  if (shape === 'diamond') return el('polygon', { points: `${f(x)},${f(y - 4.5)} ${f(x + 4.5)},${f(y)} ${f(x)},${f(y + 4.5)} ${f(x - 4.5)},${f(y)}`, fill: '#fff', stroke: color, 'stroke-width': 1.5 });
  return el('circle', { cx: f(x), cy: f(y), r: 3.5, fill: color });
}
