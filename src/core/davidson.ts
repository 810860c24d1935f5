import type { Objective } from './newtonAscent';
import { fitTieModel, scatter, softplus, type TieModel, type TieModelFit } from './tieModelFit';

export interface Davidson extends TieModelFit {
  /**
   * the tie parameter ν: P(tie) = ν√(π_iπ_j) / (π_i + π_j + ν√(π_iπ_j)), so that two equal models tie with
   * probability ν / (2 + ν); 0 when the fitted comparisons hold no tie, +Infinity when they hold nothing else,
   * NaN when nothing is fitted
   */
  nu: number;
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
  options: { maxIterations?: number; tolerance?: number; weight?: ArrayLike<number> | null } = {},
): Davidson {
  const { tie, ...fit } = fitTieModel(a, b, outcome, nModels, DAVIDSON, options);
  return { ...fit, nu: tie };
}

/** Davidson's log-likelihood on the pairs' counts, ν = e^(log ν) in the tie slot; ν = 2r / (1 − r) at the start. */
const DAVIDSON: TieModel = {
  noTie: 0,
  startLog: (r) => Math.log((2 * r) / (1 - r)),
  objective:
    ({ i: pi, j: pj, wins, ties, losses }, { slot, n, tie: tau, withTie }): Objective =>
    (x, g, H) => {
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
    },
};
