// Server rendering: v-elastic adds nothing to the markup and useElastic renders the idle snapshot,
// without touching a browser global (this file runs in node).
import { createSSRApp, defineComponent, h, ref, withDirectives } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { describe, expect, it } from 'vitest';
import { ElasticPlugin, vElastic } from './directive';
import { useElastic } from './use-elastic';

describe('server rendering', () => {
  it('renders v-elastic and useElastic without touching the DOM', async () => {
    expect(typeof document).toBe('undefined');
    const App = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      const snapshot = useElastic(el, { pullToRefresh: true });
      return () => h('main', [
        withDirectives(h('ul', [h('li', 'a')]), [[vElastic, { pullToRefresh: true }]]),
        h('section', { ref: el }, snapshot.value.state),
      ]);
    });
    const html = await renderToString(createSSRApp(App).use(ElasticPlugin));
    expect(html).toBe('<main><ul><li>a</li></ul><section>idle</section></main>');
  });
});
