/**
 * One sync round with the team's hub — the hub transport over src/sync (docs/hub-client.md):
 *
 * 1. Pull every page after the stored cursor and apply it through `applyIncoming` (the same batched
 *    merge as a bundle), the cursor saved after each page is applied, so a cut connection resumes
 *    where it stopped. Pulling BEFORE pushing is what lets a concurrent edit land in the conflict
 *    review: this device's edits still in the outbox are exactly the ones no teammate can have
 *    seen, so a pulled version of the same field that differs is a conflict (`teamKnowledge`).
 * 2. Download the attachments of the assessment whose bytes are not here (verified by hashing).
 * 3. Upload the attachments the outgoing changes point at, then push the outbox in batches within
 *    the protocol's limits; each accepted batch is acknowledged (removed from the outbox unless the
 *    field was edited again meanwhile). Only changes of this assessment that the device's role may
 *    write are pushed; the others wait in the outbox and are counted.
 *
 * What a refusal does: nothing is acknowledged and the cursor does not move past a page that was not
 * applied. A push refused for the clock (`clock-ahead`) changes nothing here — pushing never touches
 * the local clock. Pulled changes too far ahead of this device's clock are not applied (the store
 * refuses them without advancing the clock) but held here until the clock reaches them
 * (heldChanges.ts), and the round goes on: one teammate's wrong clock never stops the team. A revoked or
 * expired token marks the connection so and stops; the outbox keeps everything until the device
 * joins again.
 */
import { parseHlc, formatHlc, MAX_COUNTER } from '../core/clock/hlc';
import type { Change } from '../core/merge/change';
import { recordKey } from '../core/merge/mergeChanges';
import type { VersionVector } from '../core/merge/versionVector';
import { err, ok, type Result } from '../core/result';
import { HUB_LIMITS, hlcDay, isEncryptedHubChange, roleMayWrite, type BlobDeclareRequest, type HubChange, type PlainHubChange } from '../core/sync/hubProtocol';
import { sha256Hex, type StorageFailure, type Store } from '../storage';
import { hubBlobRef, openHubBlob, sealHubBlob } from './hubBlobCipher';
import type { HubApi, HubFailure } from './hubApi';
import { patchHubConnection, type HubConnection } from './hubConnection';
import { decryptHubChange, encryptHubChange, importHubValueKey, type HubValueKey } from './hubValueCipher';
import { driftDays, localDigestDays } from './hubDrift';
import { heldSummary, releaseDueChanges } from './heldChanges';
import { applyIncoming, checkIncomingScope } from './incoming';

/** Clock difference from the hub past which the person is warned (DESIGN §7). */
export const CLOCK_WARNING_MS = 5 * 60_000;
/** Bytes of JSON per push, kept under the hub's 1 MiB body limit with room for the envelope. */
export const PUSH_BODY_BUDGET_BYTES = HUB_LIMITS.MAX_PUSH_BODY_BYTES - 16 * 1024;

export interface SyncRoundReport {
  readonly pulled: number;
  readonly applied: number;
  readonly conflictsRecorded: number;
  readonly pushed: number;
  /** Changes in the outbox this device's role may not write to the hub, or of other assessments. */
  readonly heldBack: number;
  readonly downloaded: number;
  readonly uploaded: number;
  /** Encrypted changes this client could not read (end-to-end encrypted teams). */
  readonly unreadable: number;
  /** This device's clock minus the hub's, ms (positive: ahead). */
  readonly clockOffsetMs: number | undefined;
  /** The digest comparison, on rounds asked to check for drift. */
  readonly drift?: DriftReport;
  /** Pulled changes stamped too far ahead of this device's clock, waiting here until it reaches them. */
  readonly heldForClock: number;
  /** When the last of them comes due on this device's clock (ms). */
  readonly heldDueByMs: number | undefined;
}

export type SyncProblem =
  | { readonly kind: 'hub'; readonly failure: HubFailure; readonly stage: 'pull' | 'push' | 'blobs' }
  | { readonly kind: 'token'; readonly state: 'revoked' | 'expired'; readonly message: string }
  | { readonly kind: 'out-of-scope'; readonly message: string }
  /** An end-to-end encrypted team whose passphrase this device has not been given yet. */
  | { readonly kind: 'passphrase-needed'; readonly message: string }
  /** Pulled ciphertext that does not authenticate under this device's key: nothing of the page was applied. */
  | { readonly kind: 'wrong-passphrase'; readonly message: string; readonly unreadable: number }
  | { readonly kind: 'storage'; readonly failure: StorageFailure };

export interface SyncDeps {
  readonly store: Store;
  readonly api: HubApi;
  readonly now?: () => number;
  /** Compare with the hub's digest after the round and repair drift (hubSyncLoop decides how often). */
  readonly checkDrift?: boolean;
  /** Called after each applied page and pushed batch, for a live status. */
  readonly onProgress?: (report: SyncRoundReport) => void;
}

export async function syncWithHub(deps: SyncDeps, start: HubConnection): Promise<Result<SyncRoundReport, SyncProblem>> {
  const now = deps.now ?? (() => Date.now());
  const { store, api } = deps;
  if (start.tokenState !== 'valid') return err(tokenProblem(start.tokenState));
  if (start.encrypted && start.valueKey === undefined) {
    return err({ kind: 'passphrase-needed', message: 'This team’s data is end-to-end encrypted: type the team passphrase to sync. Changes are kept on this device meanwhile.' });
  }
  const key = start.encrypted && start.valueKey !== undefined ? await importHubValueKey(start.valueKey) : undefined;
  let connection = start;
  const report = { pulled: 0, applied: 0, conflictsRecorded: 0, pushed: 0, heldBack: 0, downloaded: 0, uploaded: 0, unreadable: 0, clockOffsetMs: undefined as number | undefined, drift: undefined as DriftReport | undefined, heldForClock: 0, heldDueByMs: undefined as number | undefined };
  const seeTime = (serverTimeMs: number) => {
    report.clockOffsetMs = now() - serverTimeMs;
  };
  const hubFailed = async (failure: HubFailure, stage: 'pull' | 'push' | 'blobs'): Promise<Result<never, SyncProblem>> => {
    if (failure.kind === 'refused' && (failure.code === 'token-revoked' || failure.code === 'token-expired' || failure.code === 'invalid-token')) {
      const state = failure.code === 'token-expired' ? 'expired' : 'revoked';
      const saved = await patchHubConnection(store, connection, { tokenState: state });
      if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
      return err(tokenProblem(state));
    }
    return err({ kind: 'hub', failure, stage });
  };

  const pushBatch = async (batch: PlainHubChange[]): Promise<Result<void, SyncProblem>> => {
    const sent = key === undefined ? batch : await Promise.all(batch.map((change) => encryptHubChange(key, change)));
    const pushed = await api.push(connection.token, connection.teamId, sent);
    if (!pushed.ok) return hubFailed(pushed.error, 'push');
    seeTime(pushed.value.serverTimeMs);
    return ok(undefined);
  };

  // 0. Changes held earlier for this device's clock, now due.
  const released = await releaseDueChanges(store, connection.assessmentId, now());
  if (!released.ok) return err({ kind: 'storage', failure: released.error });
  report.applied += released.value.applied;
  report.conflictsRecorded += released.value.conflictsRecorded;

  // 1. Pull.
  const known = await teamKnowledge(store);
  if (!known.ok) return err({ kind: 'storage', failure: known.error });
  const pullFrom = async (from: string): Promise<Result<void, SyncProblem>> => {
    let after = from;
    for (;;) {
      const page = await api.pull(connection.token, connection.teamId, after);
      if (!page.ok) return hubFailed(page.error, 'pull');
      seeTime(page.value.serverTimeMs);
      const opened = await openPage(key, page.value.changes);
      if (opened.unreadable > 0 && key !== undefined) {
        // Not applied, and the cursor stays: with the right passphrase the same page is pulled again.
        return err({ kind: 'wrong-passphrase', unreadable: opened.unreadable, message: `${opened.unreadable} change(s) from the team’s hub do not open with this device’s team passphrase (mistyped, or changed by the lead); nothing was applied.` });
      }
      report.unreadable += opened.unreadable;
      const plain = opened.plain;
      if (plain.length > 0) {
        const local = await store.readIncomingState({ assessmentId: connection.assessmentId, changes: plain, blobs: [], fieldVersions: false });
        if (!local.ok) return err({ kind: 'storage', failure: local.error });
        const scope = checkIncomingScope(local.value, 'The team’s hub');
        if (!scope.ok) return err({ kind: 'out-of-scope', message: scope.error.message });
        const applied = await applyIncoming(store, {
          assessmentId: connection.assessmentId,
          changes: plain,
          knownToSender: known.value,
          source: { kind: 'hub', id: connection.hubUrl, by: null },
        });
        if (!applied.ok) return err(applied.error.code === 'storage-failed' ? { kind: 'storage', failure: applied.error.failure } : { kind: 'storage', failure: { kind: 'storage-failed', message: 'stopped' } });
        // Changes too far ahead of this device's clock are held here (heldChanges.ts) and the cursor
        // moves on: a teammate's wrong clock must not stop the team's other changes, nor this round's push.
        report.pulled += plain.length;
        report.applied += applied.value.applied;
        report.conflictsRecorded += applied.value.conflictsRecorded;
      }
      after = page.value.cursor;
      if (page.value.cursor !== connection.cursor) {
        const saved = await patchHubConnection(store, connection, { cursor: page.value.cursor });
        if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
        connection = { ...connection, cursor: page.value.cursor };
      }
      deps.onProgress?.({ ...report });
      if (!page.value.hasMore) return ok(undefined);
    }
  };
  const pulled = await pullFrom(connection.cursor);
  if (!pulled.ok) return pulled;
  const waiting = await heldSummary(store, connection.assessmentId);
  if (!waiting.ok) return err({ kind: 'storage', failure: waiting.error });
  report.heldForClock = waiting.value.count;
  report.heldDueByMs = waiting.value.dueByMs;

  // 2. Attachments this device lacks (in an encrypted team: found by ref, opened, checked).
  const downloaded = await downloadMissingBlobs(store, api, connection, key);
  if (!downloaded.ok) return downloaded.error.kind === 'hub' ? hubFailed(downloaded.error.failure, 'blobs') : err(downloaded.error);
  report.downloaded = downloaded.value;

  // 3. Push.
  const pending = await store.pendingChanges();
  if (!pending.ok) return err({ kind: 'storage', failure: pending.error });
  const scope = await store.assessmentRecordKeys(connection.assessmentId);
  if (!scope.ok) return err({ kind: 'storage', failure: scope.error });
  const outgoing = pending.value.changes.filter((c) => scope.value.has(recordKey(c)) && roleMayWrite(connection.role, c.table));
  report.heldBack = pending.value.changes.filter((c) => scope.value.has(recordKey(c))).length - outgoing.length;
  const uploaded = await uploadBlobsOf(store, api, connection, outgoing, key);
  if (!uploaded.ok) return uploaded.error.kind === 'hub' ? hubFailed(uploaded.error.failure, 'blobs') : err(uploaded.error);
  report.uploaded = uploaded.value;
  for (const batch of pushBatches(outgoing, key !== undefined)) {
    const pushed = await pushBatch(batch);
    if (!pushed.ok) return pushed;
    const acknowledged = await store.acknowledgeChanges(batch);
    if (!acknowledged.ok) return err({ kind: 'storage', failure: acknowledged.error });
    report.pushed += batch.length;
    deps.onProgress?.({ ...report });
  }
  // 4. Drift, when asked (the loop's cadence: hubSyncLoop.ts).
  if (deps.checkDrift === true) {
    const checked = await checkAndRepairDrift(store, api, connection, {
      pullFromStart: async () => pullFrom('0'),
      push: pushBatch,
    });
    if (!checked.ok) return checked.error.kind === 'hub-failure' ? hubFailed(checked.error.failure, 'pull') : err(checked.error.problem);
    report.drift = checked.value;
  }

  const saved = await patchHubConnection(store, connection, { lastSyncedAt: new Date(now()).toISOString() });
  if (!saved.ok) return err({ kind: 'storage', failure: saved.error });
  return ok({ ...report });
}

export interface DriftReport {
  /** Days on which the hub's digest and this device's differed. */
  readonly days: number;
  /** Winners of those days pushed again (the hub keeps only what it lacked). */
  readonly pushedAgain: number;
  /** Days still differing after the repair (changes this device may not push, or a teammate's edit meanwhile). */
  readonly remainingDays: number;
}

type DriftFailure = { readonly kind: 'hub-failure'; readonly failure: HubFailure } | { readonly kind: 'problem'; readonly problem: SyncProblem };

/**
 * Compares the hub's digest with this device's view — the assessment's field winners, minus its own
 * edits still waiting in the outbox (held back by role: never meant to be on the hub). On drift:
 * pull everything again from cursor 0 (applying is idempotent: the newest version of each field
 * wins, so only what was missing lands), push again the winners of the differing days that this
 * device's role may write (idempotent on the hub: it keeps only what it lacked), and compare again.
 */
async function checkAndRepairDrift(
  store: Store,
  api: HubApi,
  connection: HubConnection,
  io: { readonly pullFromStart: () => Promise<Result<void, SyncProblem>>; readonly push: (batch: PlainHubChange[]) => Promise<Result<void, SyncProblem>> },
): Promise<Result<DriftReport, DriftFailure>> {
  const compare = async (): Promise<Result<{ days: string[]; winners: readonly Change[] }, DriftFailure>> => {
    const digest = await api.digest(connection.token, connection.teamId);
    if (!digest.ok) return err({ kind: 'hub-failure', failure: digest.error });
    const [local, pending] = await Promise.all([store.assessmentChangesSince(connection.assessmentId, {}), store.pendingChanges()]);
    if (!local.ok) return err({ kind: 'problem', problem: { kind: 'storage', failure: local.error } });
    if (!pending.ok) return err({ kind: 'problem', problem: { kind: 'storage', failure: pending.error } });
    const waiting = new Set(pending.value.changes.map((c) => `${c.hlc}\u0000${c.node}`));
    const winners = local.value.changes.filter((c) => !waiting.has(`${c.hlc}\u0000${c.node}`));
    return ok({ days: driftDays(digest.value.days, await localDigestDays(winners)), winners });
  };
  const first = await compare();
  if (!first.ok) return first;
  if (first.value.days.length === 0) return ok({ days: 0, pushedAgain: 0, remainingDays: 0 });
  const pulled = await io.pullFromStart();
  if (!pulled.ok) return err({ kind: 'problem', problem: pulled.error });
  const drifted = new Set(first.value.days);
  const again = await compare();
  if (!again.ok) return again;
  const toPush = again.value.winners.filter((c) => drifted.has(hlcDay(c.hlc)) && roleMayWrite(connection.role, c.table));
  for (const batch of pushBatches(toPush, connection.encrypted)) {
    const pushed = await io.push(batch);
    if (!pushed.ok) return err({ kind: 'problem', problem: pushed.error });
  }
  const last = await compare();
  if (!last.ok) return last;
  return ok({ days: first.value.days.length, pushedAgain: toPush.length, remainingDays: last.value.days.length });
}

/**
 * What a teammate's pulled change is taken to have known, for the conflict rule
 * (core/merge/concurrentEdit.ts): everything this device holds, except its own edits still in the
 * outbox — those never left the device, so nobody can have seen them. The hub carries no version
 * vectors; this is exact for this device's own unpushed edits (the offline case that matters) and
 * errs towards silence for versions of third devices.
 */
export async function teamKnowledge(store: Store): Promise<Result<VersionVector, StorageFailure>> {
  const [vector, pending, node] = await Promise.all([store.versionVector(), store.pendingChanges(), store.existingNodeId()]);
  if (!vector.ok) return vector;
  if (!pending.ok) return pending;
  if (!node.ok) return node;
  const own = node.value;
  const out: Record<string, string> = { ...vector.value };
  if (own === undefined) return ok(out);
  const oldestUnpushed = pending.value.changes.filter((c) => c.node === own).reduce<string | undefined>((min, c) => (min === undefined || c.hlc < min ? c.hlc : min), undefined);
  if (oldestUnpushed === undefined) return ok(out);
  const before = hlcBefore(oldestUnpushed);
  if (before === undefined) delete out[own];
  else out[own] = before;
  return ok(out);
}

/** The greatest HLC of the same node below `hlc`; undefined at the very start of time. */
export function hlcBefore(hlc: string): string | undefined {
  const parts = parseHlc(hlc);
  if (parts === null) return undefined;
  if (parts.counter > 0) return formatHlc({ ...parts, counter: parts.counter - 1 });
  if (parts.wallMs > 0) return formatHlc({ ...parts, wallMs: parts.wallMs - 1, counter: MAX_COUNTER });
  return undefined;
}

/** Batches within the protocol's limits: at most MAX_PUSH_CHANGES changes and PUSH_BODY_BUDGET_BYTES of JSON. */
export function pushBatches(changes: readonly Change[], encrypted = false): PlainHubChange[][] {
  const batches: PlainHubChange[][] = [];
  let current: PlainHubChange[] = [];
  let bytes = 0;
  for (const change of changes) {
    const plainSize = new TextEncoder().encode(JSON.stringify(change)).length + 1;
    // Encrypted, the value becomes base64url of IV + ciphertext + tag: 4/3 of it plus 28 bytes and the key name.
    const size = encrypted ? Math.ceil(plainSize * 4 / 3) + 64 : plainSize;
    if (current.length > 0 && (current.length >= HUB_LIMITS.MAX_PUSH_CHANGES || bytes + size > PUSH_BODY_BUDGET_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ hlc: change.hlc, node: change.node, table: change.table, id: change.id, field: change.field, value: change.value });
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

type BlobProblem = { readonly kind: 'hub'; readonly failure: HubFailure } | { readonly kind: 'storage'; readonly failure: StorageFailure };

async function downloadMissingBlobs(store: Store, api: HubApi, connection: HubConnection, key: HubValueKey | undefined): Promise<Result<number, BlobProblem>> {
  const outline = await store.readAssessmentOutline(connection.assessmentId);
  if (!outline.ok) return err({ kind: 'storage', failure: outline.error });
  const wanted = new Map<string, string>();
  for (const row of outline.value.attachmentRows) {
    if (typeof row !== 'object' || row === null || !('sha256' in row) || typeof row.sha256 !== 'string') continue;
    if ('deleted' in row && row.deleted === true) continue;
    wanted.set(row.sha256, 'mediaType' in row && typeof row.mediaType === 'string' ? row.mediaType : 'application/octet-stream');
  }
  const held = await store.heldBlobs([...wanted.keys()]);
  if (!held.ok) return err({ kind: 'storage', failure: held.error });
  let downloaded = 0;
  for (const [sha256, mediaType] of wanted) {
    if (held.value.has(sha256)) continue;
    // Not uploaded yet (or not complete): its author's next sync brings it; try again next round.
    const notThereYet = (failure: HubFailure) => failure.kind === 'refused' && (failure.status === 404 || failure.code === 'upload-incomplete');
    let hubSha256 = sha256;
    if (key !== undefined) {
      const found = await api.blobByRef(connection.token, connection.teamId, await hubBlobRef(key, sha256));
      if (!found.ok) {
        if (notThereYet(found.error)) continue;
        return err({ kind: 'hub', failure: found.error });
      }
      if (!found.value.complete) continue;
      hubSha256 = found.value.sha256;
    }
    const got = await api.getBlob(connection.token, connection.teamId, hubSha256);
    if (!got.ok) {
      if (notThereYet(got.error)) continue;
      return err({ kind: 'hub', failure: got.error });
    }
    // Encrypted: opened under the team key (null: another key or tampering — left for the next
    // round, never stored), then hashed by putBlob like any download.
    const bytes = key === undefined ? got.value : await openHubBlob(key, got.value, sha256, mediaType);
    if (bytes === null) continue;
    const stored = await store.putBlob(bytes, mediaType);
    if (!stored.ok) return err({ kind: 'storage', failure: stored.error });
    // putBlob hashed the bytes: if the hub sent other bytes they are stored under their own hash and
    // the attachment still lacks its own, so nothing wrong is ever shown.
    if (stored.value.sha256 === sha256 && stored.value.created) downloaded += 1;
  }
  return ok(downloaded);
}

async function uploadBlobsOf(store: Store, api: HubApi, connection: HubConnection, outgoing: readonly Change[], key: HubValueKey | undefined): Promise<Result<number, BlobProblem>> {
  const shas = new Set<string>();
  for (const change of outgoing) if (change.table === 'attachment' && change.field === 'sha256' && typeof change.value === 'string') shas.add(change.value);
  let uploaded = 0;
  for (const sha256 of shas) {
    const stored = await store.getBlob(sha256);
    if (!stored.ok) return err({ kind: 'storage', failure: stored.error });
    if (stored.value === undefined) continue; // bytes not on this device (came by a bundle without them)
    const upload = await blobUpload(api, connection, key, sha256, stored.value);
    if (!upload.ok) return err({ kind: 'hub', failure: upload.error });
    if (upload.value === 'already-there') continue;
    const { blob, declared } = upload.value;
    const { bytes } = declared;
    let status = await api.declareBlob(connection.token, connection.teamId, declared);
    if (!status.ok) {
      // Over the hub's size limit: the record still syncs; the bytes travel by bundle instead.
      if (status.error.kind === 'refused' && status.error.status === 413) continue;
      return err({ kind: 'hub', failure: status.error });
    }
    while (!status.value.complete) {
      const offset = status.value.received;
      const part = blob.slice(offset, Math.min(bytes, offset + status.value.partBytes));
      const next = await api.putBlobPart(connection.token, connection.teamId, declared.sha256, offset, part);
      if (!next.ok) {
        // Someone else's part landed first, or ours before a cut connection: ask where it stands.
        if (next.error.kind === 'refused' && next.error.code === 'upload-offset-mismatch') {
          status = await api.declareBlob(connection.token, connection.teamId, declared);
          if (!status.ok) return err({ kind: 'hub', failure: status.error });
          continue;
        }
        return err({ kind: 'hub', failure: next.error });
      }
      status = next;
      if (status.value.complete) uploaded += 1;
    }
  }
  return ok(uploaded);
}

/**
 * What goes to the hub for one attachment: in a plain team the file itself; in an encrypted team
 * its ciphertext, declared with the ciphertext's hash (what the hub verifies), a neutral media type
 * and the ref. An encrypted upload the hub already holds complete is not sealed again.
 */
async function blobUpload(
  api: HubApi,
  connection: HubConnection,
  key: HubValueKey | undefined,
  sha256: string,
  stored: { readonly blob: Blob; readonly mediaType: string; readonly bytes: number },
): Promise<Result<'already-there' | { blob: Blob; declared: BlobDeclareRequest & { bytes: number } }, HubFailure>> {
  if (key === undefined) return ok({ blob: stored.blob, declared: { sha256, bytes: stored.bytes, mediaType: stored.mediaType } });
  const ref = await hubBlobRef(key, sha256);
  const found = await api.blobByRef(connection.token, connection.teamId, ref);
  if (found.ok && found.value.complete) return ok('already-there');
  if (!found.ok && !(found.error.kind === 'refused' && found.error.status === 404)) return err(found.error);
  const sealed = await sealHubBlob(key, stored.blob, sha256);
  return ok({ blob: sealed, declared: { sha256: await sha256Hex(sealed), bytes: sealed.size, mediaType: 'application/octet-stream', ref } });
}

/** A pulled page in clear: decrypted under the team's key, or counted unreadable (no key, or a key that does not open it). */
async function openPage(key: HubValueKey | undefined, changes: readonly HubChange[]): Promise<{ plain: Change[]; unreadable: number }> {
  const plain: Change[] = [];
  let unreadable = 0;
  for (const change of changes) {
    if (!isEncryptedHubChange(change)) {
      plain.push(change);
      continue;
    }
    const opened = key === undefined ? null : await decryptHubChange(key, change);
    if (opened === null) unreadable += 1;
    else plain.push(opened);
  }
  return { plain, unreadable };
}

function tokenProblem(state: 'revoked' | 'expired'): SyncProblem {
  return {
    kind: 'token',
    state,
    message:
      state === 'expired'
        ? 'This device’s access to the team’s hub has expired. Unsent changes are kept; join again with a new invite code.'
        : 'This device’s access to the team’s hub was revoked. Unsent changes are kept; join again with a new invite code.',
  };
}
