// Inverse rendering in the spirit of Zygote's differentiable ray tracer (the article's example):
// a tiny renderer (a loop over pixels, a shadow/light branch per pixel) draws a floor lit by a
// point light with a sphere casting a shadow; gradient descent on the image difference recovers
// the light position from a reference image.
// Run: node --conditions=source --import tsx examples/inverse-rendering.ts
import { pathToFileURL } from 'node:url';
import { add, div, lt, mul, sqrt, sub, valueAndGrad, valueOf } from '@tensile/core';
import type { Num } from '@tensile/core';

export interface Light {
  x: Num;
  y: Num;
}

export const SIZE = 24; // pixels per side
const EXTENT = 4; // the floor spans [-4, 4] x [-4, 4] (scene units)
const HEIGHT = 3; // the light's height above the floor
const INTENSITY = 40;
const AMBIENT = 0.05;
const SPHERE = { x: 0.5, y: -0.5, z: 1, r: 0.8 };

/** The floor point under pixel (i, j). */
function floorPoint(i: number, j: number): [number, number] {
  return [((i + 0.5) / SIZE) * 2 * EXTENT - EXTENT, ((j + 0.5) / SIZE) * 2 * EXTENT - EXTENT];
}

/** True when the segment from the floor point to the light passes through the sphere. */
function inShadow(px: number, py: number, light: Light): boolean {
  // Closest approach of the segment P + t (L - P), t in [0, 1], to the sphere's centre.
  const dx = sub(light.x, px);
  const dy = sub(light.y, py);
  const dz = HEIGHT;
  const len2 = add(add(mul(dx, dx), mul(dy, dy)), dz * dz);
  const t = div(add(add(mul(sub(SPHERE.x, px), dx), mul(sub(SPHERE.y, py), dy)), SPHERE.z * dz), len2);
  if (lt(t, 0) || lt(1, t)) return false;
  const cx = sub(add(px, mul(t, dx)), SPHERE.x);
  const cy = sub(add(py, mul(t, dy)), SPHERE.y);
  const cz = sub(mul(t, dz), SPHERE.z);
  return lt(add(add(mul(cx, cx), mul(cy, cy)), mul(cz, cz)), SPHERE.r * SPHERE.r);
}

/** Renders the floor: ambient in shadow, ambient + Lambert falloff (cos / d^2) in the light. */
export function render(light: Light): Num[] {
  const image: Num[] = [];
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) {
      const [px, py] = floorPoint(i, j);
      if (inShadow(px, py, light)) {
        image.push(AMBIENT);
        continue;
      }
      const dx = sub(light.x, px);
      const dy = sub(light.y, py);
      const d2 = add(add(mul(dx, dx), mul(dy, dy)), HEIGHT * HEIGHT);
      // cos(theta) / d^2 = HEIGHT / d^3
      image.push(add(AMBIENT, div(INTENSITY * HEIGHT, mul(d2, sqrt(d2)))));
    }
  }
  return image;
}

/** Mean squared pixel difference to the reference image. */
export function imageLoss(light: Light, reference: readonly number[]): Num {
  const image = render(light);
  let s: Num = 0;
  for (let k = 0; k < image.length; k++) {
    const r = sub(image[k], reference[k]);
    s = add(s, mul(r, r));
  }
  return div(s, image.length);
}

/** Gradient descent with momentum on the light position, from a wrong initial guess. */
export function recoverLight(reference: readonly number[], start: { x: number; y: number }, steps = 150, rate = 0.5): { light: { x: number; y: number }; loss: number } {
  const lossAndGrad = valueAndGrad((l: Light) => imageLoss(l, reference));
  let light = { ...start };
  const velocity = { x: 0, y: 0 };
  let loss = Infinity;
  for (let t = 0; t < steps; t++) {
    const { value, grad } = lossAndGrad(light);
    loss = value;
    velocity.x = 0.8 * velocity.x - rate * grad.x;
    velocity.y = 0.8 * velocity.y - rate * grad.y;
    light = { x: light.x + velocity.x, y: light.y + velocity.y };
  }
  return { light, loss };
}

export const TRUE_LIGHT = { x: -1.2, y: 1.5 };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reference = render(TRUE_LIGHT).map(valueOf);
  const start = { x: 1.5, y: -2 };
  const { light, loss } = recoverLight(reference, start);
  console.log(`reference light at (${TRUE_LIGHT.x}, ${TRUE_LIGHT.y}); start at (${start.x}, ${start.y})`);
  console.log(`recovered (${light.x.toFixed(4)}, ${light.y.toFixed(4)}), image loss ${loss.toExponential(2)}`);
  const shade = ' .:-=+*#%@';
  const img = render(light).map(valueOf);
  const max = Math.max(...img);
  for (let j = 0; j < SIZE; j += 2) {
    let row = '  ';
    for (let i = 0; i < SIZE; i++) row += shade[Math.min(9, Math.floor((img[j * SIZE + i] / max) * 9.99))];
    console.log(row);
  }
}
