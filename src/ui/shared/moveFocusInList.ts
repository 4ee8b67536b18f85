/**
 * Arrow-key movement between the items of a list: the buttons of the explorer's pillar and
 * sub-topic lists, the links of the rating and findings pickers. Every item stays in the tab order,
 * so Tab still works; the arrows, Home and End are a shortcut, and Enter (or Space, on a button)
 * acts as always.
 */
export interface ListItems {
  /** Selector of the items focus moves between. */
  readonly selector: string;
  /** Left and Right move too, as Up and Down do. */
  readonly sideways: boolean;
  /** With Alt, Ctrl or Meta held the key is left alone (a browser or app shortcut). */
  readonly plainKeysOnly: boolean;
}

export const LIST_BUTTONS: ListItems = { selector: 'button:not([disabled])', sideways: true, plainKeysOnly: false };
/** Links of a navigation list: Left and Right stay with the browser. */
export const LIST_LINKS: ListItems = { selector: 'a[href]', sideways: false, plainKeysOnly: true };

export function moveFocusInList(event: KeyboardEvent, list: HTMLElement, items: ListItems = LIST_BUTTONS): void {
  const elements = Array.from(list.querySelectorAll<HTMLElement>(items.selector));
  const current = elements.findIndex((element) => element === event.target);
  if (current === -1 || elements.length === 0) return;
  if (items.plainKeysOnly && (event.altKey || event.ctrlKey || event.metaKey)) return;
  const last = elements.length - 1;
  let next: number;
  if (event.key === 'ArrowDown' || (items.sideways && event.key === 'ArrowRight')) next = current === last ? 0 : current + 1;
  else if (event.key === 'ArrowUp' || (items.sideways && event.key === 'ArrowLeft')) next = current === 0 ? last : current - 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = last;
  else return;
  event.preventDefault();
  elements[next]?.focus();
}
