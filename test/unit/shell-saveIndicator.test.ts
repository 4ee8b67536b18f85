import { describe, expect, it } from 'vitest';
import { saveIndicatorState } from '../../src/ui/shell/saveIndicatorState';

const quota = { kind: 'quota-exceeded', message: 'QuotaExceededError' } as const;

describe('saveIndicatorState', () => {
  it('says "saved" only with nothing pending and no failure', () => {
    expect(saveIndicatorState({ pending: 0, saving: false, lastError: null })).toEqual({ kind: 'saved' });
  });

  it('says "saving" while an edit waits for the debounce or is being written', () => {
    expect(saveIndicatorState({ pending: 1, saving: false, lastError: null })).toEqual({ kind: 'saving' });
    expect(saveIndicatorState({ pending: 1, saving: true, lastError: null })).toEqual({ kind: 'saving' });
  });

  it('shows the failure, with its reason, while the failed edit is kept for a retry', () => {
    expect(saveIndicatorState({ pending: 1, saving: false, lastError: quota })).toEqual({ kind: 'failed', failure: quota });
  });

  it('says "saving" again while the retry runs, and keeps the failure when nothing is pending', () => {
    expect(saveIndicatorState({ pending: 1, saving: true, lastError: quota })).toEqual({ kind: 'saving' });
    // An invalid edit is dropped (not retried), but it was not saved: the indicator must not say "saved".
    const invalid = { kind: 'invalid', problems: [{ path: 'title', message: 'must not be empty' }] } as const;
    expect(saveIndicatorState({ pending: 0, saving: false, lastError: invalid })).toEqual({ kind: 'failed', failure: invalid });
  });
});
