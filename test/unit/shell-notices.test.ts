import { describe, expect, it } from 'vitest';
import { createNotices, MAX_NOTICES, NOTICE_VISIBLE_MS } from '../../src/ui/shell/createNotices';
import { formatBytes, formatShare, isLowOnSpace } from '../../src/ui/shell/formatStorage';

function manualTimers() {
  const timers = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  return {
    setTimer: (run: () => void, ms: number) => {
      const timer = next++;
      timers.set(timer, { run, ms });
      return timer;
    },
    clearTimer: (timer: unknown) => void timers.delete(timer as number),
    fireAll: () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach(({ run }) => run());
    },
    delays: () => [...timers.values()].map(({ ms }) => ms),
  };
}

describe('notices', () => {
  it('keeps errors until dismissed and lets other notices expire', () => {
    const timers = manualTimers();
    const notices = createNotices(timers);
    notices.notify('error', 'The device storage is full');
    notices.notify('success', 'Saved');
    expect(timers.delays()).toEqual([NOTICE_VISIBLE_MS]);
    timers.fireAll();
    expect(notices.notices.value.map((n) => n.message)).toEqual(['The device storage is full']);
    notices.dismiss(notices.notices.value[0]!.id);
    expect(notices.notices.value).toEqual([]);
  });

  it('never stacks the same message twice (every failed autosave says the same)', () => {
    const notices = createNotices(manualTimers());
    for (let i = 0; i < 5; i++) notices.notify('error', 'The device storage is full');
    expect(notices.notices.value).toHaveLength(1);
  });

  it('drops the oldest beyond the limit', () => {
    const notices = createNotices(manualTimers());
    for (let i = 0; i < MAX_NOTICES + 2; i++) notices.notify('error', `problem ${i}`);
    expect(notices.notices.value.map((n) => n.message)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `problem ${i + 2}`));
  });
});

describe('storage figures', () => {
  it('formats sizes with Intl units in the interface language', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(57_000_000_000, 'en')).toBe('57 GB');
    expect(formatBytes(1_234_567, 'ru')).toMatch(/^1,2\sМБ$/u);
    expect(formatShare(5, 1000, 'en')).toBe('0.5%');
    expect(formatShare(500, 1000, 'en')).toBe('50%');
    expect(isLowOnSpace(95, 100)).toBe(true);
    expect(isLowOnSpace(10, 100)).toBe(false);
    expect(isLowOnSpace(null, 100)).toBe(false);
  });
});
