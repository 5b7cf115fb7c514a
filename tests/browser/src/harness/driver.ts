// The engine-neutral browser driver: what a test may do with a page, whichever engine runs it.
// Three implementations, one file each: chromium.ts (playwright-core over the DevTools protocol),
// firefox.ts (WebDriver BiDi, real touch through Firefox's async scrolling) and webkit.ts
// (WebKitWebDriver under Xvfb: real wheel and mouse, touch only as synthetic script events).
//
// Page functions (`evaluate`, `waitForFunction`, `$eval`) are sent to the page as source text,
// so they must be self-contained: no closures over test variables, only their one JSON argument.

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * What a test can ask of an engine. A test lists what it needs; an engine that lacks one of them
 * reports the test as not applicable, with the reason below (never a silent skip).
 */
export type Capability =
  /** Trusted touch events that go through the browser's own input pipeline and scroll natively. */
  | 'touch'
  /** Touch events for assertions that do not depend on native scrolling (WebKit: synthetic ones). */
  | 'touch-events'
  | 'wheel'
  | 'mouse'
  | 'pen'
  | 'keyboard'
  | 'reduced-motion'
  /** `(pointer: coarse)` on a touch page (Chromium's touch emulation; the others report a fine pointer). */
  | 'coarse-pointer'
  | 'color-scheme'
  /** Chromium's DevTools protocol: performance traces, registered listeners, interventions log. */
  | 'devtools';

export interface Point {
  x: number;
  y: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Media {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface ConsoleEntry {
  type: string;
  text: string;
}

export interface DragOptions {
  /** Number of touchmove events between start and end. */
  steps?: number;
  /** Animation frames to hold still at the end before lifting (0 = lift while moving). */
  holdFrames?: number;
  /** Skip the touchEnd (the finger stays down; call end() or cancel() later). */
  keepDown?: boolean;
}

export interface Touch {
  /** True when the events are dispatched from script (untrusted, never scroll natively). */
  readonly synthetic: boolean;
  /** Makes the page a touch screen where that is emulated (Chromium: maxTouchPoints, coarse pointer); call before goto. */
  enable(): Promise<void>;
  start(...points: Point[]): Promise<void>;
  move(...points: Point[]): Promise<void>;
  end(): Promise<void>;
  cancel(): Promise<void>;
  /** One finger from `from` to `to` in `steps` frame-paced moves, then (by default) lifted. */
  drag(from: Point, to: Point, options?: DragOptions): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
  /** One wheel event at the last mouse position (CSS px deltas). */
  wheel(deltaX: number, deltaY: number): Promise<void>;
  /** A pen (pointerType 'pen') press, move or release at (x, y). */
  pen(kind: 'down' | 'move' | 'up', x: number, y: number): Promise<void>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type PageFunction<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

export interface EnginePage {
  readonly engine: EngineName;
  /** console errors and warnings, uncaught page errors and HTTP errors, in order. */
  readonly problems: ConsoleEntry[];
  readonly touch: Touch;
  readonly mouse: Mouse;
  /** Loads `url` and waits for its load event, failing after `timeoutMs` (default NAVIGATE_MS). */
  goto(url: string, timeoutMs?: number): Promise<void>;
  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result> | string, arg?: Arg): Promise<Result>;
  /** Polls `fn` in the page until it returns a truthy value (bounded by the driver's timeout). */
  waitForFunction<Arg = undefined>(fn: PageFunction<Arg, unknown>, arg?: Arg, timeoutMs?: number): Promise<void>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  $eval<Result, Arg = undefined>(selector: string, fn: (el: HTMLElement, arg: Arg) => Result, arg?: Arg): Promise<Result>;
  getAttribute(selector: string, name: string): Promise<string | null>;
  textContent(selector: string): Promise<string | null>;
  computedStyle(selector: string, properties: string[]): Promise<Record<string, string>>;
  /** The first match's box in CSS px of the viewport (throws when nothing matches or it is hidden). */
  box(selector: string): Promise<Box>;
  count(selector: string): Promise<number>;
  /** The first match exists, has a box and is not visibility: hidden. */
  isVisible(selector: string): Promise<boolean>;
  focus(selector: string): Promise<void>;
  /** A real click (mouse input) at the centre of the first match. */
  click(selector: string): Promise<void>;
  /** Presses one key on the focused element (real key input: 'r', 'Enter'). */
  press(key: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Waits `n` animation frames of the page (pacing by frames, not by time). */
  frames(n?: number): Promise<void>;
  close(): Promise<void>;
}

/** Overrides for one launch (the fault tests point these at browsers that hang or fail). */
export interface LaunchOptions {
  /** The browser (Chromium, Firefox) or driver (WebKitWebDriver) executable. */
  executable?: string;
  /** How long starting may take before the launch fails (ms). */
  startMs?: number;
}

/** How long starting a browser may take by default: TENSILE_BROWSER_START_MS or 45 s. */
export const START_MS = Number(process.env.TENSILE_BROWSER_START_MS) || 45_000;
/** How long a page load may take by default: TENSILE_NAVIGATE_MS or 30 s. */
export const NAVIGATE_MS = Number(process.env.TENSILE_NAVIGATE_MS) || 30_000;

export interface EngineBrowser {
  readonly name: EngineName;
  readonly version: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** Opens a blank page of `viewport` CSS px with `media` emulated from the first paint. */
  open(viewport: Viewport, media?: Media): Promise<EnginePage>;
  /** Closes the browser and ends every process it started (idempotent). */
  close(): Promise<void>;
}

/** Why an engine cannot do something, printed in the summary for each test it makes not applicable. */
export const MISSING: Record<EngineName, Partial<Record<Capability, string>>> = {
  chromium: {},
  firefox: {
    'coarse-pointer': 'headless Firefox reports a fine pointer even with touch events on',
    pen: 'WebDriver BiDi pen input is not wired in this harness (Chromium covers the pen path)',
    devtools: 'traces and listener inspection use the Chromium DevTools protocol',
  },
  webkit: {
    touch: 'WebKitGTK has no touch input under WebKitWebDriver (only synthetic, untrusted touch events that never scroll)',
    pen: 'WebKitWebDriver has no pen pointer type',
    'coarse-pointer': 'WebKitGTK has no touch screen here (a fine pointer)',
    'reduced-motion': 'WebKitWebDriver has no media emulation (WebKitGTK takes prefers-reduced-motion and prefers-color-scheme from the GTK settings of the whole browser process)',
    'color-scheme': 'WebKitWebDriver has no media emulation (WebKitGTK takes prefers-reduced-motion and prefers-color-scheme from the GTK settings of the whole browser process)',
    devtools: 'traces and listener inspection use the Chromium DevTools protocol',
  },
};

/** Serializes a page function and its JSON argument into an expression evaluating to a promise. */
export function callExpression(fn: ((arg: never) => unknown) | string, arg: unknown): string {
  if (typeof fn === 'string') return `(async () => (${fn}))()`;
  return `(async () => (${fn.toString()})(${JSON.stringify(arg ?? null)}))()`;
}

/** Rejects with `message` when `promise` is not settled within `ms` (the timer never keeps Node alive). */
export async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (no answer within ${Math.round(ms / 1000)} s)`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
