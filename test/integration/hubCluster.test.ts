/**
 * Several hubs, one database. On PostgreSQL two hub processes serve one team: a change pushed to
 * one is pulled from the other, and pushes racing through both while a reader pulls keep the
 * cursor gap-free (the reader ends with every change exactly once). On PGlite a second hub on the
 * same data folder refuses to start; and with end-to-end encryption the PGlite files hold no
 * plaintext of a note (while a control note in clear is found, so the search does see text). On
 * PostgreSQL, where the test can reach the database, an expired token and invite-code guessing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveHubValueKey, encryptHubChange } from '../../src/sync/hubValueCipher';
import pg from 'pg';
import { call, createTeam, dropSchema, join, makeChanges, nodeId, postgresUnavailable, pullAll, push, startHub, TEST_DATABASE_URL, type HubProcess, type TeamDevice } from './support/hubTestKit';

const running: (HubProcess & { schema?: string })[] = [];
afterAll(async () => {
  for (const hub of running) await hub.stop();
  for (const schema of new Set(running.map((hub) => hub.schema).filter(Boolean))) await dropSchema(schema!);
});

describe('two hub processes on one PostgreSQL', () => {
  it('serve one team: push to one, pull from the other; racing pushes leave no gap for a reader', async (ctx) => {
    const why = await postgresUnavailable();
    if (why) {
      console.log(`SKIPPED two hubs on PostgreSQL: ${why}`);
      ctx.skip();
    }
    const a = await startHub({ engine: 'postgres' });
    running.push(a);
    const b = await startHub({ engine: 'postgres', schema: a.schema });
    running.push(b);
    expect(b.secret).toBeNull(); // the first hub made it; the second shares it
    const lead = await createTeam({ url: a.url, secret: a.secret! });
    const first = makeChanges(nodeId(1), 50);
    await push(a.url, lead, first);
    expect((await pullAll(b.url, lead)).changes).toEqual(first);
    // A device joined through B can use A, and the other way round: tokens live in the database.
    const viaB = await join(b.url, lead, 'assessor');
    expect((await call(a.url, 'GET', `/api/v1/teams/${lead.teamId}`, { token: viaB.token })).status).toBe(200);

    const writers: TeamDevice[] = [];
    for (let i = 0; i < 8; i += 1) writers.push(await join(i % 2 ? a.url : b.url, lead, 'assessor', `writer ${i}`));
    const batches = writers.map((_, w) => Array.from({ length: 5 }, (__, k) => makeChanges(nodeId(100 + w), 200, { startMs: Date.now() - 600_000 + k * 20 })));
    const expected = 50 + 8 * 5 * 200;
    let pushing = true;
    const pushes = Promise.all(
      writers.map(async (writer, w) => {
        for (let k = 0; k < 5; k += 1) {
          const reply = await push((w + k) % 2 ? a.url : b.url, writer, batches[w]![k]!);
          expect(reply.status).toBe(200);
        }
      }),
    ).finally(() => (pushing = false));
    // The reader pulls while the pushes race, alternating hubs, and never re-reads: a gap would be a lost change.
    const seen: any[] = [];
    let cursor = '0';
    let turn = 0;
    while (pushing || seen.length < expected) {
      const url = turn++ % 2 ? a.url : b.url;
      const page = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/changes?after=${cursor}&limit=300`, { token: lead.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.changes);
      cursor = page.body.cursor;
      if (!page.body.hasMore && !pushing && seen.length >= expected) break;
      if (!page.body.hasMore && !pushing) {
        // Pushes are done and the last page came back short: one more pull settles it.
        const last = await pullAll(url, lead, cursor);
        seen.push(...last.changes);
        cursor = last.cursor;
        break;
      }
    }
    await pushes;
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((change) => change.hlc)).size).toBe(expected);
    expect(cursor).toBe(String(expected));
    // Each writer's batches arrive whole and in the order it pushed them.
    for (let w = 0; w < writers.length; w += 1) {
      expect(seen.filter((change) => change.node === nodeId(100 + w))).toEqual(batches[w]!.flat());
    }
  });
});

describe('tokens and guessing, on PostgreSQL (where the test can reach into the database)', () => {
  it('refuses an expired token with its own reason, and throttles invite-code guessing per address', async (ctx) => {
    const why = await postgresUnavailable();
    if (why) {
      console.log(`SKIPPED token expiry and guessing on PostgreSQL: ${why}`);
      ctx.skip();
    }
    const hub = await startHub({ engine: 'postgres', env: { MMDMA_HUB_ANON_RATE_PER_MINUTE: '20' } });
    running.push(hub);
    const lead = await createTeam({ url: hub.url, secret: hub.secret! });
    const assessor = await join(hub.url, lead, 'assessor');
    // 180 days pass for this device.
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`UPDATE ${hub.schema}.devices SET expires_at = now() - interval '1 second' WHERE id = $1`, [assessor.deviceId]);
    } finally {
      await client.end();
    }
    const expired = await push(hub.url, assessor, makeChanges(nodeId(1), 3));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token-expired');
    expect(expired.body.error.message).toMatch(/unsent changes are kept/);
    expect((await pullAll(hub.url, lead)).changes).toHaveLength(0);
    // Guessing invite codes: 20 a minute from one address, then 429 (the team creation and the join above used 2).
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await call(hub.url, 'POST', '/api/v1/join', { json: { code: `${String(i).padStart(5, '0')}-AAAAA-BBBBB-CCCCC`, device: { label: 'Guess' } } })).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(18);
    expect(statuses.slice(18)).toEqual([429, 429]);
  });
});

describe('PGlite data folder', () => {
  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = joinPath(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }

  it('refuses a second hub on the same folder with a clear message', async () => {
    const first = await startHub({ engine: 'pglite' });
    running.push(first);
    const failure = await startHub({ engine: 'pglite', dataDir: first.dataDir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/in use by another hub process \(pid \d+\)/);
    expect(failure).toMatch(/DATABASE_URL/);
    // The first hub is unharmed.
    expect((await call(first.url, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it('holds only ciphertext of an end-to-end encrypted note: its files do not contain the text', async () => {
    const hub = await startHub({ engine: 'pglite' });
    running.push(hub);
    const secretText = 'Border police keep passport scans on a shared drive without audit logs';
    const controlText = 'CONTROL-plaintext-note-seen-by-the-search-3f9c1a';
    const sealedTeam = await createTeam({ url: hub.url, secret: hub.secret! }, { encrypted: true });
    const key = await deriveHubValueKey('team passphrase for the test', sealedTeam.teamId, 1_000);
    const notes = makeChanges(nodeId(7), 40, { text: (i) => `${secretText} (${i})` });
    const sealed = await Promise.all(notes.map((note) => encryptHubChange(key, note)));
    expect((await push(hub.url, sealedTeam, sealed)).status).toBe(200);
    const plainTeam = await createTeam({ url: hub.url, secret: hub.secret! });
    expect((await push(hub.url, plainTeam, makeChanges(nodeId(8), 1, { text: () => controlText }))).status).toBe(200);
    await hub.stop(); // flushed and closed
    const files = filesUnder(hub.dataDir!);
    const containing = (text: string) => files.filter((file) => readFileSync(file).includes(Buffer.from(text, 'utf8')));
    expect(containing(controlText).length).toBeGreaterThan(0);
    expect(containing(secretText)).toEqual([]);
    expect(containing('passport scans')).toEqual([]);
  });
});
