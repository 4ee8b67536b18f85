/**
 * Every team-scoped request passes here: a bearer token that hashes to a device, not revoked, not
 * expired, within its rate limit, and of the team named in the path. Failures are counted against
 * the client's address so guessing tokens is throttled like any anonymous traffic.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { uuidSchema } from '../../src/core/ids/uuidSchema';
import { findDeviceByToken, touchDevice } from '../store/teamStore';
import { HubHttpError, hubError } from './hubError';
import type { HubConfig, HubEnv } from './hubContext';

export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Counts one request against the key; throws 429 with Retry-After when over the limit. */
export function takeRate(config: HubConfig, key: string, limitPerMinute: number): void {
  const retryAfterS = config.limiter.take(key, limitPerMinute, config.now());
  if (retryAfterS !== null) {
    throw new HubHttpError(
      429,
      'rate-limited',
      `Too many requests: at most ${limitPerMinute} a minute. Try again in ${retryAfterS} s.`,
      { retryAfterSeconds: retryAfterS, limitPerMinute },
      { 'Retry-After': String(retryAfterS) },
    );
  }
}

export function takeAnonymousRate(config: HubConfig, c: Context): void {
  takeRate(config, `address:${clientAddress(c)}`, config.anonymousRatePerMinute);
}

export function authenticate(config: HubConfig): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (token === null) {
      takeAnonymousRate(config, c);
      throw hubError(401, 'missing-token', 'This request needs a device token: send it as "Authorization: Bearer <token>". Join the team with an invite code to get one.');
    }
    const owner = await findDeviceByToken(config.db, token);
    if (!owner) {
      takeAnonymousRate(config, c);
      throw hubError(401, 'invalid-token', 'The hub does not know this device token. Join the team again with a new invite code.');
    }
    const now = config.now();
    takeRate(config, `device:${owner.device.id}`, config.ratePerMinute);
    if (owner.device.revokedAt !== null) {
      throw hubError(401, 'token-revoked', 'This device was removed from the team. Your unsent changes are kept on the device; ask the lead for a new invite code and join again to send them.');
    }
    if (Date.parse(owner.device.expiresAt) <= now) {
      throw hubError(401, 'token-expired', 'This device’s token has expired. Your unsent changes are kept on the device; ask the lead for a new invite code and join again to send them.');
    }
    const teamId = c.req.param('teamId');
    if (!uuidSchema.safeParse(teamId).success) throw hubError(404, 'not-found', 'There is no team space at this address.');
    if (teamId !== owner.team.id) throw hubError(403, 'wrong-team', 'This device belongs to another team space; it may not read or write this one.');
    await touchDevice(config.db, owner.device, now);
    c.set('auth', { device: owner.device, team: owner.team });
    await next();
  };
}
