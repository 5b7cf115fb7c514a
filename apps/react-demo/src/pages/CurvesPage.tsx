// #/curves: switch the damping curve and drag the pad; the plot shows the curve and a dot at the
// live finger distance and displayed offset read from the engine's snapshot.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDamping } from '@tensile/react';
import { ARTICLE_SAMPLES, CURVE_CHOICES, PLOT_RANGE, TEST_IDS, curvePlotSeries, loadCurve, type CurveId, type LoadedCurve } from '@tensile/demo-shared';
import { usePlot } from '../components/usePlot';

export function CurvesPage() {
  const [choice, setChoice] = useState<CurveId>('article');
  const [curve, setCurve] = useState<LoadedCurve | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pad = useRef<HTMLElement | null>(null);
  const [padRef, snapshot] = useDamping({ curve: curve?.option ?? 'article', input: { mouse: true } });
  // One stable ref callback for both the engine and the size read (a new callback per render
  // would detach and re-attach the engine on every frame).
  const setPad = useCallback((el: HTMLElement | null) => {
    pad.current = el;
    padRef(el);
  }, [padRef]);
  const [plotRef, plot] = usePlot({ xLabel: 'finger distance (px)', yLabel: 'displayed offset (px)', legend: false });

  useEffect(() => {
    let live = true;
    setError(null);
    loadCurve(choice, import.meta.env.BASE_URL).then(
      (loaded) => { if (live) setCurve(loaded); },
      (reason: unknown) => { if (live) setError(reason instanceof Error ? reason.message : String(reason)); },
    );
    return () => { live = false; };
  }, [choice]);

  useEffect(() => {
    if (plot && curve) plot.setSeries(curvePlotSeries(curve, pad.current?.clientHeight ?? 220, ARTICLE_SAMPLES));
  }, [plot, curve]);
  useEffect(() => {
    plot?.setMarker(snapshot.edge ? { x: Math.min(snapshot.distance, PLOT_RANGE), y: snapshot.offset } : null);
  }, [plot, snapshot]);

  return (
    <div className="scroll-page">
      <div className="toolbar">
        <label className="field" style={{ flex: 1 }}>
          Curve
          <select className="select" data-testid={TEST_IDS.curveSelect} value={choice} onChange={(event) => setChoice(event.target.value as CurveId)}>
            {CURVE_CHOICES.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
      </div>
      <div className="panel">
        <div className="plot" ref={plotRef} data-testid={TEST_IDS.curvePlot} />
        <p className="page-intro" style={{ padding: '4px 0 0' }}>
          {error ? <span className="error-text">Could not load this curve: {error}</span> : CURVE_CHOICES.find((c) => c.id === choice)!.note}
        </p>
        <div className="readout">
          <span>finger<b>{snapshot.distance.toFixed(0)} px</b></span>
          <span>offset<b>{snapshot.offset.toFixed(1)} px</b></span>
          <span>state<b>{snapshot.state}</b></span>
        </div>
      </div>
      <div className="scroller framed pad" ref={setPad} tabIndex={0} role="region"
        aria-label="Drag pad: pull it up or down" data-testid={TEST_IDS.curvePad}>
        <div className="elastic-content pad-hint">Drag me up or down (touch, mouse or wheel)</div>
      </div>
    </div>
  );
}
