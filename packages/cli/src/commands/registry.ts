// The list of `tensile` subcommands. Each command lives in its own file under src/commands/ and
// registers itself here with one line, so commands never edit each other's files.
import type { Command } from 'commander';
import { installModelCommand } from './model';
import { installFitCommand } from './fit';
import { installDiffCommand } from './diff';

export type CommandInstaller = (program: Command) => void;

export const commandInstallers: CommandInstaller[] = [
  // e.g. installDiffCommand, installFitCommand, installModelCommand
  installModelCommand,
  installFitCommand,
  installDiffCommand,
];
