// The lab's two plots (samples with the fit, and the residuals) bound to a LabSession: mounted on
// two elements, redrawn when the samples, the fit or the TF.js curve change, the samples draggable.
// Framework-free, so each demo's lab page calls it once on mount and the returned cleanup on unmount.
import { labPlotSeries, residualSeries } from './lab';
import type { LabSession, LabView } from './lab-session';
import { createPlot } from './plot';

export const LAB_PLOT_HEIGHT = 260; // px
export const RESIDUAL_PLOT_HEIGHT = 160; // px

export function attachLabPlots(session: LabSession, plotElement: HTMLElement, residualElement: HTMLElement): () => void {
  const plot = createPlot(plotElement, {
    xLabel: 'finger distance (px)', yLabel: 'offset (px)', height: LAB_PLOT_HEIGHT, draggable: 0,
    onDragPoint: (_series, index, x, y) => session.dragPoint(index, x, y),
  });
  const residuals = createPlot(residualElement, { xLabel: 'finger distance (px)', yLabel: 'residual (px)', height: RESIDUAL_PLOT_HEIGHT, legend: false });
  let drawn: LabView | null = null;
  const draw = () => {
    const view = session.get();
    if (drawn && drawn.points === view.points && drawn.fit === view.fit && drawn.tfCurve === view.tfCurve) return;
    drawn = view;
    plot.setSeries(labPlotSeries(view.points, view.fit, view.tfCurve));
    if (view.fit) residuals.setSeries(residualSeries(view.points, view.fit));
  };
  draw();
  const unsubscribe = session.subscribe(draw);
  return () => {
    unsubscribe();
    plot.destroy();
    residuals.destroy();
  };
}
