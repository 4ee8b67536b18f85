/**
 * A chart's element tree (src/report/charts/svgNode.ts) as Preact elements: text stays text nodes,
 * attributes are set one by one, and event-handler attributes are refused, so a chart can never
 * carry markup or script into the page. Used by the report screen and the dashboard.
 */
import { h, type VNode } from 'preact';
import type { SvgNode } from '../../report/charts/svgNode';

export function svgTree(node: SvgNode | string, key?: number): VNode<unknown> | string {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    // Event handlers never; the namespace comes from the <svg> element itself in the DOM.
    if (/^on/i.test(name) || name === 'xmlns') continue;
    props[name] = value;
  }
  if (key !== undefined) props.key = key;
  return h(node.tag, props, ...node.children.map((child, i) => svgTree(child, i))) as VNode<unknown>;
}

export function SvgTree({ node }: { readonly node: SvgNode }) {
  return <>{svgTree(node)}</>;
}
