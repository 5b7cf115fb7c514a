// `pnpm bench --only elastic`: what one touchmove costs inside the elastic engine (fake host, so
// only engine work is timed) next to a hand-written minimal pull handler, and the min+gzip /
// brotli size of the @tensile/core/elastic entry, bundled from source exactly as size-limit
// bundles dist (so the gzip figure is what `pnpm size` prints after a build).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createElastic, type Curve, type ElasticOptions, type Host, type HostHandler } from '@tensile/core';
import type { BenchSuite } from '../suite';
import { consume, formatNs, measure, table } from '../measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const coreDir = path.resolve(here, '../../packages/core');
/** The budget in packages/core/.size-limit.cjs ('7.5 kB', issue 11; size-limit counts 1 kB = 1000 bytes). */
const BUDGET_BYTES = 7500;

/** The narrowest host that works: listeners kept in a map, writes counted, nothing else. */
function benchHost(): { host: Host; handlers: Map<string, HostHandler>; writes: { n: number } } {
  const handlers = new Map<string, HostHandler>();
  const writes = { n: 0 };
  const host: Host = {
    now: () => performance.now(),
    requestFrame: () => 0,
    cancelFrame: () => {},
    setTimer: () => 0,
    clearTimer: () => {},
    listen: (target, type, handler) => (target !== 'window' && target !== 'document' && handlers.set(type, handler), () => handlers.delete(type)),
    scroll: () => ({ top: 0, left: 0, maxTop: 5000, maxLeft: 0, width: 400, height: 800 }),
    scrollChain: () => [],
    firstChild: () => ({}) as HTMLElement,
    getStyle: () => '',
    setStyle: () => void writes.n++,
    getAttribute: () => null,
    setAttribute: () => void writes.n++,
    hidden: () => false,
    prefersReducedMotion: () => false,
    createStatus: () => ({ say: () => {}, remove: () => {} }),
  };
  return { host, handlers, writes };
}

/** One move of the engine holding a pull at the top, between 150 and 450 px (`done` destroys it). */
function engineMove(options: ElasticOptions, subscribers = 0) {
  const { host, handlers, writes } = benchHost();
  const engine = createElastic({ ...options, host });
  // The narrowest thing attach() accepts as an Element (the host never touches it here).
  engine.attach({ nodeType: 1, style: {} } as unknown as HTMLElement);
  for (let i = 0; i < subscribers; i++) engine.subscribe(() => consume(engine.getSnapshot()));
  const touch = { identifier: 0, clientX: 100, clientY: 0 };
  const event = { target: null, cancelable: true, touches: [touch], preventDefault() {} };
  handlers.get('touchstart')!(event);
  const move = handlers.get('touchmove')!;
  let y = 150;
  let dir = 1;
  return {
    step: () => {
      y += dir * 3;
      if (y > 450 || y < 150) dir = -dir;
      touch.clientY = y;
      move(event);
      return engine.getSnapshot();
    },
    writes,
    done: () => engine.destroy(),
  };
}

/** The peers' typical pull handler, written out by hand: distance, a 0.5 damping, one style write. */
function minimalMove() {
  const style = { transform: '' };
  let y = 150;
  let dir = 1;
  const start = 0;
  return () => {
    y += dir * 3;
    if (y > 450 || y < 150) dir = -dir;
    const d = Math.max(0, y - start);
    style.transform = `translate3d(0,${d * 0.5}px,0)`;
    return style;
  };
}

/** Rounds of each row, each timed next to the minimal handler, so a load spike hits both sides of a ratio. */
const ROUNDS = 7;

/** Median engine and minimal timings of `ROUNDS` interleaved rounds, and the median of the per-round ratios. */
function interleaved(engine: () => unknown, minimal: () => unknown) {
  const rounds: { engine: ReturnType<typeof measure>; minimal: ReturnType<typeof measure> }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push({ minimal: measure(minimal, { timeMs: 60, warmupMs: round ? 10 : 100 }), engine: measure(engine, { timeMs: 60, warmupMs: round ? 10 : 100 }) });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
  return {
    engine: { medianNs: median(rounds.map((r) => r.engine.medianNs)), p99Ns: median(rounds.map((r) => r.engine.p99Ns)) },
    minimal: { medianNs: median(rounds.map((r) => r.minimal.medianNs)), p99Ns: median(rounds.map((r) => r.minimal.p99Ns)) },
    ratio: median(rounds.map((r) => r.engine.medianNs / r.minimal.medianNs)),
  };
}

const ll3: Curve = {
  name: 'll3 (fitted form)',
  evaluate: (x) => Math.sign(x) * (410.458 / (1 + (1482.46 / Math.abs(x)) ** 1.154)),
  evaluateBatch(xs, out = new Float64Array(xs.length)) {
    for (let i = 0; i < xs.length; i++) out[i] = this.evaluate(xs[i]);
    return out;
  },
};

/** The part of esbuild's API used here (esbuild is not a direct dependency of the bench). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

/** esbuild (size-limit's bundler) from size-limit's own dependencies, so sizes match `pnpm size`. */
async function loadEsbuild(): Promise<Esbuild> {
  const fromCore = createRequire(path.join(coreDir, 'package.json'));
  const preset = createRequire(fromCore.resolve('@size-limit/preset-small-lib/package.json'));
  const plugin = createRequire(preset.resolve('@size-limit/esbuild/package.json'));
  return (await import(plugin.resolve('esbuild'))) as Esbuild;
}

/**
 * size-limit's own esbuild options (@size-limit/esbuild get-config.js) over the source instead of
 * dist (the two give the same bytes: tsc's ES2022 output adds nothing esbuild keeps), less what
 * size-limit subtracts for an empty project with an import (its ESBUILD_EMPTY_PROJECT_IMPORT*).
 */
async function sizes(esbuild: Esbuild, names: string) {
  const result = await esbuild.build({
    stdin: { contents: `import ${names} from './index'; console.log(${names.replace('* as ', '')})`, resolveDir: path.join(coreDir, 'src/elastic'), loader: 'ts' },
    bundle: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    conditions: ['source'],
    write: false,
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length - 34, gzip: gzipSync(code, { level: 9 }).length - 46, brotli: brotliCompressSync(code).length - 30 };
}

/** kB as size-limit prints them (1000 bytes), so the figures here and `pnpm size` compare directly. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

const suite: BenchSuite = {
  id: 'elastic',
  title: 'Elastic engine: cost per move event and bundle size',
  async run() {
    const minimal = minimalMove();
    const rows: (string | number)[][] = [];
    const add = (name: string, engine: ReturnType<typeof engineMove>) => {
      const r = interleaved(engine.step, minimal);
      engine.done();
      rows.push([name, formatNs(r.engine.medianNs), formatNs(r.engine.p99Ns), formatNs(r.minimal.medianNs), `${r.ratio.toFixed(1)}x`]);
    };
    add('tensile, article curve, pull-to-refresh', engineMove({ pullToRefresh: {} }));
    add('tensile, iOS rubber band', engineMove({ curve: 'ios' }));
    add('tensile, fitted ll3 Curve (tabulated once)', engineMove({ curve: ll3, pullToRefresh: {} }));
    add('tensile, article curve, 3 subscribers', engineMove({ pullToRefresh: {} }, 3));
    add('tensile, article curve, pull-to-refresh + load more (nearEnd on)', engineMove({ pullToRefresh: {}, loadMore: { nearEnd: 200 } }));

    const esbuild = await loadEsbuild();
    const all = await sizes(esbuild, '* as all');
    const engineOnly = await sizes(esbuild, '{ createElastic, attachElastic }');
    const sizeRows = [
      ['@tensile/core/elastic, everything (`import *`, as size-limit checks it)', all],
      ['only createElastic + attachElastic (tree-shaken: no fake host, no extra curves API)', engineOnly],
    ].map(([name, s]) => {
      const v = s as Awaited<ReturnType<typeof sizes>>;
      return [name as string, kB(v.min), kB(v.gzip), kB(v.brotli), v.gzip <= BUDGET_BYTES ? 'within' : `over by ${kB(v.gzip - BUDGET_BYTES)}`];
    });

    return [
      'One touchmove handled by the engine while it holds a pull at the top (fake host: frames, timers and',
      'writes are no-ops, so only engine work is timed), next to a hand-written handler that does the least',
      `a pull needs. Median and 99th percentile per event; each row runs ${ROUNDS} rounds, each timed next to the`,
      'minimal handler, and its ratio is the median of the rounds\' ratios (a load spike hits both sides of one).',
      '',
      table(['per touchmove', 'median', 'p99', 'minimal handler, same rounds', 'vs minimal'], rows),
      '',
      'Before this table was interleaved (issue 11, point 7): 15.0x in the last run of the old bench (baseline timed once,',
      'first), 11.9x on an idle machine before issue 11. Most of a move went into building the new snapshot: spreading',
      'the shown fields over it (`{ ...before, ...next }`) took more time than the rest of the move together; it is now',
      'built field by field. With that and the smaller cuts (edge checks without a copied chain, no copy of an empty',
      'listener set, the layer transform without a trimmed template), the engine before and after, bundled and run in',
      'one process, 40 interleaved rounds of 20,000 moves on the loaded 2-core machine (2026-12-05): 1504 vs 813 ns and',
      '1747 vs 775 ns per move (two runs, the order swapped). A spread with overrides in the gesture machine',
      '(`{ ...gesture, lock, ... }`) made moves five times slower in the same check, so the gesture stays one literal.',
      '',
      `Bundle size of the elastic entry: size-limit's own esbuild options over the source (dist gives the same bytes),`,
      `less size-limit's empty-project offsets, so min+gzip is what \`pnpm size\` prints; budget ${kB(BUDGET_BYTES)} min+gzip.`,
      'The build adds nothing: tsc\'s ES2022 output of each file minifies to the same bytes as its source (checked per',
      'input in esbuild\'s metafile). The 0.7 kB between `pnpm size` (10.33 kB) and the 9.64 kB this section showed',
      'before was that figure being stale: it was measured before the native defaults, the curve contract and the',
      'option-key errors landed; on commit 173116f dist and source both measured 10.33 kB.',
      '',
      '',
      table(['entry', 'min', 'min+gzip', 'min+brotli', 'budget'], sizeRows),
      '',
      'The 7.5 kB budget (issue 11; the 4 kB one was retired) is not met, and cannot be without dropping behaviour.',
      'Floor of this code (2026-12-05, scripted with esbuild\'s mangleProps and the minified text): every internal',
      'property name mangled (gesture, effects, attachment, driver, jobs, options groups) 10.18 kB; and every string of',
      'more than 12 characters emptied too (all error messages, CSS, attribute names) 9.11 kB. So neither short',
      'property names nor moving the messages behind NODE_ENV (which this entry does not do) can reach 7.5 kB: the',
      'logic alone (five inputs, the pure gesture machine, two jobs, page mode, option validation) is over it.',
      '',
      'What each step cost (source, this measure; before issue 11 and the first three rows of the earlier',
      'measure, esbuild `export *` as ESM, within 0.05 kB of this one):',
      '',
      table(
        ['elastic entry at', 'min+gzip', 'change'],
        [
          ['before issue 11 (commit d17351c: one 593-line closure)', '7.09 kB', ''],
          ['engine split into rooms: inputs, pure gesture machine, jobs, writer (e198542)', '8.46 kB', '+1.38 kB'],
          ['+ load more: option group, states, nearEnd, loadMore() (cdfb2fd)', '9.21 kB', '+0.75 kB'],
          ['+ whole-page pull, one engine per element, subscriber re-entry, spring limits (879dbce)', '9.64 kB', '+0.43 kB'],
          ['+ native defaults, curve contract, option-key errors, load-more fixes, doc comments (main at 7b18aac)', '10.35 kB', '+0.71 kB'],
          ['engine.ts split: attachment.ts (lifecycle) and the effect runner (dcad439)', '10.47 kB', '+0.11 kB'],
          ['per move: snapshot built field by field, layer transform without trim (b974b48)', '10.57 kB', '+0.10 kB'],
          ['one actionGroup for pullToRefresh and loadMore; one quiet step helper (300a12f)', '10.54 kB', '-0.03 kB'],
          ['a new gesture built by withPull; one release return', '10.53 kB', '-0.01 kB'],
          ['jobs read their option group; resting load fields, isBusy, one openAttachment', '10.48 kB', '-0.05 kB'],
        ],
      ),
      '',
      'Tried and dropped, as gzip already folds repeats: the shared defaults of pullToRefresh and loadMore as one spread',
      'object (+2 B), a driver.owns(input) for the three sources\' ownership checks (+12 B), a spread in withPull (-4 B,',
      'five times slower moves). What is left is unique logic, not repeated text.',
    ].join('\n');
  },
};

export default suite;
