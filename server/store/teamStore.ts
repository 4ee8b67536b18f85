/**
 * Team spaces, devices and invite codes in SQL. Every function takes the database port and plain
 * values; authorisation decisions are made by the caller (http/auth.ts) from what these return.
 */
import { randomUUID } from 'node:crypto';
import { HUB_LIMITS, type HubDevice, type HubRole, type HubTeam, type InviteSummary } from '../../src/core/sync/hubProtocol';
import type { Queryable } from '../db/database';
import { newDeviceToken, newInviteCode, sha256Hex } from '../http/secrets';

interface TeamRow {
  id: string;
  name: string;
  assessment_id: string;
  encrypted: boolean;
  created_at: Date | string;
}
interface DeviceRow {
  id: string;
  team_id: string;
  label: string;
  role: HubRole;
  created_at: Date | string;
  expires_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

export const toTeam = (row: TeamRow): HubTeam => ({ id: row.id, name: row.name, assessmentId: row.assessment_id, encrypted: row.encrypted, createdAt: iso(row.created_at) });
export const toDevice = (row: DeviceRow): HubDevice => ({
  id: row.id,
  label: row.label,
  role: row.role,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  lastUsedAt: isoOrNull(row.last_used_at),
  revokedAt: isoOrNull(row.revoked_at),
});

const TEAM_COLUMNS = 'id::text AS id, name, assessment_id::text AS assessment_id, encrypted, created_at';
const DEVICE_COLUMNS = 'id::text AS id, team_id::text AS team_id, label, role, created_at, expires_at, last_used_at, revoked_at';

async function insertDevice(db: Queryable, teamId: string, label: string, role: HubRole, nowMs: number): Promise<{ device: HubDevice; token: string }> {
  const token = newDeviceToken();
  const [row] = await db.query<DeviceRow>(
    `INSERT INTO devices (id, team_id, label, role, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${DEVICE_COLUMNS}`,
    [randomUUID(), teamId, label, role, sha256Hex(token), new Date(nowMs).toISOString(), new Date(nowMs + HUB_LIMITS.TOKEN_TTL_MS).toISOString()],
  );
  return { device: toDevice(row!), token };
}

export async function createTeam(
  db: Queryable & { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  input: { name: string; assessmentId: string; encrypted: boolean; deviceLabel: string },
  nowMs: number,
): Promise<{ team: HubTeam; device: HubDevice; token: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<TeamRow>(
      `INSERT INTO teams (id, name, assessment_id, encrypted, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${TEAM_COLUMNS}`,
      [randomUUID(), input.name, input.assessmentId, input.encrypted, new Date(nowMs).toISOString()],
    );
    const team = toTeam(row!);
    return { team, ...(await insertDevice(tx, team.id, input.deviceLabel, 'lead', nowMs)) };
  });
}

export async function findTeam(db: Queryable, teamId: string): Promise<HubTeam | null> {
  const [row] = await db.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1`, [teamId]);
  return row ? toTeam(row) : null;
}

export interface TokenOwner {
  readonly device: HubDevice;
  readonly team: HubTeam;
}

/** The device a token belongs to and its team, in one query (revoked and expired ones included: the caller says which). */
export async function findDeviceByToken(db: Queryable, token: string): Promise<TokenOwner | null> {
  const [row] = await db.query<DeviceRow & { t_name: string; t_assessment_id: string; t_encrypted: boolean; t_created_at: Date | string }>(
    `SELECT d.id::text AS id, d.team_id::text AS team_id, d.label, d.role, d.created_at, d.expires_at, d.last_used_at, d.revoked_at,
            t.name AS t_name, t.assessment_id::text AS t_assessment_id, t.encrypted AS t_encrypted, t.created_at AS t_created_at
     FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = $1`,
    [sha256Hex(token)],
  );
  if (!row) return null;
  return {
    device: toDevice(row),
    team: toTeam({ id: row.team_id, name: row.t_name, assessment_id: row.t_assessment_id, encrypted: row.t_encrypted, created_at: row.t_created_at }),
  };
}

/** Last use is recorded to the minute: a device's requests within a minute write nothing. */
export const LAST_USE_RESOLUTION_MS = 60_000;

/** Records a use, at most once a minute per device so reads don't turn into a write each. */
export async function touchDevice(db: Queryable, device: HubDevice, nowMs: number): Promise<void> {
  if (device.lastUsedAt !== null && nowMs - Date.parse(device.lastUsedAt) < LAST_USE_RESOLUTION_MS) return;
  await db.query(
    `UPDATE devices SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)`,
    [device.id, new Date(nowMs).toISOString(), new Date(nowMs - LAST_USE_RESOLUTION_MS).toISOString()],
  );
}

export async function listDevices(db: Queryable, teamId: string): Promise<HubDevice[]> {
  const rows = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE team_id = $1 ORDER BY created_at, id`, [teamId]);
  return rows.map(toDevice);
}

/** Revokes a device of the team (idempotent: the first revocation time stays). Null if not in the team. */
export async function revokeDevice(db: Queryable, teamId: string, deviceId: string, nowMs: number): Promise<HubDevice | null> {
  const [row] = await db.query<DeviceRow>(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, $3) WHERE team_id = $1 AND id = $2 RETURNING ${DEVICE_COLUMNS}`,
    [teamId, deviceId, new Date(nowMs).toISOString()],
  );
  return row ? toDevice(row) : null;
}

export async function createInvite(db: Queryable, teamId: string, createdBy: string, role: HubRole, ttlMs: number, nowMs: number) {
  const code = newInviteCode();
  const expiresAt = new Date(nowMs + ttlMs).toISOString();
  await db.query(
    `INSERT INTO invites (code_hash, team_id, role, created_by, created_at, expires_at, code_prefix) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [sha256Hex(code), teamId, role, createdBy, new Date(nowMs).toISOString(), expiresAt, code.slice(0, 5)],
  );
  return { code, role, expiresAt };
}

/** The team's invites, newest first, at most `limit`: what the lead sees of them (never a whole code). */
export async function listInvites(db: Queryable, teamId: string, limit = 100): Promise<InviteSummary[]> {
  const rows = await db.query<{ code_prefix: string | null; role: HubRole; created_at: Date | string; expires_at: Date | string; used_at: Date | string | null; used_by: string | null }>(
    `SELECT code_prefix, role, created_at, expires_at, used_at, used_by::text AS used_by FROM invites WHERE team_id = $1 ORDER BY created_at DESC LIMIT $2`,
    [teamId, limit],
  );
  return rows.map((row) => ({
    // Invites made before migration 2 kept no prefix.
    prefix: row.code_prefix ?? '?????',
    role: row.role,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    usedAt: isoOrNull(row.used_at),
    usedBy: row.used_by,
  }));
}

export type JoinOutcome =
  | { readonly kind: 'joined'; readonly team: HubTeam; readonly device: HubDevice; readonly token: string }
  | { readonly kind: 'unknown' | 'used' | 'expired' };

/** Spends an invite code: in one transaction, with the invite row locked, so a code joins one device only. */
export async function joinWithInvite(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  code: string,
  label: string,
  nowMs: number,
): Promise<JoinOutcome> {
  return db.transaction(async (tx) => {
    const [invite] = await tx.query<{ team_id: string; role: HubRole; expires_at: Date | string; used_at: Date | string | null }>(
      `SELECT team_id::text AS team_id, role, expires_at, used_at FROM invites WHERE code_hash = $1 FOR UPDATE`,
      [sha256Hex(code)],
    );
    if (!invite) return { kind: 'unknown' } as const;
    if (invite.used_at !== null) return { kind: 'used' } as const;
    if (new Date(invite.expires_at).getTime() <= nowMs) return { kind: 'expired' } as const;
    const joined = await insertDevice(tx, invite.team_id, label, invite.role, nowMs);
    await tx.query(`UPDATE invites SET used_at = $2, used_by = $3 WHERE code_hash = $1`, [sha256Hex(code), new Date(nowMs).toISOString(), joined.device.id]);
    const [team] = await tx.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = $1`, [invite.team_id]);
    return { kind: 'joined', team: toTeam(team!), ...joined } as const;
  });
}
