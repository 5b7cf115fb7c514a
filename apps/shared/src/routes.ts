// The pages every demo renders, in nav order, and the data-testids the browser suite relies on
// (apps/TESTIDS.md lists them with what each element is). Hash routes, so a static server works.

export type RouteId = 'feed' | 'endless' | 'page' | 'edges' | 'carousel' | 'nested' | 'curves' | 'lab';

export interface RouteInfo {
  readonly id: RouteId;
  readonly label: string;
  readonly title: string;
  readonly blurb: string;
  /** What the keyboard does here, shown only where there is one (a fine pointer that hovers). */
  readonly keyboard?: string;
}

export const ROUTES: readonly RouteInfo[] = [
  { id: 'feed', label: 'Feed', title: 'Pull to refresh',
    blurb: 'Pull the feed down past the line and let go. Tick the box to see a failed refresh.',
    keyboard: 'Keyboard: focus the feed and press R to refresh.' },
  { id: 'endless', label: 'Endless', title: 'Endless feed',
    blurb: 'Scroll on: older posts load by themselves before you reach the end, until you are all caught up. Pull down at the top to refresh.' },
  { id: 'page', label: 'Page', title: 'Whole-page pull',
    blurb: 'No scroll box here: the page itself scrolls. Pull it down from the top, past the line, to refresh, as in a home-screen web app.' },
  { id: 'edges', label: 'Edges', title: 'Four edges',
    blurb: 'Scroll to any edge and keep going: every edge stretches along the curve and springs back.' },
  { id: 'carousel', label: 'Carousel', title: 'Carousel in a list',
    blurb: 'Swipe the cards sideways: the list stays put. Pull the list down to refresh it.',
    keyboard: 'Keyboard: focus the list and press R to refresh.' },
  { id: 'nested', label: 'Nested', title: 'Nested scroller',
    blurb: 'The pinned box scrolls on its own. A pull refreshes the inbox only once it is back at its top.',
    keyboard: 'Keyboard: focus the list and press R to refresh.' },
  { id: 'curves', label: 'Curves', title: 'Damping curves',
    blurb: 'Pick a curve, then drag the pad: the dot shows finger distance against displayed offset.' },
  { id: 'lab', label: 'Lab', title: 'Curve lab',
    blurb: 'Type or drag sample points, fit a model in the browser and copy the damping() code.' },
];

/** The data-testids shared by the three demos (keep in sync with apps/TESTIDS.md). */
export const TEST_IDS = {
  nav: 'nav',
  feedScroller: 'feed-scroller',
  feedItem: 'feed-item',
  feedStatus: 'feed-status',
  refreshButton: 'refresh-button',
  feedFailToggle: 'feed-fail-toggle',
  endlessScroller: 'endless-scroller',
  endlessStatus: 'endless-status',
  pageStatus: 'page-status',
  edgesScroller: 'edges-scroller',
  carouselList: 'carousel-list',
  carousel: 'carousel',
  nestedOuter: 'nested-outer',
  nestedInner: 'nested-inner',
  curveSelect: 'curve-select',
  curvePlot: 'curve-plot',
  curvePad: 'curve-pad',
  labFitButton: 'lab-fit-button',
  labCode: 'lab-code',
  labResults: 'lab-results',
  keyboardHint: 'keyboard-hint',
  snippet: 'snippet',
  snippetCode: 'snippet-code',
  thresholdLine: 'ptr-threshold',
  labPoints: 'lab-points',
  labModel: 'lab-model',
} as const;

/** The status line of the pull-to-refresh lists without a refresh button (carousel, nested). */
export const LIST_IDLE_STATUS = 'Pull the list down to refresh';
/** The status line of the whole-page pull at rest. */
export const PAGE_IDLE_STATUS = 'Pull the page down from the top to refresh';

/** The route a location hash names (`#/curves` -> 'curves'); unknown or empty hashes give `fallback`. */
export function routeFromHash(hash: string, available: readonly RouteId[], fallback: RouteId = 'feed'): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (available as readonly string[]).includes(id) ? (id as RouteId) : fallback;
}
