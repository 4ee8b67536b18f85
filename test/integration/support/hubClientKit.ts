/**
 * Devices of a team for hub-client tests: each a real store on fake-indexeddb with its own clock,
 * talking to the REAL hub process (hubTestKit.startHub) through the app's own hub client.
 */
import type { HubProcess } from './hubTestKit';
import { call } from './hubTestKit';
import { createHubApi, type FetchLike, type HubApi } from '../../../src/sync/hubApi';
import { joinHub } from '../../../src/sync/joinHub';
import { readHubConnection, type HubConnection } from '../../../src/sync/hubConnection';
import { syncWithHub, type SyncProblem, type SyncRoundReport } from '../../../src/sync/hubSync';
import type { HubRole } from '../../../src/core/sync/hubProtocol';
import type { Result } from '../../../src/core/result';
import { openTestStore, unwrap, type TestStore } from './storageTestKit';

export interface Team {
  readonly teamId: string;
  readonly leadToken: string;
}

/** A team space for `assessmentId`, created with the hub secret. */
export async function createTeamFor(hub: HubProcess & { secret: string }, assessmentId: string): Promise<Team> {
  const reply = await call(hub.url, 'POST', '/api/v1/teams', { token: hub.secret, json: { name: 'Armenia 2022', assessmentId, device: { label: 'Lead (setup)' } } });
  if (reply.status !== 201) throw new Error(`team creation: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { teamId: reply.body.team.id, leadToken: reply.body.token };
}

export async function inviteCode(hub: HubProcess, team: Team, role: HubRole): Promise<string> {
  const reply = await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/invites`, { token: team.leadToken, json: { role } });
  if (reply.status !== 201) throw new Error(`invite: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.code;
}

export interface HubDevice extends TestStore {
  readonly api: HubApi;
  join(code: string, label?: string): Promise<HubConnection>;
  connection(assessmentId: string): Promise<HubConnection>;
  sync(assessmentId: string): Promise<Result<SyncRoundReport, SyncProblem>>;
}

export function hubDevice(hub: HubProcess, options: { seed: number; start?: number; fetch?: FetchLike; label?: string }): HubDevice {
  const device = openTestStore({ seed: options.seed, ...(options.start === undefined ? {} : { start: options.start }), label: options.label ?? `hub-${options.seed}` });
  const api = createHubApi({ baseUrl: hub.url, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  const connection = async (assessmentId: string) => {
    const read = unwrap(await readHubConnection(device.store, assessmentId));
    if (read === undefined) throw new Error('not joined');
    return read;
  };
  return {
    ...device,
    api,
    join: async (code, label = `device ${options.seed}`) => unwrap(await joinHub(device.store, api, code, label, device.clock.now)),
    connection,
    sync: async (assessmentId) => syncWithHub({ store: device.store, api, now: device.clock.now }, await connection(assessmentId)),
  };
}
