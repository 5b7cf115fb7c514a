// @vitest-environment jsdom
// Concurrent rendering: renders React throws away (a suspended first render, a transition that is
// superseded) create engines that never attach, so they leave no listener behind.
import { Suspense, useState, useTransition } from 'react';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { countingCurves, createContractHost, pullDown } from '@tensile/adapter-contract';
import { attachElastic, type ElasticOptions } from '@tensile/core/elastic';
import { createFakeHost } from '@tensile/core/elastic/testing';
import { useDamping } from './use-damping';

const singleAttach = (options: ElasticOptions) => {
  const host = createFakeHost();
  const cleanup = attachElastic(host.element(), { ...options, host });
  const count = host.listenerCount();
  cleanup();
  return count;
};

/** Suspends (throws its promise) until `data.value` is set: React throws that render away. */
function List({ options, data }: { options: ElasticOptions; data: { value: string | null; ready: Promise<void> } }) {
  const [ref, pull] = useDamping(options);
  if (data.value === null) throw data.ready;
  const label = data.value;
  return (
    <div ref={ref}>
      <p>{label}</p>
      <output>{pull.state}</output>
    </div>
  );
}

describe('concurrent rendering', () => {
  it('a render that suspends first attaches exactly one engine once it commits', async () => {
    const host = createContractHost();
    const options: ElasticOptions = { host, pullToRefresh: true };
    let resolve!: () => void;
    const data = { value: null as string | null, ready: new Promise<void>((r) => (resolve = r)) };
    data.ready = data.ready.then(() => void (data.value = 'loaded'));
    const view = render(
      <Suspense fallback={<p>loading</p>}>
        <List options={options} data={data} />
      </Suspense>,
    );
    expect(host.listenerCount()).toBe(0);
    await act(async () => {
      resolve();
      await data.ready;
    });
    expect(view.container.textContent).toContain('loaded');
    expect(host.listenerCount()).toBe(singleAttach(options));
    const list = view.container.querySelector<HTMLElement>('div')!;
    await act(async () => pullDown(host, list, 400));
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
    expect(host.listenerCount()).toBe(0);
  });

  it('options changed inside a transition reach the engine without re-attaching', async () => {
    const host = createContractHost();
    let setThreshold!: (value: number) => void;
    function Feed() {
      const [threshold, set] = useState(300);
      const [, startTransition] = useTransition();
      setThreshold = (value) => startTransition(() => set(value));
      const [ref, pull] = useDamping({ host, pullToRefresh: { threshold } });
      return <div ref={ref}><output>{pull.state}</output></div>;
    }
    const view = render(<Feed />);
    const calls = host.listenCalls();
    await act(async () => setThreshold(150));
    expect(host.listenCalls()).toBe(calls);
    const list = view.container.querySelector<HTMLElement>('div')!;
    // 200 px of finger travel: ready only with the new 150 px threshold (finger travel, the default).
    await act(async () => pullDown(host, list, 200));
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
  });
});

describe('re-renders', () => {
  it('never re-tabulate a Curve: equal options do nothing, a new max does not need it, a new Curve is tabulated once', async () => {
    const host = createContractHost();
    const curves = countingCurves();
    const half = curves.make;
    const curve = half();
    let renders = 0;
    function Pad({ max, shape = curve }: { max: number; shape?: ReturnType<typeof half> }) {
      renders++;
      const [ref, pull] = useDamping({ host, curve: shape, max, input: { mouse: true } });
      return <div ref={ref}><output>{pull.offset.toFixed(0)}</output></div>;
    }
    const view = render(<Pad max={300} />);
    const pad = view.container.querySelector('div')!;
    const offset = () => Number(view.container.querySelector('output')!.textContent);
    const afterMount = curves.tabulations;
    // A drag re-renders the pad on every move, each render passing fresh but equal options to
    // setOptions: at most one render per move, so setOptions never hands React a new snapshot (that
    // would loop: render, effect, setOptions, new snapshot, render...).
    renders = 0;
    await act(async () => pullDown(host, pad, 800));
    // Counted once the touch has begun (a gesture adds its own scroll watch); re-renders add none.
    const listens = host.listenCalls();
    const dragRenders = renders;
    expect(dragRenders).toBeGreaterThan(0);
    expect(dragRenders).toBeLessThanOrEqual(20);
    view.rerender(<Pad max={300} />);
    expect(offset()).toBe(300);
    expect(curves.tabulations).toBe(afterMount);
    // A new max reaches the engine (the next move is bounded by it) with the same table.
    view.rerender(<Pad max={200} />);
    await act(async () => host.dispatch(pad, 'touchmove', { touches: [{ identifier: 0, clientX: 100, clientY: 820 }], cancelable: true }));
    expect(offset()).toBe(200);
    expect(curves.tabulations).toBe(afterMount);
    view.rerender(<Pad max={200} shape={half()} />);
    expect(curves.tabulations).toBe(afterMount + 1);
    expect(host.listenCalls()).toBe(listens);
    view.unmount();
  });
});
