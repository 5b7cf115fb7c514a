// The release spring as a pure function of time (a closed-form damped oscillator), so the motion is
// the same at 30, 60 or 120 Hz and can be tested without timers.

export interface SpringParams {
  /** 1/s^2 */
  stiffness: number;
  /** 1/s */
  damping: number;
  mass: number;
}

export interface SpringPoint {
  /** px */
  value: number;
  /** px/s */
  velocity: number;
}

/**
 * Position and velocity `t` seconds after release from `from` towards `to` with initial velocity
 * `v0` (px/s), for m x'' + c x' + k x = 0 around the target.
 */
export function springAt(t: number, from: number, to: number, v0: number, p: SpringParams): SpringPoint {
  const x0 = from - to;
  const w0 = Math.sqrt(p.stiffness / p.mass);
  const zeta = p.damping / (2 * Math.sqrt(p.stiffness * p.mass));
  let x: number;
  let v: number;
  if (zeta < 1 - 1e-9) {
    const wd = w0 * Math.sqrt(1 - zeta * zeta);
    const a = zeta * w0;
    const b = (v0 + a * x0) / wd;
    const e = Math.exp(-a * t);
    const cos = Math.cos(wd * t);
    const sin = Math.sin(wd * t);
    x = e * (x0 * cos + b * sin);
    v = e * (-a * (x0 * cos + b * sin) + wd * (b * cos - x0 * sin));
  } else if (zeta > 1 + 1e-9) {
    const s = w0 * Math.sqrt(zeta * zeta - 1);
    const r1 = -zeta * w0 + s;
    const r2 = -zeta * w0 - s;
    const c2 = (v0 - r1 * x0) / (r2 - r1);
    const c1 = x0 - c2;
    x = c1 * Math.exp(r1 * t) + c2 * Math.exp(r2 * t);
    v = r1 * c1 * Math.exp(r1 * t) + r2 * c2 * Math.exp(r2 * t);
  } else {
    const e = Math.exp(-w0 * t);
    const b = v0 + w0 * x0;
    x = e * (x0 + b * t);
    v = e * (b - w0 * (x0 + b * t));
  }
  return { value: to + x, velocity: v };
}
