/**
 * Joining a team's hub with an invite code, typed or pasted as a link. A link is the hub's address
 * with the code in its query or fragment — `https://hub.example.org/#/join?code=7K2QD-M8XPV-C4J9T-H3WNA`
 * (what a lead sends) — so pasting it fills in both; a typed code needs the hub's address, which
 * defaults to the address the app was loaded from (the hub serves the app).
 */
import { err, ok, type Result } from '../core/result';
import { INVITE_CODE_PATTERN, isEncryptedHubChange, normaliseInviteCode, type JoinedResponse } from '../core/sync/hubProtocol';
import type { StorageFailure, Store } from '../storage';
import { hubOrigin, type HubApi, type HubFailure } from './hubApi';
import { patchHubConnection, readHubConnection, saveHubConnection, type HubConnection } from './hubConnection';
import { decryptHubChange, deriveHubValueKeyMaterial, HUB_E2EE_PBKDF2_ITERATIONS, importHubValueKey } from './hubValueCipher';

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
  | { readonly kind: 'storage'; readonly failure: StorageFailure };

/**
 * Presents the code, and keeps the connection for the team's assessment. Joining the same team again
 * (after a revoked or expired token) replaces the token and keeps the cursor: unsent changes never
 * left the outbox, and they go out on the next sync.
 */
export async function joinHub(store: Store, api: HubApi, code: string, label: string, now: () => number = () => Date.now()): Promise<Result<HubConnection, JoinProblem>> {
  const joined = await api.join(code, label);
  if (!joined.ok) return err({ kind: 'hub', failure: joined.error });
  return keepJoinedConnection(store, api, joined.value, now);
}

/** Saves what joining (or creating the team) returned as this device's connection for the team's assessment. */
export async function keepJoinedConnection(store: Store, api: HubApi, joined: JoinedResponse, now: () => number): Promise<Result<HubConnection, JoinProblem>> {
  const { team, device, token } = joined;
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
    // Joining the same encrypted team again keeps its key: the passphrase has not changed.
    ...(sameTeam && team.encrypted && previous.value!.valueKey !== undefined ? { valueKey: previous.value!.valueKey } : {}),
  };
  const saved = await saveHubConnection(store, connection);
  if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
  return ok(connection);
}

export type UnlockProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-encrypted' }
  | { readonly kind: 'wrong-passphrase'; readonly message: string }
  | { readonly kind: 'hub'; readonly failure: HubFailure }
  | { readonly kind: 'storage'; readonly failure: StorageFailure };

/**
 * Derives the team's key from its passphrase (PBKDF2, 600,000 iterations: once, here) and keeps the
 * derived key in the connection. When the hub already holds the team's changes, the key must open
 * the first of them: a mistyped passphrase is refused here, with nothing saved, instead of
 * producing ciphertext nobody else can read. (On an empty team there is nothing to check against;
 * the first pull of a teammate's change checks it then.) The passphrase is not kept, logged or sent.
 */
export async function unlockEncryptedTeam(
  store: Store,
  api: HubApi,
  connection: HubConnection,
  passphrase: string,
  iterations = HUB_E2EE_PBKDF2_ITERATIONS,
): Promise<Result<HubConnection, UnlockProblem>> {
  if (!connection.encrypted) return err({ kind: 'not-encrypted' });
  if (passphrase.trim() === '') return err({ kind: 'empty' });
  const material = await deriveHubValueKeyMaterial(passphrase, connection.teamId, iterations);
  const key = await importHubValueKey(material);
  const first = await api.pull(connection.token, connection.teamId, '0', 1);
  if (!first.ok) return err({ kind: 'hub', failure: first.error });
  const sample = first.value.changes.find(isEncryptedHubChange);
  if (sample !== undefined && (await decryptHubChange(key, sample)) === null) {
    return err({ kind: 'wrong-passphrase', message: WRONG_PASSPHRASE_MESSAGE });
  }
  const unlocked: HubConnection = { ...connection, valueKey: material };
  const saved = await patchHubConnection(store, connection, { valueKey: material });
  if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
  return ok(unlocked);
}

export const WRONG_PASSPHRASE_MESSAGE = 'The team passphrase does not open the team’s data: it was mistyped or is not this team’s. Nothing was changed.';
