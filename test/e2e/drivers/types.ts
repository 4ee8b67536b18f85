/**
 * One interface over three browser engines, so a journey is written once and runs in Chromium
 * (playwright-core over CDP), WebKit (WebKitWebDriver driving MiniBrowser, W3C WebDriver classic) and
 * Firefox ESR (puppeteer-core over WebDriver BiDi). Only what the field-day journeys need.
 *
 * Elements are found in the page by role and accessible name (findTarget.ts), the same code in every
 * engine, then clicked or typed into with the engine's own trusted input events.
 */
export type Engine = 'chromium' | 'webkit' | 'firefox';
export const ENGINES: readonly Engine[] = ['chromium', 'webkit', 'firefox'];

export type Role =
  | 'button'
  | 'link'
  | 'heading'
  | 'textbox'
  | 'checkbox'
  | 'radio'
  | 'combobox'
  | 'region'
  | 'form'
  | 'navigation';

/** What to act on: a CSS selector, or a role and accessible name (exact, after collapsing spaces). */
export interface Target {
  readonly css?: string;
  readonly role?: Role;
  readonly name?: string;
  /** Accessible name starts with this (e.g. "Open interview" for "Open interview …"). */
  readonly namePrefix?: string;
  /** Heading level, with role 'heading'. */
  readonly level?: number;
  /** Only inside this element (found first). */
  readonly within?: Target;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface BrowserDriver {
  readonly engine: Engine;
  /** The engine's own name and version, as the driver reports it. */
  readonly version: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** One step back in the tab's history, as the browser's Back button does (not a script's history.back()). */
  back(): Promise<void>;
  url(): Promise<string>;
  /**
   * Runs `fn` in the page with one JSON argument and returns its JSON result (a promise is awaited).
   * `fn` must be self-contained: its source is sent to the browser.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A script given as an expression string (for dynamic import(), which the test runner would rewrite in a function). */
  evaluateExpression<R>(expression: string): Promise<R>;
  /** Clicks the element with a real pointer event; waits for it to be there first. */
  click(target: Target): Promise<void>;
  /** Focuses the field, clears it and types `text` with real key events. */
  fill(target: Target, text: string): Promise<void>;
  /** Chooses the option with this visible label in a <select>. */
  select(target: Target, label: string): Promise<void>;
  /** Waits until the target is on the page (default 15 s); throws with what was looked for. */
  waitFor(target: Target, timeoutMs?: number): Promise<void>;
  /** The target's text as shown (spaces collapsed), once it is there. */
  text(target: Target): Promise<string>;
  /** How many visible elements match a CSS selector now. */
  count(css: string): Promise<number>;
  /** Types into whatever has the focus, character by character. */
  type(text: string): Promise<void>;
  /** One key or chord: "Enter", "Alt+3", "Tab", "Escape", "ArrowDown". */
  press(chord: string): Promise<void>;
  /** Puts a file from disk into an <input type="file"> (hidden ones too), as a picker would. */
  upload(css: string, path: string): Promise<void>;
  setViewport(viewport: Viewport): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /**
   * The crash: the engine's processes that hold the page die by SIGKILL (no unload, no flush), then
   * the browser is started again on the same profile and shows `url`.
   */
  crashAndRestart(url: string): Promise<void>;
  close(): Promise<void>;
}
