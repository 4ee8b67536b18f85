import { describe, expect, it } from 'vitest';
import { createAutosave } from '../../src/ui/shell/autosave';
import { err, ok } from '../../src/core/result';

function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (run: () => void) => {
      const id = next++;
      timers.set(id, run);
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    fireAll: () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((run) => run());
    },
    count: () => timers.size,
  };
}

describe('autosave', () => {
  it('debounces writes per key: only the newest write of a burst runs', async () => {
    const timers = manualTimers();
    const autosave = createAutosave(timers);
    const written: string[] = [];
    for (const text of ['h', 'he', 'hel', 'hello']) autosave.schedule('note:1', async () => (written.push(text), ok(undefined)));
    expect(autosave.pending.value).toBe(1);
    expect(timers.count()).toBe(1);
    timers.fireAll();
    await autosave.flush();
    expect(written).toEqual(['hello']);
    expect(autosave.pending.value).toBe(0);
  });

  it('flushes at once on demand and on pagehide', async () => {
    const listeners = new Map<string, () => void>();
    const fakeWindow = {
      addEventListener: (type: string, fn: () => void) => void listeners.set(type, fn),
      removeEventListener: (type: string) => void listeners.delete(type),
      document: { visibilityState: 'visible' as DocumentVisibilityState },
    };
    const autosave = createAutosave({ ...manualTimers(), window: fakeWindow as never });
    const written: string[] = [];
    autosave.schedule('a', async () => (written.push('a'), ok(undefined)));
    autosave.schedule('b', async () => (written.push('b'), ok(undefined)));
    await autosave.flush('a');
    expect(written).toEqual(['a']);
    listeners.get('pagehide')?.();
    await autosave.flush();
    expect(written).toEqual(['a', 'b']);
    autosave.dispose();
    expect(listeners.size).toBe(0);
  });

  it('keeps a failed edit pending, reports the failure, and retries it on the next flush', async () => {
    const autosave = createAutosave(manualTimers());
    let full = true;
    const written: string[] = [];
    autosave.schedule('note:1', async () => {
      if (full) return err({ kind: 'quota-exceeded', message: 'The device is full' } as const);
      written.push('saved');
      return ok(undefined);
    });
    await autosave.flush();
    expect(autosave.lastError.value?.kind).toBe('quota-exceeded');
    expect(autosave.pending.value).toBe(1);
    full = false;
    await autosave.flush();
    expect(written).toEqual(['saved']);
    expect(autosave.lastError.value).toBeNull();
    expect(autosave.pending.value).toBe(0);
  });

  it('runs writes of one key in order, never two at once', async () => {
    const autosave = createAutosave(manualTimers());
    const log: string[] = [];
    let release: () => void = () => {};
    autosave.schedule('k', () => new Promise((resolve) => {
      log.push('start 1');
      release = () => (log.push('end 1'), resolve(ok(undefined)));
    }));
    const first = autosave.flush('k');
    await Promise.resolve();
    autosave.schedule('k', async () => (log.push('run 2'), ok(undefined)));
    const second = autosave.flush('k');
    await new Promise((r) => setTimeout(r, 5));
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['start 1', 'end 1', 'run 2']);
  });
});
