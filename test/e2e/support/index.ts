/**
 * Shared set-up for browser tests: build the app once per file, serve it with `vite preview` on
 * 127.0.0.1, and drive Debian's Chromium with a fresh profile.
 */
export { appPerFile, type AppPerFileOptions } from './appPerFile';
export { buildApp, type BuildAppOptions, type BuiltApp } from './buildApp';
export { buildPageModule, type PageModuleBuild } from './buildPageModule';
export { CHROMIUM_ARGS, CHROMIUM_PATH, LAPTOP, TABLET, launchChromium, missingChromium, type LaunchedChromium } from './chromium';
export { axeViolations, eventually, recordErrors, seriousAxeViolations } from './pageTools';
export { RESULTS_DIR, ROOT } from './paths';
export { saveFullPageScreenshot } from './saveFullPageScreenshot';
export { serveApp, type ServedApp } from './serveApp';
export { startApp, type AppInBrowser, type StartAppOptions } from './startApp';
export { checkForServiceWorkerUpdate, hasWaitingServiceWorker, waitForServiceWorkerControl } from './serviceWorker';
