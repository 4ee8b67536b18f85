/**
 * Opening an interview at one note (a result of the note search): once the list shows it, that
 * note is brought to the middle of the screen and focused, so the keyboard and the screen reader
 * start there; Tab goes on to its buttons. The row is made focusable for that moment only.
 */
import { useEffect } from 'preact/hooks';
import type { InterviewModel } from './interviewModel';

export function useFocusNote(model: InterviewModel, noteId: string | undefined): void {
  useEffect(() => {
    if (noteId === undefined) return undefined;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const row = document.querySelector<HTMLElement>(`.note-list [data-note-id="${CSS.escape(noteId)}"]`);
      if (!row) {
        // The list renders after the data arrives; give up after about a second (a deleted note).
        if (++tries < 60) frame = requestAnimationFrame(attempt);
        return;
      }
      row.tabIndex = -1;
      row.classList.add('is-found');
      row.scrollIntoView({ block: 'center' });
      row.focus({ preventScroll: true });
      row.addEventListener('blur', () => row.removeAttribute('tabindex'), { once: true });
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [model, noteId]);
}
