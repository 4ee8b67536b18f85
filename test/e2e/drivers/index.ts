/** The driver layer: one BrowserDriver per engine (see types.ts). */
import { launchChromiumDriver } from './chromiumDriver';
import { launchFirefoxDriver } from './firefoxDriver';
import type { BrowserDriver, Engine, Viewport } from './types';
import { launchWebKitDriver } from './webkitDriver';

export { ENGINES, type BrowserDriver, type Engine, type Role, type Target, type Viewport } from './types';
export { missingFirefox } from './firefoxDriver';
export { missingWebKit } from './webkitDriver';

export function launchDriver(engine: Engine, options: { viewport?: Viewport } = {}): Promise<BrowserDriver> {
  switch (engine) {
    case 'chromium':
      return launchChromiumDriver(options);
    case 'webkit':
      return launchWebKitDriver(options);
    case 'firefox':
      return launchFirefoxDriver(options);
  }
}
