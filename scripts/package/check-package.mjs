// `pnpm check-package` for one publishable package (run from its folder): packs it exactly as
// `pnpm publish` would (publishConfig applied, so the `source` condition is gone), then lints the
// tarball with publint and arethetypeswrong and checks what it ships: LICENSE and README present;
// no sources, source maps (they would point at sources it lacks), tests, test-support or fixtures.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTarball } from './tarball.mjs';

const FORBIDDEN = [/\.map$/, /^package\/src\//, /\.test\.[cm]?[jt]sx?$/, /test-support\//, /test-fixtures\//, /\.tsbuildinfo$/];
const REQUIRED = ['package/LICENSE', 'package/README.md', 'package/package.json'];

const outDir = mkdtempSync(join(tmpdir(), 'tensile-check-package-'));
try {
  execFileSync('pnpm', ['pack', '--pack-destination', outDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(outDir, readdirSync(outDir).find((name) => name.endsWith('.tgz')));
  const { files, manifest } = listTarball(tarball);
  const problems = [];
  for (const required of REQUIRED) if (!files.includes(required)) problems.push(`missing ${required}`);
  for (const file of files) if (FORBIDDEN.some((pattern) => pattern.test(file))) problems.push(`ships ${file}`);
  if (JSON.stringify(manifest.exports ?? {}).includes('"source"')) problems.push('the published exports keep the source condition');
  if (problems.length > 0) {
    process.stderr.write(`check-package ${manifest.name}: ${problems.join('; ')}\n`);
    process.exit(1);
  }
  execFileSync('publint', ['--strict', tarball], { stdio: 'inherit' });
  execFileSync('attw', [tarball, '--profile', 'esm-only'], { stdio: 'inherit' });
  process.stdout.write(`check-package ${manifest.name}: ${files.length} files, tarball ok\n`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
