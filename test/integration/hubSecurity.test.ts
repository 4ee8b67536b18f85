/**
 * The hub under attack and misuse, with real requests to the real process on both engines: each
 * refusal has the right status, a stable code and a message that says what to do, and the team's
 * data is unchanged afterwards (same change count, same cursor, same digest).
 */
import { expect, it } from 'vitest';
import { describeOnEngines } from './support/hubEngines';
import { call, createTeam, invite, join, makeChanges, nodeId, push, pullAll, recordId, type TeamDevice } from './support/hubTestKit';

const digestOf = async (url: string, device: TeamDevice) => (await call(url, 'GET', `/api/v1/teams/${device.teamId}/digest`, { token: device.token })).body;

async function expectUnchanged(url: string, lead: TeamDevice, before: unknown): Promise<void> {
  const after = await digestOf(url, lead);
  expect({ ...after, serverTimeMs: 0 }).toEqual({ ...(before as object), serverTimeMs: 0 });
}

function expectError(reply: { status: number; body: any }, status: number, code: string, message?: RegExp): void {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(typeof reply.body.error.message).toBe('string');
  if (message) expect(reply.body.error.message).toMatch(message);
}

describeOnEngines('hub security', ({ hub, need }) => {
  /** A team with one change, and its digest before the attack. */
  async function seededTeam() {
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    expect((await push(url, lead, makeChanges(nodeId(1), 4))).status).toBe(200);
    return { url, lead, before: await digestOf(url, lead) };
  }

  it('answers health without a token, and everything else without one with 401 JSON', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const health = await call(url, 'GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', protocol: 1 });
    for (const [method, path] of [
      ['GET', `/api/v1/teams/${lead.teamId}`],
      ['GET', `/api/v1/teams/${lead.teamId}/changes?after=0`],
      ['POST', `/api/v1/teams/${lead.teamId}/changes`],
      ['GET', `/api/v1/teams/${lead.teamId}/digest`],
      ['GET', `/api/v1/teams/${lead.teamId}/devices`],
      ['POST', `/api/v1/teams/${lead.teamId}/invites`],
    ] as const) {
      const reply = await call(url, method, path, method === 'POST' ? { json: { changes: makeChanges(nodeId(2), 1) } } : {});
      expectError(reply, 401, 'missing-token', /Authorization: Bearer/);
    }
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}`, { token: 'mmdma_d_not-a-real-token' }), 401, 'invalid-token');
    await expectUnchanged(url, lead, before);
  });

  it('creates team spaces only with the hub secret', async (ctx) => {
    need(ctx);
    const { url } = hub();
    const body = { name: 'X', assessmentId: recordId(1), device: { label: 'Laptop' } };
    expectError(await call(url, 'POST', '/api/v1/teams', { json: body }), 401, 'missing-token', /hub secret/);
    expectError(await call(url, 'POST', '/api/v1/teams', { json: body, token: 'mmdma_h_wrong' }), 401, 'invalid-hub-secret');
    const lead = await createTeam(hub());
    // A device token is not the hub secret either.
    expectError(await call(url, 'POST', '/api/v1/teams', { json: body, token: lead.token }), 401, 'invalid-hub-secret');
  });

  it('refuses a revoked token, keeps the refused changes out, and takes them after the device joins again', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const assessor = await join(url, lead, 'assessor');
    const waiting = makeChanges(nodeId(3), 10);
    const revoked = await call(url, 'DELETE', `/api/v1/teams/${lead.teamId}/devices/${assessor.deviceId}`, { token: lead.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.device.revokedAt).not.toBeNull();
    const refused = await push(url, assessor, waiting);
    expectError(refused, 401, 'token-revoked', /unsent changes are kept/);
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}/changes?after=0`, { token: assessor.token }), 401, 'token-revoked');
    await expectUnchanged(url, lead, before);
    // The device joins again with a new code; what waited goes through, once.
    const again = await join(url, lead, 'assessor', 'same tablet, new token');
    const accepted = await push(url, again, waiting);
    expect(accepted.body).toMatchObject({ accepted: 10, duplicates: 0 });
    const { changes } = await pullAll(url, lead);
    expect(changes.filter((change) => change.node === nodeId(3))).toHaveLength(10);
  });

  it("keeps each team out of another team's space", async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const other = await createTeam(hub(), { name: 'Another assessment' });
    const path = `/api/v1/teams/${lead.teamId}`;
    expectError(await call(url, 'GET', `${path}/changes?after=0`, { token: other.token }), 403, 'wrong-team', /another team/);
    expectError(await push(url, { ...other, teamId: lead.teamId }, makeChanges(nodeId(4), 3)), 403, 'wrong-team');
    expectError(await call(url, 'GET', `${path}/digest`, { token: other.token }), 403, 'wrong-team');
    expectError(await call(url, 'POST', `${path}/invites`, { token: other.token, json: { role: 'lead' } }), 403, 'wrong-team');
    expectError(await call(url, 'DELETE', `${path}/devices/${lead.deviceId}`, { token: other.token }), 403, 'wrong-team');
    await expectUnchanged(url, lead, before);
    // The lead's device still works: the attempt to revoke it was refused.
    expect((await call(url, 'GET', path, { token: lead.token })).status).toBe(200);
  });

  it('lets an observer read but write nothing', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const observer = await join(url, lead, 'observer');
    expect((await pullAll(url, observer)).changes).toHaveLength(4);
    expectError(await push(url, observer, makeChanges(nodeId(5), 2)), 403, 'role-forbidden', /observer/);
    expectError(await call(url, 'POST', `/api/v1/teams/${lead.teamId}/invites`, { token: observer.token, json: { role: 'lead' } }), 403, 'role-forbidden');
    expectError(
      await call(url, 'POST', `/api/v1/teams/${lead.teamId}/blobs`, { token: observer.token, json: { sha256: 'a'.repeat(64), bytes: 10, mediaType: 'image/png' } }),
      403,
      'role-forbidden',
    );
    await expectUnchanged(url, lead, before);
  });

  it('refuses a whole batch in which an assessor writes what only the lead may', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const assessor = await join(url, lead, 'assessor');
    for (const table of ['consensus', 'assessor', 'assessment'] as const) {
      const batch = [...makeChanges(nodeId(6), 3), ...makeChanges(nodeId(6), 1, { table, startMs: Date.now() - 1000 })];
      const reply = await push(url, assessor, batch);
      expectError(reply, 403, 'role-forbidden', new RegExp(`${table} table; only the lead`));
      expect(reply.body.error.details).toMatchObject({ table, role: 'assessor' });
    }
    await expectUnchanged(url, lead, before);
    // The lead may write them.
    expect((await push(url, lead, makeChanges(nodeId(1), 2, { table: 'consensus', firstRecord: 500 }))).status).toBe(200);
  });

  it('spends an invite code once, and not after it expired', async (ctx) => {
    need(ctx);
    const { url, lead } = await seededTeam();
    const code = await invite(url, lead, 'assessor');
    const first = await call(url, 'POST', '/api/v1/join', { json: { code: code.toLowerCase().replace(/-/g, ' '), device: { label: 'Tablet' } } });
    expect(first.status).toBe(201);
    expect(first.body.device.role).toBe('assessor');
    expectError(await call(url, 'POST', '/api/v1/join', { json: { code, device: { label: 'Thief' } } }), 410, 'invite-used', /used already/);
    const shortLived = await invite(url, lead, 'lead', 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expectError(await call(url, 'POST', '/api/v1/join', { json: { code: shortLived, device: { label: 'Late' } } }), 410, 'invite-expired', /expired/);
    expectError(await call(url, 'POST', '/api/v1/join', { json: { code: '00000-00000-00000-00000', device: { label: 'Guess' } } }), 401, 'invite-invalid');
    expectError(await call(url, 'POST', '/api/v1/join', { json: { code: 'nonsense', device: { label: 'Guess' } } }), 400, 'invalid-request', /invite code/);
    // Only the first device joined.
    const devices = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/devices`, { token: lead.token });
    expect(devices.body.devices.map((d: { label: string }) => d.label).sort()).toEqual(['Lead laptop', 'Tablet']);
  });

  it('answers malformed JSON, a wrong content type and invalid changes with 400/415 and stores nothing', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const path = `/api/v1/teams/${lead.teamId}/changes`;
    const headers = { 'content-type': 'application/json' };
    expectError(await call(url, 'POST', path, { token: lead.token, body: '{"changes": [', headers }), 400, 'malformed-json');
    expectError(await call(url, 'POST', path, { token: lead.token, body: new Uint8Array([0x7b, 0xff, 0x7d]), headers }), 400, 'malformed-json');
    expectError(await call(url, 'POST', path, { token: lead.token, body: JSON.stringify({ changes: makeChanges(nodeId(7), 1) }), headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
    const bad = { ...makeChanges(nodeId(7), 1)[0]!, table: 'passwords' };
    const invalid = await push(url, lead, [...makeChanges(nodeId(7), 2), bad]);
    expectError(invalid, 400, 'invalid-request', /changes\.2/);
    expect(invalid.body.error.details.issues.length).toBeGreaterThan(0);
    expectError(await push(url, lead, [{ ...makeChanges(nodeId(7), 1)[0]!, node: nodeId(8) }]), 400, 'invalid-request');
    expectError(await push(url, lead, []), 400, 'invalid-request');
    await expectUnchanged(url, lead, before);
  });

  it('refuses an oversize body and an oversize batch with 413 before storing anything', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const big = makeChanges(nodeId(9), 600, { text: () => 'x'.repeat(2_000) });
    const tooBig = await push(url, lead, big);
    expectError(tooBig, 413, 'payload-too-large');
    expect(tooBig.body.error.details).toMatchObject({ limit: 1024 * 1024, unit: 'bytes' });
    const tooMany = await push(url, lead, makeChanges(nodeId(9), 1_001, { text: () => '' }));
    expectError(tooMany, 413, 'payload-too-large', /at most 1000 changes/);
    // Exactly at the limits is fine.
    expect((await push(url, lead, makeChanges(nodeId(9), 1_000, { text: () => '' }))).status).toBe(200);
    const after = await digestOf(url, lead);
    expect(after.changes).toBe(before.changes + 1_000);
  });

  it('refuses a request flood with 429 and Retry-After, storing nothing from the refused requests', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const flooder = await join(url, lead, 'assessor');
    const statuses: number[] = [];
    let refusal: { status: number; body: any; headers: Headers } | undefined;
    const send = async () => {
      const reply = await call(url, 'GET', `/api/v1/teams/${lead.teamId}`, { token: flooder.token });
      statuses.push(reply.status);
      if (reply.status === 429) refusal ??= reply;
    };
    for (let round = 0; round < 26; round += 1) await Promise.all(Array.from({ length: 25 }, send));
    expect(statuses.filter((s) => s === 200).length).toBe(600);
    expect(statuses.filter((s) => s === 429).length).toBe(50);
    expectError(refusal!, 429, 'rate-limited', /at most 600 a minute/);
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThan(0);
    expectError(await push(url, flooder, makeChanges(nodeId(10), 3)), 429, 'rate-limited');
    await expectUnchanged(url, lead, before);
    // Other devices are not throttled by one device's flood.
    expect((await call(url, 'GET', `/api/v1/teams/${lead.teamId}`, { token: lead.token })).status).toBe(200);
  });

  it('refuses cross-origin requests and sends security headers', async (ctx) => {
    need(ctx);
    const { url, lead, before } = await seededTeam();
    const reply = await call(url, 'POST', `/api/v1/teams/${lead.teamId}/changes`, {
      token: lead.token,
      json: { changes: makeChanges(nodeId(11), 1) },
      headers: { origin: 'https://evil.example' },
    });
    expectError(reply, 403, 'origin-not-allowed');
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call(url, 'OPTIONS', `/api/v1/teams/${lead.teamId}/changes`, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    await expectUnchanged(url, lead, before);
    const health = await call(url, 'GET', '/api/v1/health', { headers: { origin: url } });
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('permissions-policy')).toContain('camera=(self)');
  });

  it('lists devices with their last use to the lead, and only itself to others', async (ctx) => {
    need(ctx);
    const { url, lead } = await seededTeam();
    const assessor = await join(url, lead, 'assessor');
    await pullAll(url, assessor);
    const all = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/devices`, { token: lead.token });
    expect(all.body.devices).toHaveLength(2);
    const listed = all.body.devices.find((d: { id: string }) => d.id === assessor.deviceId);
    expect(listed).toMatchObject({ role: 'assessor', revokedAt: null });
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    const own = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/devices`, { token: assessor.token });
    expect(own.body.devices.map((d: { id: string }) => d.id)).toEqual([assessor.deviceId]);
    expectError(await call(url, 'DELETE', `/api/v1/teams/${lead.teamId}/devices/${lead.deviceId}`, { token: assessor.token }), 403, 'role-forbidden');
    expect(JSON.stringify(all.body)).not.toContain(lead.token);
  });

  it('lists invites to the lead only, never with the whole code, and shows which were used', async (ctx) => {
    need(ctx);
    const { url, lead } = await seededTeam();
    const code = await invite(url, lead, 'assessor');
    await invite(url, lead, 'observer', 60_000);
    const joined = await call(url, 'POST', '/api/v1/join', { json: { code, device: { label: 'Tablet' } } });
    expect(joined.status).toBe(201);
    const listed = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/invites`, { token: lead.token });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(listed.body.invites.map((i: { role: string }) => i.role)).toEqual(['observer', 'assessor']);
    const used = listed.body.invites.find((i: { role: string }) => i.role === 'assessor');
    expect(used).toMatchObject({ prefix: code.slice(0, 5), usedBy: joined.body.device.id });
    expect(Date.parse(used.usedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(listed.body)).not.toContain(code);
    const assessor: TeamDevice = { token: joined.body.token, deviceId: joined.body.device.id, teamId: lead.teamId, role: 'assessor' };
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}/invites`, { token: assessor.token }), 403, 'role-forbidden');
    const other = await createTeam(hub());
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}/invites`, { token: other.token }), 403, 'wrong-team');
  });

  it('finds an encrypted upload by its ref only in its own team, and refuses a ref declared for other bytes', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret }, { encrypted: true });
    const ref = 'ab'.repeat(32);
    const declare = (sha256: string) => call(url, 'POST', `/api/v1/teams/${lead.teamId}/blobs`, { token: lead.token, json: { sha256, bytes: 10, mediaType: 'application/octet-stream', ref } });
    expect((await declare('11'.repeat(32))).body).toMatchObject({ sha256: '11'.repeat(32), ref, received: 0 });
    expectError(await declare('22'.repeat(32)), 409, 'blob-mismatch');
    const found = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/blobs/by-ref/${ref}`, { token: lead.token });
    expect(found.body).toMatchObject({ sha256: '11'.repeat(32), complete: false });
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}/blobs/by-ref/not-hex`, { token: lead.token }), 400, 'invalid-request');
    const other = await createTeam({ url, secret }, { encrypted: true });
    expectError(await call(url, 'GET', `/api/v1/teams/${lead.teamId}/blobs/by-ref/${ref}`, { token: other.token }), 403, 'wrong-team');
    expectError(await call(url, 'GET', `/api/v1/teams/${other.teamId}/blobs/by-ref/${ref}`, { token: other.token }), 404, 'not-found');
  });
});
