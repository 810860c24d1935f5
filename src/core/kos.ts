import { rng, type Rng } from './rng';
import type { Ratings } from './types';

export interface Kos {
  /** false when the selected labels do not use exactly two categories: then every label is -1 */
  applicable: boolean;
  /** why not, to show as is ("KOS needs exactly two labels; the selected ones use 3"); '' when applicable */
  reason: string;
  /** the categories the selected labels use */
  nCategories: number;
  /** the two codes: `positive` (the lower, +1 in the messages) and `negative`; -1 when not applicable */
  positive: number;
  negative: number;
  /** per item: the category of the final score's sign (score 0: `positive`, the lower code), -1 without labels */
  label: Int32Array;
  /** per item: Σ A_ij y_j→i over the item's judgements, divided by the largest |score|, so in [-1, 1]; NaN without labels */
  score: Float64Array;
  /** message-passing rounds completed */
  iterations: number;
}

/** crowd-kit stops before a message sum exceeds this (the messages are never normalised) */
const MAX = 1e300;

/**
 * KOS (Karger, Oh & Shah 2011, "Iterative learning for reliable crowdsourcing systems"; crowd-kit's `KOS`), binary
 * only: A_ij = +1 for the lower of the two categories used, −1 for the other. Worker messages y_j→i start as
 * Normal(1, 1) draws (one per judgement, from `random`); each round sets x_i→j = Σ_{j' ≠ j} A_ij' y_j'→i and then
 * y_j→i = Σ_{i' ≠ i} A_i'j x_i'→j, for `maxIterations` rounds or until a sum would pass 1e300, as crowd-kit. The label
 * is the sign of Σ_j A_ij y_j→i. Data whose selected labels use other than two categories is not an error: the
 * result says `applicable: false` with a `reason`. crowd-kit raises on a score of exactly 0 (an item none of whose
 * annotators labelled another item); here it goes to the lower code.
 */
export function kos(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { maxIterations = 100, seed = 1, random = rng(seed) }: { maxIterations?: number; seed?: number; random?: Rng } = {},
): Kos {
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const label = new Int32Array(nItems).fill(-1);
  const score = new Float64Array(nItems).fill(NaN);
  const used = new Uint8Array(K);
  let m = 0;
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && ratings.label[j] >= 0) {
      used[ratings.label[j]] = 1;
      m++;
    }
  const codes: number[] = [];
  for (let c = 0; c < K; c++) if (used[c]) codes.push(c);
  if (codes.length !== 2) {
    const reason =
      codes.length === 0
        ? 'KOS needs exactly two labels; there are no selected labels'
        : `KOS needs exactly two labels; the selected ones use ${codes.length}`;
    return {
      applicable: false,
      reason,
      nCategories: codes.length,
      positive: -1,
      negative: -1,
      label,
      score,
      iterations: 0,
    };
  }
  const [positive, negative] = codes;
  // one edge per selected judgement, in their order
  const item = new Int32Array(m);
  const who = new Int32Array(m);
  const sign = new Float64Array(m);
  for (let j = 0, e = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && ratings.label[j] >= 0) {
      item[e] = ratings.item[j];
      who[e] = ratings.annotator[j];
      sign[e++] = ratings.label[j] === positive ? 1 : -1;
    }
  // ay = A_ij y_j→i and ax = A_ij x_i→j per edge
  const ay = normals(random, m, 1, 1);
  for (let e = 0; e < m; e++) ay[e] *= sign[e];
  const ax = new Float64Array(m);
  const itemSum = new Float64Array(nItems);
  const annSum = new Float64Array(nAnn);
  let iterations = 0;
  while (iterations < maxIterations) {
    itemSum.fill(0);
    for (let e = 0; e < m; e++) itemSum[item[e]] += ay[e];
    if (tooLarge(itemSum)) break;
    annSum.fill(0);
    for (let e = 0; e < m; e++) annSum[who[e]] += ax[e] = sign[e] * (itemSum[item[e]] - ay[e]);
    if (tooLarge(annSum)) break;
    for (let e = 0; e < m; e++) ay[e] = sign[e] * (annSum[who[e]] - ax[e]);
    iterations++;
  }
  const has = new Uint8Array(nItems);
  itemSum.fill(0);
  for (let e = 0; e < m; e++) {
    itemSum[item[e]] += ay[e];
    has[item[e]] = 1;
  }
  let top = 0;
  for (let i = 0; i < nItems; i++) if (has[i]) top = Math.max(top, Math.abs(itemSum[i]));
  for (let i = 0; i < nItems; i++) {
    if (!has[i]) continue;
    label[i] = itemSum[i] < 0 ? negative : positive;
    score[i] = top > 0 ? itemSum[i] / top : 0;
  }
  return { applicable: true, reason: '', nCategories: 2, positive, negative, label, score, iterations };
}

function tooLarge(sums: Float64Array): boolean {
  for (const s of sums) if (Math.abs(s) > MAX) return true;
  return false;
}

/** n Normal(mean, sd) draws by Box–Muller, two per pair of uniforms. */
function normals(random: Rng, n: number, mean: number, sd: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const t = 2 * Math.PI * random();
    out[k] = mean + sd * r * Math.cos(t);
    if (k + 1 < n) out[k + 1] = mean + sd * r * Math.sin(t);
  }
  return out;
}
