/**
 * The hub as one Hono app: the sync API under /api/v1/ and the built PWA, with security headers on
 * everything, strict CORS on the API and JSON errors with stable codes.
 */
import { Hono } from 'hono';
import { HUB_LIMITS, HUB_PROTOCOL_VERSION } from '../../src/core/sync/hubProtocol';
import { registerBlobRoutes } from '../routes/blobRoutes';
import { registerChangeRoutes } from '../routes/changeRoutes';
import { registerTeamRoutes } from '../routes/teamRoutes';
import { HubHttpError, errorResponse, hubError } from './hubError';
import type { HubConfig, HubEnv } from './hubContext';
import { securityHeaders } from './securityHeaders';
import { serveApp } from './serveApp';

const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Range';
const CORS_ALLOWED_METHODS = 'GET, POST, PUT, DELETE';

/** Errors that mean the database is away rather than that the request was bad. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '53300']);

export function createHubApp(config: HubConfig): Hono<HubEnv> {
  const app = new Hono<HubEnv>();
  app.use('*', securityHeaders);

  // Strict CORS: same origin always; another origin only when the operator listed it.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      if (!config.allowedOrigins.includes(origin)) {
        throw hubError(403, 'origin-not-allowed', `The hub does not accept requests from web pages at ${origin.slice(0, 200)}.`);
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
        c.header('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
        c.header('Access-Control-Max-Age', '600');
        return c.body(null, 204);
      }
    }
    await next();
  });

  app.get('/api/v1/health', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', protocol: HUB_PROTOCOL_VERSION, serverTimeMs: config.now(), engine: config.db.engine, limits: { ...HUB_LIMITS } });
  });

  registerTeamRoutes(app, config);
  registerChangeRoutes(app, config);
  registerBlobRoutes(app, config);

  app.all('/api/*', () => {
    throw hubError(404, 'not-found', 'There is no such endpoint in the hub’s API (see docs/hub-protocol.md).');
  });
  if (config.appDir !== null) serveApp(app, config.appDir);

  app.onError((error, c) => {
    if (error instanceof HubHttpError) return errorResponse(c, error);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) {
      return errorResponse(c, hubError(503, 'unavailable', 'The hub cannot reach its database just now. Try again in a moment.'));
    }
    console.error(`hub: ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
    return errorResponse(c, hubError(500, 'internal', 'The hub failed to handle this request; nothing was changed. Try again, and tell the operator if it persists.'));
  });
  return app;
}
