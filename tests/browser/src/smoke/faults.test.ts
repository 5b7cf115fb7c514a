// The harness fails in bounded time and leaves nothing running: a browser (or driver) that never
// starts, a driver that accepts the connection and then never answers, a missing executable and
// a page that never loads each fail that engine's run with a message naming what hung, and every
// process they started is gone afterwards. (The global teardown checks the whole suite the same
// way: no browser, driver or Xvfb process of the run may outlive it.)
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { LAUNCHERS, inEachEngine } from '../harness/matrix';
import { delay } from '../harness/processes';

const wsModule = fileURLToPath(import.meta.resolve('ws'));
/** A bound the failures must stay well inside (the launches below allow 3 s). */
const GENEROUS_BOUND_MS = 40_000;
const START_MS = 3000;

let dir: string;
let neverAnswers: http.Server;
let neverAnswersUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tensile-faults-'));
  // Accepts connections and never answers: a page that never loads.
  neverAnswers = http.createServer(() => undefined);
  await new Promise<void>((resolve) => neverAnswers.listen(0, '127.0.0.1', resolve));
  const address = neverAnswers.address();
  neverAnswersUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  neverAnswers?.closeAllConnections();
  await new Promise((resolve) => neverAnswers?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Writes an executable that records its own pid and its child's in `<name>.pids`, then runs `body`. */
async function fake(name: string, body: string, interpreter: 'sh' | 'node'): Promise<{ executable: string; pids: () => Promise<number[]> }> {
  const executable = path.join(dir, name);
  const pidFile = `${executable}.pids`;
  const script = interpreter === 'sh'
    ? `#!/bin/sh\necho $$ >> ${pidFile}\nsleep 600 &\necho $! >> ${pidFile}\n${body}\nwait\n`
    : `#!/usr/bin/env node\nconst fs = require('node:fs');\nconst { spawn } = require('node:child_process');\nfs.appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n');\nconst child = spawn('sleep', ['600'], { stdio: 'ignore' });\nfs.appendFileSync(${JSON.stringify(pidFile)}, child.pid + '\\n');\n${body}\n`;
  await writeFile(executable, script);
  await chmod(executable, 0o755);
  return {
    executable,
    pids: async () => (await readFile(pidFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number),
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
};

async function expectGone(pids: number[]): Promise<void> {
  expect(pids.length).toBeGreaterThanOrEqual(2); // the fake and its child really ran
  for (let i = 0; i < 20 && pids.some(alive); i++) await delay(100);
  expect(pids.filter(alive)).toEqual([]);
}

/** Runs `launch`, expects it to reject matching `message` inside the bound; returns the error. */
async function expectBoundedFailure(launch: () => Promise<unknown>, message: RegExp): Promise<void> {
  const started = Date.now();
  await expect(launch()).rejects.toThrow(message);
  expect(Date.now() - started).toBeLessThan(GENEROUS_BOUND_MS);
}

inEachEngine((engine) => {
  const launch = LAUNCHERS[engine.name];
  const what = engine.name === 'webkit' ? 'driver' : 'browser';

  engine.test(`a ${what} that starts and never answers fails the launch in bounded time, and its processes are gone`, {}, async () => {
    const hanging = await fake(`hang-${engine.name}`, 'sleep 600', 'sh');
    await expectBoundedFailure(() => launch({ executable: hanging.executable, startMs: START_MS }), /hang-|within|Timeout|timed out/i);
    await expectGone(await hanging.pids());
  });

  engine.test(`a missing ${what} executable fails at once with its path in the message`, {}, async () => {
    const missing = path.join(dir, `no-such-${engine.name}`);
    await expectBoundedFailure(() => launch({ executable: missing, startMs: START_MS }), new RegExp(`no-such-${engine.name}`));
  });

  engine.test(`a ${what} that accepts the connection and then never answers fails in bounded time, and its processes are gone`, { only: ['firefox', 'webkit'] }, async () => {
    // Firefox: prints the BiDi endpoint line, accepts the WebSocket and never answers session.new.
    // WebKit: answers /status, then never answers the session request.
    const body = engine.name === 'firefox'
      ? `const { WebSocketServer } = require(${JSON.stringify(wsModule)});\nconst server = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => console.error('WebDriver BiDi listening on ws://127.0.0.1:' + server.address().port));`
      : `const port = Number(process.argv.find((a) => a.startsWith('--port=')).slice(7));\nrequire('node:http').createServer((req, res) => { if (req.url === '/status') res.end(JSON.stringify({ value: { ready: true } })); }).listen(port, '127.0.0.1');`;
    const hanging = await fake(`silent-${engine.name}`, body, 'node');
    await expectBoundedFailure(() => launch({ executable: hanging.executable, startMs: START_MS }), /session|within/i);
    await expectGone(await hanging.pids());
  });

  engine.test('a page that never loads fails goto in bounded time; the browser keeps working', {}, async () => {
    const page = await engine.browser.open({ width: 400, height: 300 });
    const started = Date.now();
    await expect(page.goto(neverAnswersUrl, START_MS)).rejects.toThrow(/within|Timeout|timed out/i);
    expect(Date.now() - started).toBeLessThan(GENEROUS_BOUND_MS);
    await page.close();
    const next = await engine.browser.open({ width: 400, height: 300 });
    await next.goto('about:blank');
    expect(await next.evaluate(() => 1 + 1)).toBe(2);
    await next.close();
  });
});
