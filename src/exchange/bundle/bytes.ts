/**
 * Bytes in and out of the bundle code, the same in Node and the browser: a random-access source over
 * a Uint8Array or a Blob (a File picked by the user is read in slices, never whole), SHA-256, UTF-8
 * and Base64 helpers. Only globals both platforms have: Blob, TextEncoder/Decoder, crypto.subtle,
 * btoa/atob, Compression/DecompressionStream.
 */
import { refuse } from './problem';

export interface ByteSource {
  /** Total bytes. */
  readonly size: number;
  /** Bytes [start, end) — a view for in-memory input, a fresh copy for Blob input. */
  read(start: number, end: number): Promise<Uint8Array>;
  /** Bytes [start, end) as a Blob: a zero-copy slice for Blob input (disk-backed in browsers). */
  blob(start: number, end: number, type?: string): Blob;
}

export function byteSource(data: Uint8Array | Blob): ByteSource {
  if (data instanceof Uint8Array) {
    return {
      size: data.length,
      read: async (start, end) => data.subarray(start, end),
      blob: (start, end, type) => new Blob([data.subarray(start, end) as Uint8Array<ArrayBuffer>], type === undefined ? {} : { type }),
    };
  }
  return {
    size: data.size,
    read: async (start, end) => {
      try {
        return new Uint8Array(await data.slice(start, end).arrayBuffer());
      } catch (error) {
        // A File that changed or vanished on disk after it was picked (NotReadableError/NotFoundError).
        return refuse('read-failed', `The file could not be read (${errorName(error)}); pick it again.`);
      }
    },
    blob: (start, end, type) => data.slice(start, end, type),
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name || error.message : String(error);
}

/** SHA-256 as 64 lower-case hex digits (the form of manifest checksums and blob names). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const encoder = new TextEncoder();
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8: malformed bytes are an error (returned as undefined), never U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Undefined when the text is not Base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Deflates with the platform's raw DEFLATE (RFC 1951), the zip method 8 payload. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type InflateOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'corrupt' | 'trailing-bytes' };

/**
 * Inflates raw DEFLATE data, stopping as soon as the output passes `maxBytes` (the stream is
 * cancelled, so a bomb never gets further than the limit). Output larger than the limit is
 * 'too-large'; a broken stream (bad codes, an early end) is 'corrupt'; bytes after the end of the
 * stream are 'trailing-bytes'.
 *
 * Why the last check is done by hand: browsers' DecompressionStream refuses data after the end of
 * the stream, Node's silently ignores it, and a zip whose entry carries hidden bytes after its
 * DEFLATE data reads differently in different tools. A DEFLATE stream's last byte always holds
 * bits of its final block, so the stream ends exactly at the last byte if and only if the input
 * without that byte is cut short; that second pass only counts its output.
 */
export async function inflateRaw(compressed: Uint8Array | Blob, maxBytes: number): Promise<InflateOutcome> {
  const input = compressed instanceof Blob ? compressed : new Blob([compressed as Uint8Array<ArrayBuffer>]);
  const parts: Uint8Array[] = [];
  const whole = await inflateInto(input, maxBytes, (part) => parts.push(part));
  if (whole !== 'done') return { ok: false, reason: whole };
  if (input.size > 0) {
    const shortened = await inflateInto(input.slice(0, input.size - 1), maxBytes, () => undefined);
    if (shortened === 'done') return { ok: false, reason: 'trailing-bytes' };
  }
  return { ok: true, bytes: parts.length === 1 ? parts[0]! : concatBytes(parts) };
}

async function inflateInto(input: Blob, maxBytes: number, onPart: (part: Uint8Array) => void): Promise<'done' | 'too-large' | 'corrupt'> {
  const reader = input.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'done';
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      onPart(value);
    }
  } catch {
    return 'corrupt';
  }
}
