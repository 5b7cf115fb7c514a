// @tensile/demo-shared: everything the three demos share except their framework code.
export { LIST_IDLE_STATUS, PAGE_IDLE_STATUS, ROUTES, TEST_IDS, routeFromHash } from './routes';
export type { RouteId, RouteInfo } from './routes';
export { ENDLESS_FEED, INITIAL_FEED, NEW_ITEMS_PER_REFRESH, OLDER_ITEMS_PER_PAGE, OLDER_PAGES, REFRESH_DELAY_MS, PALETTE, FeedRefreshError, fetchNewItems, fetchOlderItems, makeFeedItems, refreshOutcomeText } from './feed';
export type { FeedItem } from './feed';
export { loadMoreStatus, pullStatus, pageState } from './status';
export type { LoadMoreShown, StateOf, StatusLine, StatusTone } from './status';
export { createPlot } from './plot';
export type { Plot, PlotMarker, PlotOptions, PlotSeries } from './plot';
export { EDGE_TILES, CAROUSEL_CARDS, CAROUSEL_ROWS_BEFORE, CAROUSEL_ROWS_AFTER, NESTED_OUTER_ROWS, NESTED_INNER_ROWS, NESTED_INNER_START } from './content';
export type { Card, Tile, Row } from './content';
export { ARTICLE_SAMPLES, CURVE_CHOICES, CURVE_MAX, PLOT_RANGE, curvePlotSeries, loadCurve, sampleCurve } from './curves';
export type { CurveChoice, CurveId, LoadedCurve } from './curves';
export { DEFAULT_LAB_TEXT, LAB_MODELS, fitRows, labPlotSeries, loadModelFiles, loadModelUrl, parsePoints, pointsToText, residualSeries, runLabFit, selectionRows } from './lab';
export type { LabFit, Point } from './lab';
export { createLabSession } from './lab-session';
export type { LabSession, LabView } from './lab-session';
export { attachLabPlots } from './lab-plots';
export { MODEL_PATHS } from './models';
export { COPIED_MS, copyText } from './clipboard';
export { snippetFor } from './snippets';
export type { Framework, Snippet } from './snippets';
/** Wide enough for the snippet beside the demo (the shells open it there from the start). */
export const WIDE_QUERY = '(min-width: 1000px)';
