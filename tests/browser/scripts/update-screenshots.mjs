// Copies the README's demo screenshots from the last browser-test run (test-output/, gitignored)
// into docs/screenshots/ (committed). Run `pnpm --filter @tensile/browser-tests test` first, then
// `pnpm --filter @tensile/browser-tests screenshots`.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const from = path.resolve(here, '../test-output/screenshots');
const to = path.resolve(here, '../../../docs/screenshots');
const SHOWN = ['feed-pull', 'curves', 'lab-fit'];
const DEMOS = ['react', 'vue', 'svelte'];

await mkdir(to, { recursive: true });
let missing = 0;
for (const demo of DEMOS) {
  for (const shot of SHOWN) {
    const name = `${demo}-${shot}.png`;
    try {
      await stat(path.join(from, name));
    } catch {
      process.stderr.write(`update-screenshots: ${name} is not in ${from}; run the browser tests first\n`);
      missing++;
      continue;
    }
    await copyFile(path.join(from, name), path.join(to, name));
    process.stdout.write(`update-screenshots: docs/screenshots/${name}\n`);
  }
}
process.exit(missing ? 1 : 0);
