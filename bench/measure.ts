// Timing helpers for `pnpm bench`. Every suite measures us and the peers in the same process run,
// so only the ratios between rows of one run mean anything (the machines are noisy).
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median time of one call, in nanoseconds. */
  medianNs: number;
  /** 99th percentile of one call (per-sample average within a batch), in nanoseconds. */
  p99Ns: number;
  samples: number;
}

/** Keeps results alive so the JIT cannot drop the measured work. */
export let sink: unknown = 0;
export function consume(value: unknown): void {
  sink = value;
}

/**
 * Times `fn` in batches sized so each batch takes about `batchMs`; returns per-call statistics.
 * Warm-up runs first so we measure optimised code (as a gesture's 100th frame would).
 */
export function measure(fn: () => unknown, opts: { timeMs?: number; batchMs?: number; warmupMs?: number } = {}): Timing {
  const timeMs = opts.timeMs ?? 400;
  const batchMs = opts.batchMs ?? 5;
  const warmupMs = opts.warmupMs ?? 100;
  let t0 = performance.now();
  let calls = 0;
  while (performance.now() - t0 < warmupMs) {
    consume(fn());
    calls++;
  }
  const perCallMs = Math.max((performance.now() - t0) / Math.max(calls, 1), 1e-6);
  const batch = Math.max(1, Math.round(batchMs / perCallMs));
  const samples: number[] = [];
  t0 = performance.now();
  while (performance.now() - t0 < timeMs || samples.length < 5) {
    const s = performance.now();
    for (let i = 0; i < batch; i++) consume(fn());
    samples.push(((performance.now() - s) * 1e6) / batch);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { medianNs: q(0.5), p99Ns: q(0.99), samples: samples.length };
}

/** Times an async or long-running task `runs` times and returns the median wall time in ms. */
export async function measureWall(fn: () => unknown | Promise<unknown>, runs = 5): Promise<{ medianMs: number; runs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    consume(await fn());
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], runs };
}

export function formatNs(ns: number): string {
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

/** Renders a markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
