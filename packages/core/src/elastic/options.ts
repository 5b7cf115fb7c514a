// The engine's defaults (one object, units in comments) and their one-time resolution and
// validation: internals only ever read a ResolvedOptions. Validation is table-driven (the kind of
// each field follows from its default, enumerations and minimums are listed once) because the
// elastic entry has a 4 kB min+gzip budget; every error still names option, value and expectation.
import { resolveDamping } from './curves';
import { invalidOption } from './errors';
import type { DampingFunction, ElasticAxis, ElasticEdge, ElasticOptions, Host, PullToRefreshOptions } from './types';

const DEFAULTS = {
  axis: 'y' as ElasticAxis,
  curve: 'article' as const,
  edges: { top: true, bottom: true, left: true, right: true } as Record<ElasticEdge, boolean>, // those of `axis`
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

const EDGES: ElasticEdge[] = ['top', 'bottom', 'left', 'right'];
/** Edges of each axis. */
const AXIS_EDGES = { y: EDGES.slice(0, 2), x: EDGES.slice(2), both: EDGES };
/** The allowed values of every enumerated field, by field name (booleans: true, false). */
const ONE_OF: Record<string, readonly unknown[]> = {
  axis: ['y', 'x', 'both'],
  thresholdIn: ['finger', 'displayed'],
  moveTarget: ['content', 'indicator'],
  reducedMotion: ['auto', true, false],
};
/** Lower bounds of numeric fields by name (default 0; spring fields: MIN_SPRING). */
const MIN: Record<string, number> = { max: 1, size: 1, threshold: 1 };
const MIN_SPRING = 1e-6;

/**
 * One field: `fallback` when undefined, else checked against ONE_OF[key], or booleans when the
 * fallback is boolean, or a finite number >= `min`; anything else is an ElasticError.
 */
function field<T>(where: string, key: string, value: unknown, fallback: T, min = MIN[key] ?? 0): T {
  if (value === undefined) return fallback;
  const allowed = ONE_OF[key] ?? (typeof fallback === 'boolean' && [true, false]);
  if (allowed ? allowed.includes(value) : typeof value === 'number' && value >= min && value < Infinity) return value as T;
  return invalidOption(where, value, allowed ? `one of ${allowed.join(', ')}` : `a finite number >= ${min}`);
}

/** An options object or group: any object but null or an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && !!v && !Array.isArray(v);

/** A nested options object (undefined = {}): anything but a plain object or class instance is an error. */
function obj<T>(where: string, value: unknown): Partial<T> {
  if (value === undefined) return {};
  if (!isObject(value)) invalidOption(where, value, 'an object');
  return value as Partial<T>;
}

/** Resolves every number, boolean and enumerated field of `defaults` from the user's `value` (other strings are left to the caller). */
function group<T extends object>(where: string, value: unknown, defaults: T, min?: number): T {
  const user = obj<Record<string, unknown>>(where, value);
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, d] of Object.entries(defaults)) if (typeof d !== 'string' || ONE_OF[k]) out[k] = field(`${where}.${k}`, k, user[k], d, min);
  return out as T;
}

/** Validates and resolves user options against ELASTIC_DEFAULTS; throws ElasticError on bad input. */
export function resolveOptions(options: ElasticOptions): ResolvedOptions {
  const o = obj<ElasticOptions>('options', options);
  const D = DEFAULTS;
  const top = <K extends keyof ElasticOptions>(key: K, fallback: unknown) => field('' + key, key, o[key], fallback);
  const axis = top('axis', D.axis) as ElasticAxis;
  const edges = group('edges', o.edges, D.edges);
  for (const e of EDGES) edges[e] &&= AXIS_EDGES[axis].includes(e);
  const max = top('max', D.max) as number;

  let ptr: ResolvedOptions['ptr'] = null;
  const p = o.pullToRefresh;
  if (p !== undefined && p !== false) {
    const P = D.pullToRefresh;
    // holdOffset has no default number, so it is checked on its own (>= 0, undefined stays undefined).
    const { holdOffset, ...rest } = P;
    const user = p === true ? {} : obj<PullToRefreshOptions>('pullToRefresh', p);
    ptr = {
      ...group('pullToRefresh', user, rest),
      holdOffset: field('pullToRefresh.holdOffset', '', user.holdOffset, holdOffset),
      edge: user.edge ?? P.edge,
      onRefresh: user.onRefresh,
    };
    if (!AXIS_EDGES[axis].includes(ptr.edge)) invalidOption('pullToRefresh.edge', ptr.edge, `one of ${AXIS_EDGES[axis].join(', ')}`);
    if (!edges[ptr.edge]) invalidOption('pullToRefresh.edge', ptr.edge, 'an edge enabled in edges');
    if (ptr.onRefresh !== undefined && typeof ptr.onRefresh !== 'function') invalidOption('pullToRefresh.onRefresh', ptr.onRefresh, 'a function');
  }

  const input = group('input', o.input, D.input);
  input.keyboard = (o.input as typeof input | undefined)?.keyboard ?? D.input.keyboard;
  if (input.keyboard !== false && (typeof input.keyboard !== 'string' || !input.keyboard)) invalidOption('input.keyboard', input.keyboard, 'a KeyboardEvent.key value or false');
  if (o.host !== undefined && typeof o.host?.listen !== 'function') invalidOption('host', o.host, 'a Host');
  return {
    axis,
    edges,
    damp: resolveDamping(o.curve ?? D.curve, max),
    max,
    size: o.size === 'auto' ? D.size : (top('size', 0) as number) || D.size,
    ptr,
    input,
    spring: group('spring', o.spring, D.spring, MIN_SPRING),
    moveTarget: top('moveTarget', D.moveTarget) as ResolvedOptions['moveTarget'],
    content: o.content,
    indicator: o.indicator,
    reducedMotion: top('reducedMotion', D.reducedMotion) as ResolvedOptions['reducedMotion'],
    host: o.host,
    announce: o.announce === false ? null : { ...D.announce, ...obj<typeof D.announce>('announce', o.announce) },
    disabled: top('disabled', false) as boolean,
  };
}
