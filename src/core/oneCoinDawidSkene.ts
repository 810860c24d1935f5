import { majorityVote } from './majorityVote';
import type { Ratings } from './types';
import { itemGroups } from './itemGroups';

export interface OneCoinDawidSkene {
  /** per item: the given category of highest posterior (exact ties: the lowest code), -1 for items without labels */
  label: Int32Array;
  /** nItems × K, row-major; rows of items without labels are 0 */
  posterior: Float64Array;
  /** per item: the largest posterior, NaN without labels */
  confidence: Float64Array;
  /** per annotator: the probability of giving the true label (NaN without a selected label) */
  skill: Float64Array;
  /** per category: the class prior (mean posterior of the labelled items) */
  priors: Float64Array;
  iterations: number;
  converged: boolean;
  /** items whose posterior argmax is a category none of their annotators gave (each labelled with its best given one) */
  outsideGiven: number;
}

/** Skills are kept inside [ε, 1 − ε], as crowd-kit clips its error matrices. */
const EPS = 1e-10;

/**
 * One-coin Dawid-Skene (Zhang, Chen, Zhou & Jordan 2016, §2; crowd-kit's `OneCoinDawidSkene`): Dawid-Skene whose
 * confusion matrix has one parameter per annotator, their skill s — the true label with probability s, each
 * other label with (1 − s) / (K − 1), K the categories any selected label uses. EM from the majority vote's
 * shares: the M-step sets the priors to the mean posterior and s to the mean posterior of the labels the
 * annotator gave (clipped to [1e-10, 1 − 1e-10]); the E-step sets posterior ∝ prior × Π P(label | class).
 * Stops when an EM pass changes no posterior by `tolerance` or more, or after `maxIterations` passes. As for
 * `dawidSkene`, an item's label is never a category none of its annotators gave: it is the given category of
 * highest posterior, and such items are counted in `outsideGiven` (`anyLabel: true`: the argmax stands, as
 * crowd-kit's).
 */
export function oneCoinDawidSkene(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  {
    maxIterations = 1000,
    tolerance = 1e-6,
    anyLabel = false,
  }: { maxIterations?: number; tolerance?: number; anyLabel?: boolean } = {},
): OneCoinDawidSkene {
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const { start, who, what, nUsed: Ku } = itemGroups(ratings, mask);
  // start: the majority vote's shares
  const mv = majorityVote(ratings, mask);
  const posterior = new Float64Array(nItems * K);
  let labelled = 0;
  for (let i = 0; i < nItems; i++) {
    const n = start[i + 1] - start[i];
    if (n === 0) continue;
    labelled++;
    for (let c = 0; c < K; c++) posterior[i * K + c] = mv.votes[i * K + c] / n;
  }
  const priors = new Float64Array(K);
  const skill = new Float64Array(nAnn);
  const logRight = new Float64Array(nAnn);
  const logWrong = new Float64Array(nAnn);
  const mStep = () => {
    priors.fill(0);
    for (let i = 0; i < nItems; i++) for (let c = 0; c < K; c++) priors[c] += posterior[i * K + c];
    for (let c = 0; c < K; c++) priors[c] /= Math.max(labelled, 1);
    const mass = new Float64Array(nAnn);
    const count = new Float64Array(nAnn);
    for (let i = 0; i < nItems; i++)
      for (let at = start[i]; at < start[i + 1]; at++) {
        mass[who[at]] += posterior[i * K + what[at]];
        count[who[at]]++;
      }
    for (let a = 0; a < nAnn; a++) {
      skill[a] = count[a] > 0 ? mass[a] / count[a] : NaN;
      const s = Math.min(1 - EPS, Math.max(EPS, skill[a]));
      logRight[a] = Math.log(s);
      logWrong[a] = Ku > 1 ? Math.log(Math.min(1 - EPS, Math.max(EPS, (1 - s) / (Ku - 1)))) : 0;
    }
  };
  mStep();
  const logPrior = new Float64Array(K);
  const row = new Float64Array(K);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    for (let c = 0; c < K; c++) logPrior[c] = priors[c] > 0 ? Math.log(priors[c]) : -Infinity;
    let change = 0;
    for (let i = 0; i < nItems; i++) {
      if (start[i + 1] === start[i]) continue;
      // log P(class c) + Σ log P(label | c): every label "wrong" for c, then the right ones corrected
      let wrong = 0;
      for (let at = start[i]; at < start[i + 1]; at++) wrong += logWrong[who[at]];
      for (let c = 0; c < K; c++) row[c] = logPrior[c] + wrong;
      for (let at = start[i]; at < start[i + 1]; at++) row[what[at]] += logRight[who[at]] - logWrong[who[at]];
      let top = -Infinity;
      for (let c = 0; c < K; c++) top = Math.max(top, row[c]);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += row[c] = Math.exp(row[c] - top);
      for (let c = 0; c < K; c++) {
        const p = row[c] / sum;
        change = Math.max(change, Math.abs(p - posterior[i * K + c]));
        posterior[i * K + c] = p;
      }
    }
    mStep();
    iterations++;
    converged = change < tolerance;
  }
  // the label: the most probable of the categories the item's annotators gave (exact ties: the lowest code)
  const label = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems).fill(NaN);
  const given = new Uint8Array(K);
  let outsideGiven = 0;
  for (let i = 0; i < nItems; i++) {
    if (start[i + 1] === start[i]) continue;
    given.fill(0);
    for (let at = start[i]; at < start[i + 1]; at++) given[what[at]] = 1;
    let best = -1;
    let top = 0;
    for (let c = 0; c < K; c++) {
      if (posterior[i * K + c] > posterior[i * K + top]) top = c;
      if (given[c] && (best < 0 || posterior[i * K + c] > posterior[i * K + best])) best = c;
    }
    if (posterior[i * K + top] > posterior[i * K + best]) outsideGiven++;
    if (anyLabel) best = top;
    label[i] = best;
    confidence[i] = posterior[i * K + best];
  }
  return { label, posterior, confidence, skill, priors, iterations, converged, outsideGiven };
}
