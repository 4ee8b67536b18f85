// Loaded by index.html as a classic script, so it runs before any module of the app: zod 4 probes
// `new Function` (and compiles object schemas with it) unless `jitless` is set, and the app's
// content security policy forbids eval (src/core/security/securityHeaders.ts), which would report
// a violation. Zod reads this global as its configuration. A module could not do this reliably: the
// bundler evaluates shared chunks, which may parse at load, before the entry's own code.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
