// The article's nine designer samples (drag distance px -> displayed offset px), embedded so the
// CLI and examples work without the data file. Source: the article's table (data/article.csv).

/** Finger drag distance in px. */
const x = [0, 500, 1000, 1500, 2500, 6000, 8000, 10000, 12000] as const;
/** Displayed offset in px. */
const y = [0, 90, 160, 210, 260, 347.5, 357.5, 367.5, 377.5] as const;

/**
 * The article's nine designer samples: finger drag distance x (px) against the displayed offset y (px),
 * from 0 to 12000 px of drag. The default data of `tensile fit` and the examples.
 */
export const ARTICLE_SAMPLES: { readonly x: readonly number[]; readonly y: readonly number[] } = Object.freeze({
  x: Object.freeze([...x]),
  y: Object.freeze([...y]),
});
