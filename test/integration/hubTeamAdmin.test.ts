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

  it('a teammate whose clock runs an hour fast stops no one: its changes wait on each device until the clock reaches them, the rest syncs now', async () => {
    const lead = hubDevice(hub, { seed: 43, start: Date.now(), label: 'lead' });
    const assessment = unwrap(await lead.store.createRecord('assessment', assessmentInput())).record;
    unwrap(await lead.store.createRecord('assessor', assessorInput(assessment.id)));
    const connection = unwrap(await createHubTeam(lead.store, lead.api, hub.secret, { assessmentId: assessment.id, name: 'Clocks', deviceLabel: 'Lead', encrypted: false }));
    expect(unwrap(await lead.sync(assessment.id)).pushed).toBeGreaterThan(0);
    const invite = async () => unwrap(await lead.api.createInvite(connection.token, connection.teamId, 'assessor')).code;

    // An hour fast: within the hub's day, so the hub takes its changes.
    const fast = hubDevice(hub, { seed: 44, start: Date.now() + 3_600_000, label: 'fast' });
    await fast.join(await invite(), 'Fast clock');
    unwrap(await fast.sync(assessment.id));
    const early = unwrap(await fast.store.createRecord('institution', institutionInput(assessment.id, { name: 'Customs Service' }))).record;
    expect(unwrap(await fast.sync(assessment.id)).pushed).toBeGreaterThan(0);
    // Then the lead (right clock) writes after it.
    const later = unwrap(await lead.store.createRecord('institution', institutionInput(assessment.id, { name: 'Police' }))).record;
    unwrap(await lead.sync(assessment.id));

    // A tablet with the right clock joins: the lead's changes come in and its own go out in the same
    // round; the fast device's wait here, and the cursor moves past them (nothing is pulled twice).
    const tablet = hubDevice(hub, { seed: 45, start: Date.now(), label: 'tablet' });
    await tablet.join(await invite(), 'Tablet');
    const mine = unwrap(await tablet.store.createRecord('institution', institutionInput(assessment.id, { name: 'Migration Service' }))).record;
    const round = unwrap(await tablet.sync(assessment.id));
    expect(round.heldForClock).toBeGreaterThan(0);
    expect(round.heldDueByMs).toBeGreaterThan(tablet.clock.now());
    expect(round.pushed).toBeGreaterThan(0);
    const names = async () => (await tablet.db.institution.toArray()).map((i) => i.name).sort();
    expect(await names()).toEqual(['Migration Service', 'Police']);
    expect((await tablet.connection(assessment.id)).cursor).not.toBe('0');
    const again = unwrap(await tablet.sync(assessment.id));
    // What comes back is only the tablet's own push of the last round: the held ones are not pulled twice.
    expect(again).toMatchObject({ pulled: round.pushed, heldForClock: round.heldForClock });
    // The tablet's clock was not dragged into the fast device's future by what it received.
    const stamped = unwrap(await tablet.store.pendingChanges()).changes;
    expect(stamped.every((c) => Number(c.hlc.slice(0, 15)) <= tablet.clock.now() + 5 * 60_000)).toBe(true);
    // The lead got the tablet's institution in its next round.
    unwrap(await lead.sync(assessment.id));
    expect((await lead.db.institution.get(mine.id))?.name).toBe('Migration Service');

    // An hour on, the waiting changes are applied on the next round, with the fast device's values.
    tablet.clock.advance(3_600_000);
    const due = unwrap(await tablet.sync(assessment.id));
    expect(due).toMatchObject({ heldForClock: 0, heldDueByMs: undefined });
    expect(due.applied).toBeGreaterThan(0);
    expect(await names()).toEqual(['Customs Service', 'Migration Service', 'Police']);
    expect((await tablet.db.institution.get(early.id))?.name).toBe('Customs Service');
    expect((await tablet.db.institution.get(later.id))?.name).toBe('Police');
  }, 120_000);
});
