// Records a Chromium performance trace over the DevTools protocol and reads from it what a drag
// costs: how long each input event's listeners ran, and which style/layout work was forced
// synchronously from script (inside an event listener or an animation-frame callback) instead
// of running in the frame's own rendering step.
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number; // µs
  dur?: number; // µs
  pid: number;
  tid: number;
  args?: { data?: { type?: string }; elementCount?: number };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/** Starts tracing; returns a function that stops it and resolves to the trace's events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  return async () => {
    const complete = new Promise<string>((resolve) => {
      cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? ''));
    });
    await cdp.send('Tracing.end');
    const handle = await complete;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle });
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  };
}

export interface DragCost {
  /** Listener time of each dispatched event of `eventType`, ms, in order. */
  handlerMs: number[];
  /** Layouts ('Layout') run synchronously inside script (listeners, rAF callbacks, timers). */
  forcedLayouts: number;
  /** Style recalculations ('UpdateLayoutTree') run synchronously inside script. */
  forcedStyles: number;
  /** Forced layouts inside listeners of `eventType` after its first event. */
  forcedLayoutsAfterFirstMove: number;
  /** All layouts in the renderer's main thread during the trace (frame layouts included). */
  layouts: number;
  /**
   * Style recalculation ('UpdateLayoutTree', forced or in the frame's rendering step) between the
   * first and the last event of `eventType`, per event: ms and elements restyled.
   */
  styleMsPerEvent: number;
  styleElementsPerEvent: number;
  /** Paint ('Paint' of any layer) in the same window, ms per event. */
  paintMsPerEvent: number;
}

const SCRIPT_SCOPES = new Set(['EventDispatch', 'FireAnimationFrame', 'TimerFire', 'FunctionCall']);

/** Reads a trace of one drag made of `eventType` events (e.g. 'touchmove', 'pointermove', 'wheel'). */
export function dragCost(events: TraceEvent[], eventType: string): DragCost {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const dispatches = complete
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType)
    .sort((a, b) => a.ts - b.ts);
  // The renderer main thread is the one that dispatched the input events.
  const main = dispatches[0] ? `${dispatches[0].pid}:${dispatches[0].tid}` : '';
  const onMain = complete.filter((e) => `${e.pid}:${e.tid}` === main);
  const scopes = onMain.filter((e) => SCRIPT_SCOPES.has(e.name));
  const inside = (e: TraceEvent, outer: TraceEvent[]) =>
    outer.some((o) => o !== e && e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0));
  const layouts = onMain.filter((e) => e.name === 'Layout');
  const styles = onMain.filter((e) => e.name === 'UpdateLayoutTree');
  const afterFirst = dispatches.slice(1);
  // The drag's window: from its first event to the end of its last one.
  const last = dispatches[dispatches.length - 1];
  const during = (e: TraceEvent) => !!last && e.ts >= dispatches[0].ts && e.ts <= last.ts + (last.dur ?? 0);
  const perEvent = (list: TraceEvent[], value: (e: TraceEvent) => number) =>
    dispatches.length ? list.filter(during).reduce((sum, e) => sum + value(e), 0) / dispatches.length : Number.NaN;
  return {
    handlerMs: dispatches.map((d) => (d.dur ?? 0) / 1000),
    forcedLayouts: layouts.filter((e) => inside(e, scopes)).length,
    forcedStyles: styles.filter((e) => inside(e, scopes)).length,
    forcedLayoutsAfterFirstMove: layouts.filter((e) => inside(e, afterFirst)).length,
    layouts: layouts.length,
    styleMsPerEvent: perEvent(styles, (e) => (e.dur ?? 0) / 1000),
    styleElementsPerEvent: perEvent(styles, (e) => e.args?.elementCount ?? 0),
    paintMsPerEvent: perEvent(onMain.filter((e) => e.name === 'Paint'), (e) => (e.dur ?? 0) / 1000),
  };
}
