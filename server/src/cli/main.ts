/**
 * The `dgs` command line: a thin shell over the core. `runCli` takes the arguments after
 * the program's name and returns the exit status; it never throws and never exits the process.
 */
import { closest } from '../core/text/suggest';
import { wantsHelp } from './args';
import { runCheck } from './check';
import { runCoverage } from './coverage';
import { runDiff } from './diff';
import { runExport } from './export';
import { COMMANDS, commandHelp, generalHelp } from './help';
import { runImport } from './importCommand';
import { runInit } from './init';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { runSchema } from './schemaCommand';
import { runSuggest } from './suggest';
import { packageInfo } from '../host/packageInfo';

export { CliIO } from './io';

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

const RUNNERS: Record<string, Command> = { check: runCheck, coverage: runCoverage, export: runExport, diff: runDiff, init: runInit, import: runImport, schema: runSchema, suggest: runSuggest };

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  const env = io.env ?? process.env;
  try {
    if (command === undefined) {
      io.stderr.write(generalHelp(packageInfo().version));
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h') {
      io.stdout.write(generalHelp(packageInfo().version));
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v' || command === '-V') {
      io.stdout.write(`${packageInfo().version}\n`);
      return EXIT_OK;
    }
    if (command === 'help') return help(rest, io);
    const runner = RUNNERS[command];
    if (!runner) {
      const suggestion = closest(command, COMMANDS);
      const what = command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`;
      throw new CliError(`${what}${suggestion ? `; did you mean "${suggestion}"?` : ''} (see dgs --help)`);
    }
    if (wantsHelp(rest)) {
      io.stdout.write(commandHelp(command)!);
      return EXIT_OK;
    }
    try {
      return await runner(rest, io);
    } catch (error) {
      if (error instanceof CliError) {
        io.stderr.write(`dgs ${command}: ${error.message}\n`);
        return error.exitCode;
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`dgs: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug of ours: one line, and the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`dgs: internal error: ${message.split('\n')[0]} (set DGS_DEBUG=1 for details)\n`);
    if (env.DGS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

function help(argv: readonly string[], io: CliIO): number {
  if (argv.length === 0) {
    io.stdout.write(generalHelp(packageInfo().version));
    return EXIT_OK;
  }
  const text = commandHelp(argv[0]);
  if (!text) throw new CliError(`no command "${argv[0]}"; the commands are ${COMMANDS.filter((name) => name !== 'help').join(', ')}`);
  io.stdout.write(text);
  return EXIT_OK;
}

/** Runs as the program: `node out/server/src/cli/main.js check FILE`, or from a bundle. */
export function main(): void {
  // A closed pipe (`dgs check … | head`) is not an error of the check.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dgs: internal error: ${(error as Error)?.message ?? error}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) main();
