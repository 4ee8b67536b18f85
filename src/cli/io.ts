/**
 * The command-line tool's contact with the outside: files (read lazily as Blobs, written through a
 * temporary file renamed into place, never over an existing file unless asked), the passphrase, and
 * text safe to print to a terminal.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, openAsBlob } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import type { ByteSink, ZipPart } from '../exchange/bundle/zipWriter';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit codes, documented in docs/bundle-format.md ("Command-line tool"). */
export const EXIT = {
  OK: 0,
  /** The bundle was refused (verification failed): the reason is on stderr. */
  REFUSED: 1,
  /** Wrong usage: unknown command or option, missing argument. */
  USAGE: 2,
  /** The bundle is encrypted and no passphrase was given, or the passphrase is wrong. */
  PASSPHRASE: 3,
  /** A file could not be read or written, or the output exists. */
  FILE: 4,
  /** Bundles that cannot be merged (different assessments or frameworks). */
  MERGE: 5,
} as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** A file as a Blob read lazily from disk: a 100 MB bundle is never in memory as a whole. */
export async function openInput(io: CliIo, path: string): Promise<Blob> {
  const full = resolve(io.cwd, path);
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new CliError(EXIT.FILE, `${path}: not a file`);
    return await openAsBlob(full);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(EXIT.FILE, `${path}: cannot be read (${codeOf(error)})`);
  }
}

/**
 * Writes through a sink into `<dir>/.<name>.<random>.partial`, renamed to `path` on success and
 * removed on failure, so a failed command never leaves a half-written bundle that looks whole.
 */
export async function writeOutput<T>(io: CliIo, path: string, force: boolean, write: (sink: ByteSink) => Promise<T>): Promise<T> {
  const full = resolve(io.cwd, path);
  if (!force && existsSync(full)) throw new CliError(EXIT.FILE, `${path} exists; choose another name or add --force to replace it`);
  const partial = join(dirname(full), `.${basename(full)}.${randomBytes(4).toString('hex')}.partial`);
  const stream = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const sink: ByteSink = {
    async write(part: ZipPart) {
      if (part instanceof Blob) {
        for await (const chunk of part.stream()) await writeChunk(chunk);
      } else await writeChunk(part);
    },
  };
  async function writeChunk(chunk: Uint8Array) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  }
  try {
    const result = await write(sink);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    await rename(partial, full);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    if (error instanceof CliError) throw error;
    if (isFsError(error)) throw new CliError(EXIT.FILE, `${path}: cannot be written (${codeOf(error)})`);
    throw error;
  }
}

/**
 * The passphrase from `--passphrase-file` (one trailing newline removed) or the MMDMA_PASSPHRASE
 * environment variable; never from the command line, where `ps` and shell history would show it.
 */
export async function readPassphrase(io: CliIo, passphraseFile: string | undefined): Promise<string | undefined> {
  if (passphraseFile !== undefined) {
    try {
      const text = await readFile(resolve(io.cwd, passphraseFile), 'utf8');
      return text.replace(/\r?\n$/, '');
    } catch (error) {
      throw new CliError(EXIT.FILE, `${passphraseFile}: cannot be read (${codeOf(error)})`);
    }
  }
  const fromEnv = io.env.MMDMA_PASSPHRASE;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** Text from a bundle made safe for a terminal: control and bidi-override characters shown as "?". */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error);
}

function isFsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code);
}
