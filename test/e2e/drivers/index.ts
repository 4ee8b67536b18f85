/** The driver layer: one BrowserDriver per engine (see types.ts). */
import { launchChromiumDriver } from './chromiumDriver';
import { launchFirefoxDriver } from './firefoxDriver';
import type { BrowserDriver, Engine, Viewport } from './types';
import { launchWebKitDriver, type WebKitBrowser } from './webkitDriver';

export { ENGINES, type BrowserDriver, type Engine, type Role, type Target, type Viewport } from './types';
export { missingFirefox } from './firefoxDriver';
export { missingWebKit, type WebKitBrowser } from './webkitDriver';

/**
 * `webkitBrowser` chooses WebKit's browser (webkitDriver.ts): `persistent` (the default) or
 * `private`, a Safari private window; the other engines always use a persistent profile.
 */
export function launchDriver(engine: Engine, options: { viewport?: Viewport; webkitBrowser?: WebKitBrowser } = {}): Promise<BrowserDriver> {
  switch (engine) {
    case 'chromium':
      return launchChromiumDriver(viewportOnly(options));
    case 'webkit':
      return launchWebKitDriver({ ...viewportOnly(options), ...(options.webkitBrowser === undefined ? {} : { browser: options.webkitBrowser }) });
    case 'firefox':
      return launchFirefoxDriver(viewportOnly(options));
  }
}

const viewportOnly = (options: { viewport?: Viewport }) => (options.viewport === undefined ? {} : { viewport: options.viewport });
