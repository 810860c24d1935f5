export type TieModel = 'bradley-terry' | 'davidson' | 'rao-kupper';

export interface TieLogLikelihood {
  /** Σ_k w_k log P(outcome_k) over the counted comparisons; NaN when fewer than 2 models have a strength */
  logLik: number;
  /** parameters: (models with a strength − 1) strengths + 1 tie parameter */
  parameters: number;
  /** Akaike's information criterion 2 · parameters − 2 · logLik (lower is better) */
  aic: number;
  /** the tie parameter used (for `bradley-terry` given `null`: its maximum-likelihood value ties / comparisons) */
  tie: number;
  /** weighted comparisons counted (both models with a strength, different models) and the ties among them */
  comparisons: number;
  ties: number;
  /** models with a strength */
  models: number;
}

/**
 * The log-likelihood of three-outcome comparisons (win, tie, loss) under a model with ties, at the given
 * strengths π (any positive scale; a model whose strength is NaN, 0 or missing is left out with its
 * comparisons) and tie parameter, with AIC = 2k − 2 logL, k = (models − 1) + 1, so that the three models
 * count the same comparisons and the same number of parameters:
 * - `davidson` (Davidson 1970), tie = ν: P(i beats j) = π_i / (π_i + π_j + ν√(π_iπ_j)), P(tie) = ν√(π_iπ_j) / (same);
 * - `rao-kupper` (Rao & Kupper 1967), tie = θ ≥ 1: P(i beats j) = π_i / (π_i + θπ_j),
 *   P(tie) = (θ² − 1)π_iπ_j / ((π_i + θπ_j)(θπ_i + π_j));
 * - `bradley-terry`, tie = τ: Bradley–Terry with a constant tie rate, P(tie) = τ, P(i beats j) =
 *   (1 − τ) π_i / (π_i + π_j). Counting a tie as half a win and half a loss is not a probability model of
 *   ties (p + (1 − p) + √(p(1 − p)) > 1), so its "likelihood" is not comparable with the other two; this
 *   model is, and with `tie = null` τ takes its maximum-likelihood value given any strengths, T / N. At the
 *   strengths of `bradleyTerry` on the decisive comparisons it is this model's maximum; at the ties-as-half
 *   strengths it is the likelihood of those strengths under it.
 * Comparison k is model `a[k]` against `b[k]` with `outcome[k]` the score of a (1, 0.5, 0), counted
 * `weight[k]` times (default 1). A probability of 0 for an outcome that happened gives −Infinity. An unknown
 * model, or a missing tie parameter other than Bradley–Terry's, throws.
 */
export function tieLogLikelihood(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  model: TieModel,
  strength: ArrayLike<number>,
  tie: number | null,
  { weight = null }: { weight?: ArrayLike<number> | null } = {},
): TieLogLikelihood {
  if (model !== 'bradley-terry' && model !== 'davidson' && model !== 'rao-kupper')
    throw new Error(`invalid model: "${model}"`);
  if (tie === null && model !== 'bradley-terry') throw new Error(`tie parameter required for ${model}`);
  if (a.length !== b.length || a.length !== outcome.length || (weight && weight.length !== a.length))
    throw new Error('length mismatch');
  const has = (m: number) => strength[m] > 0 && Number.isFinite(strength[m]);
  let models = 0;
  for (let m = 0; m < strength.length; m++) if (has(m)) models++;
  let comparisons = 0,
    ties = 0;
  for (let k = 0; k < a.length; k++) {
    const w = weight ? weight[k] : 1;
    if (w === 0 || a[k] === b[k] || !has(a[k]) || !has(b[k])) continue;
    comparisons += w;
    if (outcome[k] === 0.5) ties += w;
  }
  const t = tie ?? ties / comparisons;
  let logLik = models < 2 ? NaN : 0;
  // the three log-probabilities of a pair, cached per ordered pair of codes
  const cache = new Map<number, [number, number, number]>();
  const M = strength.length;
  for (let k = 0; k < a.length && models >= 2; k++) {
    const w = weight ? weight[k] : 1;
    const i = a[k],
      j = b[k];
    if (w === 0 || i === j || !has(i) || !has(j)) continue;
    let lp = cache.get(i * M + j);
    if (!lp) {
      lp = logProbabilities(model, Math.log(strength[i]), Math.log(strength[j]), t);
      cache.set(i * M + j, lp);
    }
    const s = outcome[k];
    const x = s === 1 ? lp[0] : s === 0 ? lp[2] : lp[1];
    logLik += w * x;
  }
  const parameters = models;
  return { logLik, parameters, aic: 2 * parameters - 2 * logLik, tie: t, comparisons, ties, models };
}

/** log P(i wins), log P(tie), log P(j wins) from log strengths x, y and the tie parameter. */
function logProbabilities(model: TieModel, x: number, y: number, t: number): [number, number, number] {
  if (model === 'bradley-terry') {
    const lse = logSumExp(x, y);
    const lt = Math.log(t),
      ld = Math.log1p(-t);
    return [ld + x - lse, lt, ld + y - lse];
  }
  if (model === 'davidson') {
    const h = Math.log(t) + (x + y) / 2;
    const mx = Math.max(x, y, h);
    const lse = mx + Math.log(Math.exp(x - mx) + Math.exp(y - mx) + Math.exp(h - mx));
    return [x - lse, h - lse, y - lse];
  }
  const lt = Math.log(t);
  const l1 = logSumExp(x, y + lt),
    l2 = logSumExp(y, x + lt);
  return [x - l1, Math.log((t - 1) * (t + 1)) + x + y - l1 - l2, y - l2];
}

function logSumExp(x: number, y: number): number {
  const mx = Math.max(x, y);
  return mx + Math.log(Math.exp(x - mx) + Math.exp(y - mx));
}
