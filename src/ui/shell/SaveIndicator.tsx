import { useShell } from './ShellContext';
import { storageFailureReason } from './describeStorageFailure';
import { saveIndicatorState } from './saveIndicatorState';
import { useTranslation } from '../useTranslation';

/** "Saving…", "All changes saved" or "Not saved: <reason>", announced politely. */
export function SaveIndicator() {
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
    <p class="save-indicator" data-state={state.kind} aria-live="polite" aria-atomic="true">
      <span class="save-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
