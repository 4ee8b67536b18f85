/**
 * The words of the team-sync status in every state and for every problem, in the three languages:
 * each says what happened, and for a problem what to do.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../src/i18n/resources';
import type { HubSyncStatus } from '../../src/sync/hubSyncLoop';
import { clockWarningMinutes, syncProblemText, syncStateText } from '../../src/ui/sync/syncStatusText';

async function tFor(lng: 'en' | 'hy' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources, defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance.getFixedT(lng);
}

const base: HubSyncStatus = { state: 'synced', pending: 0, connection: undefined, lastRound: undefined, lastSyncedAt: undefined, clockOffsetMs: undefined, problem: undefined, retryAt: undefined };

describe('sync status text', () => {
  it('names every state, with the number waiting', async () => {
    const t = await tFor('en');
    expect(syncStateText(t, base)).toBe('Synced');
    expect(syncStateText(t, { ...base, state: 'synced', pending: 3 })).toBe('3 changes waiting to sync');
    expect(syncStateText(t, { ...base, state: 'pending', pending: 1 })).toBe('1 change waiting to sync');
    expect(syncStateText(t, { ...base, state: 'offline', pending: 12 })).toBe('Offline: 12 waiting');
    expect(syncStateText(t, { ...base, state: 'error' })).toBe('Sync stopped');
    expect(syncStateText(t, { ...base, state: 'syncing' })).toBe('Syncing…');
    expect(syncStateText(t, { ...base, state: 'not-joined' })).toBe('Not synced with a team');
    const ru = await tFor('ru');
    expect(syncStateText(ru, { ...base, state: 'pending', pending: 5 })).toBe('5 изменений ждут синхронизации');
  });

  it('says the reason and what to do for each problem, in every language', async () => {
    const problems = [
      { kind: 'token', state: 'revoked', message: '' },
      { kind: 'out-of-scope', message: 'x' },
      { kind: 'storage', failure: { kind: 'quota-exceeded', message: 'full' } },
      { kind: 'hub', stage: 'pull', failure: { kind: 'unreachable', message: 'fetch failed' } },
      { kind: 'hub', stage: 'pull', failure: { kind: 'unreadable', message: 'x' } },
      { kind: 'hub', stage: 'push', failure: { kind: 'refused', status: 503, code: 'unavailable', message: 'database down' } },
      { kind: 'hub', stage: 'push', failure: { kind: 'refused', status: 422, code: 'clock-ahead', message: 'ahead' } },
      { kind: 'hub', stage: 'push', failure: { kind: 'refused', status: 403, code: 'role-forbidden', message: 'observers write nothing' } },
      { kind: 'hub', stage: 'push', failure: { kind: 'refused', status: 409, code: 'conflicting-resend', message: 'x' } },
      { kind: 'hub', stage: 'push', failure: { kind: 'refused', status: 400, code: 'invalid-request', message: 'bad field' } },
    ] as const;
    for (const lng of ['en', 'hy', 'ru'] as const) {
      const t = await tFor(lng);
      const texts = problems.map((problem) => syncProblemText(t, problem));
      expect(new Set(texts).size).toBe(problems.length);
      for (const text of texts) expect(text).not.toMatch(/sync:[a-zA-Z]|{{/);
    }
    const en = await tFor('en');
    expect(syncProblemText(en, problems[0])).toMatch(/join again/);
    expect(syncProblemText(en, problems[6])).toMatch(/clock/);
  });

  it('says when changes dated ahead of this device’s clock will be applied, in every language', async () => {
    for (const lng of ['en', 'hy', 'ru'] as const) {
      const t = await tFor(lng);
      for (const count of [1, 3, 25]) {
        const text = t('sync:panel.heldForClock', { count, time: '08:29' });
        expect(text).toContain(String(count));
        expect(text).toContain('08:29');
        expect(text).not.toMatch(/sync:|{{/);
      }
    }
  });

  it('warns about the clock only past five minutes', () => {
    expect(clockWarningMinutes(undefined)).toBeUndefined();
    expect(clockWarningMinutes(4 * 60_000)).toBeUndefined();
    expect(clockWarningMinutes(-7 * 60_000)).toBe(7);
  });
});
