/**
 * Keyboard shortcuts of the interview screen, as pure functions of a key event.
 *
 * Why Alt + a key, matched by `event.code` (the physical key):
 * - `code` is the same on English, Russian and Armenian layouts, so Alt+Q stays Alt+Q when the
 *   assessor types Cyrillic; `event.key` would be "й".
 * - Chromium on Linux keeps Alt+D (address bar), Alt+E and Alt+F (its menu), Alt+Home and
 *   Alt+←/→ (history); none is used here. Ctrl+Shift+N (incognito, reserved: pages never see it)
 *   and Ctrl+Shift+Q (quits Chromium on Linux) are avoided for the same reason.
 * - Alt+Shift switches the keyboard layout on many Linux and Windows set-ups used with Russian or
 *   Armenian, so no shortcut needs Shift.
 * - Ctrl+Alt is AltGr on Windows (it types characters on many layouts), so Ctrl must be up.
 * - Alt+digit switches tabs in Chromium on Linux; here Alt+0…9 set the suggested level (by rank,
 *   so they follow any framework's levels), and only while the interview screen has the focus. In
 *   the installed app there are no tabs to switch; in a browser tab Chromium may take Alt+1…9 before
 *   the page sees them, so Alt+L ("level") is the second route: it steps through the levels and
 *   back to none.
 * - Tablets with keyboards (Chromebooks, iPads) report Alt/Option with the same codes.
 */
import type { ObservationKind } from '../../../core/assessment/observationSchema';

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** True while an input method (IME) is composing: Enter then confirms the composition. */
  readonly isComposing?: boolean;
}

/** "all" selects every track of the framework ("both" in MMDMA). */
export type TrackChoice = 'all' | (string & {});

export type ComposerAction =
  | { readonly type: 'kind'; readonly kind: ObservationKind }
  /** rank 1 = the framework's lowest level; null clears the suggestion. */
  | { readonly type: 'level'; readonly rank: number | null }
  /** The next level up from the current one, after the highest back to none (Alt+L). */
  | { readonly type: 'nextLevel' }
  | { readonly type: 'tracks'; readonly tracks: TrackChoice }
  | { readonly type: 'tag' }
  | { readonly type: 'source' }
  | { readonly type: 'photo' }
  | { readonly type: 'file' }
  | { readonly type: 'record' }
  | { readonly type: 'keepTags' }
  | { readonly type: 'help' };

export interface ShortcutConfig {
  readonly levelCount: number;
  /** Physical key code ("KeyC") → track id, from `trackShortcutKeys`. */
  readonly trackKeys: ReadonlyMap<string, string>;
}

const KIND_KEYS: ReadonlyMap<string, ObservationKind> = new Map([
  ['KeyN', 'note'],
  ['KeyQ', 'quote'],
  // E is Chromium's menu on Linux; V as in "eVidence".
  ['KeyV', 'evidence'],
]);

const ACTION_KEYS: ReadonlyMap<string, ComposerAction> = new Map<string, ComposerAction>([
  ['KeyB', { type: 'tracks', tracks: 'all' }],
  ['KeyT', { type: 'tag' }],
  ['KeyS', { type: 'source' }],
  ['KeyP', { type: 'photo' }],
  ['KeyA', { type: 'file' }],
  ['KeyR', { type: 'record' }],
  ['KeyK', { type: 'keepTags' }],
  ['KeyL', { type: 'nextLevel' }],
  ['Slash', { type: 'help' }],
]);

/** Keys a track shortcut may not take: the browser's own (D, E, F) and the ones above. */
const TAKEN_KEYS = new Set(['KeyD', 'KeyE', 'KeyF', ...KIND_KEYS.keys(), ...ACTION_KEYS.keys()]);

/**
 * A key per track, from the first letter of its id that is free ("central" → C, "migration" → M);
 * a track with no free letter gets none (its button still works).
 */
export function trackShortcutKeys(trackIds: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const trackId of trackIds) {
    for (const letter of trackId.toUpperCase()) {
      if (letter < 'A' || letter > 'Z') continue;
      const code = `Key${letter}`;
      if (TAKEN_KEYS.has(code) || keys.has(code)) continue;
      keys.set(code, trackId);
      break;
    }
  }
  return keys;
}

function digitOf(code: string): number | undefined {
  const match = /^(?:Digit|Numpad)(\d)$/.exec(code);
  return match ? Number(match[1]) : undefined;
}

/** The action of an Alt shortcut, or null when the event is not one of ours (let it through). */
export function parseShortcut(event: KeyLike, config: ShortcutConfig): ComposerAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const kind = KIND_KEYS.get(event.code);
  if (kind) return { type: 'kind', kind };
  const action = ACTION_KEYS.get(event.code);
  if (action) return action;
  const trackId = config.trackKeys.get(event.code);
  if (trackId !== undefined) return { type: 'tracks', tracks: trackId };
  const digit = digitOf(event.code);
  if (digit === 0) return { type: 'level', rank: null };
  if (digit !== undefined && digit <= config.levelCount) return { type: 'level', rank: digit };
  return null;
}

/** The level after `current` (ids in rank order): none → lowest → … → highest → none. */
export function nextLevelOf(current: string | null, levelIds: readonly string[]): string | null {
  if (current === null) return levelIds[0] ?? null;
  const position = levelIds.indexOf(current);
  return position === -1 ? (levelIds[0] ?? null) : (levelIds[position + 1] ?? null);
}

export type ComposerKey = 'save' | 'edit-last' | null;

/**
 * Plain keys in the note field: Enter (or Ctrl+Enter) saves, Shift+Enter is a new line (the
 * browser's default), ↑ in an empty field edits my last note. Enter that confirms an IME
 * composition (keyCode 229 in Chromium) is left alone.
 */
export function composerKey(event: KeyLike, textIsEmpty: boolean): ComposerKey {
  if (event.isComposing === true) return null;
  if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.metaKey) return 'save';
  if (event.key === 'ArrowUp' && textIsEmpty && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) return 'edit-last';
  return null;
}

/**
 * Whether a "#" typed at `caret` starts a tag: at the start of the text or after white space, so
 * "C#" and "item#3" stay text.
 */
export function startsTag(text: string, caret: number): boolean {
  if (caret <= 0) return true;
  return /\s/.test(text.charAt(caret - 1));
}

/** "Alt+Q" as shown in the help, from a key code ("KeyQ", "Digit1", "Slash"). */
export function shortcutLabel(code: string, altLabel: string): string {
  const key = code.startsWith('Key') ? code.slice(3) : code.startsWith('Digit') ? code.slice(5) : code === 'Slash' ? '/' : code;
  return `${altLabel}+${key}`;
}

/** The `aria-keyshortcuts` value of a key code ("Alt+Q"). */
export function ariaShortcut(code: string): string {
  return shortcutLabel(code, 'Alt');
}

export const SHORTCUT_CODES = {
  note: 'KeyN',
  quote: 'KeyQ',
  evidence: 'KeyV',
  allTracks: 'KeyB',
  tag: 'KeyT',
  source: 'KeyS',
  photo: 'KeyP',
  file: 'KeyA',
  record: 'KeyR',
  keepTags: 'KeyK',
  nextLevel: 'KeyL',
  help: 'Slash',
} as const;

/**
 * What one note form (the composer, or a note being edited) does for the shortcuts it takes. A form
 * leaves out what is not its own (recording, keeping tags, help belong to the composer and the
 * screen), and the shortcut then goes on to the screen.
 */
export interface ShortcutHandlers {
  readonly kind: (kind: ObservationKind) => void;
  /** The suggested level to set (a level id, or null for none), resolved from the shortcut. */
  readonly level: (levelId: string | null) => void;
  readonly currentLevel: () => string | null;
  readonly tracks: (tracks: TrackChoice) => void;
  readonly tag: () => void;
  readonly source: () => void;
  readonly photo: () => void;
  readonly file: () => void;
  readonly record?: () => void;
  readonly keepTags?: () => void;
  readonly help?: () => void;
}

/** Runs `action` on the form's handlers; false when the form has none for it (let it bubble). */
export function dispatchShortcut(action: ComposerAction, handlers: ShortcutHandlers, levelIds: readonly string[]): boolean {
  switch (action.type) {
    case 'kind':
      handlers.kind(action.kind);
      return true;
    case 'level':
      handlers.level(action.rank === null ? null : (levelIds[action.rank - 1] ?? null));
      return true;
    case 'nextLevel':
      handlers.level(nextLevelOf(handlers.currentLevel(), levelIds));
      return true;
    case 'tracks':
      handlers.tracks(action.tracks);
      return true;
    case 'tag':
      handlers.tag();
      return true;
    case 'source':
      handlers.source();
      return true;
    case 'photo':
      handlers.photo();
      return true;
    case 'file':
      handlers.file();
      return true;
    case 'record':
    case 'keepTags':
    case 'help': {
      const handler = handlers[action.type];
      if (!handler) return false;
      handler();
      return true;
    }
  }
}
