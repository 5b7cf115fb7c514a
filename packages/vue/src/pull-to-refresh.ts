// <PullToRefresh>: a list wrapper bound to one engine for the component's life. The container is
// the scroll container, its first child the layer the engine moves; the indicator (one panel per
// state, or the slots #pulling #ready #refreshing #complete #error) sits on top of that layer and
// the load-more button below the list. A stylesheet shows the panel of the engine's state, so the
// component renders only when its props change. Props, markup and checks are shared with the React
// and Svelte components (@tensile/core/elastic/controlled); `v-model:refreshing` controls refreshing.
import { defineComponent, h, onBeforeUnmount, onMounted, shallowRef, toRaw, watch, type PropType, type SlotsType, type VNodeChild } from 'vue';
import {
  FOOTER_LABELS,
  ICONS,
  INDICATOR_PANELS,
  PULL_TO_REFRESH_CSS,
  PULL_TO_REFRESH_PROPS,
  createBinding,
  pullToRefreshOptions,
  pullToRefreshTexts,
  type IndicatorState,
  type PullToRefreshProps,
} from '@tensile/core/elastic/controlled';

const who = '<PullToRefresh>';
/** The props as declared to Vue: every shared prop, typed for Vue's inference only (the shared checks run instead). */
type PropDeclarations = { [K in keyof PullToRefreshProps]-?: { type: PropType<PullToRefreshProps[K]> } };

/**
 * A scrollable list wrapper with pull to refresh, an indicator (or the slots #pulling #ready
 * #refreshing #complete #error) and, with `onLoadMore`, a load-more footer. `v-model:refreshing`
 * controls refreshing; a template ref exposes refresh() and loadMore(). Throws ElasticError
 * `E_ELASTIC_OPTION` for a bad prop, naming it.
 */
export const PullToRefresh = defineComponent({
  name: 'PullToRefresh',
  // Declared without types, so an absent prop stays undefined (a Boolean prop would turn it false,
  // which means controlled) and a wrong one reaches the shared checks, which throw an ElasticError.
  props: PULL_TO_REFRESH_PROPS as unknown as PropDeclarations,
  emits: ['update:refreshing'],
  slots: Object as SlotsType<{ [K in IndicatorState | 'default']?: () => VNodeChild }>,
  setup(props, { slots, emit, expose }) {
    const container = shallowRef<HTMLElement | null>(null);
    const options = () => ({
      ...pullToRefreshOptions({ ...props, options: toRaw(props.options) }, who),
      onRefreshingChange(refreshing: boolean) {
        emit('update:refreshing', refreshing);
        props.onRefreshingChange?.(refreshing);
      },
    });
    const binding = createBinding(options(), who);
    onMounted(() => binding.attach(container.value!));
    // Reads every prop, so any change hands the engine new options (it ignores equal ones).
    watch(options, (next) => binding.update(next), { flush: 'post' });
    onBeforeUnmount(() => binding.destroy());
    expose({ refresh: binding.refresh, loadMore: binding.loadMore });
    const icon = (name: keyof typeof ICONS) => h('span', { innerHTML: ICONS[name] });
    return () => {
      const texts = pullToRefreshTexts(props, who);
      return h('div', { ref: container, tabindex: 0, 'data-tensile-pull-to-refresh': '' }, [
        h('div', [
          h(
            'div',
            { 'data-tensile-indicator': '', 'aria-hidden': 'true' },
            INDICATOR_PANELS.map(([state, when, name]) => h('div', { key: state, 'data-tensile-when': when }, slots[state]?.() ?? [icon(name), texts[`${state}Text`]])),
          ),
          slots.default?.(),
          props.onLoadMore &&
            h('div', { 'data-tensile-footer': '' }, [
              h(
                'button',
                { type: 'button', onClick: () => void binding.loadMore() },
                FOOTER_LABELS.map(([text, when]) => h('span', { key: text, 'data-tensile-when': when }, [when === 'loading' && icon('spinner'), texts[text]])),
              ),
            ]),
        ]),
        h('style', PULL_TO_REFRESH_CSS),
      ]);
    };
  },
});
