/** Team spaces, invites, joining and devices. */
import type { Hono } from 'hono';
import {
  HUB_LIMITS,
  createInviteRequestSchema,
  createTeamRequestSchema,
  deviceIdParamSchema,
  joinRequestSchema,
} from '../../src/core/sync/hubProtocol';
import { createInvite, createTeam, joinWithInvite, listDevices, listInvites, revokeDevice } from '../store/teamStore';
import { authenticate, bearerToken, takeAnonymousRate } from '../http/authenticate';
import { hubError } from '../http/hubError';
import type { HubConfig, HubEnv } from '../http/hubContext';
import { readJson, validate } from '../http/readBody';
import { sameHash, sha256Hex } from '../http/secrets';

export function registerTeamRoutes(app: Hono<HubEnv>, config: HubConfig): void {
  const { db } = config;

  app.post('/api/v1/teams', async (c) => {
    takeAnonymousRate(config, c);
    const secret = bearerToken(c);
    if (secret === null) throw hubError(401, 'missing-token', 'Creating a team space needs the hub secret: send it as "Authorization: Bearer <hub secret>".');
    if (!sameHash(sha256Hex(secret), config.hubSecretHash)) {
      throw hubError(401, 'invalid-hub-secret', 'That is not this hub’s secret. The operator saw it once, when the hub first started.');
    }
    const body = await readJson(c, createTeamRequestSchema, HUB_LIMITS.MAX_JSON_BODY_BYTES);
    const created = await createTeam(db, { name: body.name, assessmentId: body.assessmentId, encrypted: body.encrypted, deviceLabel: body.device.label }, config.now());
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });

  app.post('/api/v1/join', async (c) => {
    takeAnonymousRate(config, c);
    const body = await readJson(c, joinRequestSchema, HUB_LIMITS.MAX_JSON_BODY_BYTES);
    const outcome = await joinWithInvite(db, body.code, body.device.label, config.now());
    switch (outcome.kind) {
      case 'unknown':
        throw hubError(401, 'invite-invalid', 'The hub does not know this invite code. Check it with the lead, or ask for a new one.');
      case 'used':
        throw hubError(410, 'invite-used', 'This invite code has been used already; each code joins one device. Ask the lead for a new one.');
      case 'expired':
        throw hubError(410, 'invite-expired', 'This invite code has expired. Ask the lead for a new one.');
      case 'joined':
        c.header('Cache-Control', 'no-store');
        return c.json({ team: outcome.team, device: outcome.device, token: outcome.token }, 201);
    }
  });

  const team = authenticate(config);
  // Also matches /api/v1/teams/:teamId itself (Hono's /* includes the bare path).
  app.use('/api/v1/teams/:teamId/*', team);

  app.get('/api/v1/teams/:teamId', (c) => {
    const { team: info, device } = c.get('auth');
    return c.json({ team: info, device, serverTimeMs: config.now() });
  });

  app.post('/api/v1/teams/:teamId/invites', async (c) => {
    const { team: info, device } = c.get('auth');
    if (device.role !== 'lead') throw hubError(403, 'role-forbidden', 'Only the team’s lead may invite devices.', { role: device.role });
    const body = await readJson(c, createInviteRequestSchema, HUB_LIMITS.MAX_JSON_BODY_BYTES);
    const invite = await createInvite(db, info.id, device.id, body.role, body.ttlMs ?? HUB_LIMITS.DEFAULT_INVITE_TTL_MS, config.now());
    c.header('Cache-Control', 'no-store');
    return c.json(invite, 201);
  });

  app.get('/api/v1/teams/:teamId/invites', async (c) => {
    const { team: info, device } = c.get('auth');
    if (device.role !== 'lead') throw hubError(403, 'role-forbidden', 'Only the team’s lead may see its invite codes.', { role: device.role });
    c.header('Cache-Control', 'no-store');
    return c.json({ invites: await listInvites(db, info.id) });
  });

  app.get('/api/v1/teams/:teamId/devices', async (c) => {
    const { team: info, device } = c.get('auth');
    const devices = await listDevices(db, info.id);
    return c.json({ devices: device.role === 'lead' ? devices : devices.filter((d) => d.id === device.id) });
  });

  app.delete('/api/v1/teams/:teamId/devices/:deviceId', async (c) => {
    const { team: info, device } = c.get('auth');
    const target = validate(deviceIdParamSchema, c.req.param('deviceId'), 'path');
    if (device.role !== 'lead' && target !== device.id) {
      throw hubError(403, 'role-forbidden', 'Only the lead may remove other devices; a device may remove itself.', { role: device.role });
    }
    const revoked = await revokeDevice(db, info.id, target, config.now());
    if (!revoked) throw hubError(404, 'not-found', 'This team has no such device.');
    return c.json({ device: revoked });
  });
}
