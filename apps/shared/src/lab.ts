// The curve lab's logic, framework-free: sample points as editable text, a fit with any core model
// (auto included) run in the browser, the plots of curves and residuals, and the emitted code.
import { fitCurve, parseSamples, type Curve, type FitResult } from '@tensile/core';
import type { ModelCurve } from '@tensile/core/tfjs';
import type { PlotSeries } from './plot';
import { ARTICLE_SAMPLES } from './article-samples';
import { tfjsOnCpu } from './models';

/** The models the lab offers (core/fit's registry names). */
export const LAB_MODELS: readonly { id: string; label: string }[] = [
  { id: 'auto', label: 'auto (best AICc)' },
  { id: 'll3', label: 'll3: d/(1+(e/x)^b)' },
  { id: 'article', label: 'article: a·max/(1+b/x^c)' },
  { id: '4pl', label: '4pl' },
  { id: '5pl', label: '5pl' },
  { id: 'rubberband', label: 'rubberband (iOS form)' },
  { id: 'power', label: 'power: k·x^p' },
  { id: 'expsat', label: 'expsat: d·(1−e^(−x/k))' },
  { id: 'poly:3', label: 'poly:3' },
  { id: 'poly:5', label: 'poly:5' },
];

export type Point = readonly [number, number];

/** The points as the lab's textarea shows them: a CSV with a header. */
export function pointsToText(points: readonly Point[]): string {
  return ['drag_px,offset_px', ...points.map(([x, y]) => `${x},${y}`)].join('\n');
}

export const DEFAULT_LAB_TEXT = pointsToText(ARTICLE_SAMPLES);

/** Parses the textarea with core's CSV reader (header optional; comma, semicolon or tab). Throws its typed errors. */
export function parsePoints(text: string): Point[] {
  const samples = parseSamples(text);
  return Array.from(samples.x, (x, i) => [x, samples.y[i]] as const);
}

export interface LabFit {
  readonly result: FitResult;
  /** Wall time of the fit in the browser, ms. */
  readonly ms: number;
  /** The fitted curve as `tensile fit --emit js` prints it: an ES module exporting damping(x, max), the elastic engine's `curve` unchanged (the Copy button copies it). */
  readonly code: string;
}

export function runLabFit(points: readonly Point[], model: string): LabFit {
  const started = performance.now();
  const result = fitCurve(points as [number, number][], { model });
  const ms = performance.now() - started;
  return { result, ms, code: result.curve.toJS({ name: 'damping' }) };
}

/** Table rows: each parameter with its standard error, then the fit's figures. */
export function fitRows(fit: LabFit): [string, string][] {
  const { result } = fit;
  const rows: [string, string][] = result.paramNames.map((name) => {
    const se = result.stderr[name];
    return [name, `${format(result.params[name])}${se === null ? '' : ` ± ${format(se)}`}`];
  });
  rows.push(['SSE', format(result.sse)], ['RMSE (px)', format(result.rmse)], ['R²', result.r2.toFixed(5)],
    ['AICc', format(result.aicc)], ['monotone', result.monotone ? 'yes' : 'no'],
    ['iterations', `${result.iterations} (${result.stopReason})`], ['time', `${fit.ms.toFixed(1)} ms`]);
  return rows;
}

/** The `auto` candidates ranked by AICc: model, SSE, ΔAICc and Akaike weight (empty for a named model). */
export function selectionRows(fit: LabFit): [string, string, string, string][] {
  return (fit.result.selection ?? []).map((row) => [
    row.model,
    Number.isFinite(row.sse) ? format(row.sse) : 'failed',
    Number.isFinite(row.deltaAicc) ? row.deltaAicc.toFixed(2) : '∞',
    `${(row.weight * 100).toFixed(1)} %`,
  ]);
}

function format(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(4) : String(Number(v.toPrecision(6)));
}

const CURVE_POINTS = 200;

function sampleOver(curve: Curve, xMax: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) x[i] = (i * xMax) / (CURVE_POINTS - 1);
  return { x, y: curve.evaluateBatch(x) };
}

/** The main plot: samples (draggable, series 0), the fitted curve and a loaded TF.js curve. */
export function labPlotSeries(points: readonly Point[], fit: LabFit | null, tfCurve: Curve | null): PlotSeries[] {
  const xMax = points.reduce((widest, [x]) => Math.max(widest, x), 1) * 1.15;
  const series: PlotSeries[] = [
    { label: 'samples', x: points.map(([x]) => x), y: points.map(([, y]) => y), color: '--danger', kind: 'points' },
  ];
  if (fit) {
    series.push({ label: `fit: ${fit.result.model}`, ...sampleOver(fit.result.curve, xMax), color: '--accent' });
    // With auto, the runners-up that are still plausible (ΔAICc under 10) are drawn thin and dashed.
    for (const row of (fit.result.selection ?? []).slice(1).filter((r) => r.curve && r.deltaAicc < 10).slice(0, 3)) {
      series.push({ label: `${row.model} (ΔAICc ${row.deltaAicc.toFixed(1)})`, ...sampleOver(row.curve!, xMax), color: '--muted', dash: [3, 4] });
    }
  }
  if (tfCurve) series.push({ label: `TF.js: ${tfCurve.name}`, ...sampleOver(tfCurve, xMax), color: '--accent-2', dash: [6, 4] });
  return series;
}

/** The residual plot: y − f(x) per sample, and the zero line. */
export function residualSeries(points: readonly Point[], fit: LabFit): PlotSeries[] {
  const xMax = points.reduce((widest, [x]) => Math.max(widest, x), 1) * 1.15;
  return [
    { label: 'zero', x: [0, xMax], y: [0, 0], color: '--muted' },
    { label: 'residual (px)', x: points.map(([x]) => x), y: Array.from(fit.result.residuals), color: '--accent', kind: 'points' },
  ];
}

/** Loads a TF.js model.json picked in the browser (with its .bin shards) as a Curve, through @tensile/core/tfjs. */
export async function loadModelFiles(files: readonly File[]): Promise<ModelCurve> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new Error('pick the model.json (and its .bin weight files) together');
  const manifest = JSON.parse(await json.text()) as { weightsManifest?: { paths?: string[] }[] };
  const paths = (manifest.weightsManifest ?? []).flatMap((group) => group.paths ?? []);
  const shards = await Promise.all(paths.map(async (path) => {
    const base = path.split('/').pop()!;
    const file = files.find((f) => f.name === base);
    if (!file) throw new Error(`model.json lists the weight file "${path}"; pick it together with model.json`);
    return file.arrayBuffer();
  }));
  const { createModelCurve } = await tfjsOnCpu();
  return createModelCurve({ modelJson: await json.text(), weightData: shards }, { name: json.name });
}

/** Loads a TF.js model.json from a URL (relative URLs resolve against the page) as a Curve. */
export async function loadModelUrl(url: string, baseUrl: string): Promise<ModelCurve> {
  const { createModelCurve } = await tfjsOnCpu();
  return createModelCurve(new URL(url, new URL(baseUrl, location.href)).href, { name: url.split('/').slice(-2).join('/') });
}
