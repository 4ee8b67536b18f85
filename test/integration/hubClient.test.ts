/**
 * The app's hub client (src/sync: joinHub, syncWithHub) against the REAL hub process on PGlite:
 * joining by code, notes and attachments reaching a teammate, concurrent edits of a shared field
 * landing in the conflict review, a revoked token keeping unsent changes until the device joins
 * again, a clock a day ahead refused without moving the device's clock, and the clock offset.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, call, type HubProcess } from './support/hubTestKit';
import { createTeamFor, hubDevice, inviteCode, type Team } from './support/hubClientKit';
import { assessmentInput, assessorInput, findingInput, observationInput, unwrap } from './support/storageTestKit';
import { CLOCK_META_KEY } from '../../src/storage/databaseSchema';
import { parseInvite } from '../../src/sync/joinHub';

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

async function teamWithNote() {
  const a = hubDevice(hub, { seed: 11, start: NOW, label: 'a' });
  const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
  const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
  const note = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'EKENG runs the interoperability platform.' }))).record;
  const team: Team = await createTeamFor(hub, assessment.id);
  await a.join(await inviteCode(hub, team, 'lead'), 'Anna laptop');
  return { a, assessment, anna, note, team };
}

describe('hub client against the real hub', () => {
  it('parses a typed code and a pasted link', () => {
    expect(parseInvite('7k2qd m8xpv c4j9t h3wna', 'hub.example.org')).toEqual({ ok: true, value: { hubUrl: 'https://hub.example.org', code: '7K2QD-M8XPV-C4J9T-H3WNA' } });
    expect(parseInvite('https://hub.example.org:8443/#/join?code=7K2QD-M8XPV-C4J9T-H3WNA', '')).toEqual({ ok: true, value: { hubUrl: 'https://hub.example.org:8443', code: '7K2QD-M8XPV-C4J9T-H3WNA' } });
    expect(parseInvite('', 'x')).toEqual({ ok: false, error: 'empty' });
    expect(parseInvite('hello', 'hub.example.org')).toEqual({ ok: false, error: 'not-a-code' });
    expect(parseInvite('7K2QD-M8XPV-C4J9T-H3WNA', '')).toEqual({ ok: false, error: 'no-hub-address' });
  });

  it('a note and its photo typed on A reach B; B’s reply reaches A; a second round moves nothing', async () => {
    const { a, assessment, anna, note, team } = await teamWithNote();
    const photo = new Blob([new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251)], { type: 'image/png' });
    const stored = unwrap(await a.store.putBlob(photo, 'image/png'));
    unwrap(await a.store.createRecord('attachment', { assessmentId: assessment.id, sha256: stored.sha256, mediaType: 'image/png', bytes: stored.bytes, fileName: 'strategy.png', caption: '', observationId: note.id }));
    const first = unwrap(await a.sync(assessment.id));
    expect(first.pushed).toBeGreaterThan(5);
    expect(first.uploaded).toBe(1);
    expect(unwrap(await a.store.pendingChanges()).changes).toEqual([]);

    const b = hubDevice(hub, { seed: 12, start: NOW + 1_000, label: 'b' });
    const connection = await b.join(await inviteCode(hub, team, 'assessor'), 'Boris tablet');
    expect(connection).toMatchObject({ role: 'assessor', assessmentId: assessment.id, cursor: '0', tokenState: 'valid' });
    const onB = unwrap(await b.sync(assessment.id));
    expect(onB.applied).toBe(first.pushed);
    expect(onB.downloaded).toBe(1);
    expect((await b.db.observation.get(note.id))?.text).toBe('EKENG runs the interoperability platform.');
    const bytes = unwrap(await b.store.getBlob(stored.sha256));
    expect(bytes?.bytes).toBe(photo.size);

    b.clock.advance(5_000);
    const reply = unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Boris: the API exists but is not documented.' }))).record;
    expect(unwrap(await b.sync(assessment.id)).pushed).toBeGreaterThan(0);
    a.clock.advance(6_000);
    expect(unwrap(await a.sync(assessment.id)).applied).toBeGreaterThan(0);
    expect((await a.db.observation.get(reply.id))?.text).toBe('Boris: the API exists but is not documented.');
    const again = unwrap(await a.sync(assessment.id));
    expect(again).toMatchObject({ applied: 0, pushed: 0, downloaded: 0, uploaded: 0 });
  }, 60_000);

  it('a shared field edited on both while B is offline lands in the conflict review of the device that meets it unpushed, newest kept everywhere', async () => {
    const { a, assessment, anna, team } = await teamWithNote();
    const finding = unwrap(await a.store.createRecord('finding', findingInput(assessment.id, anna.id))).record;
    unwrap(await a.sync(assessment.id));
    const b = hubDevice(hub, { seed: 13, start: NOW + 500, label: 'b' });
    await b.join(await inviteCode(hub, team, 'assessor'));
    unwrap(await b.sync(assessment.id));

    // Both edit the finding; A syncs first; B (offline meanwhile) edits later and then syncs.
    a.clock.advance(10_000);
    unwrap(await a.store.updateFields('finding', finding.id, { text: 'A: exchange is real-time for visas only.' }));
    unwrap(await a.sync(assessment.id));
    b.clock.advance(20_000);
    unwrap(await b.store.updateFields('finding', finding.id, { text: 'B: exchange is real-time, but manual at land borders.' }));
    const onB = unwrap(await b.sync(assessment.id));
    expect(onB.conflictsRecorded).toBe(1);
    const bConflicts = unwrap(await b.store.listConflicts(assessment.id)).conflicts;
    expect(bConflicts).toHaveLength(1);
    expect(bConflicts[0]).toMatchObject({ table: 'finding', field: 'text', lostSide: 'incoming', kept: { value: 'B: exchange is real-time, but manual at land borders.' }, lost: { value: 'A: exchange is real-time for visas only.' }, source: { kind: 'hub' } });
    // A converges on the newest; its own version had left the device already, so the hub (which
    // carries no version vectors) cannot tell A whether B had seen it: A records nothing, B did.
    a.clock.advance(30_000);
    const onA = unwrap(await a.sync(assessment.id));
    expect((await a.db.finding.get(finding.id))?.text).toBe('B: exchange is real-time, but manual at land borders.');
    expect(onA.conflictsRecorded).toBe(0);
    // A sequential correction (B had A's version) is not a conflict.
    b.clock.advance(40_000);
    unwrap(await b.store.updateFields('finding', finding.id, { text: 'B: corrected after reading A.' }));
    unwrap(await b.sync(assessment.id));
    a.clock.advance(50_000);
    expect(unwrap(await a.sync(assessment.id)).conflictsRecorded).toBe(0);
  }, 60_000);

  it('a revoked token keeps unsent changes until the device joins again, then they go out', async () => {
    const { a, assessment, anna, team } = await teamWithNote();
    unwrap(await a.sync(assessment.id));
    const b = hubDevice(hub, { seed: 14, start: NOW + 500, label: 'b' });
    const joined = await b.join(await inviteCode(hub, team, 'assessor'));
    unwrap(await b.sync(assessment.id));
    b.clock.advance(1_000);
    const waiting = unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Typed while revoked.' }))).record;
    const revoked = await call(hub.url, 'DELETE', `/api/v1/teams/${team.teamId}/devices/${joined.deviceId}`, { token: team.leadToken });
    expect(revoked.status).toBe(200);

    const refused = await b.sync(assessment.id);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'token', state: 'revoked' } });
    expect((await b.connection(assessment.id)).tokenState).toBe('revoked');
    const kept = unwrap(await b.store.pendingChanges()).changes.filter((c) => c.id === waiting.id);
    expect(kept.length).toBeGreaterThan(3);
    // Until it joins again, no round even asks the hub.
    expect(await b.sync(assessment.id)).toMatchObject({ ok: false, error: { kind: 'token', state: 'revoked' } });

    const rejoined = await b.join(await inviteCode(hub, team, 'assessor'));
    expect(rejoined.cursor).toBe(joined.cursor === '0' ? (await b.connection(assessment.id)).cursor : rejoined.cursor);
    expect(unwrap(await b.sync(assessment.id)).pushed).toBe(kept.length);
    unwrap(await a.sync(assessment.id));
    expect((await a.db.observation.get(waiting.id))?.text).toBe('Typed while revoked.');
  }, 60_000);

  it('a device whose clock is a day ahead is refused with the reason, keeps its changes, and its clock does not move', async () => {
    const { a, assessment, anna, team } = await teamWithNote();
    unwrap(await a.sync(assessment.id));
    const DAY = 24 * 3_600_000;
    const b = hubDevice(hub, { seed: 15, start: NOW + DAY + 3_600_000, label: 'b' });
    await b.join(await inviteCode(hub, team, 'assessor'));
    unwrap(await b.sync(assessment.id));
    unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'From the future.' })));
    const clockBefore = await b.db.meta.get(CLOCK_META_KEY);
    const pendingBefore = unwrap(await b.store.pendingChanges()).changes;
    const refused = await b.sync(assessment.id);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'hub', stage: 'push', failure: { status: 422, code: 'clock-ahead' } } });
    expect(await b.db.meta.get(CLOCK_META_KEY)).toEqual(clockBefore);
    expect(unwrap(await b.store.pendingChanges()).changes).toEqual(pendingBefore);
    // A never saw any of it.
    a.clock.advance(1_000);
    expect(unwrap(await a.sync(assessment.id)).applied).toBe(0);
  }, 60_000);

  it('measures the clock offset from the hub (the app warns past 5 minutes)', async () => {
    const { a, assessment } = await teamWithNote();
    a.clock.set(Date.now() - 7 * 60_000);
    const report = unwrap(await a.sync(assessment.id));
    expect(report.clockOffsetMs).toBeLessThan(-6 * 60_000);
    expect(report.clockOffsetMs).toBeGreaterThan(-8 * 60_000);
  }, 60_000);

  it('a pull cut mid-way resumes from the stored cursor and loses nothing', async () => {
    const { a, assessment, anna, team } = await teamWithNote();
    for (let i = 0; i < 30; i++) unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: `note ${i}` })));
    unwrap(await a.sync(assessment.id));
    let pulls = 0;
    const cutting = async (input: string, init?: RequestInit) => {
      if (input.includes('/changes?after=')) {
        pulls += 1;
        // The second page is cut: the first was applied and its cursor stored.
        if (pulls === 2) throw new TypeError('network connection was lost');
        return fetch(input.replace(/after=(\d+)$/, 'after=$1&limit=100'), init);
      }
      return fetch(input, init);
    };
    const b = hubDevice(hub, { seed: 16, start: NOW + 500, fetch: cutting, label: 'b' });
    await b.join(await inviteCode(hub, team, 'assessor'));
    expect(await b.sync(assessment.id)).toMatchObject({ ok: false, error: { kind: 'hub', failure: { kind: 'unreachable' } } });
    // The first page (100 changes) was applied and its cursor kept; the cut page moved nothing.
    const cursor = (await b.connection(assessment.id)).cursor;
    expect(Number(cursor)).toBeGreaterThan(0);
    const afterFirstPage = unwrap(await b.store.changesSince({})).changes.length;
    expect(afterFirstPage).toBeGreaterThan(0);
    expect(afterFirstPage).toBeLessThanOrEqual(100);
    const resumed = unwrap(await b.sync(assessment.id));
    const onA = unwrap(await a.store.changesSince({})).changes;
    const onB = unwrap(await b.store.changesSince({})).changes;
    expect(onB).toEqual(onA);
    expect(resumed.pulled + afterFirstPage).toBe(onA.length);
    expect(unwrap(await b.store.changesSince({})).changes.length).toBe(unwrap(await a.store.changesSince({})).changes.length);
  }, 60_000);
});
