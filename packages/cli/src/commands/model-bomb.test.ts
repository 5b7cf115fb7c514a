// `tensile model inspect` on the dense-chain memory bomb (issue 14, point 4: a 56 KB graph model
// took 2.4 GB and 15 s) and on a 100000-wide input (an untyped "Invalid typed array length").
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MB, liveHeapBytes } from '../../../core/src/test-support/heap';
import { bombGraph } from '../../../core/src/test-support/tfjs-bombs';
import { runCaptured, temporaryFolder } from '../test-support/run-cli';

const tempDir = temporaryFolder('tensile-bomb-');

async function writeModel(name: string, width: number, ops: number): Promise<string> {
  const bomb = bombGraph(width, ops);
  const folder = path.join(tempDir(), name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  await writeFile(path.join(folder, 'model.json'), bomb.modelJson);
  await writeFile(path.join(folder, 'w.bin'), new Uint8Array(bomb.weightData));
  return path.join(folder, 'model.json');
}

describe('tensile model inspect on memory bombs', () => {
  it('the 4096-wide, 1000-op graph inspects and compiles with under 100 MB of heap growth', async () => {
    const model = await writeModel('wide', 4096, 1000);
    const before = liveHeapBytes();
    const r = await runCaptured(['model', 'inspect', model, '--json']);
    expect(liveHeapBytes() - before).toBeLessThan(100 * MB);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).compiles).toBe(true);
  });

  it('a 100000-wide Placeholder: "no, runs in TF.js" with the width and the cap, exit 0', async () => {
    const model = await writeModel('too-wide', 100_000, 10);
    const r = await runCaptured(['model', 'inspect', model]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compiles: +no, runs in TF\.js \(cannot compile to plain JS: node "x" \(Placeholder\) does not compile: width 100000 over the cap of 4096 features/);
  });
});
