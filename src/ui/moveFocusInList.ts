/**
 * Arrow-key movement between the buttons of a list (pillars, sub-topics). Every button stays in
 * the tab order, so Tab still works; the arrows are a shortcut, and Enter or Space selects.
 */
export function moveFocusInList(event: KeyboardEvent, list: HTMLElement): void {
  const buttons = Array.from(list.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
  const current = buttons.indexOf(event.target as HTMLButtonElement);
  if (current === -1 || buttons.length === 0) return;
  const last = buttons.length - 1;
  let next: number;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      next = current === last ? 0 : current + 1;
      break;
    case 'ArrowUp':
    case 'ArrowLeft':
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
  buttons[next]?.focus();
}
