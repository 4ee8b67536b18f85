/**
 * A PNG of the whole page, for people to look at (test-results/): the same pixels as
 * `page.screenshot({ path, fullPage: true })` (checked pixel for pixel, scrolled, with sticky and
 * fixed parts), taken through the DevTools protocol with Chromium's `optimizeForSpeed` encoding. A
 * tall page's PNG took Playwright 2-3 s to encode on two loaded cores; this takes a third of that,
 * for a larger file. Playwright-core's Chromium only.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export async function saveFullPageScreenshot(page: Page, path: string): Promise<void> {
  // As Playwright does before a screenshot: web fonts in, and a frame drawn since the last change.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      optimizeForSpeed: true,
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.ceil(cssContentSize.height), scale: 1 },
    });
    writeFileSync(path, Buffer.from(data, 'base64'));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
