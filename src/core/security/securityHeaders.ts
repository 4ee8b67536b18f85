/**
 * The app's content security policy and security headers, in one place: the Vite preview server
 * sends them now (vite.config.ts), the build writes the policy into index.html as a <meta> (for
 * static hosting that cannot set headers, and for the installed app's cached shell), and the hub
 * (server/, Node) will import this module to send the same headers. Pure data, no DOM.
 *
 * What the app needs, and nothing more: its own scripts (no inline script, no eval: zod runs
 * `jitless`, see public/zod-jitless.js), its own styles (Preact sets `style` through the CSSOM, which CSP
 * does not restrict), images and audio from `blob:` URLs (attachments, shown inertly: see
 * attachmentPolicy.ts), its own service worker and web manifest, and requests to itself. Nothing
 * may frame it, no plugin may load, and a form can only post to the app.
 */

/** Directives in the order they are written. `frame-ancestors` is header-only (ignored in <meta>). */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<readonly [directive: string, sources: readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'blob:']],
  ['media-src', ["'self'", 'blob:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['worker-src', ["'self'"]],
  ['manifest-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['frame-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives a <meta http-equiv="Content-Security-Policy"> cannot carry (CSP Level 3, §3.3). */
const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

function serialise(directives: typeof CONTENT_SECURITY_POLICY): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy as an HTTP header value. */
export const CSP_HEADER_VALUE: string = serialise(CONTENT_SECURITY_POLICY);

/** The same policy for index.html's <meta> (without the directives a meta policy ignores). */
export const CSP_META_VALUE: string = serialise(CONTENT_SECURITY_POLICY.filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)));

/**
 * Every security header of a response that serves the app. Camera and microphone (photos and
 * recordings of interviews) are allowed to the app's own origin only; everything else a page could
 * ask for is denied.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER_VALUE,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), display-capture=()',
};
