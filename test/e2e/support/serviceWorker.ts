/** Waiting on the app's service worker from the page. */
import type { Page } from 'playwright-core';

/**
 * Resolves once a service worker is active for the page and controls it (the app's worker claims
 * the page on first install, so no reload is needed). Returns the controller's script URL.
 */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 30_000): Promise<string> {
  return page.evaluate(async (timeout) => {
    const container = navigator.serviceWorker;
    await Promise.race([
      (async () => {
        await container.ready;
        if (!container.controller) await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
      })(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no service worker controls the page after ${timeout} ms`)), timeout)),
    ]);
    return container.controller?.scriptURL ?? '';
  }, timeoutMs);
}

/** Asks the browser to look for a new service worker now, as it does on navigation. */
export async function checkForServiceWorkerUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('no service worker registration');
    await registration.update();
  });
}

/** Whether a new worker is installed and waiting to take over. */
export async function hasWaitingServiceWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
}
