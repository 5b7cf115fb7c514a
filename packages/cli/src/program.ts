// Builds the `tensile` commander program and runs it with typed-error handling: any TensileError
// (or usage error) becomes one clear line on stderr and a non-zero exit code, never a stack trace.
import { Command, CommanderError } from 'commander';
import { TensileError } from '@tensile/core';
import { commandInstallers } from './commands/registry';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export function createProgram(io: CliIO = defaultIO): Command {
  const program = new Command('tensile')
    .description('Differentiate formulas, fit damping curves and inspect TF.js models.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError(false);
  for (const install of commandInstallers) install(program);
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
      // Help and version exit with code 0 through commander's exitOverride.
      return err.exitCode;
    }
    if (err instanceof TensileError) {
      io.stderr(`tensile: ${err.message.split('\n')[0]}\n`);
      return 1;
    }
    io.stderr(`tensile: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
