/**
 * Sync hub budget (issue 10): 50 concurrent clients × 1,000 changes each against the real hub
 * process on loopback, on PGlite and on PostgreSQL, with nothing lost.
 *
 * Workload: 10 teams of 5 devices (a team is a handful of devices; the team row lock serialises
 * pushes within a team, not across teams). Every client pushes its 1,000 changes (one push, ~150
 * KiB) at the same moment; then every client pulls its team's 5,000 changes page by page.
 *
 * Figures:
 * - throughput: changes stored per second over the push phase (first request sent to last answer),
 *   as a ratio to the baseline: the same 50,000 rows inserted straight into the same database,
 *   into a table with the same columns, indexes and constraints as the hub's (CREATE TABLE … LIKE
 *   changes INCLUDING ALL) by ONE multi-row INSERT (unnest of arrays) — no HTTP, no JSON, no checks.
 *   On PGlite the baseline runs in this process on the hub's data folder once the hub has stopped
 *   (PGlite is one process per folder).
 * - p95 latency of a 1,000-change push and of a pull page (1,000 changes): one at a time (20 each,
 *   what a device sees on an idle hub; the goal applies here), and with all 50 clients at once
 *   (where the figure is mostly queueing behind the others on a 2-core machine).
 * - nothing lost: every team's pull returns exactly its 5,000 changes.
 * Goals: ≥ 0.3× the baseline's rate on PostgreSQL; p95 of a 1,000-change push < 250 ms.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, it } from 'vitest';
import { call, createTeam, dropSchema, join, makeChanges, nodeId, postgresUnavailable, pullAll, startHub, TEST_DATABASE_URL, type HubEngine, type HubProcess, type TeamDevice } from '../test/integration/support/hubTestKit';

const TEAMS = 10;
const DEVICES_PER_TEAM = 5;
const CHANGES_PER_CLIENT = 1_000;
const CLIENTS = TEAMS * DEVICES_PER_TEAM;
/** Pushes (and pull pages) timed one at a time, before the concurrent phase. */
const SOLO_PUSHES = 20;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

interface EngineFigures {
  readonly engine: HubEngine;
  readonly hubRate: number;
  readonly baselineRate: number;
  readonly pushP95Ms: number;
  readonly pushMedianMs: number;
  readonly pullP95Ms: number;
  readonly soloPushP95Ms: number;
  readonly soloPushMedianMs: number;
  readonly soloPullP95Ms: number;
  readonly lost: number;
}

const hubs: (HubProcess & { schema?: string })[] = [];
afterAll(async () => {
  for (const hub of hubs) await hub.stop();
  for (const hub of hubs) if (hub.schema) await dropSchema(hub.schema);
});

const BASELINE_SQL = `INSERT INTO bench_baseline (team_id, seq, hlc, node, tbl, rec_id, field, value, enc, pushed_by)
  SELECT $1::uuid, u.ord, u.hlc, u.node, u.tbl, u.rec_id::uuid, u.field, u.value, NULL, $1::uuid
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS u(hlc, node, tbl, rec_id, field, value, ord)`;

function baselineParams(teamId: string, workload: ReturnType<typeof makeChanges>[]) {
  const rows = workload.flat();
  return [
    teamId,
    rows.map((r) => r.hlc),
    rows.map((r) => r.node),
    rows.map((r) => r.table),
    rows.map((r) => r.id),
    rows.map((r) => r.field),
    rows.map((r) => JSON.stringify(r.value)),
  ];
}

async function runEngine(engine: HubEngine): Promise<EngineFigures | string> {
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return why;
  }
  const hub = await startHub({ engine, env: { MMDMA_HUB_RATE_PER_MINUTE: '100000' } });
  hubs.push(hub);
  const { url } = hub;
  const teams: TeamDevice[][] = [];
  for (let t = 0; t < TEAMS; t += 1) {
    const lead = await createTeam({ url, secret: hub.secret! }, { name: `Team ${t}` });
    const members = [lead];
    for (let d = 1; d < DEVICES_PER_TEAM; d += 1) members.push(await join(url, lead, 'assessor', `device ${d}`));
    teams.push(members);
  }
  const clients = teams.flat();
  const workload = clients.map((_, c) =>
    makeChanges(nodeId(1_000 + c), CHANGES_PER_CLIENT, { firstRecord: c * 1_000, text: (i) => `Interview note ${i}: the ministry exchanges records with the border police by e-mail.` }),
  );
  // Warm-up: one small push per team so connections and plans are warm for both sides alike.
  for (const members of teams) await call(url, 'POST', `/api/v1/teams/${members[0]!.teamId}/changes`, { token: members[0]!.token, json: { changes: makeChanges(nodeId(9_999), 10) } });

  // One client at a time: the latency a device sees when the hub is not queueing other pushes.
  const soloPushTimes: number[] = [];
  const soloPullTimes: number[] = [];
  const solo = teams[0]![0]!;
  for (let k = 0; k < SOLO_PUSHES; k += 1) {
    const batch = makeChanges(nodeId(5_000 + k), CHANGES_PER_CLIENT, { firstRecord: 100_000 + k * 1_000, text: (i) => `Solo note ${i} about data exchange agreements.` });
    const t0 = performance.now();
    const reply = await call(url, 'POST', `/api/v1/teams/${solo.teamId}/changes`, { token: solo.token, json: { changes: batch } });
    soloPushTimes.push(performance.now() - t0);
    if (reply.status !== 200) throw new Error(`solo push failed: ${reply.status}`);
  }
  for (let k = 0; k < SOLO_PUSHES; k += 1) {
    const t0 = performance.now();
    const page = await call(url, 'GET', `/api/v1/teams/${solo.teamId}/changes?after=${k * CHANGES_PER_CLIENT}`, { token: solo.token });
    soloPullTimes.push(performance.now() - t0);
    if (page.status !== 200) throw new Error(`solo pull failed: ${page.status}`);
  }
  // The other clients' pulls below start after the solo changes.
  const soloChanges = SOLO_PUSHES * CHANGES_PER_CLIENT;

  const pushTimes: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      const t0 = performance.now();
      const reply = await call(url, 'POST', `/api/v1/teams/${client.teamId}/changes`, { token: client.token, json: { changes: workload[c] } });
      pushTimes.push(performance.now() - t0);
      if (reply.status !== 200 || reply.body.accepted !== CHANGES_PER_CLIENT) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
    }),
  );
  const pushSeconds = (performance.now() - started) / 1000;

  const pullTimes: number[] = [];
  let lost = 0;
  await Promise.all(
    clients.map(async (client) => {
      let cursor = client.teamId === solo.teamId ? String(10 + soloChanges) : '0';
      let received = client.teamId === solo.teamId ? 10 : 0;
      for (;;) {
        const t0 = performance.now();
        const page = await call(url, 'GET', `/api/v1/teams/${client.teamId}/changes?after=${cursor}`, { token: client.token });
        pullTimes.push(performance.now() - t0);
        received += page.body.changes.length;
        cursor = page.body.cursor;
        if (!page.body.hasMore) break;
      }
      // Each client sees its team's 5,000 changes and the warm-up's 10.
      lost += Math.max(0, DEVICES_PER_TEAM * CHANGES_PER_CLIENT + 10 - received);
    }),
  );
  // Every change of every client is there, exactly once.
  for (const members of teams) {
    const { changes } = await pullAll(url, members[0]!);
    const hlcs = new Set(changes.map((change) => change.hlc));
    lost += members.length * CHANGES_PER_CLIENT + 10 + (members === teams[0] ? soloChanges : 0) - hlcs.size;
  }

  // Baseline: the same rows, one multi-row INSERT, straight into the same database.
  const teamId = teams[0]![0]!.teamId;
  const params = baselineParams(teamId, workload);
  let baselineSeconds: number;
  if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${hub.schema}`);
      await client.query('CREATE TABLE bench_baseline (LIKE changes INCLUDING ALL)');
      const t0 = performance.now();
      await client.query(BASELINE_SQL, params);
      baselineSeconds = (performance.now() - t0) / 1000;
    } finally {
      await client.end();
    }
  } else {
    await hub.stop();
    const db = await PGlite.create(hub.dataDir!);
    try {
      await db.query('CREATE TABLE bench_baseline (LIKE changes INCLUDING ALL)');
      const t0 = performance.now();
      await db.query(BASELINE_SQL, params);
      baselineSeconds = (performance.now() - t0) / 1000;
    } finally {
      await db.close();
    }
  }
  const total = CLIENTS * CHANGES_PER_CLIENT;
  return {
    engine,
    hubRate: total / pushSeconds,
    baselineRate: total / baselineSeconds,
    pushP95Ms: percentile(pushTimes, 95),
    pushMedianMs: percentile(pushTimes, 50),
    pullP95Ms: percentile(pullTimes, 95),
    soloPushP95Ms: percentile(soloPushTimes, 95),
    soloPushMedianMs: percentile(soloPushTimes, 50),
    soloPullP95Ms: percentile(soloPullTimes, 95),
    lost,
  };
}

it('sync hub: 50 concurrent clients × 1,000 changes on both engines', async () => {
  const rows: string[][] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const figures = await runEngine(engine);
    if (typeof figures === 'string') {
      console.log(`SKIPPED the hub benchmark on ${engine}: ${figures}`);
      continue;
    }
    const ratio = figures.hubRate / figures.baselineRate;
    rows.push(
      [`${engine}: push throughput`, `${Math.round(figures.hubRate).toLocaleString('en')} changes/s`, `${ratio.toFixed(2)}× baseline (${Math.round(figures.baselineRate).toLocaleString('en')}/s)`, engine === 'postgres' ? '≥ 0.3×' : '—'],
      [`${engine}: p95 1,000-change push, one at a time`, `${figures.soloPushP95Ms.toFixed(0)} ms`, `median ${figures.soloPushMedianMs.toFixed(0)} ms, ${SOLO_PUSHES} pushes`, '< 250 ms'],
      [`${engine}: p95 pull page (1,000), one at a time`, `${figures.soloPullP95Ms.toFixed(0)} ms`, `${SOLO_PUSHES} pages`, '—'],
      [`${engine}: p95 1,000-change push, 50 at once`, `${figures.pushP95Ms.toFixed(0)} ms`, `median ${figures.pushMedianMs.toFixed(0)} ms (queueing)`, '—'],
      [`${engine}: p95 pull page, 50 pulling at once`, `${figures.pullP95Ms.toFixed(0)} ms`, '', '—'],
      [`${engine}: changes lost`, String(figures.lost), `of ${CLIENTS * CHANGES_PER_CLIENT}`, '0'],
    );
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 8));
  console.log(`\nSync hub (${CLIENTS} clients × ${CHANGES_PER_CLIENT} changes, ${TEAMS} teams, loopback)\n${rows.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`).join('\n')}\n`);
});
