/**
 * Drift detection and repair with the hub's digest, against the REAL hub process on PGlite. The
 * drift is the kind that normal rounds never see: a device whose data is older than its stored
 * cursor (restored from a backup taken before its last pull, with the connection row from after),
 * and a change the device had pushed and dropped from its outbox that the hub no longer holds (the
 * hub's database restored from a backup taken before that push). A plain round moves nothing; the
 * digest check finds the differing days, pulls from cursor 0, pushes again what the hub lacks, and
 * both devices and the hub end identical — and a second check finds nothing.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHub, type HubProcess } from './support/hubTestKit';
import { createTeamFor, hubDevice, inviteCode, type HubDevice } from './support/hubClientKit';
import { assessmentInput, assessorInput, observationInput, unwrap } from './support/storageTestKit';
import { patchHubConnection } from '../../src/sync/hubConnection';
import { syncWithHub } from '../../src/sync/hubSync';
import { createHubSyncLoop } from '../../src/sync/hubSyncLoop';
import type { HubApi } from '../../src/sync/hubApi';

let hub: HubProcess & { secret: string };
beforeAll(async () => {
  const started = await startHub({ engine: 'pglite' });
  if (started.secret === null) throw new Error('no hub secret printed');
  hub = started as HubProcess & { secret: string };
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

const NOW = Date.now();

const checkedRound = async (device: HubDevice, assessmentId: string) => syncWithHub({ store: device.store, api: device.api, now: device.clock.now, checkDrift: true }, await device.connection(assessmentId));
const notes = async (device: HubDevice) => (await device.db.observation.toArray()).map(({ id, text }) => ({ id, text })).sort((x, y) => x.id.localeCompare(y.id));

describe('drift repair with the hub digest', () => {
  let shared: { b: HubDevice; assessmentId: string; assessorId: string } | undefined;

  it('a device whose cursor is ahead of its data, and a push the hub lost, are found by the digest and repaired', async () => {
    const a = hubDevice(hub, { seed: 41, start: NOW, label: 'a' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'First interview: the registry.' })));
    const team = await createTeamFor(hub, assessment.id);
    await a.join(await inviteCode(hub, team, 'lead'), 'Anna laptop');
    unwrap(await a.sync(assessment.id));

    const b = hubDevice(hub, { seed: 42, start: NOW + 1_000, label: 'b' });
    await b.join(await inviteCode(hub, team, 'assessor'), 'Boris tablet');
    const clean = unwrap(await checkedRound(b, assessment.id));
    expect(clean.drift).toEqual({ days: 0, pushedAgain: 0, remainingDays: 0 });

    // A adds a note; B's data never gets it, but B's cursor moves past it (the restored backup).
    a.clock.advance(5_000);
    const missed = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Second interview: the data exchange platform.' }))).record;
    unwrap(await a.sync(assessment.id));
    const onB = await b.connection(assessment.id);
    const hubCursor = unwrap(await b.api.digest(onB.token, onB.teamId)).cursor;
    expect(hubCursor).not.toBe(onB.cursor);
    unwrap(await patchHubConnection(b.store, onB, { cursor: hubCursor }));

    // B wrote a note that reached the hub once, and the hub lost it (its database restored from
    // before): B's outbox no longer holds it, so no ordinary round sends it again. Modelled by
    // acknowledging it unsent — to the hub and to B the state is the same.
    b.clock.advance(7_000);
    const lost = unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Boris: the platform logs are kept for 30 days.' }))).record;
    unwrap(await b.store.acknowledgeChanges(unwrap(await b.store.pendingChanges()).changes));

    // An ordinary round sees nothing wrong: that is what drift is.
    expect(unwrap(await b.sync(assessment.id))).toMatchObject({ applied: 0, pushed: 0 });
    expect(await b.db.observation.get(missed.id)).toBeUndefined();

    const repaired = unwrap(await checkedRound(b, assessment.id));
    expect(repaired.drift!.days).toBeGreaterThan(0);
    expect(repaired.drift!.pushedAgain).toBeGreaterThan(0);
    expect(repaired.drift!.remainingDays).toBe(0);
    expect((await b.db.observation.get(missed.id))?.text).toBe('Second interview: the data exchange platform.');

    a.clock.advance(10_000);
    unwrap(await a.sync(assessment.id));
    expect((await a.db.observation.get(lost.id))?.text).toBe('Boris: the platform logs are kept for 30 days.');
    expect(await notes(b)).toEqual(await notes(a));
    // Both now agree with the hub; checking again finds nothing and moves nothing.
    expect(unwrap(await checkedRound(a, assessment.id)).drift).toEqual({ days: 0, pushedAgain: 0, remainingDays: 0 });
    expect(unwrap(await checkedRound(b, assessment.id))).toMatchObject({ applied: 0, pushed: 0, drift: { days: 0, pushedAgain: 0, remainingDays: 0 } });
    shared = { b, assessmentId: assessment.id, assessorId: anna.id };
  }, 120_000);

  it('the background loop checks on its first round and on “Sync now”, not on every round', async () => {
    expect(shared).toBeDefined();
    const { b, assessmentId, assessorId } = shared!;
    let digests = 0;
    const api: HubApi = { ...b.api, digest: async (token, teamId) => ((digests += 1), b.api.digest(token, teamId)) };
    const loop = createHubSyncLoop({ store: b.store, assessmentId, apiFor: () => api, now: b.clock.now, pollIntervalMs: 600_000 });
    try {
      await vi.waitFor(() => expect(loop.status().lastSyncedAt).toBeDefined(), { timeout: 30_000, interval: 50 });
      expect(digests).toBe(1);
      expect(loop.status().drift).toBeUndefined();
      const firstAt = loop.status().lastSyncedAt!;
      b.clock.advance(1_000);
      unwrap(await b.store.createRecord('observation', observationInput(assessmentId, assessorId, null, { text: 'Boris: one more thing.' })));
      // The edit's own round (after the edit delay) pushes it without a digest.
      await vi.waitFor(() => expect(loop.status()).toMatchObject({ pending: 0, state: 'synced' }), { timeout: 30_000, interval: 50 });
      await vi.waitFor(() => expect(loop.status().lastSyncedAt).not.toBe(firstAt), { timeout: 30_000, interval: 50 });
      expect(digests).toBe(1);
      await loop.syncNow();
      expect(digests).toBe(2);
    } finally {
      loop.stop();
    }
  }, 120_000);
});
