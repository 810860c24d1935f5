/**
 * A concave objective: returns f(x) (−Infinity or NaN outside its domain) and, when asked, fills `grad` (n) and
 * `hess` (n × n, row-major, both halves) at x. `grad` and `hess` arrive zeroed.
 */
export type Objective = (x: Float64Array, grad: Float64Array | null, hess: Float64Array | null) => number;

export interface NewtonAscent {
  x: Float64Array;
  /** f(x) */
  value: number;
  iterations: number;
  /** the last Newton step changed no coordinate by more than `tolerance` */
  converged: boolean;
  /**
   * with `covariance: true`, (−H)⁻¹ at x, row-major (for a log-likelihood at its maximum: the inverse observed
   * information); null when −H is not positive definite there (a parameter not identified) or not asked for
   */
  covariance: Float64Array | null;
}

/**
 * Maximises a concave function of n parameters by Newton's method with step halving. Each iteration solves
 * (−H + λI) d = ∇f by Cholesky, with λ = 0, or when −H is not numerically positive definite the smallest
 * λ = 10^r · 1e-10 · (1 + max |H_ii|) (r = 0, 1, …) that makes it so, then moves to x + d / 2^h for the
 * smallest h ≤ 50 whose value is not below f(x) − 1e-12 (1 + |f(x)|) (the allowance absorbs rounding once the
 * step is at machine precision). Stops, converged, when max_i |d_i| ≤ `tolerance` (default 1e-10: on log
 * strengths, a relative change of 1e-10), and unconverged after `maxIterations` (100) or when no halving is
 * accepted. A start where f is not finite returns it unchanged, unconverged.
 */
export function newtonAscent(
  f: Objective,
  start: ArrayLike<number>,
  {
    maxIterations = 100,
    tolerance = 1e-10,
    covariance = false,
  }: { maxIterations?: number; tolerance?: number; covariance?: boolean } = {},
): NewtonAscent {
  const n = start.length;
  const x = Float64Array.from(start);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n * n);
  const L = new Float64Array(n * n);
  const d = new Float64Array(n);
  const trial = new Float64Array(n);
  let value = f(x, null, null);
  let iterations = 0;
  let converged = false;
  if (!Number.isFinite(value)) return { x, value, iterations, converged, covariance: null };
  while (n > 0 && iterations < maxIterations) {
    grad.fill(0);
    hess.fill(0);
    f(x, grad, hess);
    let maxDiag = 0;
    for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(hess[i * n + i]));
    let ridge = 0;
    for (let r = 0; r < 30 && !cholesky(hess, ridge, L, n); r++) ridge = 10 ** r * 1e-10 * (1 + maxDiag);
    solve(L, grad, d, n);
    iterations++;
    let step = 0;
    for (let i = 0; i < n; i++) step = Math.max(step, Math.abs(d[i]));
    if (!Number.isFinite(step)) break;
    let accepted = false;
    for (let h = 0, scale = 1; h <= 50; h++, scale /= 2) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + scale * d[i];
      const v = f(trial, null, null);
      if (v >= value - 1e-12 * (1 + Math.abs(value))) {
        x.set(trial);
        value = v;
        accepted = true;
        break;
      }
    }
    if (step <= tolerance) {
      converged = true;
      break;
    }
    if (!accepted) break;
  }
  let cov: Float64Array | null = null;
  if (covariance) {
    grad.fill(0);
    hess.fill(0);
    f(x, grad, hess);
    if (cholesky(hess, 0, L, n)) {
      cov = new Float64Array(n * n);
      const e = new Float64Array(n),
        col = new Float64Array(n);
      for (let c = 0; c < n; c++) {
        e.fill(0);
        e[c] = 1;
        solve(L, e, col, n);
        for (let r = 0; r < n; r++) cov[r * n + c] = col[r];
      }
    }
  }
  return { x, value, iterations, converged, covariance: cov };
}

/** Cholesky factor L (lower, row-major) of −H + ridge·I; false when it is not numerically positive definite. */
function cholesky(hess: Float64Array, ridge: number, L: Float64Array, n: number): boolean {
  L.fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = -hess[i * n + j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 1e-12 * (ridge - hess[i * n + i]))) return false; // a pivot lost to rounding: singular
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  return true;
}

/** Solves L Lᵀ d = g. */
function solve(L: Float64Array, g: ArrayLike<number>, d: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * d[k];
    d[i] = s / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = d[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * d[k];
    d[i] = s / L[i * n + i];
  }
}
