/** Room left between the note box and the window's edge when it is scrolled into view. */
const IN_VIEW_MARGIN_PX = 8;

/**
 * Brings the note box (the whole composer: text, options, Save, save state) fully into view,
 * moving the page as little as possible. The composer is sticky to the bottom of the notes
 * section, but while that section starts below the fold (a new interview, its details open)
 * sticking cannot lift it. Computed by hand rather than with scrollIntoView, which would honour
 * the document's scroll-padding (set to the composer's own height, for scrolling notes above it).
 */
export function keepInView(element: HTMLElement): void {
  const box = element.getBoundingClientRect();
  const height = window.innerHeight;
  if (box.bottom > height) window.scrollBy({ top: Math.min(box.bottom - height + IN_VIEW_MARGIN_PX, box.top - IN_VIEW_MARGIN_PX), behavior: 'instant' });
  else if (box.top < 0) window.scrollBy({ top: box.top - IN_VIEW_MARGIN_PX, behavior: 'instant' });
}
