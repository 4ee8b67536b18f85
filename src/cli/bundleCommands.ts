/** The `mmdma bundle …` commands. Every input bundle is fully verified before anything is written. */
import { randomBytes } from 'node:crypto';
import { createBundleId } from '../exchange/bundle/bundleId';
import { mergeBundles } from '../exchange/bundle/mergeBundles';
import type { BundleProblem } from '../exchange/bundle/problem';
import { readBundle, readBundleHeader, type VerifiedBundle } from '../exchange/bundle/readBundle';
import { EVIDENCE_COLUMNS, RATING_COLUMNS, spreadsheetRows, toCsv } from '../exchange/bundle/spreadsheet';
import { writeBundle } from '../exchange/bundle/writeBundle';
import { MIN_PASSPHRASE_CHARS } from '../exchange/bundle/encryption';
import { CliError, EXIT, formatBytes, openInput, printable, readPassphrase, writeOutput, type CliIo } from './io';
import { parseArgs, type ArgSpec } from './parseArgs';
import { USAGE } from './usage';

const COMMON: ArgSpec = { values: { '--passphrase-file': [] }, flags: { '--help': ['-h'] } };

export async function runBundleCommand(command: string, args: readonly string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'inspect':
      return inspect(args, io);
    case 'verify':
      return verify(args, io);
    case 'merge':
      return merge(args, io);
    case 'decrypt':
      return decrypt(args, io);
    case 'export':
      return exportTables(args, io);
    default:
      throw new CliError(EXIT.USAGE, `unknown bundle command "${command}"`);
  }
}

function spec(values: Record<string, readonly string[]>, flags: Record<string, readonly string[]>): ArgSpec {
  return { values: { ...COMMON.values, ...values }, flags: { ...COMMON.flags, ...flags } };
}

function onePath(positional: readonly string[], what: string): string {
  if (positional.length !== 1) throw new CliError(EXIT.USAGE, `${what} takes exactly one bundle file`);
  return positional[0]!;
}

/** Reads and verifies; a refusal becomes a CliError with the problem's code and message. */
async function readVerified(io: CliIo, path: string, passphrase: string | undefined): Promise<VerifiedBundle> {
  const data = await openInput(io, path);
  const read = await readBundle(data, passphrase === undefined ? {} : { passphrase });
  if (!read.ok) throw refusal(path, read.error);
  return read.value;
}

function refusal(path: string, problem: BundleProblem): CliError {
  const exit = problem.code === 'needs-passphrase' || problem.code === 'wrong-passphrase' ? EXIT.PASSPHRASE : EXIT.REFUSED;
  const hint = problem.code === 'needs-passphrase' ? ' Give it with --passphrase-file <file> or MMDMA_PASSPHRASE.' : '';
  return new CliError(exit, `${path}: refused (${problem.code}): ${printable(problem.message)}${hint}`);
}

async function inspect(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec({}, { '--json': [] }));
  if (args.flags.has('--help')) return help(io);
  const path = onePath(args.positional, 'inspect');
  const passphrase = await readPassphrase(io, args.values.get('--passphrase-file'));
  if (passphrase === undefined) {
    // Without a passphrase, an encrypted bundle still shows what its clear header says.
    const header = await readBundleHeader(await openInput(io, path));
    if (header.ok && header.value.encrypted) {
      io.stdout(
        [
          `File:         ${printable(path)}`,
          `Bundle:       ${header.value.bundleId}`,
          `Encrypted:    yes (AES-256-GCM, key from the passphrase with PBKDF2-SHA-256, ${header.value.pbkdf2Iterations} iterations)`,
          'Contents:     hidden until the passphrase is given (--passphrase-file <file> or MMDMA_PASSPHRASE)',
        ].join('\n') + '\n',
      );
      return EXIT.PASSPHRASE;
    }
  }
  const bundle = await readVerified(io, path, passphrase);
  const { manifest } = bundle;
  const changesByTable = countBy(bundle.changes.map((c) => c.table));
  const recordsByTable = countBy([...new Set(bundle.changes.map((c) => `${c.table}\u0000${c.id}`))].map((k) => k.split('\u0000')[0]!));
  if (args.flags.has('--json')) {
    io.stdout(`${JSON.stringify({ file: path, encrypted: bundle.encrypted, manifest, changesByTable, recordsByTable }, null, 2)}\n`);
    return EXIT.OK;
  }
  const by = manifest.createdBy;
  const who = by.kind === 'merge' ? `merged by ${by.assessor === null ? 'the command-line tool' : printable(by.assessor)}` : `${by.assessor === null ? 'an unnamed assessor' : printable(by.assessor)} (device ${by.node})`;
  const lines = [
    `File:         ${printable(path)}`,
    `Bundle:       ${manifest.bundleId} (format ${manifest.formatVersion}, schema ${manifest.schemaVersion}, made by MMDMA Field ${manifest.appVersion})`,
    `Encrypted:    ${bundle.encrypted ? 'yes (AES-256-GCM, passphrase)' : 'no'}`,
    `Created:      ${manifest.createdAt} by ${who}`,
    `Assessment:   ${printable(manifest.assessment.title)} (${manifest.assessment.id})`,
    `Framework:    ${manifest.framework.id} ${manifest.framework.version}`,
    `Contents:     ${manifest.since === null ? 'everything the creator held' : 'only what a peer lacked (partial)'}${manifest.includesAttachments ? ', with attachments' : ', without attachments'}`,
    `Changes:      ${bundle.changes.length} (${describeCounts(changesByTable)})`,
    `Records:      ${[...recordsByTable.values()].reduce((a, b) => a + b, 0)} (${describeCounts(recordsByTable)})`,
    `Attachments:  ${bundle.blobs.length} (${formatBytes(manifest.counts.blobBytes)})`,
    `Versions:     ${Object.entries(manifest.versionVector).map(([node, hlc]) => `${node} → ${hlc}`).join(', ') || 'none'}`,
    'Verified:     zip structure, manifest, every checksum, every change' + (bundle.encrypted ? ', every encrypted chunk' : ''),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.OK;
}

async function verify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec({}, { '--json': [] }));
  if (args.flags.has('--help')) return help(io);
  const path = onePath(args.positional, 'verify');
  const passphrase = await readPassphrase(io, args.values.get('--passphrase-file'));
  if (args.flags.has('--json')) {
    const read = await readBundle(await openInput(io, path), passphrase === undefined ? {} : { passphrase });
    if (!read.ok) {
      io.stdout(`${JSON.stringify({ ok: false, file: path, code: read.error.code, message: read.error.message })}\n`);
      return refusal(path, read.error).exitCode;
    }
    const { manifest } = read.value;
    io.stdout(`${JSON.stringify({ ok: true, file: path, bundleId: manifest.bundleId, encrypted: read.value.encrypted, changes: manifest.counts.changes, attachments: manifest.counts.blobs })}\n`);
    return EXIT.OK;
  }
  const bundle = await readVerified(io, path, passphrase);
  const { manifest } = bundle;
  io.stdout(
    `${printable(path)}: OK — bundle ${manifest.bundleId}, ${plural(manifest.counts.changes, 'change')}, ${plural(manifest.counts.blobs, 'attachment')} (${formatBytes(manifest.counts.blobBytes)}); ` +
      `zip structure, manifest, checksums and changes verified${bundle.encrypted ? ', every encrypted chunk authenticated' : ''}.\n`,
  );
  return EXIT.OK;
}

async function merge(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec({ '--output': ['-o'], '--as': [] }, { '--force': [], '--encrypt': [], '--no-attachments': [] }));
  if (args.flags.has('--help')) return help(io);
  const output = args.values.get('--output');
  if (output === undefined) throw new CliError(EXIT.USAGE, 'merge needs -o <output file>');
  if (args.positional.length === 0) throw new CliError(EXIT.USAGE, 'merge needs the bundles to merge');
  const passphrase = await readPassphrase(io, args.values.get('--passphrase-file'));
  const encrypt = args.flags.has('--encrypt');
  if (encrypt) checkPassphrase(passphrase);
  const bundles: VerifiedBundle[] = [];
  for (const path of args.positional) bundles.push(await readVerified(io, path, passphrase));
  const now = Date.now();
  const written = await writeOutput(io, output, args.flags.has('--force'), async (sink) => {
    const merged = await mergeBundles(bundles, {
      bundleId: createBundleId(encrypt, now, (n) => new Uint8Array(randomBytes(n))),
      createdAt: new Date(now).toISOString(),
      node: randomBytes(8).toString('hex'),
      assessor: args.values.get('--as') ?? null,
      includeAttachments: !args.flags.has('--no-attachments'),
      write: { sink, ...(encrypt ? { encryption: { passphrase: passphrase! } } : {}) },
    });
    if (!merged.ok) {
      const exit = merged.error.code === 'read-failed' ? EXIT.FILE : merged.error.code === 'clock-ahead' ? EXIT.REFUSED : EXIT.MERGE;
      throw new CliError(exit, merged.error.message);
    }
    return merged.value;
  });
  const m = written.manifest;
  io.stdout(
    `Merged ${bundles.length} bundle(s) of "${printable(m.assessment.title)}" into ${printable(output)}: ${m.counts.changes} changes, ${m.counts.blobs} attachments (${formatBytes(m.counts.blobBytes)})${encrypt ? ', encrypted' : ''}.\n`,
  );
  return EXIT.OK;
}

async function decrypt(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec({ '--output': ['-o'] }, { '--force': [] }));
  if (args.flags.has('--help')) return help(io);
  const path = onePath(args.positional, 'decrypt');
  const output = args.values.get('--output');
  if (output === undefined) throw new CliError(EXIT.USAGE, 'decrypt needs -o <output file>');
  const bundle = await readVerified(io, path, await readPassphrase(io, args.values.get('--passphrase-file')));
  if (!bundle.encrypted) throw new CliError(EXIT.USAGE, `${path} is not encrypted`);
  const { manifest } = bundle;
  await writeOutput(io, output, args.flags.has('--force'), async (sink) => {
    const written = await writeBundle(
      {
        bundleId: manifest.bundleId,
        createdAt: manifest.createdAt,
        createdBy: manifest.createdBy,
        assessment: manifest.assessment,
        framework: manifest.framework,
        versionVector: manifest.versionVector,
        since: manifest.since,
        includesAttachments: manifest.includesAttachments,
        blobsHeld: manifest.blobsHeld,
        appVersion: manifest.appVersion,
        changes: bundle.changes,
        blobs: bundle.blobs.map((info) => ({
          ...info,
          read: async () => {
            const blob = await bundle.readBlob(info.sha256);
            return blob.ok ? blob.value : undefined;
          },
        })),
      },
      { sink },
    );
    if (!written.ok) throw new CliError(EXIT.FILE, written.error.message);
  });
  io.stdout(`Decrypted ${printable(path)} into ${printable(output)}.\n`);
  io.stderr(`mmdma: ${output} holds the interview notes in clear text: keep it off shared drives and delete it when done.\n`);
  return EXIT.OK;
}

async function exportTables(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, spec({ '--output': ['-o'], '--format': [], '--only': [] }, { '--force': [] }));
  if (args.flags.has('--help')) return help(io);
  const path = onePath(args.positional, 'export');
  const format = args.values.get('--format') ?? 'csv';
  const only = args.values.get('--only');
  if (format !== 'csv' && format !== 'json') throw new CliError(EXIT.USAGE, '--format must be csv or json');
  if (only !== undefined && only !== 'ratings' && only !== 'evidence') throw new CliError(EXIT.USAGE, '--only must be ratings or evidence');
  if (format === 'csv' && only === undefined) throw new CliError(EXIT.USAGE, 'a CSV file holds one table: add --only ratings or --only evidence');
  const bundle = await readVerified(io, path, await readPassphrase(io, args.values.get('--passphrase-file')));
  const tables = spreadsheetRows(bundle.manifest, bundle.changes);
  if (tables.partial) io.stderr(`mmdma: ${path} is a partial bundle (only what a peer lacked): rows may be missing or incomplete.\n`);
  let text: string;
  if (format === 'csv') text = only === 'ratings' ? toCsv(tables.ratings, RATING_COLUMNS) : toCsv(tables.evidence, EVIDENCE_COLUMNS);
  else {
    const payload = only === undefined ? tables : { assessment: tables.assessment, partial: tables.partial, [only]: tables[only] };
    text = `${JSON.stringify(payload, null, 2)}\n`;
  }
  const output = args.values.get('--output');
  if (output === undefined) io.stdout(text);
  else {
    await writeOutput(io, output, args.flags.has('--force'), async (sink) => {
      await sink.write(new TextEncoder().encode(text));
    });
    io.stderr(`mmdma: wrote ${output}\n`);
  }
  return EXIT.OK;
}

function checkPassphrase(passphrase: string | undefined): void {
  if (passphrase === undefined) throw new CliError(EXIT.PASSPHRASE, '--encrypt needs a passphrase: --passphrase-file <file> or MMDMA_PASSPHRASE');
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) throw new CliError(EXIT.PASSPHRASE, `a passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters`);
}

function help(io: CliIo): number {
  io.stdout(USAGE);
  return EXIT.OK;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function countBy(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function describeCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}
