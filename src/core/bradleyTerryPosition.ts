import { components } from './bradleyTerry';
import { newtonAscent, type Objective } from './newtonAscent';
import { normalTail } from './normalTail';
import { strengthRatings } from './strengthRatings';
import { winMatrix, type WinMatrix } from './winMatrix';

export interface BradleyTerryPosition {
  /** per model: strength π_i summing to 1 over the fitted models, and its rating (as `bradleyTerry`); NaN when not fitted */
  strength: Float64Array;
  rating: Float64Array;
  finite: Uint8Array;
  /** the first-position advantage γ: the odds of the model shown first are multiplied by γ (1: no advantage); NaN when not fitted */
  gamma: number;
  logGamma: number;
  /** standard error of log γ from the observed information; NaN when it is singular (γ not identified) */
  logGammaSe: number;
  /** Wald interval exp(log γ ± z · se) */
  gammaCi: [number, number];
  /** likelihood-ratio test against γ = 1 (Bradley–Terry on the same comparisons): 2 (logLik − logLikNull) and its χ²₁ p-value */
  lrStatistic: number;
  pValue: number;
  logLik: number;
  logLikNull: number;
  /** weighted comparisons counted (both models fitted), and the summed score of the model shown first */
  comparisons: number;
  firstScore: number;
  /** as `bradleyTerry`, on the comparisons with positions ignored */
  component: Int32Array;
  main: number;
  nFitted: number;
  iterations: number;
  /** both fits (with γ and with γ = 1) converged */
  converged: boolean;
  counts: WinMatrix;
}

/**
 * Bradley–Terry with an advantage for the position shown first (Agresti 2013, *Categorical Data Analysis*
 * 3rd ed., 11.6.3, the home-team advantage model): P(the model shown first wins) = γπ_f / (γπ_f + π_s).
 * Comparison k shows model `first[k]` first and `second[k]` second, `outcome[k]` the score of the one shown
 * first (1, 0.5 a tie, 0), counted `weight[k]` times (default 1). A tie counts as half a win for each, as
 * in `bradleyTerry`: the fit maximises Σ_k w_k [s_k log p_k + (1 − s_k) log(1 − p_k)] (a Bernoulli
 * quasi-likelihood for the score), by Newton's method (`newtonAscent`) on (log π less that of the
 * lowest-coded fitted model, log γ) from 0, concave; stops when no step exceeds `tolerance` (1e-10).
 * The models fitted are the main strongly connected component of the comparisons with positions ignored,
 * as `bradleyTerry`. The standard error of log γ is the observed-information one; a tie scores 0.5 with
 * less variance than the working Bernoulli's p(1 − p), so with ties it errs on the wide side. The
 * likelihood-ratio test refits with γ = 1 and refers 2 Δ logLik to χ²₁ (p = P(|Z| > √LR)). Degenerate:
 * no component of 2 models → NaN; γ not identified (say every comparison showed the same model first) →
 * se, interval NaN.
 */
export function bradleyTerryPosition(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  {
    weight = null,
    maxIterations = 100,
    tolerance = 1e-10,
    z = 1.959963984540054,
  }: { weight?: ArrayLike<number> | null; maxIterations?: number; tolerance?: number; z?: number } = {},
): BradleyTerryPosition {
  const M = nModels;
  const counts = winMatrix(first, second, outcome, M, { weight });
  const { component, main } = components(counts);
  const fitted: number[] = [];
  if (main >= 0) for (let m = 0; m < M; m++) if (component[m] === main) fitted.push(m);
  const F = fitted.length;
  const slot = new Int32Array(M).fill(-1);
  fitted.forEach((m, x) => (slot[m] = x - 1));
  // ordered pairs (first, second) of fitted models: comparisons and the score of the first
  const index = new Map<number, number>();
  const pf: number[] = [],
    ps: number[] = [],
    pn: number[] = [],
    pS: number[] = [];
  let comparisons = 0,
    firstScore = 0;
  for (let k = 0; k < first.length; k++) {
    const f = first[k],
      s = second[k],
      w = weight ? weight[k] : 1;
    if (w === 0 || f === s || main < 0 || component[f] !== main || component[s] !== main) continue;
    let e = index.get(f * M + s);
    if (e === undefined) {
      index.set(f * M + s, (e = pf.length));
      pf.push(f);
      ps.push(s);
      pn.push(0);
      pS.push(0);
    }
    pn[e] += w;
    pS[e] += w * outcome[k];
    comparisons += w;
    firstScore += w * outcome[k];
  }
  const strength = new Float64Array(M).fill(NaN);
  const rating = new Float64Array(M).fill(NaN);
  const finite = new Uint8Array(M);
  const result: BradleyTerryPosition = {
    strength,
    rating,
    finite,
    gamma: NaN,
    logGamma: NaN,
    logGammaSe: NaN,
    gammaCi: [NaN, NaN],
    lrStatistic: NaN,
    pValue: NaN,
    logLik: NaN,
    logLikNull: NaN,
    comparisons,
    firstScore,
    component,
    main,
    nFitted: F >= 2 ? F : 0,
    iterations: 0,
    converged: false,
    counts,
  };
  if (F < 2) return result;

  // parameters: log strengths (slot ≥ 0), then log γ when `withGamma`
  const objective =
    (withGamma: boolean): Objective =>
    (x, g, H) => {
      const n = x.length;
      const lg = withGamma ? x[F - 1] : 0;
      let ll = 0;
      for (let e = 0; e < pf.length; e++) {
        const sf = slot[pf[e]],
          ss = slot[ps[e]];
        const zz = lg + (sf < 0 ? 0 : x[sf]) - (ss < 0 ? 0 : x[ss]);
        ll -= pS[e] * softplus(-zz) + (pn[e] - pS[e]) * softplus(zz);
        if (!g || !H) continue;
        const p = 1 / (1 + Math.exp(-zz));
        const r = pS[e] - pn[e] * p,
          v = pn[e] * p * (1 - p);
        // gradient r · (1, −1, 1) and Hessian −v (1, −1, 1)(1, −1, 1)ᵀ on (first, second, log γ)
        const s = [sf, ss, withGamma ? F - 1 : -1],
          sign = [1, -1, 1];
        for (let a = 0; a < 3; a++) {
          if (s[a] < 0) continue;
          g[s[a]] += sign[a] * r;
          for (let c = 0; c < 3; c++) if (s[c] >= 0) H[s[a] * n + s[c]] -= sign[a] * sign[c] * v;
        }
      }
      return ll;
    };
  const fit = newtonAscent(objective(true), new Float64Array(F), { maxIterations, tolerance, covariance: true });
  const fit0 = newtonAscent(objective(false), new Float64Array(F - 1), { maxIterations, tolerance });
  strengthRatings(fitted, (m) => (slot[m] < 0 ? 0 : fit.x[slot[m]]), strength, rating, finite);
  const logGamma = fit.x[F - 1];
  const se = fit.covariance ? Math.sqrt(fit.covariance[F * F - 1]) : NaN;
  const lr = Math.max(0, 2 * (fit.value - fit0.value));
  return {
    ...result,
    gamma: Math.exp(logGamma),
    logGamma,
    logGammaSe: se,
    gammaCi: [Math.exp(logGamma - z * se), Math.exp(logGamma + z * se)],
    lrStatistic: lr,
    pValue: Math.min(1, 2 * normalTail(Math.sqrt(lr))),
    logLik: fit.value,
    logLikNull: fit0.value,
    iterations: fit.iterations,
    converged: fit.converged && fit0.converged,
  };
}

/** log(1 + e^x) without overflow */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
