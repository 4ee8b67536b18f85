/**
 * Mixed app versions in one team (issue 10, item 6; docs/mixed-versions.md): what an older client
 * does with a newer client's fields, values and tables, through the hub (the REAL hub process) and
 * through bundles. The rule: nothing is lost, nothing the old app cannot read is shown half, and
 * what it cannot read at all stops that exchange with a reason instead of being skipped.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/clock/hlc';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { exportBundle } from '../../src/exchange/exportBundle';
import { applyImport } from '../../src/exchange/importBundle';
import { startHub, call, type HubProcess } from './support/hubTestKit';
import { createTeamFor, hubDevice, inviteCode } from './support/hubClientKit';
import { assessmentInput, assessorInput, dumpDatabase, observationInput, unwrap } from './support/storageTestKit';

let hub: HubProcess & { secret: string };
beforeAll(async () => {
  hub = (await startHub({ engine: 'pglite' })) as HubProcess & { secret: string };
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

/** A newer client's device: its node id and a clock for its changes, sent straight over HTTP. */
const NEWER_NODE = 'feedfacecafebeef';
let tick = 0;
function newerChange(fields: { table: string; id: string; field: string; value: unknown }) {
  tick += 1;
  return { hlc: formatHlc({ wallMs: Date.now() - 1_000, counter: tick, nodeId: NEWER_NODE }), node: NEWER_NODE, ...fields };
}

async function teamOfTwo() {
  const old = hubDevice(hub, { seed: 41, start: Date.now() - 60_000, label: 'old' });
  const assessment = unwrap(await old.store.createRecord('assessment', assessmentInput())).record;
  const assessor = unwrap(await old.store.createRecord('assessor', assessorInput(assessment.id))).record;
  const note = unwrap(await old.store.createRecord('observation', observationInput(assessment.id, assessor.id, null, { text: 'Visa data reaches the border in real time.' }))).record;
  const team = await createTeamFor(hub, assessment.id);
  await old.join(await inviteCode(hub, team, 'lead'));
  unwrap(await old.sync(assessment.id));
  return { old, assessment, note, team };
}

describe('a newer client’s data reaching an older one', () => {
  it('a field the old app does not know: the record stays readable, the field is kept and passed on', async () => {
    const { old, assessment, note, team } = await teamOfTwo();
    const change = newerChange({ table: 'observation', id: note.id, field: 'interpreterName', value: 'Ani (EN-HY)' });
    expect((await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/changes`, { token: team.leadToken, json: { changes: [change] } })).status).toBe(200);
    old.clock.advance(1_000);
    expect(unwrap(await old.sync(assessment.id)).applied).toBe(1);
    const stored = await old.db.observation.get(note.id);
    expect(stored?.text).toBe('Visa data reaches the border in real time.');
    expect(stored).not.toHaveProperty('interpreterName');
    // Kept in its field version and in what this device passes on, by bundle or hub alike.
    expect((await old.db.fieldVersions.get(['observation', note.id, 'interpreterName']))?.value).toBe('Ani (EN-HY)');
    const bundle = unwrap(await readBundle(unwrap(await exportBundle(old.store, { assessmentId: assessment.id, includeAttachments: false, createdBy: { name: 'Old' } })).blob));
    expect(bundle.changes).toContainEqual(change);
    const third = hubDevice(hub, { seed: 42, start: Date.now(), label: 'third' });
    unwrap(await applyImport(third.store, bundle));
    expect((await third.db.fieldVersions.get(['observation', note.id, 'interpreterName']))?.value).toBe('Ani (EN-HY)');
  }, 60_000);

  it('a value the old app does not know (a new level): the record is kept and reported, not shown half, and readable again once valid', async () => {
    const { old, assessment, note, team } = await teamOfTwo();
    const change = newerChange({ table: 'observation', id: note.id, field: 'suggestedLevel', value: 'optimised' });
    expect((await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/changes`, { token: team.leadToken, json: { changes: [change] } })).status).toBe(200);
    old.clock.advance(1_000);
    unwrap(await old.sync(assessment.id));
    expect((await old.db.fieldVersions.get(['observation', note.id, 'suggestedLevel']))?.value).toBe('optimised');
    const read = unwrap(await old.store.changesSince({}));
    expect(read.changes).toContainEqual(change);
    // A later valid value (from anyone) makes it readable again.
    const fix = newerChange({ table: 'observation', id: note.id, field: 'suggestedLevel', value: 'advanced' });
    expect((await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/changes`, { token: team.leadToken, json: { changes: [fix] } })).status).toBe(200);
    old.clock.advance(1_000);
    unwrap(await old.sync(assessment.id));
    expect((await old.db.observation.get(note.id))?.suggestedLevel).toBe('advanced');
  }, 60_000);

  it('a table the old app does not know: the sync stops with a reason, the cursor stays, nothing is written', async () => {
    const { assessment, note, team } = await teamOfTwo();
    // The hub of this version refuses tables it does not know (upgrade the hub first)…
    const unknownTable = newerChange({ table: 'interpreterBooking', id: note.id, field: 'date', value: '2022-10-04' });
    const refused = await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/changes`, { token: team.leadToken, json: { changes: [unknownTable] } });
    expect(refused.status).toBe(400);
    // …and an upgraded hub relaying one to an old client (simulated in the answer) stops that client.
    const injecting = async (input: string, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (!input.includes('/changes?after=')) return response;
      const body = await response.json();
      return new Response(JSON.stringify({ ...body, changes: [...body.changes, unknownTable], cursor: String(Number(body.cursor) + 1) }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const old2 = hubDevice(hub, { seed: 43, fetch: injecting, label: 'old2' });
    await old2.join(await inviteCode(hub, team, 'assessor'));
    const before = await dumpDatabase(old2.db);
    const result = await old2.sync(assessment.id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'hub', stage: 'pull', failure: { kind: 'unreadable' } } });
    expect((await old2.connection(assessment.id)).cursor).toBe('0');
    expect(await dumpDatabase(old2.db)).toEqual(before);
  }, 60_000);
});
