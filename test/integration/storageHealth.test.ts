/**
 * Persistence and quota: asked for, reported, and never a crash where the browser lacks the API.
 */
import { describe, expect, it } from 'vitest';
import { requestPersistence, storageStatus } from '../../src/storage/storageHealth';

describe('requestPersistence', () => {
  it('reports whether the browser granted persistence', async () => {
    expect(await requestPersistence({ persist: async () => true, persisted: async () => false })).toBe(true);
    expect(await requestPersistence({ persist: async () => false, persisted: async () => false })).toBe(false);
  });

  it('does not ask again when the origin is already persisted', async () => {
    let asked = false;
    const granted = await requestPersistence({
      persisted: async () => true,
      persist: async () => {
        asked = true;
        return true;
      },
    });
    expect(granted).toBe(true);
    expect(asked).toBe(false);
  });

  it('answers false, without throwing, where the API is missing or throws', async () => {
    expect(await requestPersistence(undefined)).toBe(false);
    expect(await requestPersistence({})).toBe(false);
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe(false);
    // Node 20 has no navigator: the default argument must cope too.
    expect(typeof (await requestPersistence())).toBe('boolean');
  });
});

describe('storageStatus', () => {
  it('reports usage, quota and persistence', async () => {
    const status = await storageStatus({ estimate: async () => ({ usage: 1_024, quota: 2_000_000 }), persisted: async () => true, persist: async () => true });
    expect(status).toEqual({ usageBytes: 1_024, quotaBytes: 2_000_000, persisted: true, canAsk: true });
  });

  it('reports unknowns as null where the API is missing or fails', async () => {
    expect(await storageStatus(undefined)).toEqual({ usageBytes: null, quotaBytes: null, persisted: false, canAsk: false });
    expect(await storageStatus({ estimate: () => Promise.reject(new Error('no')), persisted: () => Promise.reject(new Error('no')) })).toEqual({
      usageBytes: null,
      quotaBytes: null,
      persisted: false,
      canAsk: false,
    });
    expect(await storageStatus()).toMatchObject({ persisted: expect.any(Boolean) });
  });

  it('says whether the browser can be asked to keep the data: refused is not the same as impossible', async () => {
    // Safari before 15.2 and some embedded views have persisted() (or nothing) but no persist().
    expect((await storageStatus({ persisted: async () => false })).canAsk).toBe(false);
    expect((await storageStatus({ persisted: async () => false, persist: async () => false })).canAsk).toBe(true);
  });
});
