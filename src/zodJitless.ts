/**
 * Imported first by every entry point that runs in a page or worker: zod 4 compiles object schemas
 * with `new Function` unless told not to, and the app's content security policy forbids eval
 * (src/core/security/securityHeaders.ts). Without this, zod's probe alone reports a CSP violation;
 * with it, parsing takes the interpreted path (measured: no visible difference on our schemas).
 */
import { z } from 'zod';

z.config({ jitless: true });
