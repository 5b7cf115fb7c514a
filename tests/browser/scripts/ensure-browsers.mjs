// Makes sure the real-browser tests have their three engines before they start, all from
// Debian's packages (Playwright's browser downloads and geckodriver cannot be fetched on our
// machines): Chromium, Firefox ESR, and WebKitGTK's WebDriver with its MiniBrowser under Xvfb.
// Runs as the first step of this package's `test` script, so the README's
// `pnpm install && pnpm test` is still all a fresh Debian machine needs.
//
//   all present              -> nothing to do
//   missing, running as root -> apt-get update && apt-get install -y <the missing packages>,
//                               one installer at a time (see below)
//   missing, not root        -> stop with the exact command to run, exit code 1
//
// TENSILE_ENGINES=chromium,firefox limits the check to those engines (the tests run only those).
// TENSILE_CHROMIUM, TENSILE_FIREFOX, TENSILE_WEBKIT_DRIVER, TENSILE_MINIBROWSER and TENSILE_XVFB
// point the tests at other builds (then that file is not installed; the path must exist).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import process from 'node:process';

/** What each engine needs: the executable, the variable that overrides it, the Debian package. */
const NEEDS = {
  chromium: [{ file: '/usr/bin/chromium', override: 'TENSILE_CHROMIUM', pkg: 'chromium' }],
  firefox: [{ file: '/usr/bin/firefox-esr', override: 'TENSILE_FIREFOX', pkg: 'firefox-esr' }],
  webkit: [
    { file: '/usr/bin/WebKitWebDriver', override: 'TENSILE_WEBKIT_DRIVER', pkg: 'webkit2gtk-driver' },
    { file: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', override: 'TENSILE_MINIBROWSER', pkg: 'webkit2gtk-driver' },
    { file: '/usr/bin/Xvfb', override: 'TENSILE_XVFB', pkg: 'xvfb' },
  ],
};

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

function run(command, args, installCommand) {
  process.stdout.write(`ensure-browsers: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    // No debconf questions: the test command may run without a terminal (CI has no stdin).
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail([`ensure-browsers: could not run ${command}: ${result.error.message}`]);
  if (result.status !== 0) {
    fail([`ensure-browsers: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}.`,
      `Install the browsers by hand (\`${installCommand}\` as root), then run the tests again.`]);
  }
}

const selected = (process.env.TENSILE_ENGINES ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = selected.filter((name) => !(name in NEEDS));
if (unknown.length) fail([`ensure-browsers: TENSILE_ENGINES names unknown engine(s) ${unknown.join(', ')}; expected some of ${Object.keys(NEEDS).join(', ')}.`]);

const missing = [];
for (const engine of selected) {
  for (const need of NEEDS[engine]) {
    const override = process.env[need.override];
    if (override) {
      if (!isExecutable(override)) fail([`ensure-browsers: ${need.override}=${override} is not an executable file.`]);
      continue;
    }
    if (!isExecutable(need.file)) missing.push(need);
  }
}
if (!missing.length) process.exit(0);

const packages = [...new Set(missing.map((need) => need.pkg))];
const installCommand = `apt-get update && apt-get install -y ${packages.join(' ')}`;
const files = missing.map((need) => need.file).join(', ');

// process.getuid is missing on Windows; there is no apt there either, so treat it as "not root".
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  fail([
    `ensure-browsers: the browser tests need ${files}, from Debian's ${packages.join(', ')}, and they are missing.`,
    'Install them (this needs root), then run the tests again:',
    '',
    `  sudo sh -c '${installCommand}'`,
    '',
    'or run only the engines you have, e.g. TENSILE_ENGINES=chromium (the summary names the ones left out).',
  ]);
}

if (!isExecutable('/usr/bin/apt-get')) {
  fail([`ensure-browsers: ${files} missing and there is no apt-get to install them with.`,
    'On a non-Debian system install the browsers and point the TENSILE_* variables at them (tests/browser/README.md).']);
}

// `pnpm test` runs this package's and tests/consumer's tests side by side, and both start with this
// script: two apt-gets at once would fail on dpkg's lock. So the install runs under flock(1)
// (util-linux, essential on Debian): this script runs itself again holding the lock, and that run
// looks again at what is missing, since the other one may have installed it meanwhile.
const LOCK_FILE = '/var/lock/tensile-ensure-browsers.lock';
if (!process.env.TENSILE_ENSURE_BROWSERS_LOCKED && isExecutable('/usr/bin/flock')) {
  const locked = spawnSync('/usr/bin/flock', [LOCK_FILE, process.execPath, process.argv[1]], {
    stdio: 'inherit',
    env: { ...process.env, TENSILE_ENSURE_BROWSERS_LOCKED: '1' },
  });
  if (locked.error) fail([`ensure-browsers: could not run flock: ${locked.error.message}`]);
  process.exit(locked.status ?? 1);
}

process.stdout.write(`ensure-browsers: ${files} missing; installing Debian's ${packages.join(', ')}.\n`);
run('apt-get', ['update'], installCommand);
run('apt-get', ['install', '-y', ...packages], installCommand);
const still = missing.filter((need) => !isExecutable(need.file));
if (still.length) fail([`ensure-browsers: apt-get finished but ${still.map((need) => need.file).join(', ')} still missing.`]);
process.stdout.write(`ensure-browsers: installed ${packages.join(', ')}.\n`);
