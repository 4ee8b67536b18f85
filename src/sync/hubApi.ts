/**
 * The hub's HTTP API as the app calls it (docs/hub-protocol.md): one function per endpoint, every
 * response validated with the protocol's zod schemas (src/core/sync/hubProtocol.ts), every failure a
 * typed `HubFailure` the sync loop and the screen can act on — never an exception for the network
 * being away. The token travels only in the Authorization header, never in a URL.
 */
import { z, type ZodType } from 'zod';
import { err, ok, type Result } from '../core/result';
import {
  HUB_API_PREFIX,
  blobStatusSchema,
  healthResponseSchema,
  hubErrorSchema,
  joinedResponseSchema,
  devicesResponseSchema,
  digestResponseSchema,
  inviteResponseSchema,
  invitesResponseSchema,
  deviceSchema,
  pullResponseSchema,
  pushResponseSchema,
  type DigestResponse,
  type BlobDeclareRequest,
  type CreateTeamRequest,
  type HubDevice,
  type HubRole,
  type InviteResponse,
  type InviteSummary,
  type BlobStatus,
  type HealthResponse,
  type HubChange,
  type HubErrorCode,
  type JoinedResponse,
  type PullResponse,
  type PushResponse,
} from '../core/sync/hubProtocol';

export type HubFailure =
  /** No answer: offline, the hub down, DNS, a cut connection. Retry with backoff. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /** The hub answered with an error (docs/hub-protocol.md, "Errors"). */
  | { readonly kind: 'refused'; readonly status: number; readonly code: HubErrorCode | 'unknown'; readonly message: string; readonly details?: Readonly<Record<string, unknown>>; readonly retryAfterMs?: number }
  /** The hub answered something this app cannot read (another server, another protocol version). */
  | { readonly kind: 'unreadable'; readonly message: string };

export type HubResult<T> = Result<T, HubFailure>;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HubApiOptions {
  /** The hub's origin, e.g. `https://hub.example.org` (no trailing slash). */
  readonly baseUrl: string;
  readonly fetch?: FetchLike;
  /** Per-request time limit; default 30 s (a push of 1 MiB on a slow line fits). */
  readonly timeoutMs?: number;
}

export interface HubApi {
  readonly baseUrl: string;
  health(): Promise<HubResult<HealthResponse>>;
  join(code: string, label: string): Promise<HubResult<JoinedResponse>>;
  /** Team creation: the hub secret goes in the Authorization header of this one request and is kept nowhere. */
  createTeam(hubSecret: string, request: CreateTeamRequest): Promise<HubResult<JoinedResponse>>;
  createInvite(token: string, teamId: string, role: HubRole, ttlMs?: number): Promise<HubResult<InviteResponse>>;
  listInvites(token: string, teamId: string): Promise<HubResult<InviteSummary[]>>;
  listDevices(token: string, teamId: string): Promise<HubResult<HubDevice[]>>;
  revokeDevice(token: string, teamId: string, deviceId: string): Promise<HubResult<HubDevice>>;
  /** End-to-end encrypted teams: the upload declared with this ref (its ciphertext's sha256 and status). */
  blobByRef(token: string, teamId: string, ref: string): Promise<HubResult<BlobStatus>>;
  push(token: string, teamId: string, changes: readonly HubChange[]): Promise<HubResult<PushResponse>>;
  pull(token: string, teamId: string, after: string, limit?: number): Promise<HubResult<PullResponse>>;
  digest(token: string, teamId: string): Promise<HubResult<DigestResponse>>;
  declareBlob(token: string, teamId: string, blob: BlobDeclareRequest): Promise<HubResult<BlobStatus>>;
  putBlobPart(token: string, teamId: string, sha256: string, offset: number, bytes: Blob): Promise<HubResult<BlobStatus>>;
  getBlob(token: string, teamId: string, sha256: string): Promise<HubResult<Blob>>;
}

export const DEFAULT_HUB_TIMEOUT_MS = 30_000;

/** Normalises what a person typed as the hub's address to an origin; undefined when it is not one. */
export function hubOrigin(address: string): string | undefined {
  const trimmed = address.trim();
  if (trimmed === '') return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export function createHubApi(options: HubApiOptions): HubApi {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_HUB_TIMEOUT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request(method: string, path: string, init: { token?: string; json?: unknown; body?: Blob; accept?: 'json' | 'bytes' } = {}): Promise<HubResult<{ response: Response }>> {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = init.body;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await fetchFn(`${base}${HUB_API_PREFIX}${path}`, { method, headers, body, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      clearTimeout(timer);
      return err({ kind: 'unreachable', message: controller.signal.aborted ? `the hub did not answer within ${Math.round(timeoutMs / 1000)} s` : errorText(error) });
    }
    clearTimeout(timer);
    if (response.ok) return ok({ response });
    return err(await refusal(response));
  }

  async function json<T>(schema: ZodType<T>, reply: HubResult<{ response: Response }>): Promise<HubResult<T>> {
    if (!reply.ok) return reply;
    let body: unknown;
    try {
      body = await reply.value.response.json();
    } catch (error) {
      return err({ kind: 'unreachable', message: `the answer was cut off (${errorText(error)})` });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return err({ kind: 'unreadable', message: 'the hub answered something this app cannot read (is the address that of an MMDMA hub of this version?)' });
    return ok(parsed.data);
  }

  const team = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;

  return {
    baseUrl: base,
    health: async () => json(healthResponseSchema, await request('GET', '/health')),
    join: async (code, label) => json(joinedResponseSchema, await request('POST', '/join', { json: { code, device: { label } } })),
    createTeam: async (hubSecret, body) => json(joinedResponseSchema, await request('POST', '/teams', { token: hubSecret, json: body })),
    createInvite: async (token, teamId, role, ttlMs) =>
      json(inviteResponseSchema, await request('POST', `${team(teamId)}/invites`, { token, json: { role, ...(ttlMs === undefined ? {} : { ttlMs }) } })),
    listInvites: async (token, teamId) => mapOk(await json(invitesResponseSchema, await request('GET', `${team(teamId)}/invites`, { token })), (r) => r.invites),
    listDevices: async (token, teamId) => mapOk(await json(devicesResponseSchema, await request('GET', `${team(teamId)}/devices`, { token })), (r) => r.devices),
    revokeDevice: async (token, teamId, deviceId) =>
      mapOk(await json(revokedResponseSchema, await request('DELETE', `${team(teamId)}/devices/${encodeURIComponent(deviceId)}`, { token })), (r) => r.device),
    blobByRef: async (token, teamId, ref) => json(blobStatusSchema, await request('GET', `${team(teamId)}/blobs/by-ref/${encodeURIComponent(ref)}`, { token })),
    push: async (token, teamId, changes) => json(pushResponseSchema, await request('POST', `${team(teamId)}/changes`, { token, json: { changes } })),
    pull: async (token, teamId, after, limit) =>
      json(pullResponseSchema, await request('GET', `${team(teamId)}/changes?after=${encodeURIComponent(after)}${limit === undefined ? '' : `&limit=${limit}`}`, { token })),
    digest: async (token, teamId) => json(digestResponseSchema, await request('GET', `${team(teamId)}/digest`, { token })),
    declareBlob: async (token, teamId, blob) => json(blobStatusSchema, await request('POST', `${team(teamId)}/blobs`, { token, json: blob })),
    putBlobPart: async (token, teamId, sha256, offset, bytes) =>
      json(blobStatusSchema, await request('PUT', `${team(teamId)}/blobs/${encodeURIComponent(sha256)}?offset=${offset}`, { token, body: bytes })),
    getBlob: async (token, teamId, sha256) => {
      const reply = await request('GET', `${team(teamId)}/blobs/${encodeURIComponent(sha256)}`, { token });
      if (!reply.ok) return reply;
      try {
        return ok(await reply.value.response.blob());
      } catch (error) {
        return err({ kind: 'unreachable', message: `the download was cut off (${errorText(error)})` });
      }
    },
  };
}

const revokedResponseSchema = z.object({ device: deviceSchema });

function mapOk<T, U>(result: HubResult<T>, f: (value: T) => U): HubResult<U> {
  return result.ok ? ok(f(result.value)) : result;
}

async function refusal(response: Response): Promise<HubFailure> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = hubErrorSchema.safeParse(body);
  const base = { kind: 'refused' as const, status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return { ...base, code, message, ...(details === undefined ? {} : { details }) };
  }
  return { ...base, code: 'unknown', message: `the hub answered ${response.status} ${response.statusText}`.trim() };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
