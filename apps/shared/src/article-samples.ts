// The article's nine designer samples as (finger distance px, displayed offset px) points, from
// the copy core/fit embeds, for the plots and the lab's starting text.
import { ARTICLE_SAMPLES as SAMPLES } from '@tensile/core';

export const ARTICLE_SAMPLES: readonly (readonly [number, number])[] = SAMPLES.x.map((x, i) => [x, SAMPLES.y[i]] as const);
