/**
 * Keeps the current entry (aria-current="page") of a scrolling picker visible inside the picker's
 * own box, without scrolling the page: arriving on 6.7.3 should not show a list starting at 6.1.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useCurrentInView<T extends HTMLElement>(currentKey: string | undefined): RefObject<T> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    const current = box?.querySelector('[aria-current="page"]');
    if (!box || !(current instanceof HTMLElement) || box.scrollHeight <= box.clientHeight) return;
    const offset = current.getBoundingClientRect().top - box.getBoundingClientRect().top;
    // Near the bottom edge counts as out of view: the entries after it matter as much as the one before.
    if (offset < 0 || offset + current.offsetHeight > box.clientHeight * 0.75) box.scrollTop += offset - box.clientHeight / 3;
  }, [currentKey]);
  return ref;
}
