import { componentPairs, type ComponentPairs } from './componentPairs';
import { newtonAscent, type Objective } from './newtonAscent';
import { strengthRatings } from './strengthRatings';
import type { WinMatrix } from './winMatrix';

/** What a Bradley–Terry model with ties gives, its tie parameter aside (`davidson`, `raoKupper`). */
export interface TieModelFit {
  /** per model: the fitted strength π_i, summing to 1 over the fitted models; NaN for a model not fitted */
  strength: Float64Array;
  /** per model: 400 · log10(π_i) less its mean over the fitted models (as `bradleyTerry`'s rating); NaN when not fitted */
  rating: Float64Array;
  /** per model: 1 when fitted (in the main component, as `bradleyTerry`) */
  finite: Uint8Array;
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

/** Where a model's parameters sit in the Newton vector, for its log-likelihood. */
export interface TieModelSlots {
  /** per model code: its log strength's slot; -1 for the lowest-coded fitted model (pinned at 0) and the others */
  slot: Int32Array;
  /** the length of the parameter vector: F − 1 log strengths, then the log tie parameter when there are ties */
  n: number;
  /** the log tie parameter's slot (F − 1), used only when `withTie` */
  tie: number;
  withTie: boolean;
}

/** A model with ties: its log-likelihood on the pairs' counts, and its log tie parameter at the start. */
export interface TieModel {
  objective: (pairs: ComponentPairs, slots: TieModelSlots) => Objective;
  /** the log tie parameter when all strengths are equal and `r` of the comparisons are ties (the start) */
  startLog: (r: number) => number;
  /** the tie parameter without any tie among the fitted comparisons */
  noTie: number;
}

/**
 * The fit both models with ties share: the comparisons inside the main strongly connected component that
 * `bradleyTerry` uses (`componentPairs`), maximum likelihood by Newton's method (`newtonAscent`) on (log π_i
 * less log π of the lowest-coded fitted model, log tie parameter) from equal strengths and `model.startLog`,
 * until no log parameter moves by more than `tolerance` or after `maxIterations`. Degenerate: no tie → the tie
 * parameter is `model.noTie` and the strengths are Bradley–Terry's on the decisive comparisons; only ties →
 * +Infinity with the strengths not identified (NaN, `finite` 0); no component with 2 models → NaN.
 */
export function fitTieModel(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  model: TieModel,
  {
    maxIterations = 100,
    tolerance = 1e-10,
    weight = null,
  }: { maxIterations?: number; tolerance?: number; weight?: ArrayLike<number> | null } = {},
): TieModelFit & { tie: number } {
  const M = nModels;
  const pairs = componentPairs(a, b, outcome, M, { weight });
  const { fitted, comparisons, tieCount } = pairs;
  const F = fitted.length;
  const strength = new Float64Array(M).fill(NaN);
  const rating = new Float64Array(M).fill(NaN);
  const finite = new Uint8Array(M);
  let tie = NaN,
    logLik = NaN,
    iterations = 0,
    converged = false;
  if (F >= 2 && comparisons === tieCount) tie = Infinity;
  else if (F >= 2) {
    const slot = new Int32Array(M).fill(-1);
    fitted.forEach((m, x) => (slot[m] = x - 1));
    const withTie = tieCount > 0;
    const slots: TieModelSlots = { slot, n: F - 1 + (withTie ? 1 : 0), tie: F - 1, withTie };
    const start = new Float64Array(slots.n);
    if (withTie) start[slots.tie] = model.startLog(tieCount / comparisons);
    const fit = newtonAscent(model.objective(pairs, slots), start, { maxIterations, tolerance });
    iterations = fit.iterations;
    converged = fit.converged;
    logLik = fit.value;
    tie = withTie ? Math.exp(fit.x[slots.tie]) : model.noTie;
    strengthRatings(fitted, (m) => (slot[m] < 0 ? 0 : fit.x[slot[m]]), strength, rating, finite);
  }
  return {
    strength,
    rating,
    finite,
    tie,
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
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Adds a symmetric 3 × 3 block (h00, h01, h02, h11, h12, h22) on slots (s0, s1, s2); slots < 0 are skipped. */
export function scatter(
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
