/**
 * "Note deleted — Undo", for UNDO_VISIBLE_MS. The shell's notices carry no action, so the screen
 * offers the undo itself, in a polite status region next to the notes, without taking focus.
 */
import { useEffect } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';

export const UNDO_VISIBLE_MS = 15_000;

export function UndoBar() {
  const { t } = useTranslation();
  const { model } = useInterview();
  const offer = model.undo.value;

  useEffect(() => {
    if (!offer) return undefined;
    const timer = setTimeout(() => {
      if (model.undo.peek()?.id === offer.id) model.undo.value = null;
    }, UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [offer]);

  return (
    <div class="undo-region" role="status" aria-live="polite">
      {offer && (
        <div class="undo-bar">
          <span>{offer.message}</span>
          <button
            type="button"
            class="iv-button iv-button-small"
            onClick={() => {
              model.undo.value = null;
              offer.undo();
              // The button goes with the offer: the note box takes the focus, not the page's body.
              model.composer.current?.focus();
            }}
          >
            {t('interview:undo.undo')}
          </button>
          <button
            type="button"
            class="iv-button iv-button-quiet iv-button-small"
            onClick={() => {
              model.undo.value = null;
              model.composer.current?.focus();
            }}
          >
            {t('interview:undo.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
