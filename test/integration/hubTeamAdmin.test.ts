/**
 * The app's team administration through the REAL hub (PGlite): a lead creates the assessment's
 * team space with the hub secret — refused with a wrong one, saving nothing; the secret is in no
 * stored row — makes an invite, sees the devices and invites, and revokes a teammate, whose edits
 * then wait in its outbox until it joins again.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from './support/hubTestKit';
import { hubDevice } from './support/hubClientKit';
import { assessmentInput, assessorInput, institutionInput, unwrap } from './support/storageTestKit';
import { createHubTeam } from '../../src/sync/createHubTeam';
import { readHubConnection } from '../../src/sync/hubConnection';

let hub: HubProcess & { secret: string };
beforeAll(async () => {
  const started = await startHub({ engine: 'pglite' });
  if (started.secret === null) throw new Error('no hub secret printed');
  hub = started as typeof hub;
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

describe('a lead administers the team from the app', () => {
  it('creates the team with the hub secret only, invites, lists, revokes; the revoked device keeps its edits until it joins again', async () => {
    const lead = hubDevice(hub, { seed: 41, start: Date.now(), label: 'lead' });
    const assessment = unwrap(await lead.store.createRecord('assessment', assessmentInput())).record;
    unwrap(await lead.store.createRecord('assessor', assessorInput(assessment.id)));

    const wrong = await createHubTeam(lead.store, lead.api, 'mmdma_h_wrong', { assessmentId: assessment.id, name: 'Armenia 2022', deviceLabel: 'Lead laptop', encrypted: false });
    expect(wrong.ok ? wrong.value : wrong.error).toMatchObject({ kind: 'hub', failure: { kind: 'refused', status: 401, code: 'invalid-hub-secret' } });
    expect(JSON.stringify(wrong)).not.toContain('mmdma_h_wrong');
    expect(unwrap(await readHubConnection(lead.store, assessment.id))).toBeUndefined();
    const blank = await createHubTeam(lead.store, lead.api, '  ', { assessmentId: assessment.id, name: 'Armenia 2022', deviceLabel: 'Lead laptop', encrypted: false });
    expect(blank.ok ? blank.value : blank.error).toEqual({ kind: 'input', problem: 'no-secret' });

    const connection = unwrap(await createHubTeam(lead.store, lead.api, ` ${hub.secret} `, { assessmentId: assessment.id, name: 'Armenia 2022', deviceLabel: 'Lead laptop', encrypted: false }));
    expect(connection).toMatchObject({ role: 'lead', tokenState: 'valid', teamName: 'Armenia 2022', cursor: '0', encrypted: false });
    const rows = unwrap(await lead.store.listPeerRows(assessment.id));
    expect(JSON.stringify(rows)).not.toContain(hub.secret);
    expect(unwrap(await lead.sync(assessment.id)).pushed).toBeGreaterThan(0);

    const invite = unwrap(await lead.api.createInvite(connection.token, connection.teamId, 'assessor', 24 * 60 * 60_000));
    expect(invite.role).toBe('assessor');
    const tablet = hubDevice(hub, { seed: 42, start: Date.now() + 1_000, label: 'tablet' });
    const joined = await tablet.join(invite.code, 'Tablet');
    expect(unwrap(await tablet.sync(assessment.id)).applied).toBeGreaterThan(0);

    const devices = unwrap(await lead.api.listDevices(connection.token, connection.teamId));
    expect(devices.map((d) => [d.label, d.role])).toEqual([['Lead laptop', 'lead'], ['Tablet', 'assessor']]);
    const invites = unwrap(await lead.api.listInvites(connection.token, connection.teamId));
    expect(invites).toMatchObject([{ prefix: invite.code.slice(0, 5), role: 'assessor', usedBy: joined.deviceId }]);
    const notLead = await tablet.api.listInvites(joined.token, joined.teamId);
    expect(notLead.ok ? notLead.value : notLead.error).toMatchObject({ kind: 'refused', status: 403, code: 'role-forbidden' });

    const revoked = unwrap(await lead.api.revokeDevice(connection.token, connection.teamId, joined.deviceId));
    expect(revoked.revokedAt).not.toBeNull();
    tablet.clock.advance(5_000);
    unwrap(await tablet.store.createRecord('institution', institutionInput(assessment.id, { name: 'State Revenue Committee' })));
    const refused = await tablet.sync(assessment.id);
    expect(refused.ok ? refused.value : refused.error).toMatchObject({ kind: 'token', state: 'revoked' });
    const waiting = unwrap(await tablet.store.pendingChanges()).changes.filter((c) => c.table === 'institution');
    expect(waiting.length).toBeGreaterThan(0);

    const again = unwrap(await lead.api.createInvite(connection.token, connection.teamId, 'assessor'));
    await tablet.join(again.code, 'Tablet');
    expect(unwrap(await tablet.sync(assessment.id)).pushed).toBe(waiting.length);
    const onLead = unwrap(await lead.sync(assessment.id));
    expect(onLead.applied, JSON.stringify(onLead)).toBeGreaterThan(0);
    expect((await lead.db.institution.toArray()).map((i) => i.name)).toContain('State Revenue Committee');
  }, 120_000);

  it('a device whose clock is behind the team does not skip the changes it refuses: the round stops with the reason and the cursor stays', async () => {
    const ahead = hubDevice(hub, { seed: 43, start: Date.now(), label: 'ahead' });
    const assessment = unwrap(await ahead.store.createRecord('assessment', assessmentInput())).record;
    unwrap(await ahead.store.createRecord('assessor', assessorInput(assessment.id)));
    const connection = unwrap(await createHubTeam(ahead.store, ahead.api, hub.secret, { assessmentId: assessment.id, name: 'Clocks', deviceLabel: 'Now', encrypted: false }));
    expect(unwrap(await ahead.sync(assessment.id)).pushed).toBeGreaterThan(0);
    // A device whose clock says October 2022 (storage's T0).
    const behind = hubDevice(hub, { seed: 44, label: 'behind' });
    await behind.join(unwrap(await ahead.api.createInvite(connection.token, connection.teamId, 'assessor')).code, 'Old clock');
    const round = await behind.sync(assessment.id);
    expect(round.ok ? round.value : round.error).toMatchObject({ kind: 'incoming-clock' });
    expect((await behind.connection(assessment.id)).cursor).toBe('0');
    // Once its clock is right, the same changes come in.
    behind.clock.advance(Date.now() - behind.clock.now() + 2_000);
    expect(unwrap(await behind.sync(assessment.id)).applied).toBeGreaterThan(0);
  }, 120_000);
});
