/**
 * Which browsers the app refuses at once, and why: each missing piece gives its own reason, in the
 * order a user can act on, and a browser with everything gets none. IndexedDB is fake-indexeddb's
 * real implementation; the window is only the parts browserSupport reads.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { unsupportedReason } from '../../src/pwa/browserSupport';

type TestWindow = Window & typeof globalThis;

interface Parts {
  readonly indexedDB?: IDBFactory | undefined | (() => never);
  readonly serviceWorker?: boolean;
  readonly subtle?: boolean;
}

/** A window with exactly these parts; `indexedDB` as a function is a getter that throws. */
function windowWith(parts: Parts = {}): TestWindow {
  const win: Record<string, unknown> = {
    navigator: parts.serviceWorker === false ? {} : { serviceWorker: {} },
    crypto: parts.subtle === false ? {} : { subtle: globalThis.crypto.subtle },
  };
  const factory = 'indexedDB' in parts ? parts.indexedDB : new IDBFactory();
  if (typeof factory === 'function') Object.defineProperty(win, 'indexedDB', { get: factory });
  else win['indexedDB'] = factory;
  return win as unknown as TestWindow;
}

/** An IndexedDB whose every open fails, as Firefox's with storage blocked by a setting. */
function refusingFactory(how: 'error' | 'throw'): IDBFactory {
  const real = new IDBFactory();
  return Object.assign(Object.create(real) as IDBFactory, {
    open(name: string) {
      if (how === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
      const request = real.open(name);
      // Fails the request as a browser does: the error event before any success.
      Object.defineProperty(request, 'onsuccess', { set: () => undefined });
      queueMicrotask(() => request.onerror?.(new Event('error')));
      return request;
    },
  });
}

describe('unsupportedReason', () => {
  it('serves a browser with IndexedDB, service workers and Web Crypto', async () => {
    expect(await unsupportedReason(windowWith())).toBeUndefined();
  });

  it('says no-indexeddb where there is none, or where touching it throws (some private windows)', async () => {
    expect(await unsupportedReason(windowWith({ indexedDB: undefined }))).toBe('no-indexeddb');
    expect(
      await unsupportedReason(
        windowWith({
          indexedDB: () => {
            throw new DOMException('denied', 'SecurityError');
          },
        }),
      ),
    ).toBe('no-indexeddb');
  });

  it('says storage-blocked where IndexedDB exists but refuses to open a database', async () => {
    expect(await unsupportedReason(windowWith({ indexedDB: refusingFactory('error') }))).toBe('storage-blocked');
    expect(await unsupportedReason(windowWith({ indexedDB: refusingFactory('throw') }))).toBe('storage-blocked');
  });

  it('says no-service-worker (Firefox private windows), then no-crypto (a page over plain http)', async () => {
    expect(await unsupportedReason(windowWith({ serviceWorker: false }))).toBe('no-service-worker');
    expect(await unsupportedReason(windowWith({ subtle: false }))).toBe('no-crypto');
    // Storage comes first: it is the reason the notes could not be kept at all.
    expect(await unsupportedReason(windowWith({ indexedDB: undefined, serviceWorker: false, subtle: false }))).toBe('no-indexeddb');
  });
});
