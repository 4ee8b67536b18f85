/**
 * Runs the REAL hub (node server/main.ts) as a child process on 127.0.0.1 and a random port, on
 * PGlite in a fresh folder or on the PostgreSQL server at 127.0.0.1:5432 (database `test`) in a
 * fresh schema, and talks to it over HTTP like any client would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import pg from 'pg';
import { formatHlc } from '../../../src/core/clock/hlc';
import type { HubRole, PlainHubChange } from '../../../src/core/sync/hubProtocol';

export type HubEngine = 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.MMDMA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresCheck: Promise<string | null> | undefined;
/** Null when PostgreSQL answers; else why not (the suite then prints a skip). */
export function postgresUnavailable(): Promise<string | null> {
  postgresCheck ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      return `no PostgreSQL answers at ${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresCheck;
}

export function freshSchemaName(): string {
  return `hub_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface HubProcess {
  readonly url: string;
  /** The hub secret, when this start made it (first start). */
  readonly secret: string | null;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** SIGTERM and wait for the exit (the data folder is then unlocked and flushed). */
  stop(): Promise<void>;
  /** SIGKILL and wait: the hub dies mid-whatever. */
  kill(): Promise<void>;
}

export interface HubStartOptions {
  readonly engine: HubEngine;
  /** PGlite: the data folder (default: a fresh temporary one). */
  readonly dataDir?: string;
  /** PostgreSQL: the schema (default: a fresh one). */
  readonly schema?: string;
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
}

const START_TIMEOUT_MS = 120_000;

/** Starts a hub and resolves once it listens; rejects with its output when it exits first. */
export function startHub(options: HubStartOptions): Promise<HubProcess & { dataDir?: string; schema?: string }> {
  const dataDir = options.engine === 'pglite' ? (options.dataDir ?? mkdtempSync(joinPath(tmpdir(), 'mmdma-hub-'))) : undefined;
  const schema = options.engine === 'postgres' ? (options.schema ?? freshSchemaName()) : undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    // Generous anonymous limit: the suites join many devices from one address on purpose.
    MMDMA_HUB_ANON_RATE_PER_MINUTE: '100000',
    ...(schema ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : { MMDMA_HUB_DATA: dataDir! }),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--host', '127.0.0.1', '--no-app', ...(options.args ?? [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the hub did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /MMDMA hub listening on (http:\/\/[^\s]+)/.exec(output);
      // The hub prints the secret (first start only) in the same write, before the listening line.
      if (listening) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString('utf8')));
        const secret = /(mmdma_h_[A-Za-z0-9_-]+)/.exec(output)?.[1] ?? null;
        resolve({
          url: listening[1]!,
          secret,
          child,
          dataDir,
          schema,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (code ${code}) before listening:\n${output}`));
    });
  });
}

export interface HubReply<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function call<T = any>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<HubReply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.body as BodyInit | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const ASSESSMENT_ID = '01900000-0000-7000-8000-000000000001';

export interface TeamDevice {
  readonly token: string;
  readonly deviceId: string;
  readonly teamId: string;
  readonly role: HubRole;
}

export async function createTeam(hub: { url: string; secret: string }, options: { encrypted?: boolean; name?: string } = {}): Promise<TeamDevice> {
  const reply = await call(hub.url, 'POST', '/api/v1/teams', {
    token: hub.secret,
    json: { name: options.name ?? 'Armenia 2022', assessmentId: ASSESSMENT_ID, encrypted: options.encrypted ?? false, device: { label: 'Lead laptop' } },
  });
  if (reply.status !== 201) throw new Error(`team creation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { token: reply.body.token, deviceId: reply.body.device.id, teamId: reply.body.team.id, role: 'lead' };
}

export async function invite(url: string, lead: TeamDevice, role: HubRole, ttlMs?: number): Promise<string> {
  const reply = await call(url, 'POST', `/api/v1/teams/${lead.teamId}/invites`, { token: lead.token, json: { role, ...(ttlMs ? { ttlMs } : {}) } });
  if (reply.status !== 201) throw new Error(`invite failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.code;
}

export async function join(url: string, lead: TeamDevice, role: HubRole, label = `${role} tablet`): Promise<TeamDevice> {
  const code = await invite(url, lead, role);
  const reply = await call(url, 'POST', '/api/v1/join', { json: { code, device: { label } } });
  if (reply.status !== 201) throw new Error(`join failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { token: reply.body.token, deviceId: reply.body.device.id, teamId: lead.teamId, role };
}

/** A node id from a number, so tests can make many distinct devices. */
export function nodeId(n: number): string {
  return n.toString(16).padStart(16, '0').slice(-16);
}

/** Record ids: valid UUIDv7-shaped strings from a number. */
export function recordId(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `01900000-0000-7000-8000-${hex}`;
}

/** `count` changes of one node, one per field of observations, with HLCs from `startMs`. */
export function makeChanges(node: string, count: number, options: { startMs?: number; table?: PlainHubChange['table']; firstRecord?: number; text?: (i: number) => string } = {}): PlainHubChange[] {
  const startMs = options.startMs ?? Date.now() - 60_000;
  const first = options.firstRecord ?? 0;
  return Array.from({ length: count }, (_, i) => ({
    hlc: formatHlc({ wallMs: startMs + Math.floor(i / 16), counter: i % 16, nodeId: node }),
    node,
    table: options.table ?? 'observation',
    id: recordId(first + Math.floor(i / 4)),
    field: ['text', 'pillarId', 'tags', 'deleted'][i % 4]!,
    value: options.text ? options.text(i) : `note ${i} of ${node}`,
  }));
}

export async function push(url: string, device: TeamDevice, changes: readonly unknown[]): Promise<HubReply> {
  return call(url, 'POST', `/api/v1/teams/${device.teamId}/changes`, { token: device.token, json: { changes } });
}

/** Pulls every page after `after`; returns the changes and the final cursor. */
export async function pullAll(url: string, device: TeamDevice, after = '0', limit?: number): Promise<{ changes: any[]; cursor: string; pages: number }> {
  const changes: any[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const reply = await call(url, 'GET', `/api/v1/teams/${device.teamId}/changes?after=${cursor}${limit ? `&limit=${limit}` : ''}`, { token: device.token });
    if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    changes.push(...reply.body.changes);
    cursor = reply.body.cursor;
    pages += 1;
    if (!reply.body.hasMore) return { changes, cursor, pages };
  }
}
