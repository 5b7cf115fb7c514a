// Controlled refreshing, and the one binding object the React, Vue and Svelte adapters wrap, so each
// adapter only binds lifecycle: the binding options (the engine's, plus a controlled `refreshing`
// and `onRefreshingChange`), their checks, one stable onRefresh that waits for a controlled
// `refreshing` to turn false, and refresh()/loadMore() that resolve when settled.
// Subpath "@tensile/core/elastic/controlled": apps that use the engine directly never ship it.
import { describeValue } from '../errors';
import { ElasticError } from './errors';
import { createElastic } from './index';
import type { ElasticEngine, ElasticOptions, RefreshContext } from './types';

/** The options every binding takes: the engine's, plus controlled refreshing. */
export interface BindingOptions extends ElasticOptions {
  /**
   * Controlled mode when a boolean (undefined: the engine alone decides). Turning it true starts a
   * refresh that shows 'refreshing' without calling onRefresh (the app is already fetching). Any
   * refresh then ends once it is false again and onRefresh's promise (if any) has settled, or when
   * `pullToRefresh.timeout` ends it with the error state.
   */
  refreshing?: boolean;
  /**
   * Told `true` when a pull, the key or refresh() starts a refresh, and `false` when one ends that
   * the app did not end itself (uncontrolled, failed, timed out). Vue's `v-model:refreshing` and
   * Svelte's `bind:refreshing` are built on it.
   */
  onRefreshingChange?: (refreshing: boolean) => void;
}

/** One engine bound the way every adapter binds it. */
export interface ElasticBinding {
  readonly engine: ElasticEngine;
  /** Binds the engine to `el`; a controlled `refreshing` that is already true starts a refresh. */
  attach(el: HTMLElement): void;
  /** Unbinds (aborting a running refresh's signal); `attach` may follow. */
  detach(): void;
  /** Hands new binding options to the engine (nothing for equal ones) and follows `refreshing`. */
  update(options: BindingOptions): void;
  /** Starts a refresh as a pull would; resolves when it has settled (shown its result, sprung back). */
  refresh(): Promise<void>;
  /** Loads more as a pull at the end would; resolves when settled (at once without a load-more engine). */
  loadMore(): Promise<void>;
  /** Detaches and destroys the engine (on unmount). */
  destroy(): void;
}

/** Throws the ElasticError every adapter throws for a bad option or prop: `where` is its name. */
export function invalidBinding(who: string, where: string, value: unknown, expected: string): never {
  throw new ElasticError('E_ELASTIC_OPTION', `${who}: ${where} is ${describeValue(value)}, expected ${expected}`, { where, value });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const RESULT_STATES = ['refreshing', 'complete', 'error'];

/**
 * Creates the engine behind a binding. `who` names the adapter entry point in error messages
 * (e.g. `useDamping`, `<PullToRefresh>`).
 */
export function createBinding(options: BindingOptions = {}, who = 'createBinding'): ElasticBinding {
  let userRefresh: ((context: RefreshContext) => unknown) | undefined;
  let changed: BindingOptions['onRefreshingChange'];
  let controlled: boolean | undefined;
  /** Ends the controlled wait of the running refresh. */
  let release: (() => void) | null = null;
  /** The refresh about to start was started by `refreshing` turning true, not by the user. */
  let fromProp = false;
  let attached = false;
  /** Bumped by every detach: a refresh aborted by one tells the app nothing (it is unmounting). */
  let generation = 0;

  // The engine's one onRefresh for the binding's whole life (so setOptions sees no change): calls
  // the user's latest and, in controlled mode, also waits for `refreshing` to turn false.
  const onRefresh = (context: RefreshContext): Promise<unknown> => {
    const byUser = !fromProp;
    const run = generation;
    fromProp = false;
    if (byUser) changed?.(true);
    const waits: unknown[] = [byUser ? userRefresh?.(context) : undefined];
    if (controlled !== undefined) {
      waits.push(
        new Promise<void>((resolve, reject) => {
          release = resolve;
          context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
        }),
      );
    }
    return Promise.all(waits).finally(() => {
      release = null;
      if (controlled !== false && run === generation) changed?.(false);
    });
  };

  /** Checks binding options and turns them into engine options around the stable onRefresh. */
  function engineOptions(next: BindingOptions, first: boolean): ElasticOptions {
    if (!isRecord(next)) invalidBinding(who, 'options', next, 'an options object');
    const { refreshing, onRefreshingChange, ...rest } = next;
    if (refreshing !== undefined && typeof refreshing !== 'boolean') invalidBinding(who, 'refreshing', refreshing, 'a boolean (controlled) or undefined');
    if (onRefreshingChange !== undefined && typeof onRefreshingChange !== 'function') invalidBinding(who, 'onRefreshingChange', onRefreshingChange, 'a function');
    const ptr = rest.pullToRefresh;
    if (isRecord(ptr) && ptr.onRefresh !== undefined && typeof ptr.onRefresh !== 'function') {
      invalidBinding(who, 'pullToRefresh.onRefresh', ptr.onRefresh, 'a function');
    }
    if (typeof refreshing === 'boolean' && ptr === false) invalidBinding(who, 'refreshing', refreshing, 'undefined while pullToRefresh is false');
    // Like the engine's own options, a key left out keeps its last value.
    if ('onRefreshingChange' in next) changed = onRefreshingChange as BindingOptions['onRefreshingChange'];
    if (isRecord(ptr) && 'onRefresh' in ptr) userRefresh = ptr.onRefresh as typeof userRefresh;
    // Controlled refreshing implies pull-to-refresh; `true` (all defaults) becomes an object to carry onRefresh.
    if (ptr === true || isRecord(ptr) || (first && ptr === undefined && refreshing !== undefined)) {
      return { ...rest, pullToRefresh: { ...(isRecord(ptr) ? ptr : {}), onRefresh } };
    }
    return rest;
  }

  /** Starts the refresh a controlled `refreshing` asks for, unless one is already on screen. */
  function startFromProp() {
    if (!attached || RESULT_STATES.includes(engine.getSnapshot().state)) return;
    fromProp = true;
    // The engine calls onRefresh synchronously inside refresh(); reset in case it did not start one.
    void engine.refresh().catch(() => {});
    fromProp = false;
  }

  function follow(next: BindingOptions) {
    if (!('refreshing' in next)) return;
    const before = controlled;
    controlled = next.refreshing;
    if (controlled && !before) startFromProp();
    else if (controlled === false && before) release?.();
  }

  const engine = createElastic(engineOptions(options, true));
  follow(options);

  return {
    engine,
    attach(el) {
      engine.attach(el);
      attached = true;
      if (controlled) startFromProp();
    },
    detach() {
      generation++;
      attached = false;
      engine.detach();
    },
    update(next) {
      engine.setOptions(engineOptions(next, false));
      follow(next);
    },
    refresh: () => engine.refresh(),
    loadMore() {
      const more = (engine as { loadMore?: () => Promise<void> }).loadMore;
      return more ? more() : Promise.resolve();
    },
    destroy() {
      generation++;
      attached = false;
      engine.destroy();
    },
  };
}

export { PULL_TO_REFRESH_TEXTS, PULL_TO_REFRESH_CSS, PULL_TO_REFRESH_PROPS, INDICATOR_PANELS, FOOTER_LABELS, ICONS, containerProps, pullToRefreshOptions, pullToRefreshTexts } from './component';
export type { IndicatorState, PullToRefreshProps, PullToRefreshTexts } from './component';
