/**
 * Runs INSIDE the page (its source is sent by every driver): finds the one visible element a Target
 * names, by role and accessible name the way an assessor reads the screen, marks it with a unique
 * attribute and returns a CSS selector for it, or a reason it is not there. Self-contained on purpose.
 */
import type { Target } from './types';

export interface Found {
  readonly selector?: string;
  readonly problem?: string;
}

export function findTarget(target: Target): Found {
  const ROLE_SELECTORS: Record<string, string> = {
    button: 'button, [role="button"], input[type="submit"], input[type="button"]',
    link: 'a[href], [role="link"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    textbox:
      'input:not([type]), input[type="text"], input[type="email"], input[type="search"], input[type="password"], input[type="tel"], input[type="url"], input[type="number"], input[type="date"], input[type="time"], textarea, [role="textbox"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    radio: 'input[type="radio"], [role="radio"]',
    combobox: 'select, [role="combobox"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
    form: 'form[aria-label], form[aria-labelledby], [role="form"]',
    navigation: 'nav, [role="navigation"]',
  };
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  /** Text as read aloud: aria-hidden parts (a visual "*") left out. */
  const spoken = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return '';
    if (node instanceof HTMLElement && node.matches('input, textarea, select')) return '';
    return [...node.childNodes].map(spoken).join('');
  };
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .map((element) => (element ? spoken(element) : ''))
      .join(' ');
  const nameOf = (element: Element): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return collapse(byIds(labelledBy));
    const label = element.getAttribute('aria-label');
    if (label) return collapse(label);
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
      const labels = element.labels ? [...element.labels] : [];
      if (labels.length > 0) return collapse(labels.map(spoken).join(' '));
      if (element instanceof HTMLInputElement && (element.type === 'submit' || element.type === 'button')) return collapse(element.value);
      return collapse(element.getAttribute('title') ?? element.getAttribute('placeholder') ?? '');
    }
    return collapse(spoken(element));
  };
  const visible = (element: Element) => element.getClientRects().length > 0 || (element instanceof HTMLInputElement && element.type === 'file');
  const find = (spec: Target, scope: ParentNode): Element[] => {
    const inside = spec.within ? find(spec.within, scope)[0] : scope;
    if (!inside) return [];
    const selector = spec.css ?? (spec.role ? ROLE_SELECTORS[spec.role] : undefined);
    if (!selector) return [];
    return [...inside.querySelectorAll(selector)].filter((element) => {
      if (!visible(element)) return false;
      if (spec.level !== undefined) {
        const level = /^H([1-6])$/.exec(element.tagName)?.[1] ?? element.getAttribute('aria-level');
        if (Number(level) !== spec.level) return false;
      }
      if (spec.name === undefined && spec.namePrefix === undefined) return true;
      const name = nameOf(element);
      return spec.name !== undefined ? name === spec.name : name.startsWith(spec.namePrefix ?? '');
    });
  };
  const matches = find(target, document);
  const first = matches[0];
  if (!first) return { problem: `nothing on the page matches ${JSON.stringify(target)}` };
  const mark = `t${Math.random().toString(36).slice(2, 10)}`;
  for (const old of document.querySelectorAll('[data-e2e-target]')) old.removeAttribute('data-e2e-target');
  first.setAttribute('data-e2e-target', mark);
  return { selector: `[data-e2e-target="${mark}"]` };
}
