// What the CLI tests share: a run of `tensile` in process with its output captured, and a
// temporary folder that lives for one test file.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../program';

/** What one `tensile` run printed and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tensile <argv>` in process (no child process), capturing stdout and stderr. */
export async function runCaptured(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * A temporary folder made before this file's tests and removed after them. Returns a getter, as
 * the folder exists only once beforeAll has run.
 */
export function temporaryFolder(prefix: string): () => string {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return () => folder;
}
