// Runs a test file's scenarios in every engine: one `describe` per engine (Chromium, Firefox,
// WebKit) with its own browser, and tests that state what input they need. A test whose needs an
// engine lacks is reported as not applicable with the reason (ctx.skip with a note, which the
// engine summary prints), never left out silently. TENSILE_ENGINES=chromium,firefox narrows a run
// (the summary says which engines were left out).
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { ENGINES, MISSING, type Capability, type EngineBrowser, type EngineName, type LaunchOptions } from './driver';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { launchWebKit } from './webkit';

export const LAUNCHERS: Record<EngineName, (options?: LaunchOptions) => Promise<EngineBrowser>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
};

/** The engines this run covers: all three unless TENSILE_ENGINES names some. */
export function selectedEngines(): EngineName[] {
  const wanted = process.env.TENSILE_ENGINES?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return [...ENGINES];
  const unknown = wanted.filter((name) => !(ENGINES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`TENSILE_ENGINES: unknown engine(s) ${unknown.join(', ')}; expected some of ${ENGINES.join(', ')}`);
  return ENGINES.filter((name) => wanted.includes(name));
}

export interface Needs {
  /** Inputs and features the test uses. */
  needs?: Capability[];
  /** Engines the test is about (a difference of one engine); the others report it not applicable. */
  only?: EngineName[];
  /**
   * Engines where the test is known to fail and the cause is still open, with what was seen. It is
   * not run there and the engine summary lists it as a known failure (never as passed), so the gap
   * stays visible until someone fixes it and removes the entry.
   */
  knownFailure?: Partial<Record<EngineName, string>>;
}

export interface EngineRun {
  readonly name: EngineName;
  /** The launched browser (available inside tests and hooks). */
  readonly browser: EngineBrowser;
  /** A test: runs in every engine that has what `needs` lists, not applicable (with why) elsewhere. */
  test(name: string, needs: Needs, body: (ctx: TestContext) => Promise<void> | void): void;
}

/** Why `engine` cannot run a test needing `needs`, or null when it can. */
export function notApplicable(engine: EngineName, { needs = [], only }: Needs): string | null {
  if (only && !only.includes(engine)) return `a check of ${only.join('/')} behaviour only`;
  const missing = [...new Set(needs.map((need) => MISSING[engine][need]).filter(Boolean))];
  return missing.length ? missing.join('; ') : null;
}

/** One describe per selected engine, named by the engine; `body` declares the tests. */
export function inEachEngine(body: (run: EngineRun) => void): void {
  for (const name of selectedEngines()) {
    describe(name, () => {
      let browser: EngineBrowser | null = null;
      // No browser is started for an engine in which every test of the file is not applicable.
      let applicable = 0;
      beforeAll(async () => {
        if (applicable) browser = await LAUNCHERS[name]();
      });
      afterAll(async () => {
        await browser?.close();
      });
      const run: EngineRun = {
        name,
        get browser() {
          if (!browser) throw new Error(`${name} did not start`);
          return browser;
        },
        test(testName, needs, testBody) {
          if (!notApplicable(name, needs)) applicable++;
          it(testName, async (ctx) => {
            ctx.task.meta.engine = name;
            const reason = notApplicable(name, needs);
            if (reason) return ctx.skip(`not applicable in ${name}: ${reason}`);
            const known = needs.knownFailure?.[name];
            if (known) return ctx.skip(`known failure in ${name}, not run (open, issue 16): ${known}`);
            // Touch a test only needs as events: WebKit's are synthetic, and the result says so.
            if (needs.needs?.includes('touch-events') && name === 'webkit') ctx.task.meta.syntheticTouch = true;
            await testBody(ctx);
          });
        },
      };
      body(run);
    });
  }
}

declare module 'vitest' {
  interface TaskMeta {
    engine?: EngineName;
    syntheticTouch?: boolean;
  }
}
