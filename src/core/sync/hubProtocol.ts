/**
 * The sync hub's wire protocol, version 1, as constants and zod schemas: the single source of truth
 * for docs/hub-protocol.md. The hub (server/) validates every request with these schemas and the
 * app's hub client validates every response with them, so the two cannot drift apart.
 *
 * The hub is a relay: it stores changes in the order it accepted them and hands them out by a
 * per-team cursor; it never merges. A change on the wire is the change of the log and of bundles
 * (`{hlc, node, table, id, field, value}`, src/core/merge/change.ts), or, in a team with end-to-end
 * encryption, the same row with `enc` (ciphertext of the value) in place of `value`.
 *
 * Add fields, never rename; a change an old client would misread bumps HUB_PROTOCOL_VERSION and the
 * path prefix (/api/v2).
 */
import { MAX_CLOCK_SKEW_MS } from '../clock/clockSkew';
import { z } from 'zod';
import { hlcSchema, nodeIdSchema } from '../clock/hlc';
import { sha256HexSchema, mediaTypeSchema } from '../assessment/attachmentSchema';
import { tableNameSchema, type TableName } from '../assessment/recordSchemas';
import { assessorRoleSchema, type AssessorRole } from '../assessment/assessorSchema';
import { isoDateTimeSchema } from '../assessment/recordBase';
import { uuidSchema } from '../ids/uuidSchema';
import { fieldNameSchema, jsonValueSchema } from '../merge/change';

export const HUB_PROTOCOL_VERSION = 1;
export const HUB_API_PREFIX = '/api/v1';

const KiB = 1024;
const MiB = 1024 * KiB;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Every limit the hub enforces, with units in the names. `GET /health` reports them too. */
export const HUB_LIMITS = {
  /** Changes in one push. */
  MAX_PUSH_CHANGES: 1_000,
  /** Bytes of one push request body (JSON, UTF-8); refused with 413 before it is read. */
  MAX_PUSH_BODY_BYTES: 1 * MiB,
  /** Bytes of any other JSON request body. */
  MAX_JSON_BODY_BYTES: 16 * KiB,
  /** Changes in one pull page; a client may ask for fewer with `limit`. */
  MAX_PULL_CHANGES: 1_000,
  /** Characters of one encrypted value (`enc`, base64url). */
  MAX_ENCRYPTED_VALUE_CHARS: 700 * KiB,
  /** How far a change's HLC wall time may run ahead of the hub's clock; beyond it the push is refused (the bundles' rule, clockSkew.ts). */
  MAX_CLOCK_AHEAD_MS: MAX_CLOCK_SKEW_MS,
  /** Bytes of one attachment; said before the upload (413 at `POST /blobs`). */
  MAX_BLOB_BYTES: 512 * MiB,
  /** Bytes of one upload part. */
  MAX_BLOB_PART_BYTES: 4 * MiB,
  /** Bytes of one part the hub suggests (the last part may be shorter). */
  BLOB_PART_BYTES: 1 * MiB,
  /**
   * An upload that receives no part for this long (declared, never completed) is abandoned: the
   * hub deletes it and what it received. A client that comes back later declares it again and
   * starts from byte 0. Checked every ABANDONED_UPLOAD_SWEEP_MS.
   */
  ABANDONED_UPLOAD_MS: 3 * DAY_MS,
  ABANDONED_UPLOAD_SWEEP_MS: 60 * MINUTE_MS,
  /** Lifetime of an invite code unless the lead asks for less. */
  DEFAULT_INVITE_TTL_MS: 7 * DAY_MS,
  MAX_INVITE_TTL_MS: 30 * DAY_MS,
  /** A device token's lifetime from joining; after it the device joins again with a new code. */
  TOKEN_TTL_MS: 180 * DAY_MS,
  /** Requests per minute per device token (per hub process). */
  RATE_PER_MINUTE: 600,
  /** Requests per minute per client address without a valid token (join, team creation, bad tokens). */
  ANONYMOUS_RATE_PER_MINUTE: 60,
  /** Characters of a team name or device label. */
  MAX_LABEL_CHARS: 200,
} as const;

/** The tables each role may write. Observers read everything and write nothing. */
export const ROLE_WRITABLE_TABLES = {
  lead: tableNameSchema.options,
  assessor: ['institution', 'interview', 'interviewee', 'observation', 'attachment', 'rating', 'finding'],
  observer: [],
} as const satisfies Record<AssessorRole, readonly TableName[]>;

export function roleMayWrite(role: AssessorRole, table: TableName): boolean {
  return (ROLE_WRITABLE_TABLES[role] as readonly TableName[]).includes(table);
}

/** Roles that may upload attachments (an attachment only counts once a record points at it). */
export function roleMayUploadBlobs(role: AssessorRole): boolean {
  return role !== 'observer';
}

export const hubRoleSchema = assessorRoleSchema;
export type HubRole = AssessorRole;

/** The per-team cursor: a decimal sequence number as a string ("0" before the first change). */
export const cursorSchema = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'must be a cursor the hub gave (a decimal number)');
export type HubCursor = z.infer<typeof cursorSchema>;

/** base64url without padding. */
const base64UrlSchema = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding');

const changeKeyShape = {
  hlc: hlcSchema,
  node: nodeIdSchema,
  table: tableNameSchema,
  id: uuidSchema,
  field: fieldNameSchema,
};

function nodeMatchesHlc(change: { hlc: string; node: string }, ctx: z.core.$RefinementCtx): void {
  if (!change.hlc.endsWith(`-${change.node}`)) {
    ctx.addIssue({ code: 'custom', path: ['node'], message: 'does not match the node of the timestamp' });
  }
}

/** A change in clear: exactly the change of the log and of bundles. */
export const plainHubChangeSchema = z.strictObject({ ...changeKeyShape, value: jsonValueSchema }).superRefine(nodeMatchesHlc);

/**
 * A change whose value is encrypted on the device: `enc` is base64url of IV (12 bytes) ‖ AES-256-GCM
 * ciphertext and tag of the value's JSON, with the other five fields as authenticated data. See
 * "End-to-end encryption" in docs/hub-protocol.md for why those five stay readable.
 */
export const encryptedHubChangeSchema = z
  .strictObject({ ...changeKeyShape, enc: base64UrlSchema.min(38).max(HUB_LIMITS.MAX_ENCRYPTED_VALUE_CHARS) })
  .superRefine(nodeMatchesHlc);

export const hubChangeSchema = z.union([plainHubChangeSchema, encryptedHubChangeSchema]);
export type HubChange = z.infer<typeof hubChangeSchema>;
export type PlainHubChange = z.infer<typeof plainHubChangeSchema>;
export type EncryptedHubChange = z.infer<typeof encryptedHubChangeSchema>;

export function isEncryptedHubChange(change: HubChange): change is EncryptedHubChange {
  return 'enc' in change;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Every error the hub returns, by stable machine-readable code. Clients branch on `code`, people read `message`. */
export const hubErrorCodes = [
  'malformed-json', // 400 the body is not JSON
  'invalid-request', // 400 the body or query does not match the schema (details.issues)
  'missing-token', // 401 no Authorization: Bearer header
  'invalid-token', // 401 the token is unknown
  'token-revoked', // 401 the device was revoked: join again with a new invite code
  'token-expired', // 401 the token's lifetime ended: join again with a new invite code
  'invalid-hub-secret', // 401 team creation with a wrong hub secret
  'invite-invalid', // 401 the invite code is unknown
  'invite-used', // 410 the invite code was used already
  'invite-expired', // 410 the invite code has expired
  'wrong-team', // 403 the token belongs to another team space
  'role-forbidden', // 403 the device's role may not do this (details.table for pushes)
  'origin-not-allowed', // 403 a cross-origin request from an origin the hub does not allow
  'not-found', // 404
  'conflicting-resend', // 409 a change with this HLC + node is stored with other content (details.conflicts)
  'upload-offset-mismatch', // 409 a blob part does not start where the upload stands (details.received)
  'upload-incomplete', // 409 download of a blob not yet complete
  'blob-mismatch', // 409 the blob was declared before with another size
  'payload-too-large', // 413 the body, the batch or the declared blob is over a limit (details.limit)
  'unsupported-media-type', // 415
  'clock-ahead', // 422 a change is more than a day ahead of the hub's clock (details.hlc, details.aheadMs)
  'plaintext-in-encrypted-team', // 422 a team with end-to-end encryption received a value in clear
  'checksum-mismatch', // 422 the uploaded bytes do not have the declared SHA-256; the upload restarts
  'range-not-satisfiable', // 416
  'rate-limited', // 429 too many requests; Retry-After says when to try again
  'internal', // 500
  'unavailable', // 503 the database is not reachable
] as const;
export const hubErrorCodeSchema = z.enum(hubErrorCodes);
export type HubErrorCode = z.infer<typeof hubErrorCodeSchema>;

export const hubErrorSchema = z.object({
  error: z.object({
    code: hubErrorCodeSchema,
    /** A sentence for people, in English; never contains a secret. */
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type HubError = z.infer<typeof hubErrorSchema>;

// ---------------------------------------------------------------------------------------------
// Endpoints: request and response bodies

const labelSchema = z.string().trim().min(1, 'must not be empty').max(HUB_LIMITS.MAX_LABEL_CHARS);

/** `GET /api/v1/health` (no token). */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocol: z.literal(HUB_PROTOCOL_VERSION),
  /** The hub's clock, ms since the epoch: clients warn when theirs is more than 5 minutes off. */
  serverTimeMs: z.number().int(),
  engine: z.enum(['pglite', 'postgres']),
  limits: z.record(z.string(), z.number()),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** `POST /api/v1/teams` with `Authorization: Bearer <hub secret>`. */
export const createTeamRequestSchema = z.strictObject({
  name: labelSchema,
  assessmentId: uuidSchema,
  /** True: the hub accepts only encrypted values (`enc`) for this team. Fixed at creation. */
  encrypted: z.boolean().default(false),
  /** The lead's device, which gets the first token. */
  device: z.strictObject({ label: labelSchema }),
});
export type CreateTeamRequest = z.input<typeof createTeamRequestSchema>;

export const teamSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  assessmentId: uuidSchema,
  encrypted: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type HubTeam = z.infer<typeof teamSchema>;

export const deviceSchema = z.object({
  id: uuidSchema,
  label: z.string(),
  role: hubRoleSchema,
  createdAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type HubDevice = z.infer<typeof deviceSchema>;

/** What team creation and joining return: the device's token, shown this once (the hub keeps only its hash). */
export const joinedResponseSchema = z.object({
  team: teamSchema,
  device: deviceSchema,
  token: z.string(),
});
export type JoinedResponse = z.infer<typeof joinedResponseSchema>;

/** `POST /api/v1/teams/:teamId/invites` (lead). */
export const createInviteRequestSchema = z.strictObject({
  role: hubRoleSchema,
  /** Lifetime in ms; default DEFAULT_INVITE_TTL_MS. */
  ttlMs: z.number().int().min(1_000).max(HUB_LIMITS.MAX_INVITE_TTL_MS).optional(),
});
export const inviteResponseSchema = z.object({
  /** Shown once; the hub keeps only its hash. Single use. */
  code: z.string(),
  role: hubRoleSchema,
  expiresAt: isoDateTimeSchema,
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

/** Invite codes: 20 characters of Crockford base32 (100 bits) in groups of five, e.g. "7K2QD-…". */
export const INVITE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;
/** Accepts the code as people type it: any case, with or without dashes, O for 0 and I/L for 1. */
export function normaliseInviteCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return compact.replace(/(.{5})(?=.)/g, '$1-');
}

/** `POST /api/v1/join` (no token). */
export const joinRequestSchema = z.strictObject({
  code: z.string().max(64).transform(normaliseInviteCode).pipe(z.string().regex(INVITE_CODE_PATTERN, 'must be an invite code such as 7K2QD-M8XPV-C4J9T-H3WNA')),
  device: z.strictObject({ label: labelSchema }),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** `GET /api/v1/teams/:teamId` (any member): the team and the asking device. */
export const teamInfoResponseSchema = z.object({ team: teamSchema, device: deviceSchema, serverTimeMs: z.number().int() });

/** `POST /api/v1/teams/:teamId/changes`. */
export const pushRequestSchema = z.strictObject({
  changes: z.array(hubChangeSchema).min(1).max(HUB_LIMITS.MAX_PUSH_CHANGES),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Changes stored by this push. */
  accepted: z.number().int().min(0),
  /** Changes the hub held already with identical content (a resend): not stored again. */
  duplicates: z.number().int().min(0),
  /** The team's cursor after this push (the sequence of the newest change the hub holds). */
  cursor: cursorSchema,
  serverTimeMs: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** `GET /api/v1/teams/:teamId/changes?after=<cursor>&limit=<n>`. */
export const pullQuerySchema = z.strictObject({
  after: cursorSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(HUB_LIMITS.MAX_PULL_CHANGES).default(HUB_LIMITS.MAX_PULL_CHANGES),
});
export const pullResponseSchema = z.object({
  /** In cursor order: the order the hub committed them. */
  changes: z.array(hubChangeSchema),
  /** Pass as `after` next time; equals `after` when nothing was new. */
  cursor: cursorSchema,
  /** More changes wait after `cursor`: pull again at once. */
  hasMore: z.boolean(),
  serverTimeMs: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * `GET /api/v1/teams/:teamId/digest`: per UTC day of the HLC wall time, the fields whose winning
 * (newest) change falls on that day, and the SHA-256 of their winning HLCs sorted and joined with
 * "\n". A client computes the same from its own records (see `digestDay` below); a day that differs
 * is drift to repair: push that day's changes again (idempotent) and pull from cursor "0".
 */
export const digestDaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fields: z.number().int().min(0),
  sha256: sha256HexSchema,
});
export type DigestDay = z.infer<typeof digestDaySchema>;
export const digestResponseSchema = z.object({
  /** Changes stored, all of them (not only winners). */
  changes: z.number().int().min(0),
  cursor: cursorSchema,
  days: z.array(digestDaySchema),
  serverTimeMs: z.number().int(),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;

/** The digest day of an HLC: its wall time's UTC date. */
export function hlcDay(hlc: string): string {
  return new Date(Number(hlc.slice(0, 15))).toISOString().slice(0, 10);
}

/** The text whose SHA-256 is a digest day's `sha256`: the day's winning HLCs, sorted, one per line. */
export function digestDayText(winningHlcs: readonly string[]): string {
  return [...winningHlcs].sort().join('\n');
}

/** `POST /api/v1/teams/:teamId/blobs`: announce an upload (or ask how far it got). */
export const blobDeclareRequestSchema = z.strictObject({
  /** Of the bytes uploaded: in an end-to-end encrypted team, of the ciphertext. */
  sha256: sha256HexSchema,
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mediaType: mediaTypeSchema,
  /**
   * End-to-end encrypted teams (required there): an opaque 64-hex tag the devices compute from the
   * team key and the plaintext's hash (src/sync/hubBlobCipher.ts), by which a teammate who knows
   * only the plaintext's hash (from the decrypted attachment record) finds the ciphertext. Unique
   * per team.
   */
  ref: sha256HexSchema.optional(),
});
export type BlobDeclareRequest = z.input<typeof blobDeclareRequestSchema>;
export const blobStatusSchema = z.object({
  sha256: sha256HexSchema,
  bytes: z.number().int().min(0),
  /** Bytes the hub holds; the next part starts here. */
  received: z.number().int().min(0),
  complete: z.boolean(),
  /** The part size the hub suggests; parts may be up to MAX_BLOB_PART_BYTES. */
  partBytes: z.number().int().min(1),
  /** The tag declared with it (end-to-end encrypted teams), else null. */
  ref: sha256HexSchema.nullable().optional(),
});
export type BlobStatus = z.infer<typeof blobStatusSchema>;

/** `GET /api/v1/teams/:teamId/devices` (lead: all devices; others: their own). */
export const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) });

/** `GET /api/v1/teams/:teamId/invites` (lead): the team's invite codes, newest first, without the codes themselves (the hub keeps only their hashes). */
export const inviteSummarySchema = z.object({
  /** The first five characters of the code, so the lead can tell which one is which. */
  prefix: z.string(),
  role: hubRoleSchema,
  createdAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  usedAt: isoDateTimeSchema.nullable(),
  /** The device that joined with it. */
  usedBy: uuidSchema.nullable(),
});
export type InviteSummary = z.infer<typeof inviteSummarySchema>;
export const invitesResponseSchema = z.object({ invites: z.array(inviteSummarySchema) });

export const teamIdParamSchema = uuidSchema;
export const deviceIdParamSchema = uuidSchema;
