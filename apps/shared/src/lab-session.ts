// The curve lab's state and actions, framework-free, so the React, Vue and Svelte lab pages only
// render a view and call actions (each binds `subscribe`/`get` its own way). The pure pieces
// (parse, fit, rows, series) are in lab.ts; this holds what changes over a visit: the samples'
// text, the model, the fit, a loaded TF.js curve and the copy button's label.
import type { Curve } from '@tensile/core';
import type { ModelCurve } from '@tensile/core/tfjs';
import { DEFAULT_LAB_TEXT, loadModelFiles, loadModelUrl, parsePoints, pointsToText, runLabFit, type LabFit, type Point } from './lab';
import { COPIED_MS, copyText } from './clipboard';
import { MODEL_PATHS } from './models';

export interface LabView {
  /** The samples' CSV as typed (or as a drag rewrote it). */
  readonly text: string;
  /** The parsed samples (empty when the text does not parse). */
  readonly points: readonly Point[];
  readonly parseError: string | null;
  /** core/fit's model name ('auto' included). */
  readonly model: string;
  readonly fit: LabFit | null;
  readonly fitError: string | null;
  /** A TF.js model loaded from a URL or files, drawn next to the fit. */
  readonly tfCurve: Curve | null;
  readonly tfStatus: string | null;
  readonly modelUrl: string;
  /** The copy button's text: 'Copy', then 'Copied' (or 'Select and copy' without clipboard access). */
  readonly copyLabel: string;
}

export interface LabSession {
  get(): LabView;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  setText(text: string): void;
  setModel(model: string): void;
  setModelUrl(url: string): void;
  /** Fits the current samples with the current model (a failure shows as `fitError`). */
  fit(): void;
  /** Back to the article's samples. */
  reset(): void;
  /** Moves sample `index` (a drag on the plot); refits when a fit is shown. */
  dragPoint(index: number, x: number, y: number): void;
  /** Loads `modelUrl` (relative to the page at `baseUrl`) through @tensile/core/tfjs. */
  loadUrl(baseUrl: string): Promise<void>;
  /** Loads a model.json picked with its .bin shards. */
  loadFiles(files: readonly File[]): Promise<void>;
  copy(): Promise<void>;
  /** Drops pending timers and in-flight loads (their results are ignored) and frees TF.js memory. */
  dispose(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parse(text: string): Pick<LabView, 'points' | 'parseError'> {
  try {
    return { points: parsePoints(text), parseError: null };
  } catch (error) {
    return { points: [], parseError: message(error) };
  }
}

export function createLabSession(): LabSession {
  let view: LabView = {
    text: DEFAULT_LAB_TEXT, ...parse(DEFAULT_LAB_TEXT), model: 'll3', fit: null, fitError: null,
    tfCurve: null, tfStatus: null, modelUrl: MODEL_PATHS.net, copyLabel: 'Copy',
  };
  const listeners = new Set<() => void>();
  let copyTimer: ReturnType<typeof setTimeout> | undefined;
  // Each load gets a number; a result is shown only if no later load started (and no dispose).
  let loadTicket = 0;

  function update(patch: Partial<LabView>) {
    view = { ...view, ...patch };
    for (const listener of [...listeners]) listener();
  }

  function fitted(points: readonly Point[], model: string): Pick<LabView, 'fit' | 'fitError'> {
    try {
      return { fit: runLabFit(points, model), fitError: null };
    } catch (error) {
      return { fit: null, fitError: message(error) };
    }
  }

  async function load(loader: () => Promise<ModelCurve>) {
    const ticket = ++loadTicket;
    update({ tfStatus: 'Loading TF.js…' });
    try {
      const curve = await loader();
      if (ticket !== loadTicket) {
        curve.dispose();
        return;
      }
      (view.tfCurve as ModelCurve | null)?.dispose?.();
      update({
        tfCurve: curve,
        tfStatus: `Loaded ${curve.name} (${curve.compiled ? 'compiled to plain JS' : 'running on TF.js'}): y(500) = ${curve.evaluate(500).toFixed(1)} px`,
      });
    } catch (error) {
      if (ticket === loadTicket) update({ tfStatus: `Could not load the model: ${message(error)}` });
    }
  }

  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setText(text) {
      update({ text, ...parse(text) });
    },
    setModel(model) {
      update({ model });
    },
    setModelUrl(modelUrl) {
      update({ modelUrl });
    },
    fit() {
      if (view.parseError === null) update(fitted(view.points, view.model));
    },
    reset() {
      update({ text: DEFAULT_LAB_TEXT, ...parse(DEFAULT_LAB_TEXT), fit: null, fitError: null });
    },
    dragPoint(index, x, y) {
      if (!Number.isInteger(index) || index < 0 || index >= view.points.length || !Number.isFinite(x) || !Number.isFinite(y)) return;
      const points = view.points.map((point, i): Point => (i === index ? [x, y] : point));
      update({ text: pointsToText(points), points, parseError: null, ...(view.fit ? fitted(points, view.model) : {}) });
    },
    loadUrl: (baseUrl) => load(() => loadModelUrl(view.modelUrl, baseUrl)),
    loadFiles: (files) => load(() => loadModelFiles(files)),
    async copy() {
      if (!view.fit) return;
      // Without clipboard access the code stays selectable, and the button says so.
      update({ copyLabel: await copyText(view.fit.code) });
      clearTimeout(copyTimer);
      copyTimer = setTimeout(() => update({ copyLabel: 'Copy' }), COPIED_MS);
    },
    dispose() {
      clearTimeout(copyTimer);
      loadTicket++;
      (view.tfCurve as ModelCurve | null)?.dispose?.();
      view = { ...view, tfCurve: null, tfStatus: null, copyLabel: 'Copy' };
    },
  };
}
