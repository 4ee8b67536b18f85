/** A strict little argument parser: unknown options are errors, not silently ignored. */
import { CliError, EXIT } from './io';

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export interface ArgSpec {
  /** Options that take a value, e.g. `--output`, with their short aliases (`-o`). */
  readonly values: Readonly<Record<string, readonly string[]>>;
  /** Options without a value. */
  readonly flags: Readonly<Record<string, readonly string[]>>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const aliases = new Map<string, { name: string; takesValue: boolean }>();
  for (const [name, alias] of Object.entries(spec.values)) for (const a of [name, ...alias]) aliases.set(a, { name, takesValue: true });
  for (const [name, alias] of Object.entries(spec.flags)) for (const a of [name, ...alias]) aliases.set(a, { name, takesValue: false });
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (key === '--passphrase') {
      throw new CliError(
        EXIT.USAGE,
        'A passphrase is never taken on the command line (other users see it in the process list, and it stays in shell history). Use --passphrase-file <file> or the MMDMA_PASSPHRASE environment variable.',
      );
    }
    const option = aliases.get(key);
    if (option === undefined) throw new CliError(EXIT.USAGE, `unknown option ${key}`);
    if (!option.takesValue) {
      if (inline !== undefined) throw new CliError(EXIT.USAGE, `${key} takes no value`);
      flags.add(option.name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(EXIT.USAGE, `${key} needs a value`);
    values.set(option.name, value);
  }
  return { positional, values, flags };
}
