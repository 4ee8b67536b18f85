/**
 * Convergence across both transports (issue 10 acceptance): three clients — real stores on
 * fake-indexeddb — edit one assessment while hub rounds (against the REAL hub process) and bundle
 * exchanges (full or "only what the peer lacks") interleave at random. After everyone syncs twice,
 * every client holds the same winners and the same records, and every field holds the newest value
 * ever written to it anywhere: no change lost.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/core/merge/change';
import { mergeChangeSets } from '../../src/core/merge/mergeChanges';
import { readBundle } from '../../src/exchange/bundle/readBundle';
import { exportBundle } from '../../src/exchange/exportBundle';
import { applyImport, listBundlePeers } from '../../src/exchange/importBundle';
import { startHub, type HubProcess } from './support/hubTestKit';
import { createTeamFor, hubDevice, inviteCode, type HubDevice } from './support/hubClientKit';
import { assessmentInput, assessorInput, findingInput, observationInput, unwrap } from './support/storageTestKit';

let hub: HubProcess & { secret: string };
beforeAll(async () => {
  const started = await startHub({ engine: 'pglite' });
  hub = started as HubProcess & { secret: string };
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

type Op =
  | { readonly kind: 'edit'; readonly client: number; readonly finding: number; readonly text: string }
  | { readonly kind: 'note'; readonly client: number; readonly text: string }
  | { readonly kind: 'hub'; readonly client: number }
  | { readonly kind: 'bundle'; readonly from: number; readonly to: number; readonly partial: boolean };

const client = fc.integer({ min: 0, max: 2 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), client, finding: fc.integer({ min: 0, max: 2 }), text: fc.string({ maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), client, text: fc.string({ maxLength: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hub' as const), client }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ from: client, to: client, partial: fc.boolean() })
      .filter(({ from, to }) => from !== to)
      .map((r) => ({ kind: 'bundle' as const, ...r })),
  },
);

let run = 0;

describe('convergence: three clients, the hub and bundles interleaved at random', () => {
  it('ends with identical state everywhere and no change lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 6, maxLength: 22 }), async (ops) => {
        run += 1;
        const start = Date.now();
        const clients: HubDevice[] = [0, 1, 2].map((i) => hubDevice(hub, { seed: 1_000 * run + i + 1, start: start + i * 7, label: `conv-${run}-${i}` }));
        const written: Change[] = [];
        const wrote = (changes: readonly Change[]) => written.push(...changes);
        const [lead] = clients as [HubDevice, HubDevice, HubDevice];
        const assessment = unwrap(await lead.store.createRecord('assessment', assessmentInput()));
        wrote(assessment.changes);
        const assessor = unwrap(await lead.store.createRecord('assessor', assessorInput(assessment.record.id)));
        wrote(assessor.changes);
        const findings: string[] = [];
        for (let i = 0; i < 3; i++) {
          const created = unwrap(await lead.store.createRecord('finding', findingInput(assessment.record.id, assessor.record.id, { text: `finding ${i}` })));
          wrote(created.changes);
          findings.push(created.record.id);
        }
        const team = await createTeamFor(hub, assessment.record.id);
        for (const device of clients) await device.join(await inviteCode(hub, team, 'lead'));
        for (const device of clients) unwrap(await device.sync(assessment.record.id));
        const id = assessment.record.id;

        for (const op of ops) {
          // Time moves for everyone, a little differently on each device.
          for (const [i, device] of clients.entries()) device.clock.advance(1_000 + i * 13);
          if (op.kind === 'edit') {
            const edited = await clients[op.client]!.store.updateFields('finding', findings[op.finding]!, { text: `${op.client}:${op.text}` });
            wrote(unwrap(edited).changes);
          } else if (op.kind === 'note') {
            wrote(unwrap(await clients[op.client]!.store.createRecord('observation', observationInput(id, assessor.record.id, null, { text: op.text }))).changes);
          } else if (op.kind === 'hub') {
            unwrap(await clients[op.client]!.sync(id));
          } else {
            const from = clients[op.from]!;
            const to = clients[op.to]!;
            const toNode = unwrap(await to.store.nodeId());
            const peer = op.partial ? unwrap(await listBundlePeers(from.store, id)).find((p) => p.node === toNode) : undefined;
            const exported = unwrap(
              await exportBundle(from.store, { assessmentId: id, includeAttachments: false, createdBy: { name: `client ${op.from}` }, now: from.clock.now, ...(peer ? { since: peer.versionVector } : {}) }),
            );
            unwrap(await applyImport(to.store, unwrap(await readBundle(exported.blob))));
          }
        }
        // Everyone syncs twice: the first round pushes what each holds, the second pulls the rest.
        for (let round = 0; round < 2; round++) {
          for (const device of clients) {
            device.clock.advance(1_000);
            unwrap(await device.sync(id));
          }
        }
        const winners = await Promise.all(clients.map(async (device) => unwrap(await device.store.assessmentChangesSince(id, {})).changes));
        expect(winners[1]).toEqual(winners[0]);
        expect(winners[2]).toEqual(winners[0]);
        // No change lost: each field holds the newest version written to it anywhere.
        expect(winners[0]).toEqual(mergeChangeSets(written, []));
        const records = await Promise.all(clients.map(async (device) => ({ findings: await device.db.finding.toArray(), notes: await device.db.observation.toArray() })));
        expect(records[1]).toEqual(records[0]);
        expect(records[2]).toEqual(records[0]);
        for (const device of clients) expect(unwrap(await device.store.pendingChanges()).changes).toEqual([]);
        for (const device of clients) await device.db.delete();
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 600_000);
});
