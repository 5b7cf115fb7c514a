// The SVG of `tensile fit --plot`: samples, the fitted curve(s) over the data range and 25% beyond
// (where polynomials show their divergence), and a residual panel. Plain SVG 1.1 with inline
// attributes only, so it opens in any browser and renders on GitHub.
import type { Curve } from '@tensile/core';

export interface PlotCurve {
  label: string;
  curve: Curve;
  /** The chosen fit: drawn thicker, its residuals shown. */
  primary?: boolean;
}

export interface PlotInput {
  title: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  curves: PlotCurve[];
  /** Residuals y - f(x) of the primary curve. */
  residuals: ArrayLike<number>;
}

const W = 800;
const H = 620;
const M = { left: 70, right: 170, top: 40 };
const MAIN_H = 380;
const RES_TOP = M.top + MAIN_H + 50;
const RES_H = 110;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** "Nice" tick values covering [lo, hi] (1-2-5 steps). */
export function ticks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) as number;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number) => (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(6))));

export function renderFitSvg(input: PlotInput): string {
  const xs = Array.from(input.x);
  const ys = Array.from(input.y);
  // Reductions, not Math.min(...xs): a million samples would overflow the call stack.
  const xmin = xs.reduce((low, v) => Math.min(low, v), 0);
  const xDataMax = xs.reduce((high, v) => Math.max(high, v), -Infinity);
  const xmax = xDataMax * 1.25 || 1;
  const samplesX = Array.from({ length: 241 }, (_, i) => xmin + ((xmax - xmin) * i) / 240);
  const lines = input.curves.map((c) => ({ ...c, ys: samplesX.map((x) => c.curve.evaluate(x)) }));
  // The y range covers the samples and the curves, clipped so a diverging polynomial cannot squash the plot.
  const ylo0 = ys.reduce((low, v) => Math.min(low, v), 0);
  const yhi0 = ys.reduce((high, v) => Math.max(high, v), -Infinity);
  const span = yhi0 - ylo0 || 1;
  const finite = lines.flatMap((l) => l.ys).filter((v) => Number.isFinite(v));
  const ylo = Math.max(finite.reduce((low, v) => Math.min(low, v), ylo0), ylo0 - 0.5 * span);
  const yhi = Math.min(finite.reduce((high, v) => Math.max(high, v), yhi0), yhi0 + 0.5 * span);
  const plotW = W - M.left - M.right;
  const sx = (x: number) => M.left + ((x - xmin) / (xmax - xmin)) * plotW;
  const sy = (y: number) => M.top + MAIN_H - ((Math.min(Math.max(y, ylo), yhi) - ylo) / (yhi - ylo || 1)) * MAIN_H;
  const res = Array.from(input.residuals);
  const rmax = res.reduce((high, r) => Math.max(high, Math.abs(r)), 1e-12) * 1.1;
  const ry = (r: number) => RES_TOP + RES_H / 2 - (r / rmax) * (RES_H / 2);

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<title>${esc(input.title)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="15" font-weight="bold">${esc(input.title)}</text>`);
  // Main panel: the region beyond the data, grid, axes.
  const dataEnd = sx(xDataMax);
  out.push(`<rect x="${dataEnd.toFixed(1)}" y="${M.top}" width="${(M.left + plotW - dataEnd).toFixed(1)}" height="${MAIN_H}" fill="#f6f6f6"/>`);
  out.push(`<text x="${(dataEnd + 6).toFixed(1)}" y="${M.top + 14}" fill="#888888">beyond the data</text>`);
  for (const t of ticks(xmin, xmax)) {
    out.push(`<line x1="${sx(t).toFixed(1)}" y1="${M.top}" x2="${sx(t).toFixed(1)}" y2="${M.top + MAIN_H}" stroke="#eeeeee"/>`);
    out.push(`<text x="${sx(t).toFixed(1)}" y="${M.top + MAIN_H + 16}" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of ticks(ylo, yhi)) {
    out.push(`<line x1="${M.left}" y1="${sy(t).toFixed(1)}" x2="${M.left + plotW}" y2="${sy(t).toFixed(1)}" stroke="#eeeeee"/>`);
    out.push(`<text x="${M.left - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${MAIN_H}" fill="none" stroke="#333333"/>`);
  out.push(`<text x="${M.left + plotW / 2}" y="${M.top + MAIN_H + 34}" text-anchor="middle">finger drag x (px)</text>`);
  out.push(`<text transform="translate(18 ${M.top + MAIN_H / 2}) rotate(-90)" text-anchor="middle">offset y (px)</text>`);
  // Curves (secondary first, primary on top).
  const ordered = lines.map((l, i) => ({ ...l, color: COLORS[i % COLORS.length] })).sort((a, b) => Number(!!a.primary) - Number(!!b.primary));
  for (const l of ordered) {
    const pts = samplesX.map((x, i) => `${sx(x).toFixed(1)},${sy(Number.isFinite(l.ys[i]) ? l.ys[i] : l.ys[i] > 0 ? yhi : ylo).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${pts}" fill="none" stroke="${l.color}" stroke-width="${l.primary ? 2.5 : 1.2}"${l.primary ? '' : ' stroke-dasharray="5 3"'}/>`);
  }
  xs.forEach((x, i) => out.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(ys[i]).toFixed(1)}" r="4" fill="#000000"/>`));
  // Legend.
  let ly = M.top + 8;
  out.push(`<circle cx="${W - M.right + 20}" cy="${ly}" r="4" fill="#000000"/><text x="${W - M.right + 32}" y="${ly + 4}">samples</text>`);
  for (const l of lines.map((l, i) => ({ ...l, color: COLORS[i % COLORS.length] }))) {
    ly += 20;
    out.push(`<line x1="${W - M.right + 12}" y1="${ly}" x2="${W - M.right + 28}" y2="${ly}" stroke="${l.color}" stroke-width="${l.primary ? 2.5 : 1.2}"/>`);
    out.push(`<text x="${W - M.right + 32}" y="${ly + 4}"${l.primary ? ' font-weight="bold"' : ''}>${esc(l.label)}</text>`);
  }
  // Residual panel.
  out.push(`<text x="${M.left}" y="${RES_TOP - 8}">residuals y - f(x) (px), chosen fit</text>`);
  out.push(`<rect x="${M.left}" y="${RES_TOP}" width="${plotW}" height="${RES_H}" fill="none" stroke="#333333"/>`);
  out.push(`<line x1="${M.left}" y1="${ry(0).toFixed(1)}" x2="${M.left + plotW}" y2="${ry(0).toFixed(1)}" stroke="#999999"/>`);
  for (const t of [-rmax / 1.1, rmax / 1.1]) out.push(`<text x="${M.left - 6}" y="${(ry(t) + 4).toFixed(1)}" text-anchor="end">${fmt(Number(t.toPrecision(2)))}</text>`);
  xs.forEach((x, i) => {
    out.push(`<line x1="${sx(x).toFixed(1)}" y1="${ry(0).toFixed(1)}" x2="${sx(x).toFixed(1)}" y2="${ry(res[i]).toFixed(1)}" stroke="#1f77b4" stroke-width="2"/>`);
    out.push(`<circle cx="${sx(x).toFixed(1)}" cy="${ry(res[i]).toFixed(1)}" r="3" fill="#1f77b4"/>`);
  });
  out.push(`</svg>`);
  return out.join('\n') + '\n';
}
