// <PullToRefresh>: a list wrapper built on useDamping. The wrapper is the scroll container, its
// first child the layer the engine moves; the indicator (one panel per state) sits on top of that
// layer and the load-more button below the list. A stylesheet shows the panel of the engine's
// data-tensile-state, so nothing here renders during a drag. Props and markup are shared with the
// Vue and Svelte components (@tensile/core/elastic/controlled).
import type { HTMLAttributes, ReactNode } from 'react';
import {
  FOOTER_LABELS,
  ICONS,
  INDICATOR_PANELS,
  containerProps,
  invalidBinding,
  PULL_TO_REFRESH_CSS,
  pullToRefreshOptions,
  pullToRefreshTexts,
  type IndicatorState,
  type PullToRefreshProps as SharedProps,
} from '@tensile/core/elastic/controlled';
import { useDamping } from './use-damping.js';

/** The props of `<PullToRefresh>`: the shared ones (onRefresh, onLoadMore, hasMore, texts, options) plus any div attribute. */
export interface PullToRefreshProps extends SharedProps, Omit<HTMLAttributes<HTMLDivElement>, keyof SharedProps | 'children'> {
  /** Replaces the indicator: called once per state at mount (never during a drag), shown while the engine is in it. */
  indicator?: (state: IndicatorState) => ReactNode;
  /** The list: the wrapper is the scroll container and this content moves with the pull. */
  children?: ReactNode;
}

const who = '<PullToRefresh>';
const nothing = () => null;

/**
 * A scrollable list wrapper with pull to refresh, an indicator and (with `onLoadMore`) a load-more
 * footer: the quickest way to the whole feature. Extra props go on the container. Throws ElasticError
 * `E_ELASTIC_OPTION` for a bad prop, naming it.
 */
export function PullToRefresh(props: PullToRefreshProps) {
  const { onLoadMore, indicator, children } = props;
  if (indicator !== undefined && typeof indicator !== 'function') invalidBinding(who, 'indicator', indicator, 'a function of the state');
  const texts = pullToRefreshTexts(props, who);
  const [ref, , , loadMore] = useDamping(pullToRefreshOptions(props, who), nothing);
  // Everything that is not one of ours goes on the container (aria-label, className, style, id...).
  return (
    <div tabIndex={0} {...containerProps(props, ['indicator', 'children'])} ref={ref} data-tensile-pull-to-refresh="">
      <div>
        <div data-tensile-indicator="" aria-hidden="true">
          {INDICATOR_PANELS.map(([state, when, icon]) => (
            <div key={state} data-tensile-when={when}>
              {indicator ? indicator(state) : [<span key="icon" dangerouslySetInnerHTML={{ __html: ICONS[icon] }} />, texts[`${state}Text`]]}
            </div>
          ))}
        </div>
        {children}
        {onLoadMore && (
          <div data-tensile-footer="">
            <button type="button" onClick={() => void loadMore()}>
              {FOOTER_LABELS.map(([text, when]) => (
                <span key={text} data-tensile-when={when}>
                  {when === 'loading' && <span dangerouslySetInnerHTML={{ __html: ICONS.spinner }} />}
                  {texts[text]}
                </span>
              ))}
            </button>
          </div>
        )}
      </div>
      <style>{PULL_TO_REFRESH_CSS}</style>
    </div>
  );
}
