// Plots for the curves page and the lab, on uPlot (small, canvas, fast enough to redraw per frame).
// Framework-free: each demo mounts it on an element and feeds it data; colours come from the
// page's CSS variables so light and dark mode both read well.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface PlotSeries {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** A CSS colour or a custom property name such as '--accent'. */
  readonly color: string;
  /** 'line' (default) joins the points; 'points' draws dots only (samples, residuals). */
  readonly kind?: 'line' | 'points';
  readonly dash?: number[];
}

export interface PlotMarker {
  readonly x: number;
  readonly y: number;
}

export interface PlotOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number; // px
  /** Show the series legend under the plot (default true when there is more than one series). */
  readonly legend?: boolean;
  /** Called while a 'points' series with `draggable` index is dragged (lab). */
  readonly onDragPoint?: (seriesIndex: number, pointIndex: number, x: number, y: number) => void;
  /** Index (into `series`) of the series whose points can be dragged. */
  readonly draggable?: number;
}

export interface Plot {
  setSeries(series: readonly PlotSeries[]): void;
  /** Moves the live dot (curves page) without rebuilding paths; null hides it. */
  setMarker(marker: PlotMarker | null): void;
  destroy(): void;
}

const DEFAULT_HEIGHT = 200; // px
const DRAG_RADIUS = 14; // px: how close a press must be to a point to grab it

function cssColor(el: Element, color: string): string {
  if (!color.startsWith('--')) return color;
  return getComputedStyle(el).getPropertyValue(color).trim() || '#888';
}

/** Aligns series with different x values onto one x column, as uPlot wants. */
function align(series: readonly PlotSeries[]): uPlot.AlignedData {
  if (series.length === 0) return [[]];
  const tables = series.map((s) => [Array.from(s.x), Array.from(s.y)] as uPlot.AlignedData);
  return uPlot.join(tables);
}

export function createPlot(el: HTMLElement, options: PlotOptions): Plot {
  let series: readonly PlotSeries[] = [];
  let marker: PlotMarker | null = null;
  let chart: uPlot | null = null;
  const height = options.height ?? DEFAULT_HEIGHT;
  const width = () => Math.max(200, Math.floor(el.clientWidth));

  function build() {
    chart?.destroy();
    chart = null;
    // uPlot cannot lay out axes without data: the chart appears with the first series.
    if (series.length === 0) return;
    const text = cssColor(el, '--muted');
    const grid = cssColor(el, '--border');
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      labelSize: 22,
      font: '11px system-ui, sans-serif',
      labelFont: '600 11px system-ui, sans-serif',
    });
    chart = new uPlot(
      {
        width: width(),
        height,
        legend: { show: (options.legend ?? true) && series.length > 1, live: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: false } },
        axes: [axis(options.xLabel), axis(options.yLabel)],
        series: [
          {},
          ...series.map((s): uPlot.Series => {
            const stroke = cssColor(el, s.color);
            return s.kind === 'points'
              ? { label: s.label, stroke, paths: () => null, points: { show: true, size: 8, fill: stroke, stroke } }
              : { label: s.label, stroke, width: 2, dash: s.dash, points: { show: false }, spanGaps: true };
          }),
        ],
        hooks: { draw: [drawMarker] },
      },
      align(series),
      el,
    );
  }

  function drawMarker(u: uPlot) {
    if (!marker) return;
    const ctx = u.ctx;
    const cx = u.valToPos(marker.x, 'x', true);
    const cy = u.valToPos(marker.y, 'y', true);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = cssColor(el, '--accent-2');
    ctx.setLineDash([4 * dpr, 4 * dpr]);
    ctx.lineWidth = dpr;
    ctx.beginPath();
    ctx.moveTo(cx, u.bbox.top + u.bbox.height);
    ctx.lineTo(cx, cy);
    ctx.lineTo(u.bbox.left, cy);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = cssColor(el, '--accent-2');
    ctx.beginPath();
    ctx.arc(cx, cy, 6 * dpr, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
  }

  // Dragging sample points (lab): grab the nearest point of the draggable series.
  let dragging: number | null = null;
  function nearestPoint(event: PointerEvent): number | null {
    if (!chart || options.draggable === undefined) return null;
    const s = series[options.draggable];
    if (!s) return null;
    const rect = chart.over.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    let best: number | null = null;
    let bestDistance = DRAG_RADIUS;
    for (let i = 0; i < s.x.length; i++) {
      const distance = Math.hypot(chart.valToPos(s.x[i], 'x') - px, chart.valToPos(s.y[i], 'y') - py);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }
  function onPointerDown(event: PointerEvent) {
    dragging = nearestPoint(event);
    if (dragging !== null) {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      event.preventDefault();
    }
  }
  function onPointerMove(event: PointerEvent) {
    if (!chart) return;
    if (dragging === null) {
      chart.over.style.cursor = nearestPoint(event) === null ? '' : 'grab';
      return;
    }
    const rect = chart.over.getBoundingClientRect();
    const x = Math.max(0, chart.posToVal(event.clientX - rect.left, 'x'));
    const y = chart.posToVal(event.clientY - rect.top, 'y');
    options.onDragPoint?.(options.draggable!, dragging, Math.round(x), Math.round(y * 10) / 10);
  }
  function onPointerUp() {
    if (dragging === null) return;
    dragging = null;
    chart?.setData(align(series)); // rescale to the moved points
  }

  build();
  const listenDrag = () => {
    if (!chart || options.draggable === undefined) return;
    chart.over.style.touchAction = 'none';
    chart.over.addEventListener('pointerdown', onPointerDown);
    chart.over.addEventListener('pointermove', onPointerMove);
    chart.over.addEventListener('pointerup', onPointerUp);
    chart.over.addEventListener('pointercancel', onPointerUp);
  };
  listenDrag();

  const resize = new ResizeObserver(() => chart?.setSize({ width: width(), height }));
  resize.observe(el);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    build();
    listenDrag();
  };
  scheme.addEventListener('change', onScheme);

  return {
    setSeries(next) {
      const shapeChanged = next.length !== series.length
        || next.some((s, i) => s.label !== series[i].label || s.kind !== series[i].kind || s.color !== series[i].color);
      series = next;
      if (shapeChanged) {
        build();
        listenDrag();
      } else {
        // While a point is dragged the scales hold still, so the point stays under the pointer.
        chart?.setData(align(series), dragging === null);
      }
    },
    setMarker(next) {
      marker = next;
      chart?.redraw(false, false);
    },
    destroy() {
      resize.disconnect();
      scheme.removeEventListener('change', onScheme);
      chart?.destroy();
      chart = null;
    },
  };
}
