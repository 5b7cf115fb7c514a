// The React demo's shell: header, nav and a hash router (a static server is enough to host it).
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { ROUTES, routeFromHash, TEST_IDS, type RouteId } from '@tensile/demo-shared';
import { FeedPage } from './pages/FeedPage';
import { EndlessPage } from './pages/EndlessPage';
import { PagePullPage } from './pages/PagePullPage';
import { EdgesPage } from './pages/EdgesPage';
import { CarouselPage } from './pages/CarouselPage';
import { NestedPage } from './pages/NestedPage';
import { CurvesPage } from './pages/CurvesPage';
import { SnippetPanel } from './components/SnippetPanel';
// The lab carries the fitting code (core/fit on core/diff): loaded when opened.
const LabPage = lazy(() => import('./pages/LabPage').then((m) => ({ default: m.LabPage })));

const routes = ROUTES;
const ids = routes.map((route) => route.id);

function subscribeHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const currentRoute = () => routeFromHash(window.location.hash, ids);

const pages: Record<RouteId, React.ComponentType> = {
  feed: FeedPage, endless: EndlessPage, page: PagePullPage, edges: EdgesPage, carousel: CarouselPage, nested: NestedPage, curves: CurvesPage, lab: LabPage,
};

export function App() {
  const route = useSyncExternalStore(subscribeHash, currentRoute, () => 'feed' as RouteId);
  const info = routes.find((r) => r.id === route)!;
  const Page = pages[route];
  return (
    <div className="app" data-route={route}>
      <header className="app-header">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">T</span> Tensile <small>React</small>
        </p>
        <nav className="nav" data-testid={TEST_IDS.nav} aria-label="Demo pages">
          {routes.map((r) => (
            <a key={r.id} href={`#/${r.id}`} aria-current={r.id === route ? 'page' : undefined}>{r.label}</a>
          ))}
        </nav>
      </header>
      <main className="page" key={route}>
        <div className="page-intro">
          <h1>{info.title}</h1>
          <p>{info.blurb}</p>
          {info.keyboard && <p className="kbd-hint" data-testid={TEST_IDS.keyboardHint}>{info.keyboard}</p>}
        </div>
        <div className="page-body">
          <div className="page-demo">
            <Suspense fallback={<p className="page-intro">Loading…</p>}>
              <Page />
            </Suspense>
          </div>
          <SnippetPanel route={route} />
        </div>
      </main>
    </div>
  );
}
