// One house style for every `tensile ... --help`: descriptions in sentence case without a closing
// full stop, and each option's default shown the same way, "(default: X)", whether commander
// holds the default or the text states it (a flag says "(default: off)").
import type { Argument, Command, HelpConfiguration, Option } from 'commander';

/** First letter upper case, no closing full stop: "fit a curve." -> "Fit a curve". */
export function sentenceCase(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** The option's description with its default, in one format. */
export function describeOption(option: Option): string {
  const text = sentenceCase(option.description ?? '');
  if (/\(default: [^)]*\)/.test(text)) return text;
  if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') {
    return `${text} (default: ${option.defaultValueDescription ?? String(option.defaultValue)})`;
  }
  // --help and --version are actions, not settings: no default to state.
  if (option.long === '--help' || option.long === '--version') return text;
  // A flag (--json, or --no-compile) is off unless given.
  if (option.isBoolean() || option.negate) return `${text} (default: off)`;
  return text;
}

export const helpFormat: HelpConfiguration = {
  optionDescription: describeOption,
  argumentDescription: (argument: Argument) => sentenceCase(argument.description),
  subcommandDescription: (command: Command) => sentenceCase(command.summary() || command.description()),
  commandDescription: (command: Command) => sentenceCase(command.description()),
};

/** The usage line printed under a usage error, e.g. "Usage: tensile fit [options]". */
export function usageLine(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return `Usage: ${names.join(' ')} ${command.usage()} (${names.join(' ')} --help lists ${command.commands.length > 0 ? 'the commands' : 'every option'})`;
}

/** Commander's "error: unknown option '--modle'\n(Did you mean --model?)" as one line. */
export function oneLineError(message: string): string {
  return message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.replace(/^\(Did you mean (.*)\?\)$/, '(did you mean $1?)'))
    .join(' ');
}

/** Every command of the program, the program first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => allCommands(command))];
}
