import { componentPairs } from './componentPairs';
import { newtonAscent, type Objective } from './newtonAscent';
import { strengthRatings } from './strengthRatings';
import type { WinMatrix } from './winMatrix';

export interface Davidson {
  /** per model: the fitted strength π_i, summing to 1 over the fitted models; NaN for a model not fitted */
  strength: Float64Array;
  /** per model: 400 · log10(π_i) less its mean over the fitted models (as `bradleyTerry`'s rating); NaN when not fitted */
  rating: Float64Array;
  /** per model: 1 when fitted (in the main component, as `bradleyTerry`) */
  finite: Uint8Array;
  /**
   * the tie parameter ν: P(tie) = ν√(π_iπ_j) / (π_i + π_j + ν√(π_iπ_j)), so that two equal models tie with
   * probability ν / (2 + ν); 0 when the fitted comparisons hold no tie, +Infinity when they hold nothing else,
   * NaN when nothing is fitted
   */
  nu: number;
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
 * Davidson's (1970, JASA 65: 317–328) Bradley–Terry model with ties: P(i beats j) = π_i / (π_i + π_j + ν√(π_iπ_j)),
 * P(tie) = ν√(π_iπ_j) / (π_i + π_j + ν√(π_iπ_j)). Comparison k is model `a[k]` against `b[k]` with `outcome[k]`
 * the score of a (1, 0.5 a tie, 0), counted `weight[k]` times (default 1).
 *
 * Fitted on the comparisons inside the main strongly connected component of "i won or tied against j" that
 * `bradleyTerry` uses (`componentPairs`), so both fits count the same comparisons. Maximum likelihood by
 * Newton's method (`newtonAscent`) on (log π_i less log π of the lowest-coded fitted model, log ν): the
 * log-likelihood is concave in these (each term is linear minus a log-sum-exp of linear functions), so the
 * maximum is unique. Start: all π equal, ν = 2r / (1 − r) with r the share of ties (the MLE when all
 * strengths are equal). Stops when a Newton step changes no log parameter by more than `tolerance` (1e-10)
 * or after `maxIterations` (100). Degenerate: no tie among the fitted comparisons → ν = 0 and the strengths
 * are Bradley–Terry's on the decisive ones (the limit); only ties → ν = +∞ with the strengths not identified
 * (NaN, `finite` 0); no component with 2 models → nothing fitted, NaN.
 */
export function davidson(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  {
    maxIterations = 100,
    tolerance = 1e-10,
    weight = null,
  }: { maxIterations?: number; tolerance?: number; weight?: ArrayLike<number> | null } = {},
): Davidson {
  const M = nModels;
  const pairs = componentPairs(a, b, outcome, M, { weight });
  const { fitted, i: pi, j: pj, wins, ties, losses, comparisons, tieCount } = pairs;
  const F = fitted.length;
  const strength = new Float64Array(M).fill(NaN);
  const rating = new Float64Array(M).fill(NaN);
  const finite = new Uint8Array(M);
  let nu = NaN,
    logLik = NaN,
    iterations = 0,
    converged = false;
  if (F >= 2 && comparisons === tieCount) nu = Infinity;
  else if (F >= 2) {
    // parameter of a model's log strength: the lowest-coded fitted model is pinned at 0 (slot -1); log ν last
    const slot = new Int32Array(M).fill(-1);
    fitted.forEach((m, x) => (slot[m] = x - 1));
    const withTie = tieCount > 0;
    const n = F - 1 + (withTie ? 1 : 0);
    const tau = F - 1;
    const f: Objective = (x, g, H) => {
      let ll = 0;
      for (let e = 0; e < pi.length; e++) {
        const si = slot[pi[e]],
          sj = slot[pj[e]];
        const xi = si < 0 ? 0 : x[si],
          xj = sj < 0 ? 0 : x[sj];
        const w = wins[e],
          t = ties[e],
          l = losses[e],
          nn = w + t + l;
        if (withTie) {
          const h = x[tau] + (xi + xj) / 2;
          const mx = Math.max(xi, xj, h);
          const ei = Math.exp(xi - mx),
            ej = Math.exp(xj - mx),
            et = Math.exp(h - mx);
          const D = ei + ej + et;
          ll += w * xi + l * xj + t * h - nn * (mx + Math.log(D));
          if (!g || !H) continue;
          const p = ei / D,
            q = ej / D,
            r = et / D;
          // log D is a log-sum-exp over the features (1, 0, 0), (0, 1, 0), (1/2, 1/2, 1) of (x_i, x_j, log ν):
          // gradient g = Σ p_k f_k, Hessian Σ p_k f_k f_kᵀ − g gᵀ
          const g0 = p + r / 2,
            g1 = q + r / 2,
            g2 = r;
          if (si >= 0) g[si] += w + t / 2 - nn * g0;
          if (sj >= 0) g[sj] += l + t / 2 - nn * g1;
          g[tau] += t - nn * g2;
          scatter(
            H,
            n,
            si,
            sj,
            tau,
            -nn * (p + r / 4 - g0 * g0),
            -nn * (r / 4 - g0 * g1),
            -nn * (r / 2 - g0 * g2),
            -nn * (q + r / 4 - g1 * g1),
            -nn * (r / 2 - g1 * g2),
            -nn * (r - g2 * g2),
          );
        } else {
          const dl = xi - xj;
          ll += -w * softplus(-dl) - l * softplus(dl);
          if (!g || !H) continue;
          const p = 1 / (1 + Math.exp(-dl));
          if (si >= 0) g[si] += w - nn * p;
          if (sj >= 0) g[sj] -= w - nn * p;
          const v = -nn * p * (1 - p);
          scatter(H, n, si, sj, -1, v, -v, 0, v, 0, 0);
        }
      }
      return ll;
    };
    const start = new Float64Array(n);
    if (withTie) {
      const r = tieCount / comparisons;
      start[tau] = Math.log((2 * r) / (1 - r));
    }
    const fit = newtonAscent(f, start, { maxIterations, tolerance });
    iterations = fit.iterations;
    converged = fit.converged;
    logLik = fit.value;
    nu = withTie ? Math.exp(fit.x[tau]) : 0;
    strengthRatings(fitted, (m) => (slot[m] < 0 ? 0 : fit.x[slot[m]]), strength, rating, finite);
  }
  return {
    strength,
    rating,
    finite,
    nu,
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
