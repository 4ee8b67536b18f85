import { useShell } from './ShellContext';
import { storageFailureReason } from './describeStorageFailure';
import { saveIndicatorState } from './saveIndicatorState';
import { useTranslation } from '../useTranslation';

export interface SaveIndicatorProps {
  /**
   * Whether changes are announced (aria-live). The header's indicator announces; a second copy
   * where the eyes are (beside the note box, whose header may have scrolled away) shows the same
   * state silently, so a screen reader does not hear every "Saving…" twice.
   */
  readonly announce?: boolean;
  readonly class?: string;
}

/** "Saving…", "All changes saved" or "Not saved: <reason>", announced politely. */
export function SaveIndicator({ announce = true, class: className }: SaveIndicatorProps = {}) {
  const { autosave } = useShell();
  const { t } = useTranslation();
  const state = saveIndicatorState({ pending: autosave.pending.value, saving: autosave.saving.value, lastError: autosave.lastError.value });
  const text =
    state.kind === 'saved'
      ? t('shell:save.saved')
      : state.kind === 'saving'
        ? t('shell:save.saving')
        : t('shell:save.failed', { reason: storageFailureReason(t, state.failure) });
  return (
    <p class={className ? `save-indicator ${className}` : 'save-indicator'} data-state={state.kind} aria-live={announce ? 'polite' : 'off'} aria-atomic="true">
      <span class="save-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
