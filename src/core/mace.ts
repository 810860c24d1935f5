import { rng } from './rng';
import type { Ratings } from './types';

export interface Mace {
  /** per item: the given category of highest posterior (exact ties: the lowest code), -1 for items without labels */
  label: Int32Array;
  /** nItems × K, row-major; rows of items without labels, and columns of categories no selected label uses, are 0 */
  posterior: Float64Array;
  /** per item: the posterior of its label, NaN without labels */
  confidence: Float64Array;
  /** per annotator: θ, the probability of giving the true label rather than spamming (NaN without a selected label) */
  competence: Float64Array;
  /** per annotator: 1 − θ */
  spamProbability: Float64Array;
  /** nAnnotators × K, row-major: ξ, the distribution an annotator answers from when spamming (NaN rows without labels) */
  spamming: Float64Array;
  /** passes (M-step then E-step) of the kept restart */
  iterations: number;
  /** whether the kept restart stopped because no posterior moved by `tolerance` or more (other restarts may not have) */
  converged: boolean;
  /** the kept restart's log marginal likelihood, Σ_items log Σ_c (1/K) Π P(label | c) (under VB: with the VB weights) */
  logLikelihood: number;
  /** per restart: its final log marginal likelihood; the first of the largest is kept */
  restartLogLikelihoods: Float64Array;
  /** items whose posterior argmax is a category none of their annotators gave (each labelled with its best given one) */
  outsideGiven: number;
}

export interface MaceOptions {
  /** `'vb'`: variational Bayes with Beta(alpha, beta) on θ and Dirichlet(strategyPrior) on ξ; `'em'`: smoothed EM */
  method?: 'vb' | 'em';
  /**
   * random starts; the one of largest log marginal likelihood is kept. Default: crowd-kit's 10 up to 100,000
   * selected judgements, then ⌊10⁶ / judgements⌋ (at least 1), which keeps 1M judgements to a few seconds
   */
  restarts?: number;
  /** passes per restart */
  maxIterations?: number;
  /** a restart stops early when a pass changes no posterior by this much or more; 0 runs every pass */
  tolerance?: number;
  /** EM: pseudo-count added to every expected count before normalising (default 0.01 / K, K the used categories) */
  smoothing?: number;
  /** starting weights are drawn uniformly from [1, 2 + noise] and normalised */
  noise?: number;
  /** VB: the Beta prior's pseudo-count of spamming */
  alpha?: number;
  /** VB: the Beta prior's pseudo-count of knowing */
  beta?: number;
  /** VB: the symmetric Dirichlet prior's pseudo-count per category of ξ */
  strategyPrior?: number;
  seed?: number;
  anyLabel?: boolean;
  /** a fixed start instead of random draws (every restart then starts there): θ per annotator, ξ nAnnotators × K */
  start?: { competence: ArrayLike<number>; spamming: ArrayLike<number> } | null;
}

/**
 * MACE, Multi-Annotator Competence Estimation (Hovy, Berg-Kirkpatrick, Vaswani & Hovy 2013, NAACL-HLT
 * 1120–1130; crowd-kit's `MACE`, Toloka/crowd-kit @35f0661): the true label T_i is uniform over the K categories
 * any selected label uses; annotator j spams with probability 1 − θ_j and then answers from their own
 * distribution ξ_j, else gives T_i, so P(label l | T = c) = (1 − θ_j) ξ_jl + θ_j [l = c]. Each restart draws
 * the weights (spam, know) and ξ_j uniformly from [1, 2 + noise] and normalises them (crowd-kit's
 * `sps.uniform(1, 1 + default_noise)`), runs an E-step (posteriors of T, the expected counts of knowing and of
 * spamming with each label), then passes of M-step + E-step. The M-step is variational Bayes by default —
 * weights exp(ψ(count + prior) − ψ(Σ counts + priors)), sub-normalised, with Beta(0.5, 0.5) on (spam, know) and
 * Dirichlet(10) on ξ — or EM (`method: 'em'`) normalising counts smoothed by 0.01 / K. The restart of largest
 * log marginal likelihood is kept. crowd-kit's defaults are 10 restarts of 50 passes, but its restarts all
 * reseed with `random_state`, so they repeat one start; here they differ, a restart also stops once no
 * posterior moves by `tolerance`, and above 100,000 judgements there are fewer (see `restarts`). Unlike
 * crowd-kit 1.4.1, each annotator's ξ is their own: its M-step stores the spam counts, grouped by sorted
 * worker and label names, by position into arrays indexed in order of first appearance. `competence` and
 * `spamming` are the kept weights, each renormalised to sum 1 (under EM they already do). The label is the
 * given category of highest posterior (`anyLabel: true`: the argmax, as crowd-kit's); since P(l | T = l) ≥
 * P(l | T = c), a category nobody on the item gave never has the larger posterior, so `outsideGiven` (kept for
 * the shape shared with `oneCoinDawidSkene`) is 0 but for exact ties.
 */
export function mace(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  {
    method = 'vb',
    restarts,
    maxIterations = 50,
    tolerance = 1e-6,
    smoothing,
    noise = 0.5,
    alpha = 0.5,
    beta = 0.5,
    strategyPrior = 10,
    seed = 1,
    anyLabel = false,
    start = null,
  }: MaceOptions = {},
): Mace {
  if (method !== 'vb' && method !== 'em') throw new Error(`invalid method: "${String(method)}"`);
  if (method === 'vb' && !(alpha > 0 && beta > 0 && strategyPrior > 0))
    throw new Error(`invalid prior: ${Math.min(alpha, beta, strategyPrior)}`);
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  // the categories any selected label uses, compacted: the model's K
  const slot = new Int32Array(K).fill(-1);
  for (let j = 0; j < ratings.n; j++) if ((!mask || mask[j]) && ratings.label[j] >= 0) slot[ratings.label[j]] = 0;
  const cats: number[] = [];
  for (let c = 0; c < K; c++) if (slot[c] === 0) slot[c] = cats.push(c) - 1;
  const Ku = cats.length;
  const sm = smoothing ?? 0.01 / Math.max(Ku, 1);
  // the selected judgements grouped by item (counting sort): `key` = annotator × Ku + compact category
  const begin = new Int32Array(nItems + 1);
  const labelledBy = new Uint8Array(nAnn);
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && ratings.label[j] >= 0) {
      begin[ratings.item[j] + 1]++;
      labelledBy[ratings.annotator[j]] = 1;
    }
  for (let i = 0; i < nItems; i++) begin[i + 1] += begin[i];
  const fill = begin.slice(0, nItems);
  const key = new Int32Array(begin[nItems]);
  const what = new Int32Array(begin[nItems]);
  const given = new Float64Array(nAnn * Ku);
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && ratings.label[j] >= 0) {
      const at = fill[ratings.item[j]]++;
      what[at] = slot[ratings.label[j]];
      key[at] = ratings.annotator[j] * Ku + what[at];
      given[key[at]]++;
    }

  const nRestarts = restarts ?? Math.max(1, Math.min(10, Math.floor(1e6 / Math.max(begin[nItems], 1))));
  if (!(Number.isInteger(nRestarts) && nRestarts >= 1)) throw new Error(`invalid restarts: ${nRestarts}`);

  // parameters: per annotator the weights of spamming and knowing, and ξ (nAnn × Ku)
  const spam = new Float64Array(nAnn);
  const know = new Float64Array(nAnn);
  const xi = new Float64Array(nAnn * Ku);
  // per annotator and label: the expected count of knowing (the rest of `given` is spamming with that label)
  const knew = new Float64Array(nAnn * Ku);
  // per annotator and label: log P(label | a class it is not), P(label | its class) / P(label | another class),
  // and P(knowing | label = class)
  const logMiss = new Float64Array(nAnn * Ku);
  const ratio = new Float64Array(nAnn * Ku);
  const knowShare = new Float64Array(nAnn * Ku);
  const post = new Float64Array(nItems * Ku);
  const row = new Float64Array(Ku);
  const logUniform = Math.log(Math.max(Ku, 1));

  const eStep = (): { change: number; logLikelihood: number } => {
    for (let a = 0; a < nAnn; a++)
      for (let l = 0; l < Ku; l++) {
        const miss = spam[a] * xi[a * Ku + l];
        logMiss[a * Ku + l] = Math.log(miss);
        ratio[a * Ku + l] = (miss + know[a]) / miss;
        knowShare[a * Ku + l] = know[a] / (miss + know[a]);
      }
    knew.fill(0);
    let change = 0;
    let logLikelihood = 0;
    let product = 1;
    for (let i = 0; i < nItems; i++) {
      const from = begin[i],
        to = begin[i + 1];
      if (from === to) continue;
      // Π P(label | c) = Π P(label | a class it is not) × Π over the labels equal to c of their ratio
      let base = 0;
      for (let c = 0; c < Ku; c++) row[c] = 1;
      for (let at = from; at < to; at++) {
        base += logMiss[key[at]];
        row[what[at]] *= ratio[key[at]];
      }
      let sum = 0;
      for (let c = 0; c < Ku; c++) sum += row[c];
      if (!(sum < Infinity)) {
        // ratios too large to multiply: the same in log space
        for (let c = 0; c < Ku; c++) row[c] = 0;
        for (let at = from; at < to; at++) row[what[at]] += Math.log(ratio[key[at]]);
        let top = -Infinity;
        for (let c = 0; c < Ku; c++) if (row[c] > top) top = row[c];
        sum = 0;
        for (let c = 0; c < Ku; c++) sum += row[c] = Math.exp(row[c] - top);
        base += top;
      }
      // log Σ_c: the sums (each ≥ 1) multiplied up, their logarithm taken only before the product overflows
      logLikelihood += base - logUniform;
      if (sum > 1e50) logLikelihood += Math.log(sum);
      else if ((product *= sum) > 1e250) {
        logLikelihood += Math.log(product);
        product = 1;
      }
      const p = i * Ku;
      for (let c = 0; c < Ku; c++) {
        const q = row[c] / sum;
        const d = Math.abs(q - post[p + c]);
        if (d > change) change = d;
        post[p + c] = q;
      }
      // P(knowing) = P(T = label) × P(knowing | label = class)
      for (let at = from; at < to; at++) knew[key[at]] += post[p + what[at]] * knowShare[key[at]];
    }
    return { change, logLikelihood: logLikelihood + Math.log(product) };
  };

  // the spam counts per label: the labels given less the expected knowing (never below 0 by rounding)
  const spent = new Float64Array(Ku);
  const mStep = () => {
    for (let a = 0; a < nAnn; a++) {
      if (!labelledBy[a]) continue;
      let spentAll = 0,
        known = 0;
      for (let l = 0; l < Ku; l++) {
        spentAll += spent[l] = Math.max(0, given[a * Ku + l] - knew[a * Ku + l]);
        known += knew[a * Ku + l];
      }
      if (method === 'em') {
        const total = spentAll + known + 2 * sm;
        spam[a] = (spentAll + sm) / total;
        know[a] = (known + sm) / total;
        for (let l = 0; l < Ku; l++) xi[a * Ku + l] = (spent[l] + sm) / (spentAll + Ku * sm);
      } else {
        const total = digamma(spentAll + known + alpha + beta);
        spam[a] = Math.exp(digamma(spentAll + alpha) - total);
        know[a] = Math.exp(digamma(known + beta) - total);
        const all = digamma(spentAll + Ku * strategyPrior);
        for (let l = 0; l < Ku; l++) xi[a * Ku + l] = Math.exp(digamma(spent[l] + strategyPrior) - all);
      }
    }
  };

  const random = rng(seed);
  const draw = () => 1 + (1 + noise) * random();
  const initialise = () => {
    for (let a = 0; a < nAnn; a++) {
      if (start) {
        know[a] = start.competence[a];
        spam[a] = 1 - know[a];
        for (let l = 0; l < Ku; l++) xi[a * Ku + l] = start.spamming[a * K + cats[l]];
        continue;
      }
      const s = draw(),
        k = draw();
      spam[a] = s / (s + k);
      know[a] = k / (s + k);
      let sum = 0;
      for (let l = 0; l < Ku; l++) sum += xi[a * Ku + l] = draw();
      for (let l = 0; l < Ku; l++) xi[a * Ku + l] /= sum;
    }
  };

  const restartLogLikelihoods = new Float64Array(nRestarts);
  const best = { spam: new Float64Array(nAnn), know: new Float64Array(nAnn), xi: new Float64Array(nAnn * Ku) };
  const bestPost = new Float64Array(nItems * Ku);
  let bestLogLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  for (let r = 0; r < nRestarts; r++) {
    initialise();
    post.fill(0);
    let { logLikelihood } = eStep();
    let passes = 0;
    let done = false;
    while (passes < maxIterations && !done) {
      mStep();
      const pass = eStep();
      logLikelihood = pass.logLikelihood;
      passes++;
      done = pass.change < tolerance;
    }
    restartLogLikelihoods[r] = logLikelihood;
    if (r === 0 || logLikelihood > bestLogLikelihood) {
      bestLogLikelihood = logLikelihood;
      best.spam.set(spam);
      best.know.set(know);
      best.xi.set(xi);
      bestPost.set(post);
      iterations = passes;
      converged = done;
    }
  }

  // outputs on the full K categories
  const posterior = new Float64Array(nItems * K);
  for (let i = 0; i < nItems; i++) for (let l = 0; l < Ku; l++) posterior[i * K + cats[l]] = bestPost[i * Ku + l];
  const competence = new Float64Array(nAnn).fill(NaN);
  const spamProbability = new Float64Array(nAnn).fill(NaN);
  const spamming = new Float64Array(nAnn * K).fill(NaN);
  for (let a = 0; a < nAnn; a++) {
    if (!labelledBy[a]) continue;
    competence[a] = best.know[a] / (best.know[a] + best.spam[a]);
    spamProbability[a] = 1 - competence[a];
    let sum = 0;
    for (let l = 0; l < Ku; l++) sum += best.xi[a * Ku + l];
    for (let c = 0; c < K; c++) spamming[a * K + c] = slot[c] < 0 ? 0 : best.xi[a * Ku + slot[c]] / sum;
  }
  // the label: the most probable of the categories the item's annotators gave (exact ties: the lowest code)
  const label = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems).fill(NaN);
  const onItem = new Uint8Array(K);
  let outsideGiven = 0;
  for (let i = 0; i < nItems; i++) {
    if (begin[i + 1] === begin[i]) continue;
    onItem.fill(0);
    for (let at = begin[i]; at < begin[i + 1]; at++) onItem[cats[what[at]]] = 1;
    let chosen = -1;
    let top = 0;
    for (let c = 0; c < K; c++) {
      if (posterior[i * K + c] > posterior[i * K + top]) top = c;
      if (onItem[c] && (chosen < 0 || posterior[i * K + c] > posterior[i * K + chosen])) chosen = c;
    }
    if (posterior[i * K + top] > posterior[i * K + chosen]) outsideGiven++;
    if (anyLabel) chosen = top;
    label[i] = chosen;
    confidence[i] = posterior[i * K + chosen];
  }
  return {
    label,
    posterior,
    confidence,
    competence,
    spamProbability,
    spamming,
    iterations,
    converged,
    logLikelihood: bestLogLikelihood,
    restartLogLikelihoods,
    outsideGiven,
  };
}

/** ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 6, then the asymptotic series. */
function digamma(x: number): number {
  let shift = 0;
  while (x < 6) {
    shift -= 1 / x;
    x++;
  }
  const f = 1 / (x * x);
  return shift + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
}
