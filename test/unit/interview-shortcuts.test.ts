/**
 * Keyboard handling of the interview screen as pure functions: Alt shortcuts by physical key (so
 * they work on Russian and Armenian layouts), never with Ctrl, Meta or Shift (AltGr, browser and
 * layout-switch combinations), levels by rank, track keys from the framework's track ids, and the
 * plain keys of the note field.
 */
import { describe, expect, it } from 'vitest';
import {
  ariaShortcut,
  composerKey,
  dispatchShortcut,
  nextLevelOf,
  parseShortcut,
  shortcutLabel,
  startsTag,
  trackShortcutKeys,
  type KeyLike,
  type ShortcutHandlers,
} from '../../src/ui/screens/interview/composerShortcuts';

const key = (code: string, init: Partial<KeyLike> = {}): KeyLike => ({
  key: init.key ?? code.replace(/^Key/, '').toLowerCase(),
  code,
  altKey: init.altKey ?? true,
  ctrlKey: init.ctrlKey ?? false,
  metaKey: init.metaKey ?? false,
  shiftKey: init.shiftKey ?? false,
  ...(init.isComposing !== undefined ? { isComposing: init.isComposing } : {}),
});

const config = { levelCount: 4, trackKeys: trackShortcutKeys(['central', 'migration']) };

describe('Alt shortcuts', () => {
  it('sets the kind with Alt+N, Alt+Q and Alt+V', () => {
    expect(parseShortcut(key('KeyN'), config)).toEqual({ type: 'kind', kind: 'note' });
    expect(parseShortcut(key('KeyQ'), config)).toEqual({ type: 'kind', kind: 'quote' });
    expect(parseShortcut(key('KeyV'), config)).toEqual({ type: 'kind', kind: 'evidence' });
  });

  it('matches the physical key, whatever the layout types', () => {
    // Russian layout: the Q key types "й", the N key "т"; Armenian: "ք" and "ն".
    expect(parseShortcut(key('KeyQ', { key: 'й' }), config)).toEqual({ type: 'kind', kind: 'quote' });
    expect(parseShortcut(key('KeyN', { key: 'ն' }), config)).toEqual({ type: 'kind', kind: 'note' });
  });

  it('sets the suggested level by rank with Alt+1…4, clears it with Alt+0, numpad too', () => {
    expect(parseShortcut(key('Digit1'), config)).toEqual({ type: 'level', rank: 1 });
    expect(parseShortcut(key('Digit4'), config)).toEqual({ type: 'level', rank: 4 });
    expect(parseShortcut(key('Numpad3'), config)).toEqual({ type: 'level', rank: 3 });
    expect(parseShortcut(key('Digit0'), config)).toEqual({ type: 'level', rank: null });
  });

  it('ignores digits beyond the framework’s levels', () => {
    expect(parseShortcut(key('Digit5'), config)).toBeNull();
    expect(parseShortcut(key('Digit5'), { ...config, levelCount: 5 })).toEqual({ type: 'level', rank: 5 });
  });

  it('chooses tracks: Alt+B both, and a key per track', () => {
    expect(parseShortcut(key('KeyB'), config)).toEqual({ type: 'tracks', tracks: 'all' });
    expect(parseShortcut(key('KeyC'), config)).toEqual({ type: 'tracks', tracks: 'central' });
    expect(parseShortcut(key('KeyM'), config)).toEqual({ type: 'tracks', tracks: 'migration' });
  });

  it('maps the other actions', () => {
    expect(parseShortcut(key('KeyT'), config)).toEqual({ type: 'tag' });
    expect(parseShortcut(key('KeyS'), config)).toEqual({ type: 'source' });
    expect(parseShortcut(key('KeyP'), config)).toEqual({ type: 'photo' });
    expect(parseShortcut(key('KeyA'), config)).toEqual({ type: 'file' });
    expect(parseShortcut(key('KeyR'), config)).toEqual({ type: 'record' });
    expect(parseShortcut(key('KeyK'), config)).toEqual({ type: 'keepTags' });
    expect(parseShortcut(key('Slash'), config)).toEqual({ type: 'help' });
  });

  it('leaves the browser’s own Alt keys alone (D address bar, E and F menu, arrows history)', () => {
    for (const code of ['KeyD', 'KeyE', 'KeyF', 'ArrowLeft', 'ArrowRight', 'Home', 'KeyZ']) expect(parseShortcut(key(code), config)).toBeNull();
  });

  it('needs Alt alone: not with Ctrl (AltGr on Windows), Meta, or Shift (layout switch)', () => {
    expect(parseShortcut(key('KeyQ', { altKey: false }), config)).toBeNull();
    expect(parseShortcut(key('KeyQ', { ctrlKey: true }), config)).toBeNull();
    expect(parseShortcut(key('KeyQ', { metaKey: true }), config)).toBeNull();
    expect(parseShortcut(key('KeyQ', { shiftKey: true }), config)).toBeNull();
  });
});

describe('track keys', () => {
  it('takes the first free letter of each track id', () => {
    expect([...trackShortcutKeys(['central', 'migration'])]).toEqual([
      ['KeyC', 'central'],
      ['KeyM', 'migration'],
    ]);
  });

  it('skips letters taken by other shortcuts or the browser, and letters taken by an earlier track', () => {
    // "data": D is the browser's, A is "file", T is "tag" → no free letter.
    // "national": N (kind), A (file), T (tag), I is free.
    // "customs": C free; "cities": C taken by customs → I taken by national → T taken → E browser → S source → none.
    expect([...trackShortcutKeys(['data', 'national', 'customs', 'cities'])]).toEqual([
      ['KeyI', 'national'],
      ['KeyC', 'customs'],
    ]);
  });

  it('ignores non-letters', () => {
    expect([...trackShortcutKeys(['2-x'])]).toEqual([['KeyX', '2-x']]);
  });
});

describe('note field keys', () => {
  const plain = (k: string, init: Partial<KeyLike> = {}): KeyLike => ({ key: k, code: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init });

  it('saves on Enter and Ctrl+Enter, not on Shift+Enter or Alt+Enter', () => {
    expect(composerKey(plain('Enter'), false)).toBe('save');
    expect(composerKey(plain('Enter', { ctrlKey: true }), false)).toBe('save');
    expect(composerKey(plain('Enter', { shiftKey: true }), false)).toBeNull();
    expect(composerKey(plain('Enter', { altKey: true }), false)).toBeNull();
  });

  it('leaves Enter to an input method that is composing', () => {
    expect(composerKey(plain('Enter', { isComposing: true }), false)).toBeNull();
  });

  it('edits my last note on ↑ only when the field is empty', () => {
    expect(composerKey(plain('ArrowUp'), true)).toBe('edit-last');
    expect(composerKey(plain('ArrowUp'), false)).toBeNull();
    expect(composerKey(plain('ArrowUp', { shiftKey: true }), true)).toBeNull();
  });

  it('starts a tag with "#" only at the start of a word', () => {
    expect(startsTag('', 0)).toBe(true);
    expect(startsTag('Access ', 7)).toBe(true);
    expect(startsTag('line\n', 5)).toBe(true);
    expect(startsTag('C', 1)).toBe(false);
    expect(startsTag('item', 4)).toBe(false);
  });
});

describe('labels', () => {
  it('names keys as printed on them', () => {
    expect(shortcutLabel('KeyQ', 'Alt')).toBe('Alt+Q');
    expect(shortcutLabel('Digit3', 'Alt')).toBe('Alt+3');
    expect(shortcutLabel('Slash', 'Alt')).toBe('Alt+/');
    expect(ariaShortcut('KeyT')).toBe('Alt+T');
  });
});

describe('the second route to a level (Alt+L), for browsers that take Alt+1…4', () => {
  const levels = ['emerging', 'developing', 'established', 'advanced'];
  it('is Alt+L on any layout, and no track takes L', () => {
    expect(parseShortcut(key('KeyL', { key: 'д' }), config)).toEqual({ type: 'nextLevel' });
    expect([...trackShortcutKeys(['legal', 'local']).keys()]).not.toContain('KeyL');
  });
  it('steps none → each level in rank order → none', () => {
    const seen: (string | null)[] = [];
    let level: string | null = null;
    for (let i = 0; i < 5; i++) seen.push((level = nextLevelOf(level, levels)));
    expect(seen).toEqual(['emerging', 'developing', 'established', 'advanced', null]);
    expect(nextLevelOf('unknown', levels)).toBe('emerging');
    expect(nextLevelOf(null, [])).toBeNull();
  });
});

describe('dispatchShortcut (one dispatch for the composer and the note editor)', () => {
  const levelIds = ['emerging', 'developing', 'established'];
  function recorder(withComposerOnly: boolean) {
    const calls: string[] = [];
    let level: string | null = 'developing';
    const handlers: ShortcutHandlers = {
      kind: (kind) => calls.push(`kind:${kind}`),
      level: (next) => {
        level = next;
        calls.push(`level:${next}`);
      },
      currentLevel: () => level,
      tracks: (tracks) => calls.push(`tracks:${tracks}`),
      tag: () => calls.push('tag'),
      source: () => calls.push('source'),
      photo: () => calls.push('photo'),
      file: () => calls.push('file'),
      ...(withComposerOnly ? { record: () => calls.push('record'), keepTags: () => calls.push('keepTags'), help: () => calls.push('help') } : {}),
    };
    return { calls, handlers };
  }

  it('resolves levels by rank and steps to the next one', () => {
    const { calls, handlers } = recorder(false);
    expect(dispatchShortcut({ type: 'level', rank: 1 }, handlers, levelIds)).toBe(true);
    expect(dispatchShortcut({ type: 'level', rank: null }, handlers, levelIds)).toBe(true);
    dispatchShortcut({ type: 'nextLevel' }, handlers, levelIds);
    dispatchShortcut({ type: 'nextLevel' }, handlers, levelIds);
    expect(calls).toEqual(['level:emerging', 'level:null', 'level:emerging', 'level:developing']);
  });

  it('runs each action on its handler, and leaves the composer-only ones to bubble from the editor', () => {
    const editor = recorder(false);
    const composer = recorder(true);
    const actions = [
      { type: 'kind', kind: 'quote' },
      { type: 'tracks', tracks: 'all' },
      { type: 'tag' },
      { type: 'source' },
      { type: 'photo' },
      { type: 'file' },
      { type: 'record' },
      { type: 'keepTags' },
      { type: 'help' },
    ] as const;
    expect(actions.map((action) => dispatchShortcut(action, editor.handlers, levelIds))).toEqual([true, true, true, true, true, true, false, false, false]);
    expect(actions.every((action) => dispatchShortcut(action, composer.handlers, levelIds))).toBe(true);
    expect(composer.calls).toEqual(['kind:quote', 'tracks:all', 'tag', 'source', 'photo', 'file', 'record', 'keepTags', 'help']);
  });
});
