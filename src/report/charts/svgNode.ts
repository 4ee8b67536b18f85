/**
 * Charts are built as a small element tree, not as markup: the exported HTML serialises it (every
 * attribute and text escaped), and the app turns it into Preact elements, so no screen ever parses
 * a string as HTML (test/integration/bundleHostile.test.ts checks that).
 */
import { escapeXml } from '../escapeXml';

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children: ReadonlyArray<SvgNode | string>;
}

export function el(tag: string, attrs: Readonly<Record<string, string | number | undefined>>, ...children: ReadonlyArray<SvgNode | string>): SvgNode {
  const defined: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== '') defined[key] = value;
  return { tag, attrs: defined, children };
}

const NAME = /^[A-Za-z][A-Za-z0-9:-]*$/;

export function svgToString(node: SvgNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  if (!NAME.test(node.tag)) throw new Error(`svgToString: bad element name ${node.tag}`);
  const attrs = Object.entries(node.attrs)
    .map(([key, value]) => {
      if (!NAME.test(key) || /^on/i.test(key)) throw new Error(`svgToString: bad attribute ${key}`);
      return ` ${key}="${escapeXml(String(value))}"`;
    })
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(svgToString).join('')}</${node.tag}>`;
}

/** The plain text inside a node (tests, alt text). */
export function svgText(node: SvgNode | string): string {
  return typeof node === 'string' ? node : node.children.map(svgText).join('');
}
