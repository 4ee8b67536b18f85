/**
 * This device's membership of an assessment's team space on a hub, kept in storage's `peers` table
 * (peerId `hub:<origin>`): where the hub is, the team and device ids, the token, the role, and the
 * cursor up to which pulled changes are applied here. Validated on every read.
 *
 * The token is a device credential kept on the device, in IndexedDB of the app's origin (never in a
 * URL, a log or an error message). When the hub says it was revoked or expired, `tokenState` says so
 * and sync stops; the outbox keeps every unsent change until the device joins again, which replaces
 * the token and keeps the cursor (same team) so nothing is pulled twice for nothing.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../core/assessment/recordBase';
import { uuidSchema } from '../core/ids/uuidSchema';
import { err, ok, type Result } from '../core/result';
import { cursorSchema, hubRoleSchema } from '../core/sync/hubProtocol';
import { HUB_VALUE_KEY_MATERIAL_PATTERN } from './hubValueCipher';
import type { StorageFailure, Store } from '../storage';

export const HUB_PEER_PREFIX = 'hub:';

export const hubConnectionSchema = z.object({
  kind: z.literal('hub'),
  hubUrl: z.string().url(),
  assessmentId: uuidSchema,
  teamId: uuidSchema,
  teamName: z.string(),
  encrypted: z.boolean(),
  deviceId: uuidSchema,
  deviceLabel: z.string(),
  role: hubRoleSchema,
  token: z.string().min(1),
  tokenState: z.enum(['valid', 'revoked', 'expired']),
  /**
   * End-to-end encrypted teams: the key derived from the team passphrase (64 bytes, base64url),
   * kept like the token — a device credential on the device. The passphrase itself is never kept.
   * Absent until the person typed the passphrase; sync waits for it.
   */
  valueKey: z.string().regex(HUB_VALUE_KEY_MATERIAL_PATTERN).optional(),
  /** Changes up to here (the hub's per-team sequence) are applied on this device. */
  cursor: cursorSchema,
  joinedAt: isoDateTimeSchema,
  lastSyncedAt: isoDateTimeSchema.nullable(),
});
export type HubConnection = z.infer<typeof hubConnectionSchema>;

export function hubPeerId(hubUrl: string): string {
  return `${HUB_PEER_PREFIX}${hubUrl}`;
}

/** The hub connection of an assessment, if it has one (the most recently joined, if several). */
export async function readHubConnection(store: Store, assessmentId: string): Promise<Result<HubConnection | undefined, StorageFailure>> {
  const rows = await store.listPeerRows(assessmentId);
  if (!rows.ok) return rows;
  const connections = rows.value.flatMap((row) => {
    if (!row.peerId.startsWith(HUB_PEER_PREFIX)) return [];
    const parsed = hubConnectionSchema.safeParse(row.value);
    return parsed.success && parsed.data.assessmentId === assessmentId && hubPeerId(parsed.data.hubUrl) === row.peerId ? [parsed.data] : [];
  });
  connections.sort((a, b) => (a.joinedAt < b.joinedAt ? 1 : -1));
  return ok(connections[0]);
}

/** Writes the connection (a join, a new token, a cursor after a page, a changed token state). */
export async function saveHubConnection(store: Store, connection: HubConnection): Promise<Result<void, StorageFailure>> {
  const wrote = await store.updatePeerRow(connection.assessmentId, hubPeerId(connection.hubUrl), () => connection);
  return wrote.ok ? ok(undefined) : err(wrote.error);
}

/** Updates some fields of the stored connection, read again inside the transaction (a join in another tab wins over a stale cursor). */
export async function patchHubConnection(store: Store, connection: HubConnection, patch: Partial<HubConnection>): Promise<Result<void, StorageFailure>> {
  const wrote = await store.updatePeerRow(connection.assessmentId, hubPeerId(connection.hubUrl), (stored) => {
    const parsed = hubConnectionSchema.safeParse(stored);
    const base = parsed.success ? parsed.data : connection;
    // A token replaced meanwhile (joined again in another tab) keeps its own state.
    const sameToken = base.token === connection.token;
    return { ...base, ...patch, ...(sameToken ? {} : { token: base.token, tokenState: base.tokenState }) };
  });
  return wrote.ok ? ok(undefined) : err(wrote.error);
}

export async function forgetHubConnection(store: Store, connection: HubConnection): Promise<Result<void, StorageFailure>> {
  return store.deletePeerRow(connection.assessmentId, hubPeerId(connection.hubUrl));
}
