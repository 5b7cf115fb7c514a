// #/lab: the curve lab. Type or drag sample points, fit them with any core model (auto included)
// in the browser, see the curve and the residuals, copy the damping() code, load a TF.js model.
// The state and actions are the shared LabSession; this page renders its view.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LAB_MODELS, TEST_IDS, attachLabPlots, createLabSession, fitRows, selectionRows } from '@tensile/demo-shared';

export function LabPage() {
  const [session] = useState(createLabSession);
  const view = useSyncExternalStore(session.subscribe, session.get);
  const plotRef = useRef<HTMLDivElement>(null);
  const residualRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const detach = attachLabPlots(session, plotRef.current!, residualRef.current!);
    return () => {
      detach();
      session.dispose();
    };
  }, [session]);
  const { fit } = view;

  return (
    <div className="scroll-page">
      <div className="lab-grid">
        <div className="panel lab-input">
          <label className="field">
            Samples (x = finger distance px, y = offset px)
            <textarea value={view.text} spellCheck={false} data-testid={TEST_IDS.labPoints} onChange={(event) => session.setText(event.target.value)} />
          </label>
          {view.parseError && <p className="error-text">{view.parseError}</p>}
          <div className="toolbar panel-toolbar">
            <select className="select grow" value={view.model} data-testid={TEST_IDS.labModel} aria-label="Model" onChange={(event) => session.setModel(event.target.value)}>
              {LAB_MODELS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
            <button type="button" className="button" data-testid={TEST_IDS.labFitButton} disabled={view.parseError !== null} onClick={() => session.fit()}>Fit</button>
            <button type="button" className="button secondary" onClick={() => session.reset()}>Reset</button>
          </div>
        </div>
        <div className="panel lab-plots">
          <div className="plot" ref={plotRef} data-testid={TEST_IDS.curvePlot} />
          <p className="note">Drag a red point to move a sample; the fit follows.</p>
          <div className="plot residual-plot" ref={residualRef} hidden={!fit} />
        </div>
        {view.fitError && <p className="panel error-text lab-wide">{view.fitError}</p>}
        {fit && (
          <div className="panel lab-results" data-testid={TEST_IDS.labResults}>
            <table className="stats">
              <caption className="visually-hidden">Fit results</caption>
              <tbody>
                {fitRows(fit).map(([name, value]) => <tr key={name}><th scope="row">{name}</th><td>{value}</td></tr>)}
              </tbody>
            </table>
            {fit.result.warnings.map((warning) => <p key={warning} className="error-text">{warning}</p>)}
            {fit.result.selection && (
              <table className="stats">
                <caption className="table-title">auto: candidates by AICc</caption>
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
        <div className="panel lab-code">
          <div className="toolbar panel-toolbar spread">
            <strong>damping() code</strong>
            <button type="button" className="button secondary" disabled={!fit} onClick={() => void session.copy()}>{view.copyLabel}</button>
          </div>
          <pre className="code" tabIndex={0} aria-label="damping() code" data-testid={TEST_IDS.labCode}>{fit ? fit.code : '// Fit a model to see its damping(x, max) code.'}</pre>
        </div>
        <div className="panel lab-tfjs">
          <strong>TF.js model</strong>
          <div className="toolbar panel-toolbar">
            <input className="select grow" value={view.modelUrl} aria-label="model.json URL" onChange={(event) => session.setModelUrl(event.target.value)} />
            <button type="button" className="button secondary" onClick={() => void session.loadUrl(import.meta.env.BASE_URL)}>Load URL</button>
          </div>
          <label className="field">
            …or pick model.json with its .bin files
            <input type="file" className="file" multiple accept=".json,.bin" onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              if (files.length) void session.loadFiles(files);
            }} />
          </label>
          {view.tfStatus && <p className="note">{view.tfStatus}</p>}
        </div>
      </div>
    </div>
  );
}
