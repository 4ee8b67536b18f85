/**
 * When the screen the app opened on counts as settled, which is when the work it does not need
 * (the service worker's code, the sync panel) may start: its code and its first data are there
 * and a frame has been drawn; never later than the cap, whatever happens to the screen.
 */
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../../src/ui/routing/route';
import { whenFirstScreenSettled } from '../../src/ui/shell/whenFirstScreenSettled';

const LIST: Route = { screen: 'assessments' };
const INTERVIEW: Route = { screen: 'interview', assessmentId: 'a1', interviewId: 'i1' };

/** A window whose frames and timers are Vitest's fake timers (a frame every 16 ms). */
const fakeWindow = () => ({
  requestAnimationFrame: (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 16) as unknown as number,
  setTimeout: ((handler: () => void, ms?: number) => setTimeout(handler, ms)) as unknown as Window['setTimeout'],
});

function track(promise: Promise<void>): () => boolean {
  let settled = false;
  void promise.then(() => (settled = true));
  return () => settled;
}

describe('whenFirstScreenSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('on the assessments list: once the list is read and a frame drawn', async () => {
    const assessments = signal<readonly unknown[] | null>(null);
    const settled = track(whenFirstScreenSettled({ route: signal(LIST), assessments, sessionStatus: signal('none') }, Promise.resolve(), fakeWindow()));
    await vi.advanceTimersByTimeAsync(500);
    expect(settled()).toBe(false);
    assessments.value = [];
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(false); // not before the next frame
    await vi.advanceTimersByTimeAsync(20);
    expect(settled()).toBe(true);
  });

  it("on an assessment's screen: once the session is past its first read and the screen's code is here", async () => {
    const sessionStatus = signal('loading');
    let codeArrived: () => void = () => undefined;
    const code = new Promise<void>((resolve) => (codeArrived = resolve));
    const settled = track(whenFirstScreenSettled({ route: signal(INTERVIEW), assessments: signal([]), sessionStatus }, code, fakeWindow()));
    sessionStatus.value = 'ready';
    await vi.advanceTimersByTimeAsync(100);
    expect(settled()).toBe(false);
    codeArrived();
    await vi.advanceTimersByTimeAsync(20);
    expect(settled()).toBe(true);
  });

  it('a missing or unreadable assessment, or code that cannot be fetched, still settles', async () => {
    const failedCode = Promise.reject(new Error('offline, chunk not cached'));
    const settled = track(whenFirstScreenSettled({ route: signal(INTERVIEW), assessments: signal(null), sessionStatus: signal('failed') }, failedCode, fakeWindow()));
    await vi.advanceTimersByTimeAsync(20);
    expect(settled()).toBe(true);
  });

  it('never later than the cap, for a screen that never settles', async () => {
    const settled = track(whenFirstScreenSettled({ route: signal(INTERVIEW), assessments: signal(null), sessionStatus: signal('loading') }, new Promise(() => undefined), fakeWindow(), 3000));
    await vi.advanceTimersByTimeAsync(2999);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled()).toBe(true);
  });
});
