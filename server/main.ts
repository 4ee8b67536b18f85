/**
 * The sync hub's entry point: `node --import tsx server/main.ts [--port N] [--host H] [--data DIR]
 * [--no-app] [--reset-hub-secret]`. One process serves the built app and the sync API, on PGlite
 * (data in a local folder, the default) or on PostgreSQL when DATABASE_URL is set.
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { HUB_LIMITS } from '../src/core/sync/hubProtocol';
import { createHubApp } from './http/createHubApp';
import { createRateLimiter } from './http/rateLimiter';
import { DataFolderLockedError } from './db/dataFolderLock';
import type { Database } from './db/database';
import { migrate } from './db/migrations';
import { openPglite } from './db/openPglite';
import { openPostgres } from './db/openPostgres';
import { HubSecretError, ensureHubSecret } from './hubSecret';
import { purgeAbandonedUploads } from './store/blobStore';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_FOLDER = 'hub-data';
/** A whole request, body included (a 4 MiB blob part on a slow field connection fits easily). */
const REQUEST_TIMEOUT_MS = 120_000;
const HEADERS_TIMEOUT_MS = 30_000;

interface Options {
  port: number;
  host: string;
  dataFolder: string;
  appDir: string | null;
  resetSecret: boolean;
}

function fail(message: string): never {
  console.error(`mmdma hub: ${message}`);
  process.exit(1);
}

function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const options: Options = {
    port: Number(env.MMDMA_HUB_PORT ?? env.PORT ?? DEFAULT_PORT),
    host: env.MMDMA_HUB_HOST ?? DEFAULT_HOST,
    dataFolder: resolve(env.MMDMA_HUB_DATA ?? DEFAULT_DATA_FOLDER),
    appDir: resolve(env.MMDMA_HUB_APP ?? 'dist'),
    resetSecret: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--data') options.dataFolder = resolve(value());
    else if (arg === '--app') options.appDir = resolve(value());
    else if (arg === '--no-app') options.appDir = null;
    else if (arg === '--reset-hub-secret') options.resetSecret = true;
    else fail(`unknown option ${arg}. Options: --port N, --host H, --data DIR, --app DIR, --no-app, --reset-hub-secret`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) fail(`the port must be a number from 0 to 65535`);
  return options;
}

function positiveInt(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${name} must be a positive whole number`);
  return n;
}

async function openDatabase(options: Options, env: NodeJS.ProcessEnv): Promise<{ db: Database; where: string }> {
  if (env.DATABASE_URL) {
    const db = await openPostgres(env.DATABASE_URL, env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {});
    const url = new URL(env.DATABASE_URL);
    return { db, where: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}${env.DATABASE_SCHEMA ? ` (schema ${env.DATABASE_SCHEMA})` : ''}` };
  }
  return { db: await openPglite(options.dataFolder), where: `PGlite in ${options.dataFolder}` };
}

async function main(): Promise<void> {
  const env = process.env;
  const options = readOptions(process.argv.slice(2), env);
  let opened: { db: Database; where: string };
  try {
    opened = await openDatabase(options, env);
  } catch (error) {
    if (error instanceof DataFolderLockedError) fail(error.message);
    fail(`cannot open the database: ${(error as Error).message}`);
  }
  const { db, where } = opened;
  await migrate(db);
  let secret;
  try {
    secret = await ensureHubSecret(db, { configured: env.MMDMA_HUB_SECRET, reset: options.resetSecret });
  } catch (error) {
    await db.close();
    if (error instanceof HubSecretError) fail(error.message);
    throw error;
  }

  const app = createHubApp({
    db,
    hubSecretHash: secret.hash,
    ratePerMinute: positiveInt(env.MMDMA_HUB_RATE_PER_MINUTE, HUB_LIMITS.RATE_PER_MINUTE, 'MMDMA_HUB_RATE_PER_MINUTE'),
    anonymousRatePerMinute: positiveInt(env.MMDMA_HUB_ANON_RATE_PER_MINUTE, HUB_LIMITS.ANONYMOUS_RATE_PER_MINUTE, 'MMDMA_HUB_ANON_RATE_PER_MINUTE'),
    allowedOrigins: (env.MMDMA_HUB_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    appDir: options.appDir,
    now: () => Date.now(),
    limiter: createRateLimiter(),
  });

  // Abandoned uploads (declared, then no part for ABANDONED_UPLOAD_MS) are deleted by a sweep at
  // start and then every ABANDONED_UPLOAD_SWEEP_MS. The two variables exist for tests and for an
  // operator short of space; docs/hub-protocol.md states the defaults.
  const abandonedAfterMs = positiveInt(env.MMDMA_HUB_ABANDONED_UPLOAD_MS, HUB_LIMITS.ABANDONED_UPLOAD_MS, 'MMDMA_HUB_ABANDONED_UPLOAD_MS');
  const sweepEveryMs = positiveInt(env.MMDMA_HUB_UPLOAD_SWEEP_MS, HUB_LIMITS.ABANDONED_UPLOAD_SWEEP_MS, 'MMDMA_HUB_UPLOAD_SWEEP_MS');
  const sweep = async () => {
    try {
      const purged = await purgeAbandonedUploads(db, abandonedAfterMs, Date.now());
      if (purged > 0) console.log(`mmdma hub: purged ${purged} abandoned upload(s)`);
    } catch (error) {
      console.error('mmdma hub: purging abandoned uploads failed (tried again at the next sweep):', (error as Error).message);
    }
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), sweepEveryMs);
  sweeper.unref();

  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
    // One write, the listening line last: whoever watches the output for it has the secret too.
    const lines: string[] = [];
    if (secret.kind === 'created') {
      lines.push('Hub secret (shown only this once; it lets its holder create team spaces on this hub, keep it safe):', `  ${secret.secret}`, '');
    }
    if (options.appDir !== null) lines.push(`Open the app at ${url}/`);
    lines.push(`MMDMA hub listening on ${url} (${where})`);
    console.log(lines.join('\n'));
  });

  // Slow or stalled clients cannot hold connections open for long (Node's defaults are 300 s).
  if ('requestTimeout' in server) {
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweeper);
    console.log(`mmdma hub: ${signal}, stopping`);
    server.close();
    db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
