// Householder QR for the small dense least-squares problems of fitting (m rows >= n columns,
// row-major Float64Arrays). Used for linear models (never the normal equations: poly:N on raw
// pixels would square a condition number of 1e20), for each LM step, and for covariances.

export interface QR {
  readonly m: number;
  readonly n: number;
  /** Householder vectors below the diagonal, R on and above it (row-major m x n). */
  readonly a: Float64Array;
  /** R's diagonal (the packed matrix keeps the Householder vectors' heads). */
  readonly rdiag: Float64Array;
  /** Householder scalars. */
  readonly beta: Float64Array;
}

/** Factorises a copy of the m x n row-major matrix `a`. */
export function householderQR(a: ArrayLike<number>, m: number, n: number): QR {
  const q = Float64Array.from(a as ArrayLike<number>);
  const rdiag = new Float64Array(n);
  const beta = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Scaled 2-norm (Math.hypot is exact but slow in V8; scaling by the largest entry avoids overflow).
    let big = 0;
    for (let i = k; i < m; i++) big = Math.max(big, Math.abs(q[i * n + k]));
    let norm = 0;
    if (big > 0) {
      let s = 0;
      for (let i = k; i < m; i++) s += (q[i * n + k] / big) ** 2;
      norm = big * Math.sqrt(s);
    }
    if (norm === 0) {
      rdiag[k] = 0;
      beta[k] = 0;
      continue;
    }
    const alpha = q[k * n + k] > 0 ? -norm : norm;
    // v = x - alpha e1, stored in place; beta = 2 / (v.v)
    q[k * n + k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += q[i * n + k] * q[i * n + k];
    beta[k] = vv === 0 ? 0 : 2 / vv;
    rdiag[k] = alpha;
    for (let j = k + 1; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += q[i * n + k] * q[i * n + j];
      s *= beta[k];
      for (let i = k; i < m; i++) q[i * n + j] -= s * q[i * n + k];
    }
  }
  return { m, n, a: q, rdiag, beta };
}

/** Overwrites `b` (length m) with Q^T b. */
export function applyQt(qr: QR, b: Float64Array): void {
  const { m, n, a, beta } = qr;
  for (let k = 0; k < n; k++) {
    if (beta[k] === 0) continue;
    let s = 0;
    for (let i = k; i < m; i++) s += a[i * n + k] * b[i];
    s *= beta[k];
    for (let i = k; i < m; i++) b[i] -= s * a[i * n + k];
  }
}

/** R's entry (i, j), i <= j. */
function r(qr: QR, i: number, j: number): number {
  return i === j ? qr.rdiag[i] : qr.a[i * qr.n + j];
}

/** Smallest |R_ii| over largest: a cheap rank indicator (0 for exactly dependent columns). */
export function rDiagonalRatio(qr: QR): number {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < qr.n; i++) {
    const d = Math.abs(qr.rdiag[i]);
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return hi === 0 ? 0 : lo / hi;
}

/** Least-squares solution of A x ~ b; returns x (length n) and leaves the residual norm in `.residual`. */
export function solveLeastSquares(qr: QR, b: ArrayLike<number>): { x: Float64Array; residualNorm: number } {
  const { m, n } = qr;
  const c = Float64Array.from(b as ArrayLike<number>);
  applyQt(qr, c);
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < n; j++) s -= r(qr, i, j) * x[j];
    const d = qr.rdiag[i];
    x[i] = d === 0 ? 0 : s / d;
  }
  let res = 0;
  for (let i = n; i < m; i++) res += c[i] * c[i];
  return { x, residualNorm: Math.sqrt(res) };
}

/**
 * (A^T A)^-1 = R^-1 R^-T, row-major n x n, or null when R is numerically singular
 * (a parameter the data cannot identify).
 */
export function inverseGram(qr: QR, rcond = 1e-12): Float64Array | null {
  const { n } = qr;
  if (rDiagonalRatio(qr) <= rcond) return null;
  // Rinv: upper triangular inverse by back substitution.
  const rinv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    rinv[j * n + j] = 1 / qr.rdiag[j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r(qr, i, k) * rinv[k * n + j];
      rinv[i * n + j] = -s / qr.rdiag[i];
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < n; k++) s += rinv[i * n + k] * rinv[j * n + k];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
