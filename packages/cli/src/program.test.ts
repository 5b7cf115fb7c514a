// The `tensile` program itself: --version, usage errors (one line naming the problem, a "did you
// mean" only for a near name, the usage line, exit code 2) and the help texts' house style.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCommands, describeOption } from './help-format';
import { CLI_VERSION, USAGE_EXIT_CODE, createProgram } from './program';
import { runCaptured } from './test-support/run-cli';

describe('tensile --version', () => {
  it("prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CLI_VERSION).toBe(version);
    for (const flag of ['--version', '-v']) expect(await runCaptured([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors', () => {
  const cases: { argv: string[]; line: RegExp; usage: string }[] = [
    { argv: ['fitt'], line: /^tensile: unknown command 'fitt' \(did you mean fit\?\)$/, usage: 'Usage: tensile [options] [command]' },
    { argv: ['foo'], line: /^tensile: unknown command 'foo'$/, usage: 'Usage: tensile [options] [command]' },
    { argv: ['fit', '--modle', 'auto'], line: /^tensile: unknown option '--modle' \(did you mean --model\?\)$/, usage: 'Usage: tensile fit [options]' },
    { argv: ['fit', '--colour'], line: /^tensile: unknown option '--colour'$/, usage: 'Usage: tensile fit [options]' },
    { argv: ['diff'], line: /^tensile: missing required argument 'expr'$/, usage: 'Usage: tensile diff [options] <expr>' },
    { argv: ['model', 'inspekt', 'm.json'], line: /^tensile: unknown command 'inspekt' \(did you mean inspect\?\)$/, usage: 'Usage: tensile model [options] [command]' },
    { argv: ['diff', 'x^2', '--at'], line: /^tensile: option '--at <values>' argument missing$/, usage: 'Usage: tensile diff [options] <expr>' },
    { argv: ['--' + 'x'.repeat(5000)], line: /^tensile: unknown option '--x{5000}'$/, usage: 'Usage: tensile [options] [command]' },
  ];
  for (const { argv, line, usage } of cases) {
    it(`tensile ${argv.join(' ').slice(0, 40)}: one line naming it, the usage line, exit ${USAGE_EXIT_CODE}`, async () => {
      const { code, stdout, stderr } = await runCaptured(argv);
      expect(code).toBe(USAGE_EXIT_CODE);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(line);
      expect(lines[1].startsWith(usage)).toBe(true);
    });
  }

  it('bad data is still exit code 1 with one line (not a usage error)', async () => {
    const { code, stderr } = await runCaptured(['diff', 'foo(x)', '--at', 'x=1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tensile: unknown function 'foo'; known functions: [^\n]+\n$/);
  });
});

describe('help texts', () => {
  const program = createProgram({ stdout: () => {}, stderr: () => {} });
  const commands = allCommands(program);

  it('every option of every command states its default, in one format', () => {
    for (const command of commands) {
      for (const option of command.options) {
        if (option.long === '--help' || option.long === '--version') continue;
        expect(describeOption(option), `${command.name()} ${option.flags}`).toMatch(/\(default: [^)]+\)$/);
      }
    }
  });

  it('descriptions are in sentence case without a closing full stop', async () => {
    for (const argv of [['--help'], ['fit', '--help'], ['diff', '--help'], ['model', '--help'], ['model', 'inspect', '--help'], ['model', 'eval', '--help']]) {
      const { code, stdout } = await runCaptured(argv);
      expect(code).toBe(0);
      const descriptions = stdout.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.replace(/^ {2}\S.*? {2,}/, ''));
      for (const text of descriptions) if (!/^ *(tensile|\(default)/.test(text)) expect(text, `${argv.join(' ')}: ${text}`).toMatch(/^[A-Z0-9{(]/);
      expect(stdout).not.toMatch(/\w\.\n/);
    }
  });

  it('fit --help says the code comes from --emit, and gives units for the lengths', async () => {
    const { stdout } = await runCaptured(['fit', '--help']);
    expect(stdout).not.toMatch(/and export it as damping/);
    expect(stdout).toMatch(/--emit <lang> +Print only the fitted curve on stdout, as an ES module/);
    expect(stdout).toMatch(/--max <px> +The article model's max, in px \(default: 500\)/);
    expect(stdout).toMatch(/in px²/);
  });
});
