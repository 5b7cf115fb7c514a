// The pull state the page shows (status line, indicator, busy button): pageState (a pull
// below the threshold shows as idle, so the first move changes nothing here), one task behind the
// engine. Nothing on screen needs it in the frame of the move that changed it (the engine moves the
// content and sets the CSS variables itself), and that first move of a pull is the tightest frame
// of the drag: the page's update runs in its own task right after it instead.
import { computed, ref, watch, type Ref } from 'vue';
import type { ElasticSnapshot, ElasticState } from '@tensile/core/elastic';
import { pageState } from '@tensile/demo-shared';

export function useShownState(snapshot: Readonly<Ref<ElasticSnapshot>>): Readonly<Ref<ElasticState>> {
  const live = computed(() => pageState(snapshot.value.state));
  const shown = ref<ElasticState>(live.value);
  // onCleanup runs before the next change and when the page unmounts: only the last state of a
  // burst is shown, and nothing is set after unmount.
  watch(live, (state, _previous, onCleanup) => {
    const id = setTimeout(() => (shown.value = state));
    onCleanup(() => clearTimeout(id));
  });
  return shown;
}
