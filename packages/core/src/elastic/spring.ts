// The release spring as a pure function of time (a closed-form damped oscillator), so the motion is
// the same at 30, 60 or 120 Hz and can be tested without timers.

/** The spring of springAt, in physical units with mass 1 by default (see SpringOptions for the engine's). */
export interface SpringParams {
  /** Stiffness k, 1/s^2 (the engine's default 280). */
  stiffness: number;
  /** Damping c, 1/s (the engine's default 34: just over critical, so no overshoot). */
  damping: number;
  /** Mass m (the engine's default 1). */
  mass: number;
}

/** Where the spring is at a time: position and velocity. */
export interface SpringPoint {
  /** px */
  value: number;
  /** px/s */
  velocity: number;
}

/**
 * Position and velocity `t` seconds after release from `from` towards `to` with initial velocity
 * `v0` (px/s), for m x'' + c x' + k x = 0 around the target. One closed form for all three regimes:
 * x = e^(-a t) (x0 C + b S), where C, S solve C'' = -q C (cos/sin, cosh/sinh or 1/t by the sign of
 * q = k/m - a^2). Over-damped, e^(-a t) is folded into each exponential so nothing overflows.
 */
export function springAt(t: number, from: number, to: number, v0: number, p: SpringParams): SpringPoint {
  const x0 = from - to;
  const a = p.damping / (2 * p.mass);
  const q = p.stiffness / p.mass - a * a;
  const w = Math.sqrt(Math.abs(q));
  const b = v0 + a * x0;
  const e = Math.exp(-a * t);
  const up = Math.exp((w - a) * t);
  const down = Math.exp(-(w + a) * t);
  // C and S with e^(-a t) already in them.
  const C = q > 0 ? e * Math.cos(w * t) : (up + down) / 2;
  const S = q > 0 ? (e * Math.sin(w * t)) / w : w ? (up - down) / 2 / w : e * t;
  const x = x0 * C + b * S;
  return { value: to + x, velocity: b * C - q * x0 * S - a * x };
}
