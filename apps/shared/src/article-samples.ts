// The article's nine designer samples (finger distance px, displayed offset px), as in
// shared/data/article.csv; the demos plot them and `pnpm start` fits them.
export const ARTICLE_SAMPLES: readonly (readonly [number, number])[] = [
  [0, 0], [500, 90], [1000, 160], [1500, 210], [2500, 260], [6000, 347.5], [8000, 357.5], [10000, 367.5], [12000, 377.5],
];
