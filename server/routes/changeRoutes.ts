/** Push, pull and the digest. */
import type { Hono } from 'hono';
import { HUB_LIMITS, isEncryptedHubChange, pullQuerySchema, pushRequestSchema, roleMayWrite } from '../../src/core/sync/hubProtocol';
import { pullChanges, pushChanges, teamDigest } from '../store/changeStore';
import { findClockAhead, MAX_CLOCK_AHEAD_MS } from '../http/clockCheck';
import { hubError } from '../http/hubError';
import type { HubConfig, HubEnv } from '../http/hubContext';
import { readJson, validate } from '../http/readBody';

export function registerChangeRoutes(app: Hono<HubEnv>, config: HubConfig): void {
  const { db } = config;

  app.post('/api/v1/teams/:teamId/changes', async (c) => {
    const { team, device } = c.get('auth');
    if (device.role === 'observer') {
      throw hubError(403, 'role-forbidden', 'An observer reads the team’s work but writes nothing. Ask the lead for an assessor invite to contribute.', { role: 'observer' });
    }
    const startedMs = performance.now();
    const { changes } = await readJson(c, pushRequestSchema, HUB_LIMITS.MAX_PUSH_BODY_BYTES, (parsed) => {
      const count = (parsed as { changes?: unknown } | null)?.changes;
      if (Array.isArray(count) && count.length > HUB_LIMITS.MAX_PUSH_CHANGES) {
        throw hubError(413, 'payload-too-large', `A push carries at most ${HUB_LIMITS.MAX_PUSH_CHANGES} changes; this one has ${count.length}. Send them in batches.`, {
          limit: HUB_LIMITS.MAX_PUSH_CHANGES,
          unit: 'changes',
        });
      }
    });
    const forbidden = changes.find((change) => !roleMayWrite(device.role, change.table));
    if (forbidden) {
      throw hubError(403, 'role-forbidden', `An ${device.role} may not write the ${forbidden.table} table; only the lead may. Nothing of this push was stored.`, {
        table: forbidden.table,
        role: device.role,
      });
    }
    if (team.encrypted) {
      const plain = changes.find((change) => !isEncryptedHubChange(change));
      if (plain) {
        throw hubError(422, 'plaintext-in-encrypted-team', 'This team uses end-to-end encryption: every value must be sent encrypted ("enc"), never in clear. Nothing of this push was stored.', {
          hlc: plain.hlc,
        });
      }
    } else if (changes.some(isEncryptedHubChange)) {
      throw hubError(400, 'invalid-request', 'This team does not use end-to-end encryption: send values in clear ("value"). Nothing of this push was stored.');
    }
    const now = config.now();
    const ahead = findClockAhead(
      changes.map((change) => change.hlc),
      now,
    );
    if (ahead) {
      const hours = Math.round(ahead.aheadMs / 3_600_000);
      throw hubError(
        422,
        'clock-ahead',
        `A change is dated ${hours} h ahead of the hub's clock (more than ${MAX_CLOCK_AHEAD_MS / 3_600_000} h is refused). Set this device's date and time correctly, then sync again. Nothing of this push was stored.`,
        { hlc: ahead.hlc, aheadMs: ahead.aheadMs, maxAheadMs: MAX_CLOCK_AHEAD_MS, serverTimeMs: now },
      );
    }
    const checkedMs = performance.now();
    const outcome = await pushChanges(db, team.id, device.id, changes);
    // Where a push spends its time, for operators (browser dev tools show it too).
    c.header('Server-Timing', `read;dur=${(checkedMs - startedMs).toFixed(1)}, store;dur=${(performance.now() - checkedMs).toFixed(1)}`);
    if (outcome.kind === 'no-team') throw hubError(404, 'not-found', 'There is no team space at this address.');
    if (outcome.kind === 'conflict') {
      throw hubError(
        409,
        'conflicting-resend',
        'The hub already holds a change with the same timestamp and node but other content. Two installations may share one node id (a copied profile). Nothing of this push was stored.',
        { conflicts: outcome.conflicts },
      );
    }
    return c.json({ accepted: outcome.accepted, duplicates: outcome.duplicates, cursor: outcome.cursor, serverTimeMs: config.now() });
  });

  app.get('/api/v1/teams/:teamId/changes', async (c) => {
    const { team } = c.get('auth');
    const query = validate(pullQuerySchema, c.req.query(), 'query');
    const page = await pullChanges(db, team.id, query.after, query.limit);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...page, serverTimeMs: config.now() });
  });

  app.get('/api/v1/teams/:teamId/digest', async (c) => {
    const { team } = c.get('auth');
    c.header('Cache-Control', 'no-store');
    return c.json({ ...(await teamDigest(db, team.id)), serverTimeMs: config.now() });
  });
}
