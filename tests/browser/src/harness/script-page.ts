// What every engine's page does the same way: DOM reads, waits and frame pacing written once on
// top of the engine's own `evaluate`, so the three drivers only differ in how they send input,
// navigate and evaluate.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Box, ConsoleEntry, DragOptions, EngineName, EnginePage, Mouse, Point, Touch } from './driver';

/** How long a wait for a page condition may take before the test fails with the condition's text. */
export const WAIT_MS = 20_000;

type PageFunction<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

// tsx (used by `pnpm bench`) wraps named inner functions of page functions in a `__name` helper
// that does not exist in the page: define it where the page function's source is evaluated.
const NAME_SHIM = 'const __name = (fn) => fn;';

export abstract class ScriptPage implements EnginePage {
  abstract readonly engine: EngineName;
  abstract readonly touch: Touch;
  abstract readonly mouse: Mouse;
  readonly problems: ConsoleEntry[] = [];

  abstract goto(url: string, timeoutMs?: number): Promise<void>;
  /** Evaluates `expression` (which may be a promise) in the page and returns its JSON value. */
  protected abstract evaluateExpression(expression: string): Promise<unknown>;
  abstract click(selector: string): Promise<void>;
  abstract press(key: string): Promise<void>;
  protected abstract screenshotPng(): Promise<Buffer>;
  abstract close(): Promise<void>;

  async evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result> | string, arg?: Arg): Promise<Result> {
    const call = typeof fn === 'string' ? `(${fn})` : `(${fn.toString()})(${JSON.stringify(arg ?? null)})`;
    // JSON both ways: the same values come back from every engine (undefined as null).
    const text = (await this.evaluateExpression(
      `(async () => { ${NAME_SHIM} const value = await ${call}; return value === undefined ? 'null' : JSON.stringify(value); })()`,
    )) as string;
    return JSON.parse(text) as Result;
  }

  async waitForFunction<Arg = undefined>(fn: PageFunction<Arg, unknown>, arg?: Arg, timeoutMs = WAIT_MS): Promise<void> {
    // Polled inside the page (one round trip), every 16 ms, until truthy or the deadline.
    const met = await this.evaluate(
      `(async () => {
        const check = (${fn.toString()});
        const arg = ${JSON.stringify(arg ?? null)};
        const deadline = performance.now() + ${timeoutMs};
        for (;;) {
          if (await check(arg)) return true;
          if (performance.now() > deadline) return false;
          await new Promise((resolve) => setTimeout(resolve, 16));
        }
      })()`,
    );
    if (!met) throw new Error(`${this.engine}: waited ${timeoutMs / 1000} s for ${fn.toString().slice(0, 300)} (arg ${JSON.stringify(arg)})`);
  }

  waitForSelector(selector: string, timeoutMs = WAIT_MS): Promise<void> {
    return this.waitForFunction((sel) => document.querySelector(sel) !== null, selector, timeoutMs);
  }

  async $eval<Result, Arg = undefined>(selector: string, fn: (el: HTMLElement, arg: Arg) => Result, arg?: Arg): Promise<Result> {
    return this.evaluate(
      `(async () => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) throw new Error('no element matches ' + ${JSON.stringify(selector)});
        return (${fn.toString()})(el, ${JSON.stringify(arg ?? null)});
      })()`,
    );
  }

  getAttribute(selector: string, name: string): Promise<string | null> {
    return this.$eval(selector, (el, attribute) => el.getAttribute(attribute), name);
  }

  textContent(selector: string): Promise<string | null> {
    return this.$eval(selector, (el) => el.textContent);
  }

  computedStyle(selector: string, properties: string[]): Promise<Record<string, string>> {
    return this.$eval(selector, (el, names) => {
      const style = getComputedStyle(el);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    }, properties);
  }

  async box(selector: string): Promise<Box> {
    await this.waitForSelector(selector);
    const found = await this.$eval(selector, (el) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
    });
    if (!found) throw new Error(`${selector} is not visible`);
    return found;
  }

  count(selector: string): Promise<number> {
    return this.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  }

  isVisible(selector: string): Promise<boolean> {
    return this.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
  }

  async focus(selector: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.$eval(selector, (el) => el.focus());
  }

  async selectOption(selector: string, value: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.$eval(selector, (el, wanted) => {
      const select = el as unknown as HTMLSelectElement;
      select.value = wanted;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  async screenshot(file: string): Promise<void> {
    const { writeFile } = await import('node:fs/promises');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await this.screenshotPng());
  }

  async frames(n = 1): Promise<void> {
    await this.evaluate(
      `new Promise((resolve) => {
        let left = ${Math.max(1, Math.floor(n))};
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      })`,
    );
  }
}

/** The frame-paced one-finger drag every touch implementation shares. */
export async function paceDrag(touch: Touch, page: { frames(n?: number): Promise<void> }, from: Point, to: Point, options: DragOptions = {}): Promise<void> {
  const steps = options.steps ?? 20;
  await touch.start(from);
  await page.frames();
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await touch.move({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
    await page.frames();
  }
  // Holding still lets the velocity decay to zero, so a release is judged on distance alone.
  // (No repeated moves: Chromium drops touchmoves that do not change the position.)
  if (options.holdFrames) await page.frames(options.holdFrames);
  if (!options.keepDown) await touch.end();
}
