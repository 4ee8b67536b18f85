/**
 * The app's hub client in an end-to-end encrypted team, against the REAL hub process on PGlite:
 * devices join, are asked for the team passphrase, and converge; the hub's data folder holds no
 * word of a note (searched byte for byte, with a plain team's note as the control that the search
 * works); a wrong passphrase — typed, or a stale key on the device — is refused with a reason, and
 * changes nothing: no record, no cursor. Attachment bytes follow their records as ciphertext: the
 * hub verifies the ciphertext's SHA-256, the teammate opens it and gets the very bytes of the record's
 * hash, and the hub's files hold none of a distinctive byte string of the file (a plain team's file
 * holding the same kind of marker is found: the search works on attachments too).
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHub, type HubProcess } from './support/hubTestKit';
import { hubDevice, inviteCode, type Team } from './support/hubClientKit';
import { assessmentInput, assessorInput, observationInput, unwrap } from './support/storageTestKit';
import { patchHubConnection } from '../../src/sync/hubConnection';
import { unlockEncryptedTeam } from '../../src/sync/joinHub';
import { deriveHubValueKeyMaterial } from '../../src/sync/hubValueCipher';
import { syncWithHub } from '../../src/sync/hubSync';

let hub: HubProcess & { secret: string; dataDir?: string };
beforeAll(async () => {
  const started = await startHub({ engine: 'pglite' });
  if (started.secret === null) throw new Error('no hub secret printed');
  hub = started as typeof hub;
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

const NOW = Date.now();
const PASSPHRASE = 'Ararat morning, seven apricots';
const SECRET_NOTE = 'Border police keep passport scans on a shared drive without audit logs';
const ATTACHMENT_MARKER = 'Scanned register of passports, page 14, confidential';
const CONTROL_NOTE = 'CONTROL-plaintext-note-of-a-plain-team-7c1e';
const CONTROL_ATTACHMENT_MARKER = 'CONTROL-attachment-bytes-of-a-plain-team-5d2a';

/**
 * A 2.5 MiB "scan" (three sealed chunks): bytes that do not compress (so the database cannot hide
 * a marker by compressing it) with the marker written at the start of each MiB.
 */
function scanBytes(marker: string, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(2.5 * 1024 * 1024));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes.length; i += 1) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  const m = new TextEncoder().encode(marker);
  for (let at = 0; at + m.length < bytes.length; at += 1024 * 1024) bytes.set(m, at);
  return bytes;
}

async function createTeam(assessmentId: string, encrypted: boolean): Promise<Team> {
  const reply = await call(hub.url, 'POST', '/api/v1/teams', { token: hub.secret, json: { name: 'Armenia 2022', assessmentId, encrypted, device: { label: 'Lead (setup)' } } });
  if (reply.status !== 201) throw new Error(`team creation: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { teamId: reply.body.team.id, leadToken: reply.body.token };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = joinPath(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('an end-to-end encrypted team through the real hub', () => {
  let shared: { assessmentId: string; team: Team; noteId: string; replyId: string } | undefined;

  it('asks for the passphrase, then two devices converge; the stored connection keeps a derived key, never the passphrase', async () => {
    const a = hubDevice(hub, { seed: 31, start: NOW, label: 'a' });
    const assessment = unwrap(await a.store.createRecord('assessment', assessmentInput())).record;
    const anna = unwrap(await a.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const note = unwrap(await a.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: SECRET_NOTE }))).record;
    const scanFile = scanBytes(ATTACHMENT_MARKER, 7);
    const scan = unwrap(await a.store.putBlob(new Blob([scanFile], { type: 'image/jpeg' }), 'image/jpeg'));
    unwrap(await a.store.createRecord('attachment', { assessmentId: assessment.id, sha256: scan.sha256, mediaType: 'image/jpeg', bytes: scan.bytes, fileName: 'scan.jpg', caption: '', observationId: note.id }));
    const team = await createTeam(assessment.id, true);

    const joined = await a.join(await inviteCode(hub, team, 'lead'), 'Anna laptop');
    expect(joined).toMatchObject({ encrypted: true, tokenState: 'valid' });
    expect(joined.valueKey).toBeUndefined();
    const waiting = await a.sync(assessment.id);
    expect(waiting.ok ? waiting.value : waiting.error).toMatchObject({ kind: 'passphrase-needed' });
    expect(unwrap(await a.store.pendingChanges()).changes.length).toBeGreaterThan(0); // kept meanwhile

    const unlocked = unwrap(await unlockEncryptedTeam(a.store, a.api, joined, PASSPHRASE));
    expect(unlocked.valueKey).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const stored = await a.connection(assessment.id);
    expect(stored.valueKey).toBe(unlocked.valueKey);
    expect(JSON.stringify(stored)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(stored)).not.toContain('apricots');

    const first = unwrap(await a.sync(assessment.id));
    expect(first.pushed).toBeGreaterThan(3);
    expect(first.uploaded).toBe(1); // as ciphertext
    // The hub holds the ciphertext under the ciphertext's own hash, never under the file's.
    expect((await call(hub.url, 'GET', `/api/v1/teams/${team.teamId}/blobs/${scan.sha256}/status`, { token: team.leadToken })).status).toBe(404);
    // A plain upload into an encrypted team is refused before any byte (declared without a ref).
    const plainDeclare = await call(hub.url, 'POST', `/api/v1/teams/${team.teamId}/blobs`, { token: team.leadToken, json: { sha256: scan.sha256, bytes: scan.bytes, mediaType: 'image/jpeg' } });
    expect({ status: plainDeclare.status, code: plainDeclare.body.error.code }).toEqual({ status: 422, code: 'plaintext-in-encrypted-team' });
    expect(unwrap(await a.store.pendingChanges()).changes).toEqual([]);
    // What the hub holds is ciphertext: read as the lead's setup device would, without a key.
    const raw = await call(hub.url, 'GET', `/api/v1/teams/${team.teamId}/changes?after=0`, { token: team.leadToken });
    expect(raw.status).toBe(200);
    expect(raw.body.changes.length).toBe(first.pushed);
    expect(raw.body.changes.every((c: Record<string, unknown>) => typeof c.enc === 'string' && !('value' in c))).toBe(true);
    expect(JSON.stringify(raw.body)).not.toContain('passport');

    const b = hubDevice(hub, { seed: 32, start: NOW + 1_000, label: 'b' });
    const bJoined = await b.join(await inviteCode(hub, team, 'assessor'), 'Boris tablet');
    unwrap(await unlockEncryptedTeam(b.store, b.api, bJoined, PASSPHRASE));
    const onB = unwrap(await b.sync(assessment.id));
    expect(onB).toMatchObject({ applied: first.pushed, unreadable: 0, downloaded: 1 });
    expect((await b.db.observation.get(note.id))?.text).toBe(SECRET_NOTE);
    // The very bytes: opened, and stored under the record's (plaintext) hash.
    const onBScan = unwrap(await b.store.getBlob(scan.sha256));
    expect(onBScan).toBeDefined();
    expect(new Uint8Array(await onBScan!.blob.arrayBuffer())).toEqual(scanFile);

    b.clock.advance(5_000);
    const reply = unwrap(await b.store.createRecord('observation', observationInput(assessment.id, anna.id, null, { text: 'Boris: the scans are also emailed in clear.' }))).record;
    expect(unwrap(await b.sync(assessment.id)).pushed).toBeGreaterThan(0);
    a.clock.advance(6_000);
    expect(unwrap(await a.sync(assessment.id)).applied).toBeGreaterThan(0);
    expect((await a.db.observation.get(reply.id))?.text).toBe('Boris: the scans are also emailed in clear.');
    // Converged: the same observations, field for field, on both.
    const onA = (await a.db.observation.toArray()).map(({ id, text }) => ({ id, text })).sort((x, y) => x.id.localeCompare(y.id));
    const onB2 = (await b.db.observation.toArray()).map(({ id, text }) => ({ id, text })).sort((x, y) => x.id.localeCompare(y.id));
    expect(onB2).toEqual(onA);
    expect(unwrap(await a.sync(assessment.id))).toMatchObject({ applied: 0, pushed: 0 });
    // The digest sees only HLCs, so drift checking works on ciphertext too: none here.
    const checked = unwrap(await syncWithHub({ store: b.store, api: b.api, now: b.clock.now, checkDrift: true }, await b.connection(assessment.id)));
    expect(checked.drift).toEqual({ days: 0, pushedAgain: 0, remainingDays: 0 });
    shared = { assessmentId: assessment.id, team, noteId: note.id, replyId: reply.id };
  }, 120_000);

  it('a mistyped passphrase is refused with a reason and saves nothing', async () => {
    expect(shared).toBeDefined();
    const { assessmentId, team, noteId } = shared!;
    const c = hubDevice(hub, { seed: 33, start: NOW + 2_000, label: 'c' });
    const joined = await c.join(await inviteCode(hub, team, 'observer'), 'Observer');
    const refused = await unlockEncryptedTeam(c.store, c.api, joined, 'Ararat morning, seven apricot');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: 'wrong-passphrase' });
    if (refused.error.kind === 'wrong-passphrase') {
      expect(refused.error.message).toMatch(/passphrase does not open/);
      expect(refused.error.message).not.toContain('apricot');
    }
    expect((await c.connection(assessmentId)).valueKey).toBeUndefined();
    const still = await c.sync(assessmentId);
    expect(still.ok ? still.value : still.error).toMatchObject({ kind: 'passphrase-needed' });
    expect(await c.db.observation.get(noteId)).toBeUndefined();
    expect((await c.connection(assessmentId)).cursor).toBe('0');
  }, 120_000);

  it('a stale key on the device (the passphrase changed, or a wrong one accepted on an empty team) stops the pull: nothing applied, cursor kept, the reason said', async () => {
    expect(shared).toBeDefined();
    const { assessmentId, team, noteId } = shared!;
    const d = hubDevice(hub, { seed: 34, start: NOW + 3_000, label: 'd' });
    const joined = await d.join(await inviteCode(hub, team, 'assessor'), 'Davit tablet');
    const wrongKey = await deriveHubValueKeyMaterial('not the team passphrase', team.teamId);
    unwrap(await patchHubConnection(d.store, joined, { valueKey: wrongKey }));
    const before = unwrap(await d.store.versionVector());
    const round = await d.sync(assessmentId);
    expect(round.ok).toBe(false);
    if (round.ok) return;
    expect(round.error).toMatchObject({ kind: 'wrong-passphrase' });
    expect(round.error.kind === 'wrong-passphrase' && round.error.unreadable).toBeGreaterThan(0);
    expect('message' in round.error && round.error.message).toMatch(/do not open with this device’s team passphrase; nothing was applied|nothing was applied/);
    expect(await d.db.observation.get(noteId)).toBeUndefined();
    expect(unwrap(await d.store.versionVector())).toEqual(before);
    expect((await d.connection(assessmentId)).cursor).toBe('0');
    // The right passphrase replaces the stale key and the same pull now applies.
    unwrap(await unlockEncryptedTeam(d.store, d.api, await d.connection(assessmentId), PASSPHRASE));
    expect(unwrap(await d.sync(assessmentId)).applied).toBeGreaterThan(0);
    expect((await d.db.observation.get(noteId))?.text).toBe(SECRET_NOTE);
  }, 120_000);

  it('the hub’s data folder holds no word of the encrypted notes (a plain team’s note is found: the search works)', async () => {
    expect(shared).toBeDefined();
    const p = hubDevice(hub, { seed: 35, start: NOW + 4_000, label: 'p' });
    const assessment = unwrap(await p.store.createRecord('assessment', assessmentInput())).record;
    const pat = unwrap(await p.store.createRecord('assessor', assessorInput(assessment.id))).record;
    const controlNote = unwrap(await p.store.createRecord('observation', observationInput(assessment.id, pat.id, null, { text: CONTROL_NOTE }))).record;
    const controlScan = unwrap(await p.store.putBlob(new Blob([scanBytes(CONTROL_ATTACHMENT_MARKER, 11)]), 'image/jpeg'));
    unwrap(await p.store.createRecord('attachment', { assessmentId: assessment.id, sha256: controlScan.sha256, mediaType: 'image/jpeg', bytes: controlScan.bytes, fileName: 'c.jpg', caption: '', observationId: controlNote.id }));
    const plainTeam = await createTeam(assessment.id, false);
    await p.join(await inviteCode(hub, plainTeam, 'lead'), 'Plain laptop');
    expect(unwrap(await p.sync(assessment.id))).toMatchObject({ uploaded: 1 });

    await hub.stop(); // flushed and closed
    const files = filesUnder(hub.dataDir!);
    const containing = (text: string) => files.filter((file) => readFileSync(file).includes(Buffer.from(text, 'utf8')));
    expect(containing(CONTROL_NOTE).length).toBeGreaterThan(0);
    expect(containing(CONTROL_ATTACHMENT_MARKER).length).toBeGreaterThan(0);
    expect(containing(ATTACHMENT_MARKER)).toEqual([]);
    expect(containing(SECRET_NOTE)).toEqual([]);
    expect(containing('passport scans')).toEqual([]);
    expect(containing('emailed in clear')).toEqual([]);
    expect(containing(PASSPHRASE)).toEqual([]);
    expect(containing('Scanned register')).toEqual([]);
    expect(containing('passports, page 14')).toEqual([]);
  }, 120_000);
});
