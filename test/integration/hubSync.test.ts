/**
 * The sync protocol against the real hub on both engines: paging by cursor, idempotent and
 * divergent resends, a device back from a long time offline, clocks ahead and behind, the drift
 * digest, attachments and end-to-end encrypted values.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { digestDayText, hlcDay } from '../../src/core/sync/hubProtocol';
import { decryptHubChange, deriveHubValueKey, encryptHubChange } from '../../src/sync/hubValueCipher';
import { describeOnEngines } from './support/hubEngines';
import { call, createTeam, join, makeChanges, nodeId, pullAll, push } from './support/hubTestKit';

const DAY_MS = 86_400_000;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describeOnEngines('hub sync', ({ hub, need }) => {
  it('pages a pull by cursor with hasMore, in the order the hub committed', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const a = makeChanges(nodeId(1), 7);
    const b = makeChanges(nodeId(2), 5, { startMs: Date.now() - 3 * DAY_MS }); // older HLCs, pushed later
    expect((await push(url, lead, a)).body).toMatchObject({ accepted: 7, duplicates: 0, cursor: '7' });
    expect((await push(url, lead, b)).body).toMatchObject({ accepted: 5, cursor: '12' });
    const first = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/changes?after=0&limit=5`, { token: lead.token });
    expect(first.body).toMatchObject({ cursor: '5', hasMore: true });
    const all = await pullAll(url, lead, '0', 5);
    expect(all.pages).toBe(3);
    expect(all.cursor).toBe('12');
    expect(all.changes).toEqual([...a, ...b]); // commit order, not HLC order: the old ones are not skipped
    const none = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/changes?after=12`, { token: lead.token });
    expect(none.body).toMatchObject({ changes: [], cursor: '12', hasMore: false });
    const bad = await call(url, 'GET', `/api/v1/teams/${lead.teamId}/changes?after=abc`, { token: lead.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-request');
  });

  it('stores a batch once however often and however concurrently it is pushed', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const batch = makeChanges(nodeId(3), 300);
    const replies = await Promise.all([push(url, lead, batch), push(url, lead, batch), push(url, lead, batch)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.reduce((sum, r) => sum + r.body.accepted, 0)).toBe(300);
    expect(replies.reduce((sum, r) => sum + r.body.duplicates, 0)).toBe(600);
    // The same values with object keys in another order are the same change.
    const reordered = batch.slice(0, 2).map((change) => ({ value: change.value, field: change.field, id: change.id, table: change.table, node: change.node, hlc: change.hlc }));
    expect((await push(url, lead, reordered)).body).toMatchObject({ accepted: 0, duplicates: 2 });
    const { changes, cursor } = await pullAll(url, lead);
    expect(changes).toHaveLength(300);
    expect(cursor).toBe('300');
  });

  it('refuses a divergent resend with 409 and changes nothing, also within one batch', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const batch = makeChanges(nodeId(4), 10);
    await push(url, lead, batch);
    const fresh = makeChanges(nodeId(4), 3, { startMs: Date.now() - 1_000 });
    const divergent = [...fresh, { ...batch[5]!, value: 'another text under the same timestamp' }];
    const refused = await push(url, lead, divergent);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflicting-resend', details: { conflicts: [{ hlc: batch[5]!.hlc, node: nodeId(4) }] } });
    const inBatch = await push(url, lead, [fresh[0]!, { ...fresh[0]!, value: 'twin' }]);
    expect(inBatch.status).toBe(409);
    const { changes } = await pullAll(url, lead);
    expect(changes).toEqual(batch); // the fresh changes of the refused batches were not stored either
  });

  it('takes 10,000 changes from a device that was offline for weeks, and it pulls everything back', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const traveller = await join(url, lead, 'assessor');
    const meanwhile = makeChanges(nodeId(5), 500);
    await push(url, lead, meanwhile);
    const offline = makeChanges(nodeId(6), 10_000, { startMs: Date.now() - 21 * DAY_MS, text: (i) => `interview note ${i} typed offline` });
    for (let i = 0; i < offline.length; i += 1_000) {
      const reply = await push(url, traveller, offline.slice(i, i + 1_000));
      expect(reply.status).toBe(200);
      expect(reply.body.accepted).toBe(1_000);
    }
    const back = await pullAll(url, traveller);
    expect(back.changes).toHaveLength(10_500);
    expect(back.pages).toBe(11);
    expect(new Set(back.changes.map((c) => c.hlc)).size).toBe(10_500);
    expect(back.changes.slice(500)).toEqual(offline);
  });

  it('refuses changes more than a day ahead of the hub’s clock and accepts ones a day behind', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const ahead = makeChanges(nodeId(7), 3, { startMs: Date.now() + DAY_MS + 60 * 60_000 });
    const refused = await push(url, lead, [...makeChanges(nodeId(7), 2), ...ahead]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('clock-ahead');
    expect(refused.body.error.message).toMatch(/25 h ahead of the hub's clock .* date and time/);
    expect(refused.body.error.details.maxAheadMs).toBe(DAY_MS);
    expect((await pullAll(url, lead)).changes).toHaveLength(0);
    // Slightly ahead (a few hours) is a clock to warn about, not to refuse.
    expect((await push(url, lead, makeChanges(nodeId(7), 2, { startMs: Date.now() + 3 * 60 * 60_000 }))).status).toBe(200);
    const behind = makeChanges(nodeId(8), 3, { startMs: Date.now() - DAY_MS - 60 * 60_000 });
    expect((await push(url, lead, behind)).body).toMatchObject({ accepted: 3 });
  });

  it('gives a digest a client can recompute from the winning change of each field', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const older = makeChanges(nodeId(9), 40, { startMs: Date.now() - 2 * DAY_MS });
    const newer = makeChanges(nodeId(10), 20, { startMs: Date.now() - 60_000 }); // same fields as older[0..19]: they win
    await push(url, lead, older);
    await push(url, lead, newer);
    const digest = (await call(url, 'GET', `/api/v1/teams/${lead.teamId}/digest`, { token: lead.token })).body;
    const winners = new Map<string, string>();
    for (const change of [...older, ...newer]) {
      const key = `${change.table}/${change.id}/${change.field}`;
      if (!winners.has(key) || winners.get(key)! < change.hlc) winners.set(key, change.hlc);
    }
    const byDay = new Map<string, string[]>();
    for (const hlc of winners.values()) byDay.set(hlcDay(hlc), [...(byDay.get(hlcDay(hlc)) ?? []), hlc]);
    const expected = [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, hlcs]) => ({ day, fields: hlcs.length, sha256: sha256(digestDayText(hlcs)) }));
    expect(digest.changes).toBe(60);
    expect(digest.cursor).toBe('60');
    expect(digest.days).toEqual(expected);
  });

  it('uploads an attachment in parts, resumes, verifies it and serves ranges', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const assessor = await join(url, lead, 'assessor');
    const bytes = new Uint8Array(randomBytes(2_500_000));
    const hash = sha256(bytes);
    const base = `/api/v1/teams/${lead.teamId}/blobs`;
    const tooBig = await call(url, 'POST', base, { token: assessor.token, json: { sha256: hash, bytes: 513 * 1024 * 1024, mediaType: 'video/mp4' } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'payload-too-large', details: { limit: 512 * 1024 * 1024 } });
    const declared = await call(url, 'POST', base, { token: assessor.token, json: { sha256: hash, bytes: bytes.length, mediaType: 'image/jpeg' } });
    expect(declared.body).toMatchObject({ received: 0, complete: false, partBytes: 1024 * 1024 });
    const put = (offset: number, part: Uint8Array) =>
      call(url, 'PUT', `${base}/${hash}?offset=${offset}`, { token: assessor.token, body: part, headers: { 'content-type': 'application/octet-stream' } });
    expect((await put(0, bytes.subarray(0, 1_000_000))).body).toMatchObject({ received: 1_000_000 });
    // Not downloadable before it is complete.
    expect((await call(url, 'GET', `${base}/${hash}`, { token: lead.token })).body.error.code).toBe('upload-incomplete');
    // The connection dropped: the device asks where it stands and resumes there; a wrong offset is refused.
    const status = await call(url, 'GET', `${base}/${hash}/status`, { token: assessor.token });
    expect(status.body.received).toBe(1_000_000);
    const wrong = await put(0, bytes.subarray(0, 10));
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: 'upload-offset-mismatch', details: { received: 1_000_000 } });
    expect((await put(1_000_000, bytes.subarray(1_000_000, 2_000_000))).body.received).toBe(2_000_000);
    expect((await put(2_000_000, bytes.subarray(2_000_000))).body).toMatchObject({ received: bytes.length, complete: true });
    const whole = await fetch(`${url}${base}/${hash}`, { headers: { authorization: `Bearer ${lead.token}` } });
    expect(whole.headers.get('content-type')).toBe('application/octet-stream');
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(hash);
    const range = await fetch(`${url}${base}/${hash}`, { headers: { authorization: `Bearer ${lead.token}`, range: 'bytes=999990-1000009' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 999990-1000009/${bytes.length}`);
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.subarray(999_990, 1_000_010));
    const suffix = await fetch(`${url}${base}/${hash}`, { headers: { authorization: `Bearer ${lead.token}`, range: 'bytes=-100' } });
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 100));
    const outside = await fetch(`${url}${base}/${hash}`, { headers: { authorization: `Bearer ${lead.token}`, range: `bytes=${bytes.length}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    // Another team cannot read it.
    const other = await createTeam({ url, secret });
    expect((await call(url, 'GET', `${base}/${hash}`, { token: other.token })).status).toBe(403);
  });

  it('discards an upload whose bytes do not have the declared SHA-256', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret });
    const bytes = new Uint8Array(randomBytes(5_000));
    const claimed = sha256('something else');
    const base = `/api/v1/teams/${lead.teamId}/blobs`;
    await call(url, 'POST', base, { token: lead.token, json: { sha256: claimed, bytes: bytes.length, mediaType: 'image/png' } });
    const reply = await call(url, 'PUT', `${base}/${claimed}?offset=0`, { token: lead.token, body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('checksum-mismatch');
    expect((await call(url, 'GET', `${base}/${claimed}/status`, { token: lead.token })).body).toMatchObject({ received: 0, complete: false });
    expect((await call(url, 'GET', `${base}/${claimed}`, { token: lead.token })).status).toBe(409);
  });

  it('relays end-to-end encrypted values it cannot read, idempotently, and refuses values in clear', async (ctx) => {
    need(ctx);
    const { url, secret } = hub();
    const lead = await createTeam({ url, secret }, { encrypted: true });
    const key = await deriveHubValueKey('correct horse battery staple', lead.teamId, 1_000);
    const plain = makeChanges(nodeId(11), 20, { text: (i) => `Confidential: the service shares data by fax (${i})` });
    const refused = await push(url, lead, plain);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('plaintext-in-encrypted-team');
    const sealed = await Promise.all(plain.map((change) => encryptHubChange(key, change)));
    expect((await push(url, lead, sealed)).body).toMatchObject({ accepted: 20 });
    // Encrypting again gives the same bytes, so a resend is a duplicate, not a conflict.
    const again = await Promise.all(plain.map((change) => encryptHubChange(key, change)));
    expect((await push(url, lead, again)).body).toMatchObject({ accepted: 0, duplicates: 20 });
    const pulled = await pullAll(url, lead);
    expect(JSON.stringify(pulled.changes)).not.toContain('fax');
    const opened = await Promise.all(pulled.changes.map((change) => decryptHubChange(key, change)));
    expect(opened).toEqual(plain);
    // A ciphertext moved to another field does not open.
    expect(await decryptHubChange(key, { ...pulled.changes[0], field: 'other' })).toBeNull();
  });
});
