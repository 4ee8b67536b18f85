/**
 * Notices: short messages to the user, errors until dismissed, others for NOTICE_VISIBLE_MS. The
 * same message is never stacked twice (a full disk fails every autosave; one notice says it).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Notice, NoticeKind } from './shellState';

export const NOTICE_VISIBLE_MS = 8_000;
/** Older notices give way beyond this many, so the region never pushes the screen away. */
export const MAX_NOTICES = 4;

export interface Notices {
  readonly notices: ReadonlySignal<readonly Notice[]>;
  readonly notify: (kind: NoticeKind, message: string) => void;
  readonly dismiss: (id: number) => void;
  readonly dispose: () => void;
}

export interface NoticeTimers {
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export function createNotices(timers: NoticeTimers = {}): Notices {
  const setTimer = timers.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = timers.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const notices = signal<readonly Notice[]>([]);
  const expiry = new Map<number, unknown>();
  let nextId = 1;

  const dismiss = (id: number) => {
    const timer = expiry.get(id);
    if (timer !== undefined) clearTimer(timer);
    expiry.delete(id);
    notices.value = notices.value.filter((notice) => notice.id !== id);
  };

  const arm = (notice: Notice) => {
    if (notice.kind === 'error') return;
    const old = expiry.get(notice.id);
    if (old !== undefined) clearTimer(old);
    expiry.set(notice.id, setTimer(() => dismiss(notice.id), NOTICE_VISIBLE_MS));
  };

  return {
    notices,
    notify: (kind, message) => {
      const same = notices.value.find((notice) => notice.kind === kind && notice.message === message);
      if (same) {
        arm(same);
        return;
      }
      const notice: Notice = { id: nextId++, kind, message };
      const kept = notices.value.slice(-(MAX_NOTICES - 1));
      for (const dropped of notices.value.slice(0, notices.value.length - kept.length)) dismiss(dropped.id);
      notices.value = [...kept, notice];
      arm(notice);
    },
    dismiss,
    dispose: () => {
      for (const timer of expiry.values()) clearTimer(timer);
      expiry.clear();
    },
  };
}
