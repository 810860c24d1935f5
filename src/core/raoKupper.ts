import { componentPairs } from './componentPairs';
import { newtonAscent, type Objective } from './newtonAscent';
import { strengthRatings } from './strengthRatings';
import type { WinMatrix } from './winMatrix';

export interface RaoKupper {
  /** per model: the fitted strength π_i, summing to 1 over the fitted models; NaN for a model not fitted */
  strength: Float64Array;
  /** per model: 400 · log10(π_i) less its mean over the fitted models (as `bradleyTerry`'s rating); NaN when not fitted */
  rating: Float64Array;
  /** per model: 1 when fitted (in the main component, as `bradleyTerry`) */
  finite: Uint8Array;
  /**
   * the tie parameter θ ≥ 1: two equal models tie with probability (θ − 1) / (θ + 1); 1 when the fitted
   * comparisons hold no tie, +Infinity when they hold nothing else, NaN when nothing is fitted
   */
  theta: number;
  /** the log-likelihood Σ_k w_k log P(outcome_k) over the fitted comparisons at the estimate; NaN when not fitted */
  logLik: number;
  /** weighted comparisons between fitted models, and the ties among them */
  comparisons: number;
  ties: number;
  /** as `bradleyTerry` */
  component: Int32Array;
  main: number;
  nFitted: number;
  iterations: number;
  converged: boolean;
  counts: WinMatrix;
}

/**
 * Rao & Kupper's (1967, JASA 62: 194–204) Bradley–Terry model with ties: P(i beats j) = π_i / (π_i + θπ_j),
 * P(tie) = (θ² − 1) π_iπ_j / ((π_i + θπ_j)(θπ_i + π_j)), θ ≥ 1. Comparison k is model `a[k]` against `b[k]`
 * with `outcome[k]` the score of a (1, 0.5 a tie, 0), counted `weight[k]` times (default 1).
 *
 * Fitted on the comparisons inside the main strongly connected component that `bradleyTerry` uses
 * (`componentPairs`). Maximum likelihood by Newton's method (`newtonAscent`) on (log π_i less log π of the
 * lowest-coded fitted model, log θ > 0): concave in these (linear terms minus log-sum-exps, plus
 * T log(θ² − 1), concave in log θ), so the maximum is unique. Start: all π equal, θ = (1 + r) / (1 − r) with
 * r the share of ties (the MLE when all strengths are equal). Stops when a Newton step changes no log
 * parameter by more than `tolerance` (1e-10) or after `maxIterations` (100). Degenerate: no tie → θ = 1 and the
 * strengths are Bradley–Terry's on the decisive comparisons; only ties → θ = +∞ with the strengths not
 * identified (NaN, `finite` 0); no component with 2 models → nothing fitted, NaN.
 */
export function raoKupper(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  {
    maxIterations = 100,
    tolerance = 1e-10,
    weight = null,
  }: { maxIterations?: number; tolerance?: number; weight?: ArrayLike<number> | null } = {},
): RaoKupper {
  const M = nModels;
  const pairs = componentPairs(a, b, outcome, M, { weight });
  const { fitted, i: pi, j: pj, wins, ties, losses, comparisons, tieCount } = pairs;
  const F = fitted.length;
  const strength = new Float64Array(M).fill(NaN);
  const rating = new Float64Array(M).fill(NaN);
  const finite = new Uint8Array(M);
  let theta = NaN,
    logLik = NaN,
    iterations = 0,
    converged = false;
  if (F >= 2 && comparisons === tieCount) theta = Infinity;
  else if (F >= 2) {
    const slot = new Int32Array(M).fill(-1);
    fitted.forEach((m, x) => (slot[m] = x - 1));
    const withTie = tieCount > 0;
    const n = F - 1 + (withTie ? 1 : 0);
    const phi = F - 1; // log θ
    const f: Objective = (x, g, H) => {
      const lt = withTie ? x[phi] : 0;
      if (withTie && !(lt > 0)) return -Infinity;
      let ll = 0;
      if (withTie) {
        const E = Math.expm1(2 * lt); // θ² − 1
        ll += tieCount * Math.log(E);
        if (g && H) {
          g[phi] += tieCount * 2 * (1 + 1 / E);
          H[phi * n + phi] -= tieCount * 4 * (1 / E + 1 / (E * E));
        }
      }
      for (let e = 0; e < pi.length; e++) {
        const si = slot[pi[e]],
          sj = slot[pj[e]];
        const xi = si < 0 ? 0 : x[si],
          xj = sj < 0 ? 0 : x[sj];
        const A = wins[e] + ties[e],
          B = losses[e] + ties[e];
        // log P(i wins) = x_i − log(e^x_i + e^(x_j + φ)); log P(j wins) likewise; a tie adds both and log(θ² − 1)
        const d = xi - xj - lt,
          d2 = xj - xi - lt;
        ll += A * xi + B * xj - A * (xi + softplus(-d)) - B * (xj + softplus(-d2));
        if (!g || !H) continue;
        const q = 1 / (1 + Math.exp(-d)),
          r = 1 / (1 + Math.exp(-d2));
        if (si >= 0) g[si] += A - A * q - B * (1 - r);
        if (sj >= 0) g[sj] += B - A * (1 - q) - B * r;
        if (withTie) g[phi] += -A * (1 - q) - B * (1 - r);
        // Hessian −A q(1−q) v vᵀ − B r(1−r) u uᵀ with v = (1, −1, −1), u = (−1, 1, −1) on (x_i, x_j, φ)
        const al = A * q * (1 - q),
          be = B * r * (1 - r);
        scatter(H, n, si, sj, withTie ? phi : -1, -al - be, al + be, al - be, -al - be, be - al, -al - be);
      }
      return ll;
    };
    const start = new Float64Array(n);
    if (withTie) {
      const r = tieCount / comparisons;
      start[phi] = Math.log((1 + r) / (1 - r));
    }
    const fit = newtonAscent(f, start, { maxIterations, tolerance });
    iterations = fit.iterations;
    converged = fit.converged;
    logLik = fit.value;
    theta = withTie ? Math.exp(fit.x[phi]) : 1;
    strengthRatings(fitted, (m) => (slot[m] < 0 ? 0 : fit.x[slot[m]]), strength, rating, finite);
  }
  return {
    strength,
    rating,
    finite,
    theta,
    logLik,
    comparisons,
    ties: tieCount,
    component: pairs.component,
    main: pairs.main,
    nFitted: F >= 2 ? F : 0,
    iterations,
    converged,
    counts: pairs.counts,
  };
}

/** log(1 + e^x) without overflow */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Adds a symmetric 3 × 3 block (h00, h01, h02, h11, h12, h22) on slots (s0, s1, s2); slots < 0 are skipped. */
function scatter(
  H: Float64Array,
  n: number,
  s0: number,
  s1: number,
  s2: number,
  h00: number,
  h01: number,
  h02: number,
  h11: number,
  h12: number,
  h22: number,
): void {
  if (s0 >= 0) H[s0 * n + s0] += h00;
  if (s1 >= 0) H[s1 * n + s1] += h11;
  if (s2 >= 0) H[s2 * n + s2] += h22;
  if (s0 >= 0 && s1 >= 0) {
    H[s0 * n + s1] += h01;
    H[s1 * n + s0] += h01;
  }
  if (s0 >= 0 && s2 >= 0) {
    H[s0 * n + s2] += h02;
    H[s2 * n + s0] += h02;
  }
  if (s1 >= 0 && s2 >= 0) {
    H[s1 * n + s2] += h12;
    H[s2 * n + s1] += h12;
  }
}
