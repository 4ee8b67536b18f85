/**
 * Joining a team's hub with an invite code, typed or pasted as a link. A link is the hub's address
 * with the code in its query or fragment — `https://hub.example.org/#/join?code=7K2QD-M8XPV-C4J9T-H3WNA`
 * (what a lead sends) — so pasting it fills in both; a typed code needs the hub's address, which
 * defaults to the address the app was loaded from (the hub serves the app).
 */
import { err, ok, type Result } from '../core/result';
import { INVITE_CODE_PATTERN, normaliseInviteCode } from '../core/sync/hubProtocol';
import type { StorageFailure, Store } from '../storage';
import { hubOrigin, type HubApi, type HubFailure } from './hubApi';
import { readHubConnection, saveHubConnection, type HubConnection } from './hubConnection';

export interface ParsedInvite {
  readonly hubUrl: string | undefined;
  readonly code: string;
}

export type InviteInputProblem = 'empty' | 'not-a-code' | 'no-hub-address';

/** Reads what was typed or pasted into the invite field, and the hub address field. */
export function parseInvite(input: string, hubAddress: string): Result<{ hubUrl: string; code: string }, InviteInputProblem> {
  const trimmed = input.trim();
  if (trimmed === '') return err('empty');
  let code = trimmed;
  let hubUrl = hubOrigin(hubAddress);
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return err('not-a-code');
    }
    hubUrl = url.origin;
    const fromQuery = url.searchParams.get('code');
    const fragment = url.hash.includes('?') ? new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1)).get('code') : null;
    const candidate = fromQuery ?? fragment;
    if (candidate === null) return err('not-a-code');
    code = candidate;
  }
  const normalised = normaliseInviteCode(code);
  if (!INVITE_CODE_PATTERN.test(normalised)) return err('not-a-code');
  if (hubUrl === undefined) return err('no-hub-address');
  return ok({ hubUrl, code: normalised });
}

export type JoinProblem =
  | { readonly kind: 'hub'; readonly failure: HubFailure }
  | { readonly kind: 'encrypted-team'; readonly message: string }
  | { readonly kind: 'storage'; readonly failure: StorageFailure };

/**
 * Presents the code, and keeps the connection for the team's assessment. Joining the same team again
 * (after a revoked or expired token) replaces the token and keeps the cursor: unsent changes never
 * left the outbox, and they go out on the next sync.
 */
export async function joinHub(store: Store, api: HubApi, code: string, label: string, now: () => number = () => Date.now()): Promise<Result<HubConnection, JoinProblem>> {
  const joined = await api.join(code, label);
  if (!joined.ok) return err({ kind: 'hub', failure: joined.error });
  const { team, device, token } = joined.value;
  if (team.encrypted) {
    return err({ kind: 'encrypted-team', message: 'This team uses end-to-end encryption, which this version of the app cannot sync yet; exchange bundles instead.' });
  }
  const previous = await readHubConnection(store, team.assessmentId);
  if (!previous.ok) return err({ kind: 'storage', failure: previous.error });
  const sameTeam = previous.value !== undefined && previous.value.teamId === team.id && previous.value.hubUrl === api.baseUrl;
  const connection: HubConnection = {
    kind: 'hub',
    hubUrl: api.baseUrl,
    assessmentId: team.assessmentId,
    teamId: team.id,
    teamName: team.name,
    encrypted: team.encrypted,
    deviceId: device.id,
    deviceLabel: device.label,
    role: device.role,
    token,
    tokenState: 'valid',
    cursor: sameTeam ? previous.value!.cursor : '0',
    joinedAt: new Date(now()).toISOString(),
    lastSyncedAt: sameTeam ? previous.value!.lastSyncedAt : null,
  };
  const saved = await saveHubConnection(store, connection);
  if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
  return ok(connection);
}
