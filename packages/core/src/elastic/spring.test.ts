// The release spring against a numerical oracle (RK4 on m x'' + c x' + k x = 0 at a fine step),
// in all three damping regimes, without timers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { springAt } from './spring';
import type { SpringParams } from './spring';

const SEED = 7;
/** RK4 at 0.1 ms against the closed form: px and px/s. */
const ODE_PX = 1e-6;
const ODE_SPEED = 1e-4;

function rk4(t: number, from: number, to: number, v0: number, p: SpringParams) {
  const h = 1e-4;
  let x = from - to;
  let v = v0;
  const acc = (x: number, v: number) => (-p.stiffness * x - p.damping * v) / p.mass;
  const steps = Math.round(t / h);
  for (let i = 0; i < steps; i++) {
    const k1x = v, k1v = acc(x, v);
    const k2x = v + (h / 2) * k1v, k2v = acc(x + (h / 2) * k1x, v + (h / 2) * k1v);
    const k3x = v + (h / 2) * k2v, k3v = acc(x + (h / 2) * k2x, v + (h / 2) * k2v);
    const k4x = v + h * k3v, k4v = acc(x + h * k3x, v + h * k3v);
    x += (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    v += (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
  }
  return { value: to + x, velocity: v };
}

describe('springAt', () => {
  it.each([
    ['under-damped', { stiffness: 300, damping: 10, mass: 1 }],
    ['critically damped', { stiffness: 400, damping: 40, mass: 1 }],
    ['over-damped', { stiffness: 200, damping: 60, mass: 1.5 }],
  ])('%s matches RK4', (_name, p) => {
    for (const t of [0, 0.016, 0.05, 0.2, 0.5]) {
      const exact = springAt(t, 120, 0, -800, p);
      const ode = rk4(t, 120, 0, -800, p);
      expect(Math.abs(exact.value - ode.value)).toBeLessThan(ODE_PX);
      expect(Math.abs(exact.velocity - ode.velocity)).toBeLessThan(ODE_SPEED);
    }
  });

  it('starts at `from` with velocity v0 and comes to rest at `to`', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 50, max: 2000, noNaN: true }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        (from, to, v0, stiffness, zeta) => {
          // damping ratio 0.2..3: from bouncy to sluggish, all at rest within a minute
          const p = { stiffness, damping: 2 * zeta * Math.sqrt(stiffness), mass: 1 };
          const start = springAt(0, from, to, v0, p);
          expect(start.value).toBeCloseTo(from, 9);
          expect(start.velocity).toBeCloseTo(v0, 6);
          const late = springAt(60, from, to, v0, p);
          expect(Math.abs(late.value - to)).toBeLessThan(0.5);
          expect(Number.isFinite(late.velocity)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('is a pure function of time: restarting from any state gives the same path (frame-rate independence)', () => {
    const p = { stiffness: 280, damping: 34, mass: 1 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (t1, t2) => {
        const mid = springAt(t1, 90, 0, 1200, p);
        const chained = springAt(t2, mid.value, 0, mid.velocity, p);
        const direct = springAt(t1 + t2, 90, 0, 1200, p);
        expect(chained.value).toBeCloseTo(direct.value, 6);
        expect(chained.velocity).toBeCloseTo(direct.velocity, 4);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('the default spring (critically damped or more) does not overshoot from rest', () => {
    const p = { stiffness: 280, damping: 34, mass: 1 };
    for (let t = 0; t < 2; t += 0.001) expect(springAt(t, 80, 0, 0, p).value).toBeGreaterThanOrEqual(0);
  });
});
