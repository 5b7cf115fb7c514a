// The engine's defaults (one object, units in comments) and their one-time resolution and
// validation: internals only ever read a ResolvedOptions.
import { resolveDamping } from './curves';
import { invalidOption } from './errors';
import type { DampingFunction, ElasticAxis, ElasticEdge, ElasticOptions, Host, PullToRefreshOptions } from './types';

const DEFAULTS = {
  axis: 'y' as ElasticAxis,
  curve: 'article' as const,
  max: 500, // px: the article's max
  size: 'auto' as number | 'auto', // px along the axis, measured at the gesture start
  pullToRefresh: {
    threshold: 60, // px
    thresholdIn: 'displayed' as 'finger' | 'displayed',
    velocity: 0, // px/ms at release; 0 = off
    timeout: 10_000, // ms; 0 = never
    minVisibleMs: 400, // ms
    resultMs: 500, // ms
    holdOffset: undefined as number | undefined, // px; default: the threshold as displayed
    edge: 'top' as ElasticEdge,
  },
  input: { touch: true, pen: true, mouse: false, wheel: true, keyboard: 'r' as string | false },
  spring: {
    stiffness: 280, // 1/s^2
    damping: 34, // 1/s (critically damped at 280 is 33.5: no overshoot)
    mass: 1,
    restDelta: 0.5, // px
    restSpeed: 10, // px/s
  },
  moveTarget: 'content' as 'content' | 'indicator',
  reducedMotion: 'auto' as 'auto' | boolean,
  announce: {
    ready: 'Release to refresh',
    refreshing: 'Refreshing',
    complete: 'Refreshed',
    error: 'Refresh failed',
  },
};

/** Every default, frozen (a change here would silently reach every engine). */
export const ELASTIC_DEFAULTS = /* @__PURE__ */ deepFreeze(DEFAULTS);

function deepFreeze<T extends object>(value: T): DeepReadonly<T> {
  for (const inner of Object.values(value)) if (typeof inner === 'object') Object.freeze(inner);
  return Object.freeze(value);
}

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

export interface ResolvedOptions {
  axis: ElasticAxis;
  edges: Record<ElasticEdge, boolean>;
  damp: DampingFunction;
  max: number;
  size: number | 'auto';
  /** null: no pull-to-refresh. */
  ptr: (Required<Omit<PullToRefreshOptions, 'holdOffset' | 'onRefresh'>> & Pick<PullToRefreshOptions, 'holdOffset' | 'onRefresh'>) | null;
  input: typeof DEFAULTS.input;
  spring: typeof DEFAULTS.spring;
  moveTarget: 'content' | 'indicator';
  content: HTMLElement | null | undefined;
  indicator: HTMLElement | null | undefined;
  reducedMotion: 'auto' | boolean;
  host: Host | undefined;
  announce: typeof DEFAULTS.announce | null;
  disabled: boolean;
}

const AXIS_EDGES: Record<ElasticAxis, ElasticEdge[]> = { y: ['top', 'bottom'], x: ['left', 'right'], both: ['top', 'bottom', 'left', 'right'] };

function num(where: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) invalidOption(where, value, `a finite number >= ${min}`);
  return value;
}

function obj<T>(where: string, value: unknown): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidOption(where, value, 'an object');
  return value as Partial<T>;
}

function oneOf<T extends string | boolean>(where: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) invalidOption(where, value, `one of ${allowed.join(', ')}`);
  return value as T;
}

function bool(where: string, value: unknown, fallback: boolean): boolean {
  return oneOf(where, value, [true, false], fallback);
}

/** Validates and resolves user options against ELASTIC_DEFAULTS; throws ElasticError on bad input. */
export function resolveOptions(options: ElasticOptions): ResolvedOptions {
  const o = obj<ElasticOptions>('options', options);
  const D = DEFAULTS;
  const axis = oneOf('axis', o.axis, ['y', 'x', 'both'], D.axis);
  const userEdges = obj<Record<ElasticEdge, boolean>>('edges', o.edges);
  const edges = {} as Record<ElasticEdge, boolean>;
  for (const e of AXIS_EDGES.both) edges[e] = bool(`edges.${e}`, userEdges[e], true) && AXIS_EDGES[axis].includes(e);
  const max = num('max', o.max, 1, D.max);
  const curve = o.curve ?? D.curve;

  let ptr: ResolvedOptions['ptr'] = null;
  if (o.pullToRefresh !== undefined && o.pullToRefresh !== false) {
    const p = o.pullToRefresh === true ? {} : obj<PullToRefreshOptions>('pullToRefresh', o.pullToRefresh);
    const P = D.pullToRefresh;
    if (p.onRefresh !== undefined && typeof p.onRefresh !== 'function') invalidOption('pullToRefresh.onRefresh', p.onRefresh, 'a function');
    ptr = {
      ...P,
      thresholdIn: oneOf('pullToRefresh.thresholdIn', p.thresholdIn, ['finger', 'displayed'], P.thresholdIn),
      holdOffset: p.holdOffset === undefined ? undefined : num('pullToRefresh.holdOffset', p.holdOffset, 0, 0),
      edge: oneOf('pullToRefresh.edge', p.edge, AXIS_EDGES[axis], P.edge),
      onRefresh: p.onRefresh,
    };
    for (const k of ['threshold', 'velocity', 'timeout', 'minVisibleMs', 'resultMs'] as const) {
      ptr[k] = num(`pullToRefresh.${k}`, p[k], k === 'threshold' ? 1 : 0, P[k]);
    }
    if (!edges[ptr.edge]) invalidOption('pullToRefresh.edge', ptr.edge, 'an edge enabled in edges');
  }

  const i = obj<ElasticOptions['input']>('input', o.input) as Partial<typeof D.input>;
  const input = { ...D.input, keyboard: i.keyboard ?? D.input.keyboard };
  for (const k of ['touch', 'pen', 'mouse', 'wheel'] as const) input[k] = bool(`input.${k}`, i[k], D.input[k]);
  if (input.keyboard !== false && (typeof input.keyboard !== 'string' || !input.keyboard)) invalidOption('input.keyboard', input.keyboard, 'a KeyboardEvent.key value or false');
  const s = obj<typeof D.spring>('spring', o.spring);
  const spring = { ...D.spring };
  for (const k of Object.keys(spring) as (keyof typeof spring)[]) spring[k] = num(`spring.${k}`, s[k], 1e-6, spring[k]);
  if (o.host !== undefined && typeof o.host?.listen !== 'function') invalidOption('host', o.host, 'a Host');
  return {
    axis,
    edges,
    damp: resolveDamping(curve, max),
    max,
    size: o.size === 'auto' ? D.size : num('size', o.size, 1, 0) || D.size,
    ptr,
    input,
    spring,
    moveTarget: oneOf('moveTarget', o.moveTarget, ['content', 'indicator'], D.moveTarget),
    content: o.content,
    indicator: o.indicator,
    reducedMotion: oneOf('reducedMotion', o.reducedMotion, ['auto', true, false], D.reducedMotion),
    host: o.host,
    announce: o.announce === false ? null : { ...D.announce, ...obj<typeof D.announce>('announce', o.announce) },
    disabled: bool('disabled', o.disabled, false),
  };
}
