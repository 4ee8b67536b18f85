/**
 * A lead creates the team space for an assessment on a hub, and this device becomes the team's
 * first (lead) device. Who may create team spaces is the hub operator's choice: the hub secret,
 * made at the hub's first start and shown once on its terminal (docs/hub-protocol.md, "Teams").
 * The secret goes in this one request's Authorization header; it is not stored, logged or put in
 * the connection, and a refusal's message never repeats it.
 */
import { err, type Result } from '../core/result';
import type { Store } from '../storage';
import type { HubApi } from './hubApi';
import type { HubConnection } from './hubConnection';
import { keepJoinedConnection, type JoinProblem } from './joinHub';

export interface NewTeam {
  readonly assessmentId: string;
  readonly name: string;
  readonly deviceLabel: string;
  /** End-to-end encryption, fixed at creation: the lead then sets the team passphrase on this device. */
  readonly encrypted: boolean;
}

export type CreateTeamInputProblem = 'no-secret' | 'no-name';

export async function createHubTeam(
  store: Store,
  api: HubApi,
  hubSecret: string,
  team: NewTeam,
  now: () => number = () => Date.now(),
): Promise<Result<HubConnection, JoinProblem | { readonly kind: 'input'; readonly problem: CreateTeamInputProblem }>> {
  const secret = hubSecret.trim();
  if (secret === '') return err({ kind: 'input', problem: 'no-secret' });
  if (team.name.trim() === '') return err({ kind: 'input', problem: 'no-name' });
  const created = await api.createTeam(secret, { name: team.name.trim(), assessmentId: team.assessmentId, encrypted: team.encrypted, device: { label: team.deviceLabel.trim() || 'Lead' } });
  if (!created.ok) return err({ kind: 'hub', failure: created.error });
  return keepJoinedConnection(store, api, created.value, now);
}
