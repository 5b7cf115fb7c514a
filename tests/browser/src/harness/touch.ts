// Touch input through the DevTools protocol: Chromium's touch emulation plus
// Input.dispatchTouchEvent, which goes through the same input pipeline (touch-action, passive
// listeners, native scrolling) as a real finger. Moves are paced one per animation frame.
import type { CDPSession, Page } from 'playwright-core';
import type { DragOptions, Point, Touch } from './driver';

export type { DragOptions, Point } from './driver';

/** Waits for `n` animation frames of the page: pacing by frames, not by wall-clock time. */
export async function frames(page: Page, n = 1): Promise<void> {
  // A string, not a function: tsx (used by `pnpm bench`) wraps named inner functions in a
  // `__name` helper that does not exist in the page.
  const count = Math.max(1, Math.floor(n));
  await page.evaluate(`new Promise((resolve) => {
    let left = ${count};
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  })`);
}

export class Touchscreen implements Touch {
  readonly synthetic = false;

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  /** A touchscreen for `page`, through its own DevTools session; `enable()` switches the emulation on. */
  static async enable(page: Page): Promise<Touchscreen> {
    const touch = await Touchscreen.of(page);
    await touch.enable();
    return touch;
  }

  static async of(page: Page): Promise<Touchscreen> {
    return new Touchscreen(page, await page.context().newCDPSession(page));
  }

  private enabled = false;

  /** Touch emulation on (maxTouchPoints > 0, `ontouchstart` in window, a coarse pointer). */
  async enable(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    await this.cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  }

  private async send(type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel', points: Point[]): Promise<void> {
    await this.enable();
    await this.cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id, radiusX: 1, radiusY: 1, force: 1 })),
    });
  }

  start(...points: Point[]): Promise<void> {
    return this.send('touchStart', points);
  }

  move(...points: Point[]): Promise<void> {
    return this.send('touchMove', points);
  }

  end(): Promise<void> {
    return this.send('touchEnd', []);
  }

  cancel(): Promise<void> {
    return this.send('touchCancel', []);
  }

  /** One finger from `from` to `to` in `steps` frame-paced moves, then (by default) lifted. */
  async drag(from: Point, to: Point, opts: DragOptions = {}): Promise<void> {
    const steps = opts.steps ?? 20;
    await this.start(from);
    await frames(this.page);
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await this.move({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
      await frames(this.page);
    }
    // Holding still lets the velocity decay to zero, so a release is judged on distance alone.
    // (No repeated moves: Chromium drops touchmoves that do not change the position.)
    if (opts.holdFrames) await frames(this.page, opts.holdFrames);
    if (!opts.keepDown) await this.end();
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
