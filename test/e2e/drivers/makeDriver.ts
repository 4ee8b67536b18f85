/**
 * What every engine's driver shares: finding targets in the page, waiting for them, filling and
 * choosing. Each engine supplies only the primitives its protocol has (run a script, click a
 * selector, send keys, ...).
 */
import { findTarget, type Found } from './findTarget';
import type { BrowserDriver, Engine, Target, Viewport } from './types';

export interface Primitives {
  readonly engine: Engine;
  readonly version: string;
  /** Evaluates `(${source})(arg)` in the page and returns the awaited JSON result. */
  run<R>(source: string, arg: unknown): Promise<R>;
  runExpression<R>(expression: string): Promise<R>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  back(): Promise<void>;
  url(): Promise<string>;
  clickSelector(selector: string): Promise<void>;
  /** Trusted key events for each character of `text`, to the focused element. */
  typeText(text: string): Promise<void>;
  /** Modifiers held while `key` is pressed; key names as in KeyboardEvent.key. */
  pressKeys(modifiers: readonly string[], key: string): Promise<void>;
  upload(selector: string, path: string): Promise<void>;
  setViewport(viewport: Viewport): Promise<void>;
  screenshot(path: string): Promise<void>;
  crashAndRestart(url: string): Promise<void>;
  close(): Promise<void>;
}

const POLL_MS = 50;
const DEFAULT_WAIT_MS = 15_000;

export function makeDriver(primitives: Primitives): BrowserDriver {
  const find = (target: Target) => primitives.run<Found>(findTarget.toString(), target);
  const locate = async (target: Target, timeoutMs = DEFAULT_WAIT_MS): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A navigation in progress may destroy the page's context under the script: try again.
      const found: Found = await find(target).catch((error: unknown): Found => ({ problem: String(error) }));
      if (found.selector) return found.selector;
      if (Date.now() > deadline) throw new Error(`${primitives.engine}: ${found.problem ?? 'not found'} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  return {
    engine: primitives.engine,
    version: primitives.version,
    goto: (url) => primitives.goto(url),
    reload: () => primitives.reload(),
    back: () => primitives.back(),
    url: () => primitives.url(),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => primitives.run<R>(fn.toString(), arg),
    evaluateExpression: (expression) => primitives.runExpression(expression),
    click: async (target) => {
      const selector = await locate(target);
      // In the middle of the window, clear of the sticky header and bars that could cover it.
      // Then waits until it stops moving (a render in progress may still shift it), as Playwright
      // does on its own and the other protocols do not: a click at stale coordinates hits something else.
      await primitives.run(
        (async (css: string) => {
          const element = document.querySelector(css);
          if (!element) return;
          element.scrollIntoView({ block: 'center', inline: 'center' });
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          let last = '';
          for (let tries = 0; tries < 20; tries++) {
            await frame();
            const rect = element.getBoundingClientRect();
            const now = `${rect.x},${rect.y},${rect.width},${rect.height}`;
            if (now === last) return;
            last = now;
          }
        }).toString(),
        selector,
      );
      await primitives.clickSelector(selector).catch((error: unknown) => {
        throw new Error(`${primitives.engine}: clicking ${JSON.stringify(target)} failed: ${String(error)}`, { cause: error });
      });
    },
    fill: async (target, text) => {
      const selector = await locate(target);
      // Date and time fields differ per engine (segments, pickers): their value is set as a picker
      // would set it, with the input and change events the app listens to.
      const native = await primitives.run<boolean>(
        ((arg: { selector: string; text: string }) => {
          const element = document.querySelector(arg.selector);
          if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
          element.focus();
          if (element instanceof HTMLInputElement && ['date', 'time', 'datetime-local', 'month'].includes(element.type)) {
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            setter?.call(element, arg.text);
            element.dispatchEvent(new Event('input', { bubbles: true }));
            element.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
          }
          element.select();
          return false;
        }).toString(),
        { selector, text },
      );
      if (native) return;
      if (text === '') await primitives.pressKeys([], 'Backspace');
      else await primitives.typeText(text);
    },
    select: async (target, label) => {
      const selector = await locate(target);
      const problem = await primitives.run<string | null>(
        ((arg: { selector: string; label: string }) => {
          const element = document.querySelector(arg.selector);
          if (!(element instanceof HTMLSelectElement)) return `${arg.selector} is not a <select>`;
          const option = [...element.options].find((candidate) => candidate.label.trim() === arg.label || candidate.value === arg.label);
          if (!option) return `no option "${arg.label}" in ${[...element.options].map((candidate) => candidate.label).join(' | ')}`;
          element.focus();
          element.value = option.value;
          element.dispatchEvent(new Event('input', { bubbles: true }));
          element.dispatchEvent(new Event('change', { bubbles: true }));
          return null;
        }).toString(),
        { selector, label },
      );
      if (problem) throw new Error(`${primitives.engine}: ${problem}`);
    },
    waitFor: async (target, timeoutMs) => {
      await locate(target, timeoutMs);
    },
    text: async (target) => {
      const selector = await locate(target);
      return primitives.run<string>(
        ((css: string) => (document.querySelector(css) as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '').toString(),
        selector,
      );
    },
    count: (css) =>
      primitives.run<number>(
        ((selector: string) => [...document.querySelectorAll(selector)].filter((element) => element.getClientRects().length > 0).length).toString(),
        css,
      ),
    type: (text) => primitives.typeText(text),
    press: (chord) => {
      const parts = chord === '+' ? ['+'] : chord.split('+');
      const key = parts.pop() ?? '';
      return primitives.pressKeys(parts, key);
    },
    upload: (css, path) => primitives.upload(css, path),
    setViewport: (viewport) => primitives.setViewport(viewport),
    screenshot: (path) => primitives.screenshot(path),
    crashAndRestart: (url) => primitives.crashAndRestart(url),
    close: () => primitives.close(),
  };
}
