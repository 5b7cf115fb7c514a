// The curve switcher's catalogue: the three built-in curves of the elastic engine plus two that
// come from files the project ships (written by `pnpm start`): the article data fitted with ll3,
// and a small neural net loaded through TF.js. Each resolves to an engine `curve` option and to
// the same damping function the engine uses, so the plot shows exactly what the finger feels.
import { resolveDamping, type DampingCurveOption, type ResolvedDamping } from '@tensile/core/elastic';
import { loadFittedCurve, loadNetCurve } from './models';
import type { PlotSeries } from './plot';
export { ARTICLE_SAMPLES } from './article-samples';

export type CurveId = 'article' | 'll3' | 'ios' | 'android' | 'net';

export interface CurveChoice {
  readonly id: CurveId;
  readonly label: string;
  readonly note: string;
}

export const CURVE_CHOICES: readonly CurveChoice[] = [
  { id: 'article', label: 'Article (hand fit)', note: '0.82231·max / (1 + 4338.47 / |x|^1.14791), max = 500' },
  { id: 'll3', label: 'Fitted ll3', note: 'd / (1 + (e/x)^b) fitted to the nine designer samples by pnpm start' },
  { id: 'ios', label: 'iOS rubber band', note: '(1 − 1/(x·0.55/size + 1))·size, UIScrollView’s constant' },
  { id: 'android', label: 'Android stretch', note: 'Android 12 style: an exponential approach to a quarter of the container' },
  { id: 'net', label: 'Neural net (TF.js)', note: 'a small dense net, loaded with TF.js from models/net/model.json' },
];

/** The article curve's `max` and the engine's largest offset, px. */
export const CURVE_MAX = 500;
/** Finger distance the curves page plots, px (a long pull on a phone). */
export const PLOT_RANGE = 1500;
const PLOT_POINTS = 151;

export interface LoadedCurve {
  readonly id: CurveId;
  /** What to pass as the engine's `curve` option. */
  readonly option: DampingCurveOption;
  /** The engine's resolved damping: (finger distance px, container size px) -> offset px. */
  readonly damping: ResolvedDamping;
}

/** Resolves a choice; `baseUrl` is where the demo is served from (the models sit under it). */
export async function loadCurve(id: CurveId, baseUrl: string): Promise<LoadedCurve> {
  let option: DampingCurveOption;
  if (id === 'll3') option = await loadFittedCurve(baseUrl);
  else if (id === 'net') option = await loadNetCurve(baseUrl);
  else option = id;
  return { id, option, damping: resolveDamping(option, CURVE_MAX) };
}

/** The curve sampled over 0..PLOT_RANGE for plotting, for a container `size` px tall. */
export function sampleCurve(curve: LoadedCurve, size: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(PLOT_POINTS);
  const y = new Float64Array(PLOT_POINTS);
  for (let i = 0; i < PLOT_POINTS; i++) {
    x[i] = (i * PLOT_RANGE) / (PLOT_POINTS - 1);
    y[i] = curve.damping(x[i], size);
  }
  return { x, y };
}


/** The curves page's plot: the current curve and the designer samples inside the plotted range. */
export function curvePlotSeries(curve: LoadedCurve, size: number, samples: readonly (readonly [number, number])[]): PlotSeries[] {
  const line = sampleCurve(curve, size);
  const inRange = samples.filter(([x]) => x <= PLOT_RANGE);
  return [
    { label: CURVE_CHOICES.find((c) => c.id === curve.id)!.label, x: line.x, y: line.y, color: '--accent' },
    { label: 'designer samples', x: inRange.map(([x]) => x), y: inRange.map(([, y]) => y), color: '--danger', kind: 'points' },
  ];
}
