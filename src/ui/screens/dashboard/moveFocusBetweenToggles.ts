/**
 * ↑/↓ (and ←/→, Home, End) between the pillar toggles of Table 3, like the explorer's lists. Only
 * when a toggle has focus: the drill-down below a pillar holds other controls (the consensus
 * editor's level choices) whose arrow keys are their own.
 */
const TOGGLE_SELECTOR = '.dash-drill-toggle';

export function moveFocusBetweenToggles(event: KeyboardEvent, container: HTMLElement): void {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.matches(TOGGLE_SELECTOR)) return;
  const toggles = Array.from(container.querySelectorAll<HTMLElement>(TOGGLE_SELECTOR));
  const current = toggles.indexOf(target);
  const next = nextIndex(event.key, current, toggles.length);
  if (next === null) return;
  event.preventDefault();
  toggles[next]?.focus();
}

/** Where a key moves focus in a list of `count` items from `current`; null when it does not. */
export function nextIndex(key: string, current: number, count: number): number | null {
  if (current < 0 || count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return current === count - 1 ? 0 : current + 1;
    case 'ArrowUp':
    case 'ArrowLeft':
      return current === 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
