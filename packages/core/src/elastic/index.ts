// Public API of core/elastic (re-exported by src/index.ts, and the subpath "@tensile/core/elastic").
// The fake host for tests lives in "@tensile/core/elastic/testing" (testing.ts), not here.
export { createElastic, attachElastic } from './engine';
export { articleDamping, rubberBand, androidStretch, resolveDamping, invertDamping } from './curves';
export { springAt } from './spring';
export type { SpringParams, SpringPoint } from './spring';
export { ELASTIC_DEFAULTS } from './options';
export { ElasticError } from './errors';
export { createDomHost } from './host-dom';
export type {
  DampingCurveName,
  DampingCurveOption,
  ContainerDampingFunction,
  DampingFunction,
  ElasticAnnouncements,
  ElasticAxis,
  ElasticEdge,
  ElasticEngine,
  ElasticInputOptions,
  ElasticOptions,
  ElasticSnapshot,
  ElasticState,
  Host,
  HostHandler,
  HostTarget,
  LoadMoreOptions,
  LoadMoreState,
  PullToRefreshOptions,
  ResolvedDamping,
  RefreshContext,
  ScrollMetrics,
  SpringOptions,
} from './types';
