// #/lab: the curve lab. Type or drag sample points, fit them with any core model (auto included)
// in the browser, see the curve and the residuals, copy the damping() code, load a TF.js model.
import { useEffect, useMemo, useState } from 'react';
import type { Curve } from '@tensile/core';
import type { ModelCurve } from '@tensile/core/tfjs';
import {
  DEFAULT_LAB_TEXT, LAB_MODELS, MODEL_PATHS, TEST_IDS, fitRows, labPlotSeries, loadModelFiles, loadModelUrl,
  parsePoints, pointsToText, residualSeries, runLabFit, selectionRows, type LabFit, type Point,
} from '@tensile/demo-shared';
import { usePlot } from '../components/usePlot';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function LabPage() {
  const [text, setText] = useState(DEFAULT_LAB_TEXT);
  const [model, setModel] = useState('ll3');
  const [fit, setFit] = useState<LabFit | null>(null);
  const [fitError, setFitError] = useState<string | null>(null);
  const [tfCurve, setTfCurve] = useState<Curve | null>(null);
  const [tfStatus, setTfStatus] = useState<string | null>(null);
  const [modelUrl, setModelUrl] = useState<string>(MODEL_PATHS.net);
  const [copied, setCopied] = useState<string | null>(null);

  const parsed = useMemo((): { points: Point[]; error: string | null } => {
    try {
      return { points: parsePoints(text), error: null };
    } catch (error) {
      return { points: [], error: message(error) };
    }
  }, [text]);

  function fitNow(points: readonly Point[]) {
    try {
      setFit(runLabFit(points, model));
      setFitError(null);
    } catch (error) {
      setFit(null);
      setFitError(message(error));
    }
  }

  const [plotRef, plot] = usePlot({
    xLabel: 'finger distance (px)', yLabel: 'offset (px)', height: 260, draggable: 0,
    onDragPoint: (_series, index, x, y) => {
      const points = parsed.points.map((p, i): Point => (i === index ? [x, y] : p));
      setText(pointsToText(points));
      if (fit) fitNow(points);
    },
  });
  const [residualRef, residualPlot] = usePlot({ xLabel: 'finger distance (px)', yLabel: 'residual (px)', height: 160, legend: false });

  useEffect(() => {
    plot?.setSeries(labPlotSeries(parsed.points, fit, tfCurve));
  }, [plot, parsed.points, fit, tfCurve]);
  useEffect(() => {
    if (fit) residualPlot?.setSeries(residualSeries(parsed.points, fit));
  }, [residualPlot, parsed.points, fit]);

  async function loadTf(load: () => Promise<ModelCurve>) {
    setTfStatus('Loading TF.js…');
    try {
      const curve = await load();
      setTfCurve(curve);
      setTfStatus(`Loaded ${curve.name} (${curve.compiled ? 'compiled to plain JS' : 'running on TF.js'}): y(500) = ${curve.evaluate(500).toFixed(1)} px`);
    } catch (error) {
      setTfStatus(`Could not load the model: ${message(error)}`);
    }
  }

  async function copy() {
    if (!fit) return;
    try {
      await navigator.clipboard.writeText(fit.code);
      setCopied('Copied');
    } catch {
      // No clipboard permission (or not a secure context): the code stays selectable.
      setCopied('Select and copy');
    }
    setTimeout(() => setCopied(null), 1500);
  }

  return (
    <div className="scroll-page">
      <div className="lab-grid">
        <div className="panel">
          <label className="field">
            Samples (x = finger distance px, y = offset px)
            <textarea value={text} spellCheck={false} data-testid={TEST_IDS.labPoints} onChange={(event) => setText(event.target.value)} />
          </label>
          {parsed.error && <p className="error-text">{parsed.error}</p>}
          <div className="toolbar" style={{ padding: '10px 0 0' }}>
            <select className="select" style={{ flex: 1 }} value={model} data-testid={TEST_IDS.labModel} aria-label="Model" onChange={(event) => setModel(event.target.value)}>
              {LAB_MODELS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
            <button type="button" className="button" data-testid={TEST_IDS.labFitButton} disabled={parsed.error !== null}
              onClick={() => fitNow(parsed.points)}>Fit</button>
            <button type="button" className="button secondary" onClick={() => setText(DEFAULT_LAB_TEXT)}>Reset</button>
          </div>
        </div>
        <div className="panel">
          <div className="plot" ref={plotRef} data-testid={TEST_IDS.curvePlot} />
          <p className="page-intro" style={{ padding: '4px 0 0' }}>Drag a red point to move a sample; the fit follows.</p>
          <div className="plot" ref={residualRef} style={{ minHeight: 160 }} hidden={!fit} />
        </div>
        {fitError && <p className="panel error-text">{fitError}</p>}
        {fit && (
          <div className="panel">
            <table className="stats">
              <caption className="visually-hidden">Fit results</caption>
              <tbody>
                {fitRows(fit).map(([name, value]) => <tr key={name}><th scope="row">{name}</th><td>{value}</td></tr>)}
              </tbody>
            </table>
            {fit.result.warnings.map((warning) => <p key={warning} className="error-text">{warning}</p>)}
            {fit.result.selection && (
              <table className="stats" style={{ marginTop: 12 }}>
                <caption style={{ textAlign: 'left', fontWeight: 700, padding: '4px 0' }}>auto: candidates by AICc</caption>
                <thead><tr><th scope="col">model</th><th scope="col">SSE</th><th scope="col">ΔAICc</th><th scope="col">weight</th></tr></thead>
                <tbody>
                  {selectionRows(fit).map(([name, sse, delta, weight]) => (
                    <tr key={name}><th scope="row">{name}</th><td>{sse}</td><td>{delta}</td><td>{weight}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
        <div className="panel">
          <div className="toolbar" style={{ padding: '0 0 8px', justifyContent: 'space-between' }}>
            <strong>damping() code</strong>
            <button type="button" className="button secondary" disabled={!fit} onClick={() => void copy()}>{copied ?? 'Copy'}</button>
          </div>
          <pre className="code" data-testid={TEST_IDS.labCode}>{fit ? fit.code : '// Fit a model to see its damping(x, max) code.'}</pre>
        </div>
        <div className="panel">
          <strong>TF.js model</strong>
          <div className="toolbar" style={{ padding: '8px 0 0' }}>
            <input className="select" style={{ flex: 1 }} value={modelUrl} aria-label="model.json URL" onChange={(event) => setModelUrl(event.target.value)} />
            <button type="button" className="button secondary" onClick={() => void loadTf(() => loadModelUrl(modelUrl, import.meta.env.BASE_URL))}>Load URL</button>
          </div>
          <label className="field" style={{ marginTop: 8 }}>
            …or pick model.json with its .bin files
            <input type="file" multiple accept=".json,.bin" onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              if (files.length) void loadTf(() => loadModelFiles(files));
            }} />
          </label>
          {tfStatus && <p className="page-intro" style={{ padding: '6px 0 0' }}>{tfStatus}</p>}
        </div>
      </div>
    </div>
  );
}
