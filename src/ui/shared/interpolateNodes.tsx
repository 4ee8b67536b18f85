/**
 * Translates a string whose placeholders must become elements (a framework name with its own
 * `lang`, say) rather than text. Placeholders are swapped for markers, the translation is split on
 * them, and the nodes go where the translator put the placeholders: word order stays theirs.
 */
import type { TFunction } from 'i18next';
import { Fragment, type ComponentChild } from 'preact';

const MARK = '\u0000';

export function interpolateNodes(
  t: TFunction,
  key: string,
  values: Readonly<Record<string, string | number>>,
  nodes: Readonly<Record<string, ComponentChild>>,
): ComponentChild {
  const markers = Object.fromEntries(Object.keys(nodes).map((name) => [name, `${MARK}${name}${MARK}`]));
  const translated: string = t(key, { ...values, ...markers });
  const parts = translated.split(MARK);
  // Odd parts are placeholder names: "a\0name\0b" splits into ["a", "name", "b"].
  return parts.map((part, index) => <Fragment key={index}>{index % 2 === 1 ? (nodes[part] ?? part) : part}</Fragment>);
}
