// "Copy this into your app": for each demo page, the smallest component that does what the page
// shows, in each framework's own idiom (a React hook, a Vue directive or composable, a Svelte
// action or store). Each snippet is compiled by its framework's compiler in snippets.test.ts.
import type { RouteId } from './routes';

export type Framework = 'react' | 'vue' | 'svelte';

export interface Snippet {
  /** The file the snippet would live in, e.g. 'Feed.tsx'. */
  readonly file: string;
  readonly code: string;
}

const REACT: Record<RouteId, Snippet> = {
  feed: { file: 'Feed.tsx', code: `import { PullToRefresh } from '@tensile/react';

export function Feed({ posts, reload }) {
  // The scroll container, its indicator (spinner, per-state texts, aria-live) and R to refresh.
  return (
    <PullToRefresh onRefresh={({ signal }) => reload(signal)} aria-label="Feed" style={{ height: '100%' }}>
      <ul>{posts.map((post) => <li key={post.id}>{post.text}</li>)}</ul>
    </PullToRefresh>
  );
}
` },
  endless: { file: 'Endless.tsx', code: `import { useDamping } from '@tensile/react';

export function Endless({ posts, loadOlder, hasMore }) {
  // Loads older posts 400 px before the end (or on a pull up at the end) until hasMore is false.
  const [ref, more] = useDamping(
    { loadMore: { onLoadMore: ({ signal }) => loadOlder(signal), nearEnd: 400, hasMore } },
    (snapshot) => snapshot.loadMore,
  );
  return (
    <div ref={ref} style={{ overflow: 'auto', height: '100%' }}>
      {posts.map((post) => <p key={post.id}>{post.text}</p>)}
      <p role="status">{more === 'loading' ? 'Loading…' : more === 'done' ? 'All caught up' : ''}</p>
    </div>
  );
}
` },
  page: { file: 'Page.tsx', code: `import { useEffect } from 'react';
import { useDamping } from '@tensile/react';

export function Page({ children, reload }) {
  const [ref, state] = useDamping({ pullToRefresh: { onRefresh: reload } }, (s) => s.state);
  // The whole page: the engine drives the document's scroller (and turns off the browser's own pull).
  useEffect(() => {
    ref(document.scrollingElement as HTMLElement);
    return () => ref(null);
  }, [ref]);
  return <main aria-busy={state === 'refreshing'}>{children}</main>;
}
` },
  edges: { file: 'Grid.tsx', code: `import { useDamping } from '@tensile/react';

export function Grid({ children }) {
  // Stretches on all four edges; () => null subscribes to nothing (no re-renders at all).
  const [ref] = useDamping({ axis: 'both' }, () => null);
  return <div ref={ref} style={{ overflow: 'auto', height: 400 }}>{children}</div>;
}
` },
  carousel: { file: 'Carousel.tsx', code: `import { useDamping } from '@tensile/react';

export function ListWithCarousel({ cards, rows, reload }) {
  const [listRef] = useDamping({ pullToRefresh: { onRefresh: reload } }, () => null);
  // The engine locks the axis on the first moves: a sideways swipe never starts a pull.
  const [carouselRef] = useDamping({ axis: 'x' }, () => null);
  return (
    <div ref={listRef} style={{ overflow: 'auto', height: '100%' }}>
      <div ref={carouselRef} style={{ display: 'flex', overflowX: 'auto' }}>
        {cards.map((card) => <article key={card.id}>{card.title}</article>)}
      </div>
      {rows.map((row) => <p key={row.id}>{row.text}</p>)}
    </div>
  );
}
` },
  nested: { file: 'Inbox.tsx', code: `import { useDamping } from '@tensile/react';

export function Inbox({ pinned, messages, reload }) {
  // The inner list scrolls on its own; a pull refreshes only once it is back at its top.
  const [ref] = useDamping({ pullToRefresh: { onRefresh: reload } }, () => null);
  return (
    <div ref={ref} style={{ overflow: 'auto', height: '100%' }}>
      <div style={{ overflow: 'auto', height: 260 }}>
        {pinned.map((m) => <p key={m.id}>{m.text}</p>)}
      </div>
      {messages.map((m) => <p key={m.id}>{m.text}</p>)}
    </div>
  );
}
` },
  curves: { file: 'Pad.tsx', code: `import { useDamping } from '@tensile/react';

export function Pad() {
  // 'article', 'ios', 'android', a fitted Curve or a TF.js ModelCurve.
  const [ref, pull] = useDamping({ curve: 'ios', input: { mouse: true } });
  return (
    <div ref={ref} style={{ overflow: 'auto', height: 200 }}>
      <p>finger {pull.distance.toFixed(0)} px, offset {pull.offset.toFixed(1)} px</p>
    </div>
  );
}
` },
  lab: { file: 'Fitted.tsx', code: `import { fitCurve } from '@tensile/core';
import { useDamping } from '@tensile/react';

// Your designer's samples: finger distance (px) -> displayed offset (px).
const { curve } = fitCurve([[0, 0], [500, 90], [1000, 160], [2500, 260], [6000, 347.5]], { model: 'auto' });

export function List({ children }) {
  const [ref] = useDamping({ curve }, () => null);
  return <div ref={ref} style={{ overflow: 'auto', height: '100%' }}>{children}</div>;
}
` },
};

const VUE: Record<RouteId, Snippet> = {
  feed: { file: 'Feed.vue', code: `<script setup lang="ts">
import { PullToRefresh } from '@tensile/vue';

defineProps<{ posts: { id: number; text: string }[]; reload: (signal: AbortSignal) => Promise<void> }>();
</script>

<template>
  <!-- The scroll container, its indicator (spinner, per-state texts, aria-live) and R to refresh. -->
  <PullToRefresh :on-refresh="({ signal }) => reload(signal)" aria-label="Feed" style="height: 100%">
    <ul><li v-for="post in posts" :key="post.id">{{ post.text }}</li></ul>
  </PullToRefresh>
</template>
` },
  endless: { file: 'Endless.vue', code: `<script setup lang="ts">
import { useTemplateRef } from 'vue';
import { useElastic } from '@tensile/vue';

const props = defineProps<{ posts: { id: number; text: string }[]; loadOlder: (signal: AbortSignal) => Promise<void>; hasMore: boolean }>();
const list = useTemplateRef<HTMLElement>('list');
// Loads older posts 400 px before the end (or on a pull up at the end) until hasMore is false.
const pull = useElastic(list, () => ({ loadMore: { onLoadMore: ({ signal }) => props.loadOlder(signal), nearEnd: 400, hasMore: props.hasMore } }));
</script>

<template>
  <div ref="list" style="overflow: auto; height: 100%">
    <p v-for="post in posts" :key="post.id">{{ post.text }}</p>
    <p role="status">{{ pull.loadMore === 'loading' ? 'Loading…' : pull.loadMore === 'done' ? 'All caught up' : '' }}</p>
  </div>
</template>
` },
  page: { file: 'Page.vue', code: `<script setup lang="ts">
import { useElastic } from '@tensile/vue';

const props = defineProps<{ reload: () => Promise<void> }>();
// The whole page: the engine drives the document's scroller (and turns off the browser's own pull).
const pull = useElastic(() => document.scrollingElement as HTMLElement, { pullToRefresh: { onRefresh: () => props.reload() } });
</script>

<template>
  <main :aria-busy="pull.state === 'refreshing'"><slot /></main>
</template>
` },
  edges: { file: 'Grid.vue', code: `<template>
  <!-- Stretches on all four edges (app.use(ElasticPlugin) registers v-elastic). -->
  <div v-elastic="{ axis: 'both' }" style="overflow: auto; height: 400px">
    <slot />
  </div>
</template>
` },
  carousel: { file: 'Carousel.vue', code: `<script setup lang="ts">
defineProps<{ cards: { id: number; title: string }[]; rows: { id: number; text: string }[]; reload: () => Promise<void> }>();
</script>

<template>
  <div v-elastic="{ pullToRefresh: { onRefresh: reload } }" style="overflow: auto; height: 100%">
    <!-- The engine locks the axis on the first moves: a sideways swipe never starts a pull. -->
    <div v-elastic="{ axis: 'x' }" style="display: flex; overflow-x: auto">
      <article v-for="card in cards" :key="card.id">{{ card.title }}</article>
    </div>
    <p v-for="row in rows" :key="row.id">{{ row.text }}</p>
  </div>
</template>
` },
  nested: { file: 'Inbox.vue', code: `<script setup lang="ts">
defineProps<{ pinned: { id: number; text: string }[]; messages: { id: number; text: string }[]; reload: () => Promise<void> }>();
</script>

<template>
  <!-- The inner list scrolls on its own; a pull refreshes only once it is back at its top. -->
  <div v-elastic="{ pullToRefresh: { onRefresh: reload } }" style="overflow: auto; height: 100%">
    <div style="overflow: auto; height: 260px">
      <p v-for="m in pinned" :key="m.id">{{ m.text }}</p>
    </div>
    <p v-for="m in messages" :key="m.id">{{ m.text }}</p>
  </div>
</template>
` },
  curves: { file: 'Pad.vue', code: `<script setup lang="ts">
import { useTemplateRef } from 'vue';
import { useElastic } from '@tensile/vue';

// 'article', 'ios', 'android', a fitted Curve or a TF.js ModelCurve.
const pad = useTemplateRef<HTMLElement>('pad');
const pull = useElastic(pad, { curve: 'ios', input: { mouse: true } });
</script>

<template>
  <div ref="pad" style="overflow: auto; height: 200px">
    <p>finger {{ pull.distance.toFixed(0) }} px, offset {{ pull.offset.toFixed(1) }} px</p>
  </div>
</template>
` },
  lab: { file: 'Fitted.vue', code: `<script setup lang="ts">
import { fitCurve } from '@tensile/core';

// Your designer's samples: finger distance (px) -> displayed offset (px).
const { curve } = fitCurve([[0, 0], [500, 90], [1000, 160], [2500, 260], [6000, 347.5]], { model: 'auto' });
</script>

<template>
  <div v-elastic="{ curve }" style="overflow: auto; height: 100%">
    <slot />
  </div>
</template>
` },
};

const SVELTE: Record<RouteId, Snippet> = {
  feed: { file: 'Feed.svelte', code: `<script lang="ts">
  import { PullToRefresh } from '@tensile/svelte';

  let { posts, reload }: { posts: { id: number; text: string }[]; reload: (signal: AbortSignal) => Promise<void> } = $props();
</script>

<!-- The scroll container, its indicator (spinner, per-state texts, aria-live) and R to refresh. -->
<PullToRefresh onRefresh={({ signal }) => reload(signal)} aria-label="Feed" style="height: 100%">
  <ul>{#each posts as post (post.id)}<li>{post.text}</li>{/each}</ul>
</PullToRefresh>
` },
  endless: { file: 'Endless.svelte', code: `<script lang="ts">
  import { elasticStore } from '@tensile/svelte';

  let { posts, loadOlder, hasMore }: { posts: { id: number; text: string }[]; loadOlder: (signal: AbortSignal) => Promise<void>; hasMore: boolean } = $props();
  // Loads older posts 400 px before the end (or on a pull up at the end) until hasMore is false.
  const pull = elasticStore({ loadMore: { onLoadMore: ({ signal }) => loadOlder(signal), nearEnd: 400 } });
  $effect(() => pull.engine.setOptions({ loadMore: { hasMore } }));
</script>

<div use:pull.action style="overflow: auto; height: 100%">
  {#each posts as post (post.id)}<p>{post.text}</p>{/each}
  <p role="status">{$pull.loadMore === 'loading' ? 'Loading…' : $pull.loadMore === 'done' ? 'All caught up' : ''}</p>
</div>
` },
  page: { file: 'Page.svelte', code: `<script lang="ts">
  import type { Snippet } from 'svelte';
  import { elastic } from '@tensile/svelte';

  let { children, reload }: { children: Snippet; reload: () => Promise<void> } = $props();
  // The whole page: the engine drives the document's scroller (and turns off the browser's own pull).
  $effect(() => {
    const binding = elastic(document.scrollingElement as HTMLElement, { pullToRefresh: { onRefresh: () => reload() } });
    return () => binding?.destroy?.();
  });
</script>

<main>{@render children()}</main>
` },
  edges: { file: 'Grid.svelte', code: `<script lang="ts">
  import type { Snippet } from 'svelte';
  import { elastic } from '@tensile/svelte';

  let { children }: { children: Snippet } = $props();
</script>

<!-- Stretches on all four edges. -->
<div use:elastic={{ axis: 'both' }} style="overflow: auto; height: 400px">{@render children()}</div>
` },
  carousel: { file: 'Carousel.svelte', code: `<script lang="ts">
  import { elastic } from '@tensile/svelte';

  let { cards, rows, reload }: { cards: { id: number; title: string }[]; rows: { id: number; text: string }[]; reload: () => Promise<void> } = $props();
</script>

<div use:elastic={{ pullToRefresh: { onRefresh: reload } }} style="overflow: auto; height: 100%">
  <!-- The engine locks the axis on the first moves: a sideways swipe never starts a pull. -->
  <div use:elastic={{ axis: 'x' }} style="display: flex; overflow-x: auto">
    {#each cards as card (card.id)}<article>{card.title}</article>{/each}
  </div>
  {#each rows as row (row.id)}<p>{row.text}</p>{/each}
</div>
` },
  nested: { file: 'Inbox.svelte', code: `<script lang="ts">
  import { elastic } from '@tensile/svelte';

  let { pinned, messages, reload }: { pinned: { id: number; text: string }[]; messages: { id: number; text: string }[]; reload: () => Promise<void> } = $props();
</script>

<!-- The inner list scrolls on its own; a pull refreshes only once it is back at its top. -->
<div use:elastic={{ pullToRefresh: { onRefresh: reload } }} style="overflow: auto; height: 100%">
  <div style="overflow: auto; height: 260px">
    {#each pinned as m (m.id)}<p>{m.text}</p>{/each}
  </div>
  {#each messages as m (m.id)}<p>{m.text}</p>{/each}
</div>
` },
  curves: { file: 'Pad.svelte', code: `<script lang="ts">
  import { elasticStore } from '@tensile/svelte';

  // 'article', 'ios', 'android', a fitted Curve or a TF.js ModelCurve.
  const pull = elasticStore({ curve: 'ios', input: { mouse: true } });
</script>

<div use:pull.action style="overflow: auto; height: 200px">
  <p>finger {$pull.distance.toFixed(0)} px, offset {$pull.offset.toFixed(1)} px</p>
</div>
` },
  lab: { file: 'Fitted.svelte', code: `<script lang="ts">
  import type { Snippet } from 'svelte';
  import { fitCurve } from '@tensile/core';
  import { elastic } from '@tensile/svelte';

  let { children }: { children: Snippet } = $props();
  // Your designer's samples: finger distance (px) -> displayed offset (px).
  const { curve } = fitCurve([[0, 0], [500, 90], [1000, 160], [2500, 260], [6000, 347.5]], { model: 'auto' });
</script>

<div use:elastic={{ curve }} style="overflow: auto; height: 100%">{@render children()}</div>
` },
};

const SNIPPETS: Record<Framework, Record<RouteId, Snippet>> = { react: REACT, vue: VUE, svelte: SVELTE };

/** The snippet of `route` for `framework`. */
export function snippetFor(framework: Framework, route: RouteId): Snippet {
  return SNIPPETS[framework][route];
}
