// The article's "smart podcast player": a playback-speed model with min/max clamps and
// per-category and per-section multiplier tables (a struct of dictionaries, as in the article's
// Swift example), learned from user observations by gradient descent on the mean absolute error.
// Run: node --conditions=source --import tsx examples/podcast-player.ts
import { pathToFileURL } from 'node:url';
import { abs, add, div, gt, lt, mul, sub, valueAndGrad, valueOf } from '@tensile/core';
import type { Num } from '@tensile/core';

export type Category = 'news' | 'comedy' | 'science' | 'fiction';
export type Section = 'intro' | 'body' | 'ads' | 'credits';

/** The model: a record of numbers and two dictionaries, differentiated as one pytree. */
export interface SpeedModel<T = number> {
  minSpeed: T;
  maxSpeed: T;
  category: Record<Category, T>;
  section: Record<Section, T>;
}

export interface Observation {
  category: Category;
  section: Section;
  /** The playback speed the user chose. */
  speed: number;
}

/** Plain TypeScript with early returns; runs on numbers and on the reverse-mode tape alike. */
export function predictSpeed(model: SpeedModel<Num>, podcast: Pick<Observation, 'category' | 'section'>): Num {
  const speed = mul(model.category[podcast.category], model.section[podcast.section]);
  if (lt(speed, model.minSpeed)) return model.minSpeed;
  if (gt(speed, model.maxSpeed)) return model.maxSpeed;
  return speed;
}

export function meanAbsoluteError(model: SpeedModel<Num>, data: readonly Observation[]): Num {
  let total: Num = 0;
  for (const o of data) total = add(total, abs(sub(predictSpeed(model, o), o.speed)));
  return div(total, data.length);
}

/** How the (simulated) users really behave. */
export const TRUE_MODEL: SpeedModel = {
  minSpeed: 1,
  maxSpeed: 2,
  category: { news: 1.4, comedy: 1.0, science: 1.2, fiction: 0.85 },
  section: { intro: 1.5, body: 1.0, ads: 2.5, credits: 1.8 },
};

/** Synthetic observations: the true model plus small noise, from a seeded generator. */
export function observe(count: number, seed: number, noise = 0.02): Observation[] {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const categories = Object.keys(TRUE_MODEL.category) as Category[];
  const sections = Object.keys(TRUE_MODEL.section) as Section[];
  return Array.from({ length: count }, () => {
    const o = { category: categories[Math.floor(rand() * categories.length)], section: sections[Math.floor(rand() * sections.length)] };
    return { ...o, speed: (predictSpeed(TRUE_MODEL, o) as number) + (rand() * 2 - 1) * noise };
  });
}

/** Gradient descent with a decaying step (the MAE's gradient does not shrink near the optimum). */
export function trainSpeedModel(data: readonly Observation[], steps = 1500, rate = 0.05): { model: SpeedModel; loss: number } {
  // Start with the clamps just around the initial speed 1x, so that both clamps and multipliers
  // see gradient from the start (a clamp far outside the data never moves: its gradient is 0).
  let model: SpeedModel = {
    minSpeed: 0.95,
    maxSpeed: 1.05,
    category: { news: 1, comedy: 1, science: 1, fiction: 1 },
    section: { intro: 1, body: 1, ads: 1, credits: 1 },
  };
  const lossAndGrad = valueAndGrad((m: SpeedModel<Num>) => meanAbsoluteError(m, data));
  let loss = Infinity;
  for (let t = 0; t < steps; t++) {
    const { value, grad } = lossAndGrad(model);
    loss = value;
    const step = rate * (1 - t / steps) + 1e-4;
    const move = (p: number, g: number) => p - step * g;
    model = {
      minSpeed: move(model.minSpeed, grad.minSpeed),
      maxSpeed: move(model.maxSpeed, grad.maxSpeed),
      category: mapRecord(model.category, (k, v) => move(v, grad.category[k])),
      section: mapRecord(model.section, (k, v) => move(v, grad.section[k])),
    };
  }
  return { model, loss };
}

function mapRecord<K extends string>(r: Record<K, number>, fn: (k: K, v: number) => number): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(r) as K[]) out[k] = fn(k, r[k]);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const train = observe(120, 1);
  const heldBack = observe(40, 2);
  const before = valueOf(meanAbsoluteError(trainSpeedModel(train, 0).model, heldBack));
  const { model, loss } = trainSpeedModel(train);
  const after = valueOf(meanAbsoluteError(model, heldBack));
  console.log(`trained on ${train.length} observations: training MAE ${loss.toFixed(4)}`);
  console.log(`held-back MAE: ${before.toFixed(4)} before training, ${after.toFixed(4)} after`);
  for (const o of heldBack.slice(0, 6)) {
    console.log(`  ${o.category.padEnd(8)} ${o.section.padEnd(8)} observed ${o.speed.toFixed(3)}x  predicted ${valueOf(predictSpeed(model, o)).toFixed(3)}x`);
  }
}
