/**
 * Reading request bodies within a limit, before memory is spent on them: a declared
 * Content-Length over the limit is refused at once, and a body without one (chunked) is counted
 * while it streams and refused the moment it passes the limit.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { hubError } from './hubError';

export async function readBoundedBytes(c: Context, limitBytes: number): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limitBytes) throw tooLarge(limitBytes);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(limitBytes: number) {
  return hubError(413, 'payload-too-large', `The request body is larger than the hub accepts here (${limitBytes} bytes).`, { limit: limitBytes, unit: 'bytes' });
}

/** Reads, parses and validates a JSON body: 413, 415, 400 malformed-json or 400 invalid-request. */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  limitBytes: number,
  /** Runs on the parsed JSON before the schema: refusals cheaper than validating (counts). */
  precheck?: (parsed: unknown) => void,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw hubError(415, 'unsupported-media-type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const bytes = await readBoundedBytes(c, limitBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw hubError(400, 'malformed-json', 'The request body is not valid JSON (UTF-8).');
  }
  precheck?.(parsed);
  return validate(schema, parsed, 'body');
}

export function validate<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  throw hubError(
    400,
    'invalid-request',
    `The request's ${where} is not valid${first ? `: ${first.path === '' ? '' : `${first.path} `}${first.message}` : ''}.`,
    { issues },
  );
}
