/**
 * `mmdma` — the command-line tool. Output for people on stdout, errors on stderr, exit codes in
 * io.ts (EXIT) and docs/bundle-format.md. Run as `npx mmdma bundle …` (bin/mmdma.mjs).
 */
import { runBundleCommand } from './bundleCommands';
import { runReportCommand } from './reportCommand';
import { CliError, EXIT, type CliIo } from './io';
import { USAGE } from './usage';


export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [group, command, ...rest] = argv;
    if (group === undefined || group === '-h' || group === '--help' || group === 'help') {
      io.stdout(USAGE);
      return group === undefined ? EXIT.USAGE : EXIT.OK;
    }
    if (group === 'report') return await runReportCommand([command, ...rest].filter((arg): arg is string => arg !== undefined), io);
    if (group !== 'bundle') throw new CliError(EXIT.USAGE, `unknown command "${group}" (try: mmdma bundle --help)`);
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout(USAGE);
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    }
    return await runBundleCommand(command, rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`mmdma: ${error.message}\n`);
      if (error.exitCode === EXIT.USAGE) io.stderr('Run "mmdma bundle --help" for usage.\n');
      return error.exitCode;
    }
    throw error;
  }
}
