/**
 * Headers on every response: the same content security policy and security headers as the Vite
 * preview server and the built index.html send (src/core/security/securityHeaders.ts, one place for
 * all three), so the app served by the hub runs under exactly the policy its browser tests walk.
 * Strict-Transport-Security is added only when the hub itself is reached over HTTPS.
 */
import type { MiddlewareHandler } from 'hono';
import { SECURITY_HEADERS } from '../../src/core/security/securityHeaders';

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (new URL(c.req.url).protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000');
};
