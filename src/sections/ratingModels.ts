import { bradleyTerry } from '../core/bradleyTerry';
import { davidson } from '../core/davidson';
import { elo } from '../core/elo';
import { raoKupper } from '../core/raoKupper';
import { tieLogLikelihood } from '../core/tieLogLikelihood';
import { winMatrix } from '../core/winMatrix';

// The rating models compared in `model_ratings.models_compared` (Bradley-Terry two ways, Davidson, Rao-Kupper,
// Elo, the win rate) and their fit on one set of comparisons; `modelRatings` runs it on the data and on each
// bootstrap resample.

/** The rating models of `models_compared`, in this order. */
export const RATING_MODELS = [
  'bradley_terry',
  'bradley_terry_decisive',
  'davidson',
  'rao_kupper',
  'elo',
  'win_rate',
] as const;
export type RatingModel = (typeof RATING_MODELS)[number];
export const RATING_MODEL_NAMES: Record<RatingModel, string> = {
  bradley_terry: 'Bradley-Terry, ties half',
  bradley_terry_decisive: 'Bradley-Terry, without ties',
  davidson: 'Davidson (ties modelled)',
  rao_kupper: 'Rao-Kupper (ties modelled)',
  elo: 'Elo',
  win_rate: 'Average win rate',
};

/** One rating model of `models_compared`, fitted on the comparisons between the models of the main group. */
export interface ComparedRatings {
  /**
   * `bradley_terry`: Bradley–Terry, a tie half a win each (the `rating` of `models`); `bradley_terry_decisive`:
   * Bradley–Terry on the decisive comparisons only ("without ties"); `davidson`: Davidson (1970); `rao_kupper`:
   * Rao & Kupper (1967); `elo`: online Elo, a tie 0.5, in a seeded shuffled order; `win_rate`: (wins + ties / 2) /
   * comparisons against the other models of the main group
   */
  name: RatingModel;
  /**
   * per model of `models_compared.models`: 400 · log10(strength) less its mean over the main group for the
   * four Bradley–Terry-type models (a 400-point gap = 10 : 1 odds of winning a decisive comparison; for
   * Rao–Kupper, of winning when the tie parameter is 1); Elo less its mean over the main group; the win rate
   * as a share. null outside the main group (or not finite in this model)
   */
  rating: (number | null)[];
  /** 2.5% and 97.5% percentiles (type 7) over the kept item-bootstrap resamples; null when none was kept */
  rating_ci95: ([number, number] | null)[];
  /** judgements between two models of the main group (for `bradley_terry_decisive`, the decisive ones it is fitted on) */
  comparisons: number;
  /**
   * likelihood models only (else null): the log-likelihood of the three outcomes (win, tie, loss) of every
   * judgement between two models of the main group (the same judgements for all four), the parameters k =
   * (models − 1) strengths + 1 tie parameter, and AIC = 2k − 2 log_likelihood (lower is better). The two
   * Bradley–Terry rows are scored as "Bradley–Terry with a constant tie rate" (P(tie) = τ = ties / judgements,
   * P(i beats j) = (1 − τ) π_i / (π_i + π_j)), at their strengths: counting a tie as half a win is not a
   * probability model of ties, this is (`tieLogLikelihood`). null when a model of the main group is not finite here
   */
  log_likelihood: number | null;
  parameters: number | null;
  aic: number | null;
  /** Davidson ν, Rao–Kupper θ, or the Bradley–Terry tie rate τ (null for `elo`, `win_rate`, or when infinite) */
  tie_parameter: number | null;
  tie_parameter_ci95: [number, number] | null;
  /** of the fit on the data (null for `elo`, `win_rate`) */
  converged: boolean | null;
  /** bootstrap resamples whose values enter the intervals */
  bootstrap_kept: number;
}

export interface ModelsCompared {
  /** the models, in the order of `models` */
  models: string[];
  /** one entry per rating model, in `RATING_MODELS` order */
  methods: ComparedRatings[];
  /**
   * the Elo settings: K-factor, start, base, scale; the seed of its order on the data and of its orders in the
   * resamples; and the resamples it was refitted on (the first kept ones, at most `ELO_BOOTSTRAP_BUDGET` /
   * judgements of them, since each replays every judgement)
   */
  elo: {
    k_factor: number;
    initial: number;
    base: number;
    scale: number;
    seed: number;
    bootstrap_seed: number;
    bootstrap: number;
  };
}

/** LMSYS's Elo settings (`elo`'s defaults), shown with the result. */
export const ELO = { k: 4, initial: 1000, base: 10, scale: 400 } as const;

/** Elo's bootstrap replays at most this many judgements in all (100,000 judgements → 100 resamples). */
export const ELO_BOOTSTRAP_BUDGET = 1e7;

export interface RatingFit {
  /** per model code: the rating on the common scale, NaN when not rated */
  rating: Float64Array;
  tie: number;
  comparisons: number;
  logLik: number;
  parameters: number;
  aic: number;
  converged: boolean | null;
}

/**
 * Every rating model of `RATING_MODELS` on comparisons (a, b, s) weighted by w, given their Bradley–Terry fit
 * `bt` (ties half): the others fit the models `bt` finds finite (its main group). `likelihood`: also the
 * log-likelihoods (`tieLogLikelihood`, on the same judgements for all four likelihood models).
 */
export function fitRatingModels(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  s: ArrayLike<number>,
  w: ArrayLike<number> | null,
  M: number,
  bt: ReturnType<typeof bradleyTerry>,
  random: (() => number) | null,
  likelihood: boolean,
): RatingFit[] {
  const finite = bt.finite;
  const inGroup: number[] = [];
  for (let c = 0; c < M; c++) if (finite[c]) inGroup.push(c);
  const nan = () => new Float64Array(M).fill(NaN);
  // the count models need only the counts per pair and outcome: fit them on those (≤ 3 rows a pair)
  const pc = pairCounts(a, b, s, w, M);
  const decisiveWeight = pc.w.map((x, r) => (pc.s[r] === 0.5 || !finite[pc.a[r]] || !finite[pc.b[r]] ? 0 : x));
  // Bradley–Terry on the decisive comparisons: `davidson` without a tie is exactly that MLE (ν = 0), by Newton
  // in a few steps where `bradleyTerry`'s MM takes hundreds (same component, same MLE to ~1e-9)
  const decisive = davidson(pc.a, pc.b, pc.s, M, { weight: decisiveWeight });
  const decisiveOk = inGroup.length > 0 && inGroup.every((c) => decisive.finite[c]);
  const dv = davidson(pc.a, pc.b, pc.s, M, { weight: pc.w });
  const rk = raoKupper(pc.a, pc.b, pc.s, M, { weight: pc.w });
  // Elo depends on the order: on the data it plays the judgements themselves (so the result is `elo` on them)
  const el = random
    ? likelihood
      ? elo(a, b, s, M, { weight: w, random, ...ELO })
      : elo(pc.a, pc.b, pc.s, M, { weight: pc.w, random, ...ELO })
    : null;
  const counts = winMatrix(pc.a, pc.b, pc.s, M, { weight: pc.w });
  const tieRate = dv.ties / dv.comparisons;
  let decisiveComparisons = 0;
  for (let k = 0; k < decisiveWeight.length; k++) decisiveComparisons += decisiveWeight[k];

  const eloRating = nan();
  let mean = 0;
  for (const c of inGroup) mean += (el ? el.rating[c] : NaN) / inGroup.length;
  for (const c of inGroup) eloRating[c] = (el ? el.rating[c] : NaN) - mean;
  const winRate = nan();
  for (const c of inGroup) {
    let score = 0,
      n = 0;
    for (const d of inGroup) {
      score += counts.wins[c * M + d] + counts.ties[c * M + d] / 2;
      n += counts.comparisons[c * M + d];
    }
    winRate[c] = score / n;
  }
  const ll = (model: 'bradley-terry' | 'davidson' | 'rao-kupper', strength: Float64Array, tie: number | null) =>
    likelihood ? tieLogLikelihood(a, b, s, model, strength, tie, { weight: w }) : null;
  const none = { logLik: NaN, parameters: NaN, aic: NaN };
  const part = (x: ReturnType<typeof ll>) => (x ? { logLik: x.logLik, parameters: x.parameters, aic: x.aic } : none);
  const ok = (x: { finite: Uint8Array }) => inGroup.every((c) => x.finite[c]);
  return [
    {
      rating: bt.rating,
      tie: tieRate,
      comparisons: dv.comparisons,
      ...part(ll('bradley-terry', bt.strength, null)),
      converged: bt.converged,
    },
    {
      rating: decisiveOk ? decisive.rating : nan(),
      tie: tieRate,
      comparisons: decisiveComparisons,
      ...(decisiveOk ? part(ll('bradley-terry', decisive.strength, null)) : none),
      converged: decisive.converged,
    },
    {
      rating: ok(dv) ? dv.rating : nan(),
      tie: dv.nu,
      comparisons: dv.comparisons,
      ...(ok(dv) ? part(ll('davidson', dv.strength, dv.nu)) : none),
      converged: dv.converged,
    },
    {
      rating: ok(rk) ? rk.rating : nan(),
      tie: rk.theta,
      comparisons: rk.comparisons,
      ...(ok(rk) ? part(ll('rao-kupper', rk.strength, rk.theta)) : none),
      converged: rk.converged,
    },
    { rating: eloRating, tie: NaN, comparisons: el ? el.comparisons : 0, ...none, converged: null },
    { rating: winRate, tie: NaN, comparisons: dv.comparisons, ...none, converged: null },
  ];
}

/** Comparisons (a, b, s) weighted by w as one row per pair (lower code first) and outcome, weighted by their count. */
function pairCounts(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  s: ArrayLike<number>,
  w: ArrayLike<number> | null,
  M: number,
): { a: Int32Array; b: Int32Array; s: Float64Array; w: Float64Array } {
  const total = new Float64Array(M * M * 3);
  for (let r = 0; r < a.length; r++) {
    const x = w ? w[r] : 1;
    if (x === 0 || a[r] === b[r]) continue;
    const flip = a[r] > b[r];
    const lo = flip ? b[r] : a[r],
      hi = flip ? a[r] : b[r];
    const o = flip ? 1 - s[r] : s[r]; // 1, 0.5, 0 → slot 0, 1, 2
    total[(lo * M + hi) * 3 + (o === 1 ? 0 : o === 0.5 ? 1 : 2)] += x;
  }
  let n = 0;
  for (let q = 0; q < total.length; q++) if (total[q] > 0) n++;
  const out = { a: new Int32Array(n), b: new Int32Array(n), s: new Float64Array(n), w: new Float64Array(n) };
  for (let q = 0, r = 0; q < total.length; q++) {
    if (total[q] === 0) continue;
    const pair = Math.floor(q / 3);
    out.a[r] = Math.floor(pair / M);
    out.b[r] = pair % M;
    out.s[r] = [1, 0.5, 0][q % 3];
    out.w[r++] = total[q];
  }
  return out;
}
