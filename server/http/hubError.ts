/**
 * Errors the hub answers with: `{error: {code, message, details?}}`, the code from the protocol's
 * list. Route code throws HubHttpError; one handler turns it (and anything unexpected) into JSON.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { HubErrorCode } from '../../src/core/sync/hubProtocol';

export class HubHttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HubErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HubHttpError';
  }
}

export function hubError(status: ContentfulStatusCode, code: HubErrorCode, message: string, details?: Record<string, unknown>): HubHttpError {
  return new HubHttpError(status, code, message, details);
}

export function errorResponse(c: Context, error: HubHttpError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, error.status);
}
