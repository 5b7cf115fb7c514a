// Running the pipeline's steps: each one is timed and named; a command's output is kept quiet
// unless it fails (then it is printed whole, with the command to re-run).
import { spawn } from 'node:child_process';

export async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stdout.write(`• ${title} … `);
  try {
    const value = await run();
    process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return value;
  } catch (error) {
    process.stdout.write('failed\n');
    throw error;
  }
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** Runs `command args` in `cwd`; resolves with its output, rejects with the output on a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', (error) => reject(new CommandError(`could not run ${command}: ${error.message}`)));
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new CommandError(`\`${command} ${args.join(' ')}\` (in ${cwd}) exited with ${code}:\n${output.trimEnd()}`));
    });
  });
}
