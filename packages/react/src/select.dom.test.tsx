// @vitest-environment jsdom
// useDamping's selector: a component that shows only part of the snapshot re-renders when that
// part changes, not on every move of a drag; bad selectors throw a typed error.
import { act, cleanup, render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContractHost, flushPromises, MOVE_MS, pullDown, release, type ContractHost } from '@tensile/adapter-contract';
import { ElasticError, type ElasticOptions, type ElasticSnapshot } from '@tensile/core/elastic';
import { useDamping, type DampingSelector } from './use-damping';

/** Finger travel past the default threshold (120 px of finger travel). */
const PAST_THRESHOLD_PX = 400;

afterEach(cleanup);

/** pullDown with each event in its own act(), so React renders after every move as in a browser. */
function pullMoveByMove(host: ContractHost, el: HTMLElement, distance: number, steps = 20): void {
  const at = (y: number) => ({ touches: [{ identifier: 0, clientX: 100, clientY: y }], cancelable: true });
  act(() => host.dispatch(el, 'touchstart', at(0)));
  for (let i = 1; i <= steps; i++) {
    host.advance(MOVE_MS);
    act(() => host.dispatch(el, 'touchmove', at((distance * i) / steps)));
  }
}

const byState = (snapshot: ElasticSnapshot) => snapshot.state;

interface ProbeProps {
  options: ElasticOptions;
  log: unknown[];
}

/** Logs what each render selected. */
function Probe({ options, select, log }: ProbeProps & { select: DampingSelector<unknown> }) {
  const [ref, value] = useDamping(options, select);
  log.push(value);
  return (
    <div ref={ref} data-testid="scroller">
      <div>content</div>
    </div>
  );
}

/** The same without a selector: logs the state of each render's snapshot. */
function WholeProbe({ options, log }: ProbeProps) {
  const [ref, snapshot] = useDamping(options);
  log.push(snapshot.state);
  return (
    <div ref={ref} data-testid="scroller">
      <div>content</div>
    </div>
  );
}

function mount(host: ContractHost, select?: DampingSelector<unknown>) {
  const log: unknown[] = [];
  const options: ElasticOptions = { host, pullToRefresh: { onRefresh: () => undefined } };
  const view = render(select ? <Probe options={options} select={select} log={log} /> : <WholeProbe options={options} log={log} />);
  return { log, view, element: view.getByTestId('scroller') };
}

describe('useDamping(options, select)', () => {
  it('re-renders only when the selected value changes during a pull', async () => {
    const host = createContractHost();
    const { log, view, element } = mount(host, byState);
    pullMoveByMove(host, element, PAST_THRESHOLD_PX);
    // 20 moves: one render per state the pull went through, none per move.
    expect(log).toEqual(['idle', 'pulling', 'ready']);
    act(() => release(host, element));
    await act(flushPromises);
    // Frame by frame through the refresh and the spring back: a render per state, none per frame.
    for (let t = 0; t < 20_000 && (host.pendingFrames() || host.pendingTimers()); t += MOVE_MS) act(() => host.advance(MOVE_MS));
    expect(log).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'complete', 'idle']);
    view.unmount();
  });

  it('without a selector, renders on every move (what the selector saves)', () => {
    const host = createContractHost();
    const { log, view, element } = mount(host);
    pullMoveByMove(host, element, PAST_THRESHOLD_PX);
    // The first move only locks the axis; each of the other 19 renders.
    expect(log.length).toBeGreaterThanOrEqual(20);
    view.unmount();
  });

  it('keeps the value from an inline selector stable and follows a new selector', () => {
    const host = createContractHost();
    const log: unknown[] = [];
    const options: ElasticOptions = { host, pullToRefresh: { onRefresh: () => undefined } };
    function Pair({ pick }: { pick: 'state' | 'edge' }) {
      // A new selector every render: an equal result is the previous value, and no extra render.
      const [ref, value] = useDamping(options, (s) => (pick === 'state' ? s.state : s.edge));
      log.push(value);
      return <div ref={ref} data-testid="scroller" />;
    }
    const view = render(<Pair pick="state" />);
    view.rerender(<Pair pick="state" />);
    expect(log).toEqual(['idle', 'idle']);
    act(() => pullDown(host, view.getByTestId('scroller'), 30));
    expect(log).toEqual(['idle', 'idle', 'pulling']);
    view.rerender(<Pair pick="edge" />);
    expect(log).toEqual(['idle', 'idle', 'pulling', 'top']);
    view.unmount();
  });

  it('computes a selection once per snapshot: an object result is stable until the snapshot changes', () => {
    const host = createContractHost();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const select = vi.fn((snapshot: ElasticSnapshot) => ({ state: snapshot.state }));
    const log: unknown[] = [];
    const options: ElasticOptions = { host, pullToRefresh: { onRefresh: () => undefined } };
    try {
      const view = render(<Probe options={options} select={select} log={log} />);
      view.rerender(<Probe options={options} select={select} log={log} />);
      expect(log).toHaveLength(2);
      expect(log[1]).toBe(log[0]);
      expect(select).toHaveBeenCalledTimes(1);
      pullMoveByMove(host, view.getByTestId('scroller'), 100, 5);
      expect(log[log.length - 1]).toEqual({ state: 'pulling' });
      // A getSnapshot that returned a new object per call would have made React warn (and loop).
      expect(quiet).not.toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }
  });

  it('passes the same snapshot object the hook without a selector returns', () => {
    const host = createContractHost();
    const select = vi.fn((snapshot: ElasticSnapshot) => snapshot);
    const { log, view, element } = mount(host, select);
    act(() => pullDown(host, element, 100, 5));
    const last = select.mock.calls[select.mock.calls.length - 1][0];
    expect(log[log.length - 1]).toBe(last);
    expect(last.state).toBe('pulling');
    view.unmount();
  });

  it('renders the idle selection on the server', () => {
    function Feed() {
      const [ref, state] = useDamping({ pullToRefresh: true }, byState);
      return <ul ref={ref} data-state={state} />;
    }
    expect(renderToString(<Feed />)).toBe('<ul data-state="idle"></ul>');
  });

  it.each([
    ['a string', 'state', /useDamping: select is a string, expected a function of the snapshot/],
    ['null', null, /useDamping: select is null, expected a function/],
    ['an object', { state: true }, /useDamping: select is an object, expected a function/],
  ])('throws an ElasticError for a selector that is %s', (_name, select, message) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const host = createContractHost();
      let caught: unknown;
      try {
        render(<Probe options={{ host }} select={select as unknown as DampingSelector<unknown>} log={[]} />);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ElasticError);
      expect((caught as ElasticError).code).toBe('E_ELASTIC_OPTION');
      expect((caught as ElasticError).details.where).toBe('select');
      expect(String((caught as Error).message)).toMatch(message);
      // No engine was attached by the render that threw.
      expect(host.listenCalls()).toBe(0);
    } finally {
      quiet.mockRestore();
    }
  });
});
