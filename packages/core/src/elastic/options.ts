// The engine's defaults (one object, units in comments) and their one-time resolution and
// validation: internals only ever read a ResolvedOptions. Validation is table-driven (the kind of
// each field follows from its default; enumerations and minimums are listed once; the top level is
// checked like a group) to keep the elastic entry small; every error still names option, value and
// expectation.
import { resolveDamping } from './curves';
import { ElasticError, invalidOption } from './errors';
import type { ResolvedDamping, ElasticAxis, ElasticEdge, ElasticOptions, Host, LoadMoreOptions, PullToRefreshOptions } from './types';

const DEFAULTS = {
  axis: 'y' as ElasticAxis,
  // The UIScrollView rubber band (c = 0.55 over the container): 52 px at 100 px of finger travel on a phone.
  curve: 'ios' as const,
  edges: { top: true, bottom: true, left: true, right: true } as Record<ElasticEdge, boolean>, // those of `axis`
  max: 500, // px: the article's max
  size: 'auto' as number | 'auto', // px along the axis, measured at the gesture start
  pullToRefresh: {
    // Finger travel, as native pulls arm (iOS about 117 px, Android 64 dp at drag rate 0.5 = 128
    // dp, Ionic on iOS 16% of the scroller): the same arm point for any curve and container.
    threshold: 120, // px
    thresholdIn: 'finger' as 'finger' | 'displayed',
    velocity: 0, // px/ms at release; 0 = off
    timeout: 10_000, // ms; 0 = never
    minVisibleMs: 400, // ms
    resultMs: 500, // ms
    holdOffset: undefined as number | undefined, // px; default: the threshold as displayed
    edge: 'top' as ElasticEdge,
  },
  // Load more at the end edge: the thresholds and times of pullToRefresh (a test keeps them equal).
  loadMore: {
    threshold: 120, // px of finger travel
    thresholdIn: 'finger' as 'finger' | 'displayed',
    velocity: 0, // px/ms at release; 0 = off
    timeout: 10_000, // ms; 0 = never
    minVisibleMs: 400, // ms
    resultMs: 500, // ms
    nearEnd: false as number | false, // px from the end edge that start a load without a pull
    hasMore: true,
    edge: 'bottom' as ElasticEdge,
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
    loadingMore: 'Loading more',
  },
  disabled: false,
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
  damp: ResolvedDamping;
  max: number;
  size: number | 'auto';
  /** null: no pull-to-refresh. */
  ptr: (Required<Omit<PullToRefreshOptions, 'holdOffset' | 'onRefresh'>> & Pick<PullToRefreshOptions, 'holdOffset' | 'onRefresh'>) | null;
  /** null: no load more. */
  more: (Required<Omit<LoadMoreOptions, 'onLoadMore'>> & Pick<LoadMoreOptions, 'onLoadMore'>) | null;
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
/** By field name: the allowed values of an enumerated field, or the lowest allowed number (default 0). */
const RULES: Record<string, readonly unknown[] | number> = {
  axis: ['y', 'x', 'both'],
  thresholdIn: ['finger', 'displayed'],
  moveTarget: ['content', 'indicator'],
  reducedMotion: ['auto', true, false],
  max: 1,
  size: 1,
  threshold: 1,
};
/** Lowest spring parameter: a zero stiffness, mass or rest band never settles. */
const MIN_SPRING = 1e-6;
/** Highest spring rate, 1/s: sqrt(stiffness / mass) and damping / (2 mass) up to this (a settle in microseconds, far below one frame). */
const MAX_SPRING_RATE = 1e6;

/**
 * One field: `fallback` when undefined, else checked against RULES[key]: its values, or booleans
 * when the fallback is boolean, or a finite number >= the minimum; anything else is an ElasticError.
 */
function field<T>(where: string, key: string, value: unknown, fallback: T, min = 0): T {
  if (value === undefined) return fallback;
  const rule = RULES[key] ?? (typeof fallback === 'boolean' ? [true, false] : min);
  if (typeof rule === 'object' ? rule.includes(value) : typeof value === 'number' && value >= rule && value < Infinity) return value as T;
  return invalidOption(where, value, typeof rule === 'object' ? `one of ${rule.join(', ')}` : `a finite number >= ${rule}`);
}

/** An options object or group: any object but null or an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && !!v && !Array.isArray(v);

/** Keys without a default to list them (functions and elements), by group. */
const EXTRA_KEYS: Record<string, string[]> = { options: ['content', 'indicator', 'host'], pullToRefresh: ['onRefresh'], loadMore: ['onLoadMore'] };

/** The keys of a group ('options': the top level): its defaults' and EXTRA_KEYS. */
const keysOf = (where: string): string[] => Object.keys((where === 'options' ? DEFAULTS : DEFAULTS[where as keyof typeof DEFAULTS]) ?? {}).concat(EXTRA_KEYS[where] ?? []);

/**
 * Throws for a key the group does not have (dropping it would silently ignore, say, a top-level
 * onRefresh), naming the groups that do have it (every group of DEFAULTS, so a new one is covered
 * by adding its defaults). Own enumerable keys only, as the options are read.
 */
function checkKeys(where: string, user: Record<string, unknown>): void {
  for (const key of Object.keys(user)) {
    if (keysOf(where).includes(key)) continue;
    const homes = ['options', ...Object.keys(DEFAULTS)].filter((g) => g === 'options' || isObject(DEFAULTS[g as keyof typeof DEFAULTS])).filter((g) => keysOf(g).includes(key));
    const hint = homes.length ? `did you mean ${homes.map((g) => (g === 'options' ? key : `${g}.${key}`)).join(' or ')}?` : `expected one of ${keysOf(where).join(', ')}`;
    throw new ElasticError('E_ELASTIC_OPTION', `createElastic: ${where}.${key} is not an option; ${hint}`, { where: `${where}.${key}`, value: user[key] });
  }
}

/** A nested options object (undefined = {}): anything but a plain object or class instance is an error, and so is a key it does not have. */
function obj<T>(where: string, value: unknown): Partial<T> {
  if (value === undefined) return {};
  if (!isObject(value)) invalidOption(where, value, 'an object');
  checkKeys(where, value);
  return value as Partial<T>;
}

/**
 * Checks every number, boolean and enumerated field of `defaults` in the user's `value` (named
 * `prefix` + key); strings without a rule and nested groups are left to the caller.
 */
function group<T extends object>(where: string, value: unknown, defaults: T, min?: number, prefix = where + '.'): T {
  const user = obj<Record<string, unknown>>(where, value);
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, d] of Object.entries(defaults)) if (!/^[so]/.test(typeof d) || RULES[k]) out[k] = field(prefix + k, k, user[k], d, min);
  return out as T;
}

/**
 * An action's group (pullToRefresh, loadMore): null when off (undefined, false), every default for
 * `true`; its edge on the axis and enabled, its handler a function. `nearEnd` is left to the caller.
 */
function actionGroup<Resolved>(where: string, value: unknown, defaults: { edge: ElasticEdge }, handler: string, on: ElasticEdge[], edges: Record<ElasticEdge, boolean>): Resolved | null {
  if (value === undefined || value === false) return null;
  const { nearEnd: _nearEnd, ...user } = obj<Record<string, unknown>>(where, value === true ? {} : value);
  const resolved: Record<string, unknown> & { edge: ElasticEdge } = { ...group(where, user, defaults), edge: (user.edge ?? defaults.edge) as ElasticEdge, [handler]: user[handler] };
  if (!on.includes(resolved.edge)) invalidOption(where + '.edge', resolved.edge, `one of ${on.join(', ')}`);
  if (!edges[resolved.edge]) invalidOption(where + '.edge', resolved.edge, 'an edge enabled in edges');
  if (resolved[handler] !== undefined && typeof resolved[handler] !== 'function') invalidOption(`${where}.${handler}`, resolved[handler], 'a function');
  return resolved as Resolved;
}

/** Validates and resolves user options against ELASTIC_DEFAULTS; throws ElasticError on bad input. */
export function resolveOptions(options: ElasticOptions): ResolvedOptions {
  const D = DEFAULTS;
  // axis, max, moveTarget, reducedMotion, disabled; the rest below.
  const top = group('options', options, D, 0, '');
  const o = options as ElasticOptions;
  const edges = group('edges', o.edges, D.edges);
  for (const e of EDGES) edges[e] &&= AXIS_EDGES[top.axis].includes(e);

  const on = AXIS_EDGES[top.axis];
  const ptr = actionGroup<NonNullable<ResolvedOptions['ptr']>>('pullToRefresh', o.pullToRefresh, D.pullToRefresh, 'onRefresh', on, edges);
  const more = actionGroup<NonNullable<ResolvedOptions['more']>>('loadMore', o.loadMore, D.loadMore, 'onLoadMore', on, edges);
  if (more) {
    // One job per edge: a refresh and a load never share one.
    if (more.edge === ptr?.edge) invalidOption('loadMore.edge', more.edge, `an edge other than pullToRefresh.edge (${ptr.edge})`);
    more.nearEnd = (o.loadMore as LoadMoreOptions).nearEnd ?? false;
    if (more.nearEnd !== false && !(typeof more.nearEnd === 'number' && more.nearEnd >= 0 && more.nearEnd < Infinity)) {
      invalidOption('loadMore.nearEnd', more.nearEnd, 'false or a finite number >= 0');
    }
  }

  const spring = group('spring', o.spring, D.spring, MIN_SPRING);
  // Past these rates the closed-form spring overflows doubles (NaN offsets); no display needs them.
  if (!(spring.stiffness / spring.mass <= MAX_SPRING_RATE ** 2)) {
    invalidOption('spring.stiffness / spring.mass', spring.stiffness / spring.mass, `at most ${MAX_SPRING_RATE ** 2} (1/s^2)`);
  }
  if (!(spring.damping / spring.mass <= 2 * MAX_SPRING_RATE)) invalidOption('spring.damping / spring.mass', spring.damping / spring.mass, `at most ${2 * MAX_SPRING_RATE} (1/s)`);

  const input = group('input', o.input, D.input);
  const key = (input.keyboard = o.input?.keyboard ?? D.input.keyboard);
  if (key !== false && (typeof key !== 'string' || !key)) invalidOption('input.keyboard', key, 'a KeyboardEvent.key value or false');
  if (o.host !== undefined && typeof o.host?.listen !== 'function') invalidOption('host', o.host, 'a Host');
  return {
    axis: top.axis,
    edges,
    damp: resolveDamping(o.curve ?? D.curve, top.max),
    max: top.max,
    size: o.size === 'auto' ? D.size : field('size', 'size', o.size, D.size),
    ptr,
    more,
    input,
    spring,
    moveTarget: top.moveTarget,
    content: o.content,
    indicator: o.indicator,
    reducedMotion: top.reducedMotion,
    host: o.host,
    announce: o.announce === false ? null : { ...D.announce, ...obj<typeof D.announce>('announce', o.announce) },
    disabled: top.disabled,
  };
}
