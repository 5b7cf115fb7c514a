// The browser, driver and Xvfb processes the harness starts: each in its own process group (so
// one signal reaches its children too: Firefox's content processes, WebKit's web process), each
// tagged with an environment variable naming this test run, so anything left behind after the
// suite can be found in /proc and reported (and ended) by the global teardown.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import process from 'node:process';

/** Names this test run (set by the global setup, inherited by the test workers). */
export const RUN_TAG = 'TENSILE_BROWSER_RUN';
/**
 * Carried only by the processes the harness starts (browsers, drivers, Xvfb and their children),
 * never by the test workers themselves, so a scan for it finds exactly what must not outlive the run.
 */
export const CHILD_TAG = 'TENSILE_BROWSER_CHILD';

/** This run's tag (set by the global setup; a process-wide default for standalone use). */
export function runTag(): string {
  process.env[RUN_TAG] ??= `standalone-${process.pid}`;
  return process.env[RUN_TAG];
}

export interface Started {
  child: ChildProcess;
  /** stderr and stdout so far (for error messages), last 4000 characters. */
  output(): string;
  /** Resolves with the first output line matching `pattern`, rejects on exit or after `ms`. */
  waitForLine(pattern: RegExp, ms: number, what: string): Promise<RegExpMatchArray>;
  /** Ends the whole process group: SIGTERM, then SIGKILL after `graceMs`. Resolves once gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Process groups still running; a worker that exits (or crashes) ends them on its way out. */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const group of liveGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export function start(command: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(command, args, {
    detached: true, // own process group: kill(-pid) reaches the children it forks
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, [CHILD_TAG]: runTag() },
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000);
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // A failed spawn (missing binary) is reported through waitForLine; never an unhandled error.
  let spawnError: Error | null = null;
  child.on('error', (error) => {
    spawnError = error;
    for (const listener of listeners) listener();
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedYet = false;
  void exited.then(() => {
    exitedYet = true;
    for (const listener of listeners) listener();
  });

  return {
    child,
    output: () => text,
    waitForLine(pattern, ms, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`${what}: nothing within ${Math.round(ms / 1000)} s. Output:\n${text}`)), ms);
        timer.unref();
        const check = () => {
          const match = text.match(pattern);
          if (match) return finish(null, match);
          if (spawnError) return finish(new Error(`${what}: could not start ${command}: ${spawnError.message}`));
          if (exitedYet) finish(new Error(`${what}: ${command} exited (code ${child.exitCode ?? child.signalCode}). Output:\n${text}`));
        };
        const finish = (error: Error | null, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(match!);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(graceMs = 3000) {
      const group = child.pid;
      if (group === undefined) return;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-group, name);
        } catch {
          // The group is already gone.
        }
      };
      signal('SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
      if (!graceful) signal('SIGKILL');
      // The leader may exit before its children: make sure the whole group is gone.
      signal('SIGKILL');
      await Promise.race([exited, delay(2000)]);
      liveGroups.delete(group);
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface Leftover {
  pid: number;
  command: string;
}

/**
 * Names one launch, for browsers started by a library (playwright-core) rather than by `start`:
 * when that library gives up on a browser it may leave it running; `endLaunch` finds it by this.
 */
export const LAUNCH_TAG = 'TENSILE_BROWSER_LAUNCH';

/** Ends (SIGKILL) every process of launch `id` and waits up to 2 s for them to be gone. */
export async function endLaunch(id: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const left = processesTagged(id, LAUNCH_TAG);
    if (!left.length) return;
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    await delay(100);
  }
}

/** Live processes started by the harness in run `tag` (Linux /proc; empty elsewhere). */
export function processesTagged(tag: string, variable = CHILD_TAG): Leftover[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const needle = `\0${variable}=${tag}\0`;
  const found: Leftover[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!`\0${environ}\0`.includes(needle)) continue;
      const status = readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (/\) Z /.test(status)) continue; // a zombie waiting for its parent is already ended
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      found.push({ pid: Number(pid), command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Free TCP port on 127.0.0.1 (asked from the kernel; released before the driver binds it). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
