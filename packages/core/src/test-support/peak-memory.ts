// Peak memory of one operation, measured in a fresh Node process: the growth of the peak resident
// set (maxRSS) across the operation catches what a bomb allocates and frees again, which a heap
// reading after the fact would miss. The child runs TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PeakMeasurement {
  /** Growth of the peak resident set across `operation`, in bytes. */
  readonly peakGrowthBytes: number;
  /** What `operation` returned (JSON), or { error: code or message } when it threw. */
  readonly result: unknown;
}

/**
 * Runs `setup` (module code: imports, inputs), then measures `operation` (the body of an async
 * function; its return value is reported). Paths in imports are relative to packages/core.
 */
export function measurePeakMemory(setup: string, operation: string, timeoutMs = 120_000): PeakMeasurement {
  const script = `${setup}
const before = process.resourceUsage().maxRSS;
let result;
try { result = await (async () => { ${operation} })(); } catch (err) { result = { error: err?.code ?? String(err?.message ?? err) , message: String(err?.message ?? err) }; }
const after = process.resourceUsage().maxRSS;
process.stdout.write('\\n' + JSON.stringify({ peakGrowthBytes: (after - before) * 1024, result }));
`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: packageDir, encoding: 'utf8', timeout: timeoutMs });
  if (run.status !== 0) throw new Error(`measurePeakMemory: the child exited with ${run.status ?? run.signal}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as PeakMeasurement;
}
