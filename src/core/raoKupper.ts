import type { Objective } from './newtonAscent';
import { fitTieModel, scatter, softplus, type TieModel, type TieModelFit } from './tieModelFit';

export interface RaoKupper extends TieModelFit {
  /**
   * the tie parameter θ ≥ 1: two equal models tie with probability (θ − 1) / (θ + 1); 1 when the fitted
   * comparisons hold no tie, +Infinity when they hold nothing else, NaN when nothing is fitted
   */
  theta: number;
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
  options: { maxIterations?: number; tolerance?: number; weight?: ArrayLike<number> | null } = {},
): RaoKupper {
  const { tie, ...fit } = fitTieModel(a, b, outcome, nModels, RAO_KUPPER, options);
  return { ...fit, theta: tie };
}

/** Rao & Kupper's log-likelihood on the pairs' counts, φ = log θ > 0 in the tie slot; θ = (1 + r) / (1 − r) at the start. */
const RAO_KUPPER: TieModel = {
  noTie: 1,
  startLog: (r) => Math.log((1 + r) / (1 - r)),
  objective:
    ({ i: pi, j: pj, wins, ties, losses, tieCount }, { slot, n, tie: phi, withTie }): Objective =>
    (x, g, H) => {
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
    },
};
