/**
 * Abandoned uploads are purged: the real hub on both engines, with the abandonment time shortened
 * to 3 s (MMDMA_HUB_ABANDONED_UPLOAD_MS; 3 days by default) and a sweep every 300 ms. An upload
 * that stops receiving parts disappears with its parts and starts again from byte 0 when declared
 * again; a complete blob and an upload that keeps receiving parts are never touched.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEngines } from './support/hubEngines';
import { call, createTeam, type TeamDevice } from './support/hubTestKit';

const ABANDONED_MS = 3_000;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string) => new TextEncoder().encode(text);

function blobApi(url: string, lead: TeamDevice) {
  const base = `/api/v1/teams/${lead.teamId}/blobs`;
  return {
    declare: (bytes: Uint8Array) => call(url, 'POST', base, { token: lead.token, json: { sha256: sha(bytes), bytes: bytes.length, mediaType: 'application/octet-stream' } }),
    put: (bytes: Uint8Array, offset: number, part: Uint8Array) =>
      call(url, 'PUT', `${base}/${sha(bytes)}?offset=${offset}`, { token: lead.token, body: part, headers: { 'content-type': 'application/octet-stream' } }),
    status: (bytes: Uint8Array) => call(url, 'GET', `${base}/${sha(bytes)}/status`, { token: lead.token }),
    download: (bytes: Uint8Array) => call(url, 'GET', `${base}/${sha(bytes)}`, { token: lead.token }),
  };
}

describeOnEngines(
  'abandoned uploads',
  ({ hub, need }) => {
    it('purges an upload that received no part for the stated time, and nothing else', async (ctx) => {
      need(ctx);
      const { url, secret } = hub();
      const lead = await createTeam({ url, secret });
      const blobs = blobApi(url, lead);
      const abandoned = bytesOf('abandoned upload: the field tablet went home half way');
      const complete = bytesOf('a complete attachment that must stay');
      const alive = bytesOf('slow but alive');

      expect((await blobs.declare(abandoned)).status).toBe(200);
      // Its last activity is no earlier than this moment: the purge may come 3 s after it, not before.
      const lastPartSentAt = Date.now();
      expect((await blobs.put(abandoned, 0, abandoned.subarray(0, 20))).body).toMatchObject({ received: 20, complete: false });
      expect((await blobs.declare(complete)).status).toBe(200);
      expect((await blobs.put(complete, 0, complete)).body).toMatchObject({ complete: true });
      expect((await blobs.declare(alive)).status).toBe(200);

      // The slow upload gets a byte every 500 ms — each part is activity — until the abandoned one is gone.
      const started = Date.now();
      let offset = 0;
      let purgedAfterMs: number | undefined;
      while (Date.now() - started < ABANDONED_MS * 4) {
        const put = await blobs.put(alive, offset, alive.subarray(offset, offset + 1));
        expect(put.status).toBe(200);
        offset += 1;
        if ((await blobs.status(abandoned)).status === 404) {
          purgedAfterMs = Date.now() - lastPartSentAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(purgedAfterMs, `not purged within ${ABANDONED_MS * 4} ms:\n${hub().output()}`).toBeDefined();
      // Not before its time (the hub's clock and ours are the same machine's).
      expect(purgedAfterMs!).toBeGreaterThanOrEqual(ABANDONED_MS);
      expect(hub().output()).toMatch(/purged 1 abandoned upload/);

      // Its parts went with it: a resumed part is refused, and declaring again starts at byte 0.
      const resumed = await blobs.put(abandoned, 20, abandoned.subarray(20));
      expect({ status: resumed.status, code: resumed.body.error.code }).toEqual({ status: 404, code: 'not-found' });
      expect((await blobs.declare(abandoned)).body).toMatchObject({ received: 0, complete: false });
      expect((await blobs.put(abandoned, 0, abandoned)).body).toMatchObject({ complete: true });

      // Untouched: the complete blob still downloads whole; the live upload kept every byte.
      const kept = await blobs.download(complete);
      expect(kept.status).toBe(200);
      expect(kept.body).toBe(new TextDecoder().decode(complete));
      expect((await blobs.status(alive)).body).toMatchObject({ received: offset });
      while (offset < alive.length) {
        const part = await blobs.put(alive, offset, alive.subarray(offset, offset + 4));
        expect(part.status, `${JSON.stringify(part.body)}\n${hub().output()}`).toBe(200);
        offset = Math.min(alive.length, offset + 4);
      }
      expect((await blobs.status(alive)).body).toMatchObject({ complete: true });
    }, 60_000);
  },
  { env: { MMDMA_HUB_ABANDONED_UPLOAD_MS: String(ABANDONED_MS), MMDMA_HUB_UPLOAD_SWEEP_MS: '300' } },
);
