/**
 * Time from navigation start to "this element is on screen and usable", measured inside the page:
 * an init script watches the DOM from the first byte, notes when an element matching one of the
 * selectors is attached, visible and enabled, and then waits for the next frame (requestAnimationFrame,
 * then a task) so the figure includes painting it. performance.now() counts from the navigation's
 * start, so nothing of Playwright's own round trips is in the figure.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface ReadyMark {
  readonly foundMs: number;
  readonly paintedMs: number;
  /** Where the time went before (the app's own pages only; undefined elsewhere), ms since navigation start. */
  readonly phases: StartPhases;
}

/** The document and the entry script received, the entry's code run, the first render begun. */
export interface StartPhases {
  readonly documentReceived?: number | undefined;
  readonly entryReceived?: number | undefined;
  readonly entryEvaluated?: number | undefined;
  readonly firstRender?: number | undefined;
}

const READY_KEY = '__mmdmaBenchReady';

/** Call once per context, before opening the pages to measure. */
export async function watchForReady(context: BrowserContext, selectors: readonly string[]): Promise<void> {
  await context.addInitScript(
    ({ selectors, key }) => {
      const target = window as unknown as Record<string, unknown>;
      const usable = (element: Element) =>
        element.checkVisibility() && !(element as HTMLButtonElement).disabled && element.getAttribute('aria-disabled') !== 'true';
      const check = () => {
        for (const selector of selectors) {
          const element = document.querySelector(selector);
          if (element && usable(element)) return true;
        }
        return false;
      };
      const observer = new MutationObserver(() => {
        if (!check()) return;
        observer.disconnect();
        const foundMs = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
            const entry = performance.getEntriesByType('resource').find((resource) => /\/assets\/initial-[^/]+\.js$/.test(resource.name)) as PerformanceResourceTiming | undefined;
            const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            const phases = {
              documentReceived: navigation?.responseEnd,
              entryReceived: entry?.responseEnd,
              entryEvaluated: mark('mmdma:entry-evaluated'),
              firstRender: mark('mmdma:first-render'),
            };
            target[key] = { foundMs, paintedMs: performance.now(), phases };
          };
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    },
    { selectors: [...selectors], key: READY_KEY },
  );
}

/**
 * Reloads the page and returns when its watched element was ready (ms since navigation start).
 * The page is brought to the front first: headless Chromium renders a tab reloaded in the
 * background at about one frame per second (document.visibilityState still says "visible"), which
 * would add up to a second to the "painted" figure of whichever page was not opened last.
 */
export async function reloadAndTime(page: Page, timeoutMs = 30_000): Promise<ReadyMark> {
  await page.bringToFront();
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction((key) => (window as unknown as Record<string, unknown>)[key], READY_KEY, { timeout: timeoutMs });
  return (await handle.jsonValue()) as ReadyMark;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
