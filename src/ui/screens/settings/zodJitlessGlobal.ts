/**
 * For the framework-check worker, which index.html's public/zod-jitless.js does not reach: zod's
 * `jitless` option set before any schema module of the worker is evaluated (zod decides at schema
 * construction whether to compile with `new Function`, which the content security policy forbids).
 * Imported first by the worker; it mutates zod's global configuration object in place, whichever
 * of the two runs first.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
