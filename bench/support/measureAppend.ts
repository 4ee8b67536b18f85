/**
 * Enter → a note typed in the interview composer is stored and listed as stored (a row with its
 * text, not marked "saving": the app lists it so only once its write has committed), timed inside the page from the Enter key event's own timestamp to the task
 * after the frame that shows it, so Playwright's round trips are not in the figure.
 */
import type { Page } from 'playwright-core';

const APPEND_KEY = '__mmdmaAppendStored';
/** A save that takes this long is a broken set-up, not a slow one. */
const APPEND_TIMEOUT_MS = 15_000;

export async function timeStoredAppend(page: Page, text: string): Promise<number> {
  await page.keyboard.type(text);
  await page.waitForTimeout(50);
  // The watcher is installed first (one evaluate), Enter is pressed, then its result is awaited.
  await page.evaluate(
    ({ text, key }) => {
      const target = window as unknown as Record<string, unknown>;
      target[key] = new Promise<number>((resolve) => {
        let start = 0;
        const list = document.querySelector('.note-list');
        const check = () => {
          const rows = list ? [...list.querySelectorAll('.note-row')] : [];
          const row = rows.reverse().find((candidate) => candidate.querySelector('.note-text')?.textContent === text);
          if (!row || row.classList.contains('is-pending')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - start);
            channel.port2.postMessage(null);
          });
        };
        const observer = new MutationObserver(check);
        if (list) observer.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
        window.addEventListener('keydown', (event) => (start = event.timeStamp), { capture: true, once: true });
      });
    },
    { text, key: APPEND_KEY },
  );
  await page.keyboard.press('Enter');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(async () => {
      const state = await page.evaluate(() => `focus on ${document.activeElement?.tagName}.${document.activeElement?.className}; composer "${(document.querySelector('.note-composer textarea') as HTMLTextAreaElement | null)?.value ?? '-'}"`).catch(() => 'page gone');
      reject(new Error(`"${text}" was not listed as stored within ${APPEND_TIMEOUT_MS} ms (${state})`));
    }, APPEND_TIMEOUT_MS),
  );
  return Promise.race([page.evaluate((key) => (window as unknown as Record<string, Promise<number>>)[key] as Promise<number>, APPEND_KEY), timeout]);
}
