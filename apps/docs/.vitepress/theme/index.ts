// The default theme (dark mode, phone layout, local search) plus the v-elastic directive and the
// two embedded pieces: a live pull-to-refresh feed and the demos' curve lab.
import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import { ElasticPlugin } from '@tensile/vue';
import LiveFeed from './LiveFeed.vue';
import DemoFrame from './DemoFrame.vue';
import './style.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.use(ElasticPlugin);
    app.component('LiveFeed', LiveFeed);
    app.component('DemoFrame', DemoFrame);
  },
} satisfies Theme;
