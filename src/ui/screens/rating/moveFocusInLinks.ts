/**
 * Arrow keys between the links of a navigation list (the sub-topic and pillar pickers). Every link
 * stays in the tab order; arrows, Home and End are a shortcut, Enter follows the link.
 */
export function moveFocusInLinks(event: KeyboardEvent, list: HTMLElement): void {
  const links = Array.from(list.querySelectorAll<HTMLAnchorElement>('a[href]'));
  const target = event.target;
  const current = links.findIndex((link) => link === target);
  if (current === -1 || links.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
  const last = links.length - 1;
  let next: number;
  switch (event.key) {
    case 'ArrowDown':
      next = current === last ? 0 : current + 1;
      break;
    case 'ArrowUp':
      next = current === 0 ? last : current - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = last;
      break;
    default:
      return;
  }
  event.preventDefault();
  links[next]?.focus();
}
