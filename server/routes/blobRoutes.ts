/** Attachments: declare (limit said up front), resumable upload in parts, Range download. */
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { sha256HexSchema } from '../../src/core/assessment/attachmentSchema';
import { HUB_LIMITS, blobDeclareRequestSchema, roleMayUploadBlobs } from '../../src/core/sync/hubProtocol';
import { appendBlobPart, declareBlob, findBlob, findBlobByRef, readBlobRange } from '../store/blobStore';
import { HubHttpError, hubError } from '../http/hubError';
import type { DeviceAuth, HubConfig, HubEnv } from '../http/hubContext';
import { readBoundedBytes, readJson, validate } from '../http/readBody';

function assertMayUpload({ device }: DeviceAuth): void {
  if (!roleMayUploadBlobs(device.role)) {
    throw hubError(403, 'role-forbidden', 'An observer reads the team’s work but uploads nothing.', { role: device.role });
  }
}

/** One `bytes=` range of a blob of `size` bytes, inclusive; null when unsatisfiable. */
export function parseRange(header: string, size: number): { first: number; last: number } | null | 'ignore' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return 'ignore'; // several ranges or another unit: RFC 9110 lets us send the whole
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return null;
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(from);
  const last = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (first >= size || last < first) return null;
  return { first, last };
}

export function registerBlobRoutes(app: Hono<HubEnv>, config: HubConfig): void {
  const { db } = config;
  const sha256Param = (value: string | undefined) => validate(sha256HexSchema, value, 'path');

  app.post('/api/v1/teams/:teamId/blobs', async (c) => {
    const auth = c.get('auth');
    assertMayUpload(auth);
    const body = await readJson(c, blobDeclareRequestSchema, HUB_LIMITS.MAX_JSON_BODY_BYTES);
    if (body.bytes > HUB_LIMITS.MAX_BLOB_BYTES) {
      throw hubError(413, 'payload-too-large', `This attachment is ${body.bytes} bytes; the hub accepts attachments up to ${HUB_LIMITS.MAX_BLOB_BYTES} bytes (512 MiB). It stays on the device and can travel in a bundle file.`, {
        limit: HUB_LIMITS.MAX_BLOB_BYTES,
        unit: 'bytes',
      });
    }
    if (auth.team.encrypted && body.ref === undefined) {
      throw hubError(422, 'plaintext-in-encrypted-team', 'This team’s data is end-to-end encrypted: upload attachments encrypted, declared with their ref (see docs/hub-protocol.md, “End-to-end encryption”).');
    }
    const outcome = await declareBlob(db, auth.team.id, body, config.now());
    if (outcome.kind === 'size-mismatch') {
      throw hubError(409, 'blob-mismatch', `An upload of this SHA-256 was declared before with ${outcome.bytes} bytes.`, { bytes: outcome.bytes });
    }
    if (outcome.kind === 'ref-mismatch') {
      throw hubError(409, 'blob-mismatch', 'This ref was declared before for other bytes (or these bytes with another ref). A device with another team passphrase would do that; nothing was changed.');
    }
    return c.json(outcome.status);
  });

  app.get('/api/v1/teams/:teamId/blobs/by-ref/:ref', async (c) => {
    const found = await findBlobByRef(db, c.get('auth').team.id, validate(sha256HexSchema, c.req.param('ref'), 'path'));
    if (!found) throw hubError(404, 'not-found', 'The hub has no attachment with this ref in this team.');
    return c.json(found);
  });

  app.get('/api/v1/teams/:teamId/blobs/:sha256/status', async (c) => {
    const found = await findBlob(db, c.get('auth').team.id, sha256Param(c.req.param('sha256')));
    if (!found) throw hubError(404, 'not-found', 'The hub has no attachment with this SHA-256 in this team.');
    const { mediaType: _mediaType, ...status } = found;
    return c.json(status);
  });

  app.put('/api/v1/teams/:teamId/blobs/:sha256', async (c) => {
    const auth = c.get('auth');
    assertMayUpload(auth);
    const sha256 = sha256Param(c.req.param('sha256'));
    if (!/^application\/octet-stream\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      throw hubError(415, 'unsupported-media-type', 'Send attachment parts as raw bytes with Content-Type: application/octet-stream.');
    }
    const offsetText = c.req.query('offset') ?? '';
    if (!/^(0|[1-9]\d{0,15})$/.test(offsetText)) throw hubError(400, 'invalid-request', 'The query must give offset=<the byte the part starts at>.');
    const data = await readBoundedBytes(c, HUB_LIMITS.MAX_BLOB_PART_BYTES);
    const outcome = await appendBlobPart(db, auth.team.id, sha256, Number(offsetText), data, config.now());
    switch (outcome.kind) {
      case 'not-declared':
        throw hubError(404, 'not-found', 'Declare the attachment first (POST …/blobs with its sha256, bytes and mediaType).');
      case 'offset-mismatch':
        throw hubError(409, 'upload-offset-mismatch', `The hub holds ${outcome.received} bytes of this attachment; send the part that starts there.`, { received: outcome.received });
      case 'too-long':
        throw hubError(413, 'payload-too-large', `This part runs past the declared size; ${outcome.remaining} bytes remain.`, { limit: outcome.remaining, unit: 'bytes' });
      case 'checksum-mismatch':
        throw hubError(422, 'checksum-mismatch', 'The uploaded bytes do not have the declared SHA-256; the hub discarded them. Upload the attachment again from byte 0.', { actual: outcome.actual });
      case 'status':
        return c.json(outcome.status);
    }
  });

  app.get('/api/v1/teams/:teamId/blobs/:sha256', async (c) => {
    const teamId = c.get('auth').team.id;
    const sha256 = sha256Param(c.req.param('sha256'));
    const found = await findBlob(db, teamId, sha256);
    if (!found) throw hubError(404, 'not-found', 'The hub has no attachment with this SHA-256 in this team.');
    if (!found.complete) throw hubError(409, 'upload-incomplete', 'This attachment is still being uploaded; it downloads once all of it has arrived and checked.', { received: found.received, bytes: found.bytes });
    const size = found.bytes;
    const rangeHeader = c.req.header('range');
    let range = rangeHeader === undefined ? 'ignore' : parseRange(rangeHeader, size);
    if (range === null) {
      throw new HubHttpError(416, 'range-not-satisfiable', `The range is outside the attachment's ${size} bytes.`, { bytes: size }, { 'Content-Range': `bytes */${size}` });
    }
    const partial = range !== 'ignore';
    if (range === 'ignore') range = { first: 0, last: size - 1 };
    const { first, last } = range;
    c.header('Content-Type', 'application/octet-stream');
    c.header('Content-Disposition', `attachment; filename="${sha256}"`);
    c.header('Accept-Ranges', 'bytes');
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    c.header('Content-Length', String(size === 0 ? 0 : last - first + 1));
    if (partial) {
      c.status(206);
      c.header('Content-Range', `bytes ${first}-${last}/${size}`);
    }
    if (size === 0) return c.body(null);
    return stream(c, async (out) => {
      for await (const chunk of readBlobRange(db, teamId, sha256, first, last)) await out.write(chunk);
    });
  });
}
