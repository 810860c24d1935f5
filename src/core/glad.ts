import type { Ratings } from './types';
import { itemGroups } from './itemGroups';

export interface Glad {
  /** per item: the given category of highest posterior (exact ties: the lowest code), -1 for items without labels */
  label: Int32Array;
  /** nItems × K, row-major; rows of items without labels are 0 */
  posterior: Float64Array;
  /** per item: the posterior of its label, NaN without labels */
  confidence: Float64Array;
  /** per annotator: the ability α (0: guessing, below 0: adversarial), NaN without a selected label */
  ability: Float64Array;
  /**
   * per item: crowd-kit's β, the log of the inverse difficulty — an annotator of ability α is right with
   * probability σ(α·e^β), so the larger β the easier the item; NaN without labels
   */
  difficulty: Float64Array;
  /** per category: the class prior, fixed (as crowd-kit's): uniform over the categories any selected label uses */
  priors: Float64Array;
  iterations: number;
  converged: boolean;
  /** items whose posterior argmax is a category none of their annotators gave (each labelled with its best given one) */
  outsideGiven: number;
}

/** A step moves α or β by at most this much (β acts through e^β). */
const MAX_STEP = 1;
/**
 * Over-relaxation of the M-step's Newton steps (Salakhutdinov & Roweis 2003): EM here contracts slowly (about
 * 0.9 per pass on the benchmark sets); stretching each step by 1.5 halves the passes to the same fixed point.
 */
const OMEGA = 1.5;

/**
 * GLAD (Whitehill, Ruvolo, Wu, Bergsma & Movellan 2009, "Whose vote should count more"), parametrised as
 * crowd-kit's `GLAD` (Toloka/crowd-kit @35f0661): annotator j of ability α_j gives item i its true label with
 * probability σ(α_j·e^{β_i}) and each of the other K − 1 labels with the rest shared equally, K the categories
 * any selected label uses. Class priors are fixed and uniform over those K; α and β start at 1 and carry N(1, 1)
 * priors. EM: the E-step sets posterior ∝ prior × Π P(label | class); the M-step raises the expected
 * log-posterior Q(α, β) by one round of block Newton steps — every α_j given β (annotators are independent
 * there, and Q is concave in each), then every β_i given the new α (divided by a curvature that is never below
 * Q's, so the step ascends) — over-relaxed by 1.5 and clamped to ±1. crowd-kit instead runs up to 25
 * conjugate-gradient steps (scipy, gtol 1e-2) per M-step and stops as soon as Q per (judgement, class) gains
 * less than 1e-5, after 2 to 9 passes on the Zheng et al. sets; here EM stops when a pass changes no
 * posterior, α or β by `tolerance` or more, or after `maxIterations`, at the fixed point both approach.
 * `posterior` is the last E-step's (as crowd-kit's `probas_`). As for `oneCoinDawidSkene`, an item's label is
 * never a category none of its annotators gave: it is the given category of highest posterior, and such items
 * (possible here: an annotator of negative ability votes against their label) are counted in `outsideGiven`
 * (`anyLabel: true`: the argmax stands, as crowd-kit's).
 */
export function glad(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  {
    maxIterations = 1000,
    tolerance = 1e-6,
    anyLabel = false,
  }: { maxIterations?: number; tolerance?: number; anyLabel?: boolean } = {},
): Glad {
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const { start, who, what, used, given, nUsed: Ku } = itemGroups(ratings, mask);
  const priors = new Float64Array(K);
  const logPrior = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    priors[c] = used[c] ? 1 / Ku : 0;
    logPrior[c] = used[c] ? Math.log(priors[c]) : -Infinity;
  }
  // a wrong label: (1 − σ) / (K − 1); with one category in use there is no wrong label to weigh
  const logOthers = Ku > 1 ? Math.log(Ku - 1) : 0;
  const alpha = new Float64Array(nAnn).fill(1);
  const beta = new Float64Array(nItems).fill(1);
  const expBeta = new Float64Array(nItems);
  const posterior = new Float64Array(nItems * K);
  // per judgement: the posterior of the label it gave
  const right = new Float64Array(start[nItems]);
  const grad = new Float64Array(nAnn);
  const curv = new Float64Array(nAnn);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    const change = Math.max(
      eStep(start, who, what, alpha, beta, expBeta, logPrior, logOthers, posterior, right, K),
      alphaStep(start, who, alpha, expBeta, right, grad, curv),
      betaStep(start, who, alpha, beta, expBeta, right),
    );
    iterations++;
    converged = change < tolerance;
  }
  // the label: the most probable of the categories the item's annotators gave (exact ties: the lowest code)
  const label = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems).fill(NaN);
  const difficulty = new Float64Array(nItems).fill(NaN);
  const have = new Uint8Array(K);
  let outsideGiven = 0;
  for (let i = 0; i < nItems; i++) {
    if (start[i + 1] === start[i]) continue;
    difficulty[i] = beta[i];
    have.fill(0);
    for (let at = start[i]; at < start[i + 1]; at++) have[what[at]] = 1;
    let best = -1;
    let top = 0;
    for (let c = 0; c < K; c++) {
      if (posterior[i * K + c] > posterior[i * K + top]) top = c;
      if (have[c] && (best < 0 || posterior[i * K + c] > posterior[i * K + best])) best = c;
    }
    if (posterior[i * K + top] > posterior[i * K + best]) outsideGiven++;
    if (anyLabel) best = top;
    label[i] = best;
    confidence[i] = posterior[i * K + best];
  }
  const ability = alpha.map((a, j) => (given[j] ? a : NaN));
  return { label, posterior, confidence, ability, difficulty, priors, iterations, converged, outsideGiven };
}

/** E-step: posterior ∝ prior × Π P(label | class), and per judgement the posterior of its label; the largest change. */
function eStep(
  start: Int32Array,
  who: Int32Array,
  what: Int32Array,
  alpha: Float64Array,
  beta: Float64Array,
  expBeta: Float64Array,
  logPrior: Float64Array,
  logOthers: number,
  posterior: Float64Array,
  right: Float64Array,
  K: number,
): number {
  const row = new Float64Array(K);
  let change = 0;
  for (let i = 0; i + 1 < start.length; i++) {
    if (start[i + 1] === start[i]) continue;
    const eb = Math.exp(beta[i]);
    expBeta[i] = eb;
    // log P(class c) + Σ log P(label | c). Every label is first counted "wrong" for c, log((1 − σ) / (K − 1)),
    // the same sum for every c, which the normalisation cancels; a label right for c then adds
    // log σ − log(1 − σ) + log(K − 1) = x + log(K − 1), x = α·e^β
    for (let c = 0; c < K; c++) row[c] = logPrior[c];
    for (let at = start[i]; at < start[i + 1]; at++) row[what[at]] += alpha[who[at]] * eb + logOthers;
    let top = -Infinity;
    for (let c = 0; c < K; c++) top = Math.max(top, row[c]);
    let sum = 0;
    for (let c = 0; c < K; c++) sum += row[c] = Math.exp(row[c] - top);
    for (let c = 0; c < K; c++) {
      const p = row[c] / sum;
      change = Math.max(change, Math.abs(p - posterior[i * K + c]));
      posterior[i * K + c] = p;
    }
    for (let at = start[i]; at < start[i + 1]; at++) right[at] = posterior[i * K + what[at]];
  }
  return change;
}

/**
 * M-step, every α given β (annotators independent): ∂Q/∂α_j = Σ (p − σ)·e^β − (α_j − 1) and
 * −∂²Q/∂α_j² = Σ σ(1 − σ)·e^{2β} + 1 ≥ 1, one (over-relaxed) Newton step. Returns the largest step.
 */
function alphaStep(
  start: Int32Array,
  who: Int32Array,
  alpha: Float64Array,
  expBeta: Float64Array,
  right: Float64Array,
  grad: Float64Array,
  curv: Float64Array,
): number {
  grad.fill(0);
  curv.fill(0);
  for (let i = 0; i + 1 < start.length; i++) {
    const eb = expBeta[i];
    for (let at = start[i]; at < start[i + 1]; at++) {
      const s = sigmoid(alpha[who[at]] * eb);
      grad[who[at]] += (right[at] - s) * eb;
      curv[who[at]] += s * (1 - s) * eb * eb;
    }
  }
  let change = 0;
  for (let a = 0; a < alpha.length; a++) {
    const step = clampStep((OMEGA * (grad[a] - (alpha[a] - 1))) / (curv[a] + 1));
    alpha[a] += step;
    change = Math.max(change, Math.abs(step));
  }
  return change;
}

/**
 * M-step, every β given α (items independent), with x = α·e^β: ∂Q/∂β = Σ (p − σ)·x − (β − 1) = T − (β − 1)
 * and −∂²Q/∂β² = Σ σ(1 − σ)·x² − T + 1 = S − T + 1; the step divides by S + 1 + max(−T, 0), which equals it
 * for T ≤ 0 and exceeds it otherwise (where Q may not be concave), never below 1. Returns the largest step.
 */
function betaStep(
  start: Int32Array,
  who: Int32Array,
  alpha: Float64Array,
  beta: Float64Array,
  expBeta: Float64Array,
  right: Float64Array,
): number {
  let change = 0;
  for (let i = 0; i + 1 < start.length; i++) {
    if (start[i + 1] === start[i]) continue;
    const eb = expBeta[i];
    let T = 0;
    let S = 0;
    for (let at = start[i]; at < start[i + 1]; at++) {
      const x = alpha[who[at]] * eb;
      const s = sigmoid(x);
      T += (right[at] - s) * x;
      S += s * (1 - s) * x * x;
    }
    const step = clampStep((OMEGA * (T - (beta[i] - 1))) / (S + 1 + Math.max(-T, 0)));
    beta[i] += step;
    change = Math.max(change, Math.abs(step));
  }
  return change;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const clampStep = (step: number) => Math.min(MAX_STEP, Math.max(-MAX_STEP, step));
