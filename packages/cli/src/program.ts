// Builds the `tensile` commander program and runs it with typed-error handling: any TensileError
// becomes one clear line on stderr and exit code 1; a usage error (unknown command or option,
// missing argument) one line naming it, with a suggestion only for a near name, then the usage
// line, and exit code 2. Never a stack trace.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { TensileError } from '@tensile/core';
import { commandInstallers } from './commands/registry';
import { allCommands, helpFormat, oneLineError, usageLine } from './help-format';

/** Where the CLI writes: tests pass their own, the bin writes to the process's streams. */
export interface CliIO {
  /** Normal output (tables, JSON, help, the version). */
  stdout: (text: string) => void;
  /** Errors (one line each) and the usage line after a usage error. */
  stderr: (text: string) => void;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Exit code of a usage error (as for most Unix tools); bad data and failed work exit with 1. */
export const USAGE_EXIT_CODE = 2;

/** The package's own version (src/ and dist/ both sit next to package.json). */
export const CLI_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const EXITS_WITHOUT_ERROR = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version', 'commander.executeSubCommandAsync']);

/** The `tensile` commander program with every command installed, writing to `io`. */
export function createProgram(io: CliIO = defaultIO): Command {
  const program = new Command('tensile')
    .description('Differentiate formulas, fit damping curves and inspect TF.js models.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (message, write) => write(`tensile: ${oneLineError(message)}\n`) })
    .configureHelp(helpFormat)
    .helpOption('-h, --help', 'Show this help')
    .helpCommand('help [command]', 'Show the help of a command')
    .version(CLI_VERSION, '-v, --version', 'Print the version of @tensile/cli')
    .exitOverride();
  for (const install of commandInstallers) install(program);
  for (const command of allCommands(program)) command.showHelpAfterError(usageLine(command));
  return program;
}

/** Runs the CLI on `argv` (without node and script), returning the exit code. */
export async function runCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end through exitOverride too, with code 0; every other commander error
      // is a usage error and has already printed its line and the usage line.
      return EXITS_WITHOUT_ERROR.has(err.code) ? err.exitCode : USAGE_EXIT_CODE;
    }
    if (err instanceof TensileError) {
      io.stderr(`tensile: ${err.message.split('\n')[0]}\n`);
      return 1;
    }
    io.stderr(`tensile: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    return 1;
  }
}
