// Loads the two curves the project ships as files (written by `pnpm start`, see
// scripts/start/models.ts): the ll3 fit of the article's samples as the JSON that
// FittedCurve.toJSON() writes, and a small dense net as a TF.js layers model (model.json + .bin).
// TF.js is imported only here and only when the net is picked, so the other pages never load it.
import { curveFromJSON, type Curve } from '@tensile/core';

/** Where the models sit, relative to the demo's base URL. */
export const MODEL_PATHS = { ll3: 'models/ll3.json', net: 'models/net/model.json' } as const;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}; run pnpm start to write the models`);
  return response;
}

/** The article samples fitted with ll3 by pnpm start. */
export async function loadFittedCurve(baseUrl: string): Promise<Curve> {
  const url = new URL(MODEL_PATHS.ll3, new URL(baseUrl, location.href)).href;
  return curveFromJSON(await (await fetchOk(url)).json());
}

/**
 * TF.js's `@tensile/core/tfjs` entry, with TF.js on its CPU backend: a net this small runs faster
 * there than on WebGL, and WebGL's read-back logs driver warnings in the console of some browsers.
 */
export async function tfjsOnCpu(): Promise<typeof import('@tensile/core/tfjs')> {
  const tfjs = await import('@tensile/core/tfjs');
  const tf = await tfjs.loadTfjs();
  await tf.setBackend('cpu');
  return tfjs;
}

/** The neural net, loaded through TF.js (`@tensile/core/tfjs`, which brings TF.js in lazily). */
export async function loadNetCurve(baseUrl: string): Promise<Curve> {
  const url = new URL(MODEL_PATHS.net, new URL(baseUrl, location.href)).href;
  const { createModelCurve } = await tfjsOnCpu();
  // compile 'never': the curve runs on TF.js itself, as the article's did (the engine tabulates it
  // once with one batch call, so per-frame cost stays a table lookup either way).
  return createModelCurve(url, { compile: 'never', name: 'mlp (TF.js)' });
}
