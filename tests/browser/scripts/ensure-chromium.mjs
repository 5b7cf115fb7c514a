// Makes sure the real-browser tests have a Chromium before they start: Debian's `chromium`
// package at /usr/bin/chromium (Playwright's own browser download is not used: it cannot be
// fetched on our machines). Runs as the first step of this package's `test` script, so the
// README's `pnpm install && pnpm test` is still all a fresh Debian machine needs.
//
//   present                -> nothing to do
//   missing, running as root -> apt-get update && apt-get install -y chromium
//   missing, not root        -> stop with the exact command to run, exit code 1
//
// TENSILE_CHROMIUM=/path/to/chrome points the tests at another Chromium build (then nothing is
// installed; the path must exist).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import process from 'node:process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fail(lines) {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

function run(command, args) {
  process.stdout.write(`ensure-chromium: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    // No debconf questions: the test command may run without a terminal (CI has no stdin).
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail([`ensure-chromium: could not run ${command}: ${result.error.message}`]);
  if (result.status !== 0) {
    fail([`ensure-chromium: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}.`,
      `Install Chromium by hand (\`${INSTALL_COMMAND}\` as root), then run the tests again.`]);
  }
}

const override = process.env.TENSILE_CHROMIUM;
if (override) {
  if (!isExecutable(override)) fail([`ensure-chromium: TENSILE_CHROMIUM=${override} is not an executable file.`]);
  process.exit(0);
}

if (isExecutable(DEBIAN_CHROMIUM)) process.exit(0);

// process.getuid is missing on Windows; there is no apt there either, so treat it as "not root".
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  fail([
    `ensure-chromium: the browser tests need Debian's Chromium at ${DEBIAN_CHROMIUM}, and it is missing.`,
    'Install it (this needs root), then run the tests again:',
    '',
    `  sudo sh -c '${INSTALL_COMMAND}'`,
    '',
  ]);
}

if (!isExecutable('/usr/bin/apt-get')) {
  fail([`ensure-chromium: ${DEBIAN_CHROMIUM} is missing and there is no apt-get to install it with.`,
    'On a non-Debian system install Chromium and point TENSILE_CHROMIUM at its executable.']);
}

process.stdout.write(`ensure-chromium: ${DEBIAN_CHROMIUM} is missing; installing Debian's chromium package.\n`);
run('apt-get', ['update']);
run('apt-get', ['install', '-y', 'chromium']);
if (!isExecutable(DEBIAN_CHROMIUM)) fail([`ensure-chromium: apt-get finished but ${DEBIAN_CHROMIUM} is still missing.`]);
process.stdout.write(`ensure-chromium: installed ${DEBIAN_CHROMIUM}.\n`);
