// One suite for the three <PullToRefresh> components (React, Vue, Svelte), so they stay equally
// capable: texts as props (shown and announced), the indicator replaced per state, no render during
// a drag or a refresh, load-more, accessibility (aria-busy, the key shortcut, focus kept) and bad props.
import { describe, expect, it, vi } from 'vitest';
import { ElasticError, type ElasticOptions, type RefreshContext } from '@tensile/core/elastic';
import { createContractHost, flushPromises, pullDown, release, settle, type ContractHost } from './host';

/** The props the three components share, under the same names. */
export interface ComponentProps {
  onRefresh?: (context: RefreshContext) => unknown;
  refreshing?: boolean;
  onRefreshingChange?: (refreshing: boolean) => void;
  onLoadMore?: (context: { signal: AbortSignal }) => unknown;
  hasMore?: boolean;
  options?: ElasticOptions;
  [text: `${string}Text`]: unknown;
}

export interface MountedComponent {
  /** The component's container (the scroll container the engine is bound to). */
  readonly element: HTMLElement;
  /** How often the component (or its replacement indicator) rendered so far. */
  renders(): number;
  update(props: ComponentProps): Promise<void>;
  unmount(): Promise<void>;
}

export interface ComponentHarness {
  readonly name: string;
  /**
   * Mounts the component around a list of three buttons (`<button>item N</button>`). With `custom`
   * the indicator is replaced through the framework's idiom (render prop, named slots, snippets),
   * each drawing `<b data-custom>{state}</b>`.
   */
  mount(props: ComponentProps, custom?: boolean): Promise<MountedComponent>;
  act(fn: () => void | Promise<void>): Promise<void>;
}

const PAST_THRESHOLD_PX = 400;
const SHORT_PULL_PX = 100;

/** The text of the indicator panel the stylesheet shows now ('' when none is shown). */
function shownIndicator(element: HTMLElement): string {
  const panels = [...element.querySelectorAll<HTMLElement>('[data-tensile-indicator] > [data-tensile-when]')];
  return panels
    .filter((panel) => getComputedStyle(panel).display !== 'none')
    .map((panel) => panel.textContent)
    .join('|');
}

/** The footer label the stylesheet shows now. */
function shownFooter(element: HTMLElement): string {
  const labels = [...element.querySelectorAll<HTMLElement>('[data-tensile-footer] [data-tensile-when]')];
  return labels
    .filter((label) => getComputedStyle(label).display !== 'none')
    .map((label) => label.textContent)
    .join('|');
}

const status = (element: HTMLElement) => element.ownerDocument.querySelector('[role=status]')?.textContent ?? '';

function gated() {
  let finish!: () => void;
  const contexts: RefreshContext[] = [];
  const onRefresh = vi.fn((context: RefreshContext) => {
    contexts.push(context);
    return new Promise<void>((resolve) => (finish = resolve));
  });
  return { onRefresh, contexts, finish: () => finish() };
}

export function runComponentContract(h: ComponentHarness): void {
  describe(`component contract: ${h.name}`, () => {
    const withHost = (host: ContractHost, props: ComponentProps): ComponentProps => ({ ...props, options: { host, ...props.options } });

    it('the default indicator shows the text of each state, given as props, and the live region says them', async () => {
      const host = createContractHost();
      const refresh = gated();
      const m = await h.mount(withHost(host, { onRefresh: refresh.onRefresh, pullingText: 'Ziehen', readyText: 'Loslassen', refreshingText: 'Lädt…', completeText: 'Fertig' }));
      expect(shownIndicator(m.element)).toBe('');
      await h.act(() => pullDown(host, m.element, SHORT_PULL_PX));
      expect(shownIndicator(m.element)).toBe('Ziehen');
      expect(m.element.querySelector('[data-tensile-when~=pulling] [data-tensile-arrow]'), 'the arrow').not.toBeNull();
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      expect(shownIndicator(m.element)).toBe('Loslassen');
      expect(status(m.element)).toBe('Loslassen');
      await h.act(() => release(host, m.element));
      expect(shownIndicator(m.element)).toBe('Lädt…');
      expect(m.element.querySelector('[data-tensile-when=refreshing] [data-tensile-spinner]'), 'the spinner').not.toBeNull();
      await h.act(async () => {
        refresh.finish();
        await flushPromises();
        host.advance(400);
      });
      expect(shownIndicator(m.element)).toBe('Fertig');
      expect(status(m.element)).toBe('Fertig');
      await h.act(() => settle(host));
      expect(shownIndicator(m.element)).toBe('');
      await m.unmount();
    });

    it('the indicator is replaced per state through the framework idiom', async () => {
      const host = createContractHost();
      const m = await h.mount(withHost(host, { onRefresh: () => undefined }), true);
      const custom = [...m.element.querySelectorAll('[data-tensile-indicator] b[data-custom]')].map((node) => node.textContent);
      expect(custom).toEqual(['pulling', 'ready', 'refreshing', 'complete', 'error']);
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      expect(shownIndicator(m.element)).toBe('ready');
      await h.act(() => release(host, m.element));
      expect(shownIndicator(m.element)).toBe('refreshing');
      await h.act(async () => {
        await flushPromises();
        settle(host);
      });
      await m.unmount();
    });

    it('renders nothing during a drag, a refresh and its result (the stylesheet follows the engine)', async () => {
      for (const custom of [false, true]) {
        const host = createContractHost();
        const refresh = gated();
        const m = await h.mount(withHost(host, { onRefresh: refresh.onRefresh }), custom);
        const atMount = m.renders();
        await h.act(() => pullDown(host, m.element, SHORT_PULL_PX));
        await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
        await h.act(() => release(host, m.element));
        await h.act(async () => {
          refresh.finish();
          await flushPromises();
          settle(host);
        });
        expect(m.renders() - atMount, `renders after mount (${custom ? 'replaced' : 'default'} indicator)`).toBe(0);
        await m.unmount();
      }
    });

    it('is accessible: focusable, the key shortcut announced, aria-busy while refreshing, focus kept', async () => {
      const host = createContractHost();
      const refresh = gated();
      const m = await h.mount(withHost(host, { onRefresh: refresh.onRefresh }));
      expect(m.element.tabIndex).toBe(0);
      expect(m.element.getAttribute('aria-keyshortcuts')).toBe('r');
      expect(m.element.querySelector('[data-tensile-indicator]')!.getAttribute('aria-hidden'), 'the live region speaks instead').toBe('true');
      const item = [...m.element.querySelectorAll('button')].find((button) => button.textContent === 'item 2')!;
      item.focus();
      await h.act(() => void host.dispatch(m.element, 'keydown', { key: 'r', target: item }));
      expect(refresh.onRefresh).toHaveBeenCalledTimes(1);
      expect(m.element.getAttribute('aria-busy')).toBe('true');
      await h.act(async () => {
        refresh.finish();
        await flushPromises();
        settle(host);
      });
      expect(m.element.hasAttribute('aria-busy')).toBe(false);
      expect(m.element.ownerDocument.activeElement, 'focus after the refresh').toBe(item);
      await m.unmount();
    });

    it('load-more: one footer button whose label follows the engine, noMoreText once hasMore is false, focus kept', async () => {
      const host = createContractHost();
      let finish!: () => void;
      const onLoadMore = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
      const props = (hasMore: boolean) => withHost(host, { onRefresh: () => undefined, onLoadMore, hasMore, loadMoreText: 'Mehr laden', loadingMoreText: 'Lädt mehr…', noMoreText: 'Ende' });
      const m = await h.mount(props(true));
      const buttons = m.element.querySelectorAll<HTMLButtonElement>('[data-tensile-footer] button');
      expect(buttons.length).toBe(1);
      const button = buttons[0];
      expect(shownFooter(m.element)).toBe('Mehr laden');
      button.focus();
      await h.act(() => button.click());
      expect(onLoadMore).toHaveBeenCalledTimes(1);
      expect(shownFooter(m.element)).toBe('Lädt mehr…');
      await h.act(async () => {
        finish();
        await flushPromises();
        settle(host);
      });
      expect(shownFooter(m.element)).toBe('Mehr laden');
      await m.update(props(false));
      await h.act(() => undefined);
      expect(shownFooter(m.element)).toBe('Ende');
      await h.act(() => button.click());
      expect(onLoadMore, 'nothing more to load').toHaveBeenCalledTimes(1);
      expect(m.element.ownerDocument.activeElement, 'focus through loading and done').toBe(button);
      // Taking onLoadMore away turns load-more off (the engine keeps an option left out).
      await m.update(withHost(host, { onRefresh: () => undefined }));
      expect(m.element.querySelector('[data-tensile-footer]'), 'footer gone with onLoadMore').toBeNull();
      expect(m.element.hasAttribute('data-tensile-load-more'), 'load-more off with onLoadMore gone').toBe(false);
      const noFooter = await h.mount(withHost(createContractHost(), { onRefresh: () => undefined }));
      expect(noFooter.element.querySelector('[data-tensile-footer]'), 'no footer without onLoadMore').toBeNull();
      await noFooter.unmount();
      await m.unmount();
    });

    it('unmounting mid-refresh aborts the refresh signal and removes every listener', async () => {
      const host = createContractHost();
      const refresh = gated();
      const m = await h.mount(withHost(host, { onRefresh: refresh.onRefresh }));
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      await h.act(() => release(host, m.element));
      await m.unmount();
      expect(refresh.contexts[0].signal.aborted).toBe(true);
      expect(host.listenerCount()).toBe(0);
    });

    it('unmounting mid-load-more aborts the onLoadMore signal and removes every listener', async () => {
      const host = createContractHost();
      const signals: AbortSignal[] = [];
      const onLoadMore = vi.fn(({ signal }: { signal: AbortSignal }) => new Promise<void>(() => signals.push(signal)));
      const m = await h.mount(withHost(host, { onRefresh: () => undefined, onLoadMore }));
      await h.act(() => m.element.querySelector<HTMLButtonElement>('[data-tensile-footer] button')!.click());
      expect(shownFooter(m.element)).toBe('Loading more…');
      await m.unmount();
      expect(onLoadMore).toHaveBeenCalledTimes(1);
      expect(signals[0].aborted).toBe(true);
      expect(host.listenerCount()).toBe(0);
    });

    it('bad props are an ElasticError naming the prop, the value and what was expected', async () => {
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const cases: [ComponentProps, RegExp][] = [
          [{ onRefresh: 'reload' as never }, /onRefresh is "reload", expected a function/],
          [{ onLoadMore: 5 as never }, /onLoadMore is 5, expected a function/],
          [{ onLoadMore: 'more' as never, hasMore: true }, /onLoadMore is "more", expected a function/],
          [{ onRefresh: null as never }, /onRefresh is null, expected a function/],
          [{ onRefreshingChange: true as never }, /onRefreshingChange is true, expected a function/],
          [{ refreshing: 'yes' as never }, /refreshing is "yes", expected a boolean/],
          [{ hasMore: 0 as never }, /hasMore is 0, expected a boolean/],
          [{ readyText: 42 }, /readyText is 42, expected a string/],
          [{ options: { pullToRefresh: { threshold: NaN } } }, /pullToRefresh\.threshold is NaN/],
        ];
        for (const [props, message] of cases) {
          let thrown: unknown;
          try {
            const m = await h.mount(props);
            await m.unmount();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, String(message)).toBeInstanceOf(ElasticError);
          expect((thrown as ElasticError).code).toBe('E_ELASTIC_OPTION');
          expect((thrown as Error).message).toMatch(message);
        }
        // On an update too: the framework's rerender throws what the shared checks threw.
        const m = await h.mount({ onLoadMore: () => undefined });
        const update = m.update({ onLoadMore: 'more' as never });
        await expect(update).rejects.toThrow(ElasticError);
        await expect(update).rejects.toThrow(/onLoadMore is "more", expected a function/);
        await m.unmount().catch(() => undefined);
      } finally {
        quiet.mockRestore();
        warn.mockRestore();
      }
    });
  });
}
