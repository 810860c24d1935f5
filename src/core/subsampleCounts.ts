import type { ItemCounts } from './itemCounts';
import { randomBinomial } from './randomBinomial';
import { rng, type Rng } from './rng';

/** The counts of k labels drawn per item, as weighted rows (`weight` always present). */
export interface SubsampleCounts extends ItemCounts {
  weight: Float64Array;
  /** per output row: the input row it was drawn from */
  source: Int32Array;
}

export interface SubsampleOptions {
  seed?: number;
  /** a seeded generator to use instead of `rng(seed)` (consumed row by row) */
  random?: Rng;
  /** the input rows in the order to draw them; default row order (patterns from `countPatterns` are already sorted) */
  order?: ArrayLike<number>;
}

/**
 * k of each item's m labels drawn uniformly without replacement, for every input row with m >= k (rows
 * with m < k are left out). A row stands for `weight` items (1 when absent), each drawn independently:
 * - m = k: the draw is the data itself, the row is copied (no random number is used);
 * - weight 1: the labels laid out sorted by category in a small scratch array, the first k places of a
 *   partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, 3.4.2 P) are taken (k random numbers);
 * - weight w > 1 (a pattern from `countPatterns`): the w items are split over the possible drawn count
 *   vectors s (0 <= s_c <= n_c, sum s = k, in lexicographic order) by exact sequential binomials
 *   (`randomBinomial`) with the multivariate hypergeometric probabilities prod_c C(n_c, s_c) / C(m, k):
 *   the same distribution as w separate draws, in work that does not grow with w.
 * Output rows are in input order, one per drawn count vector, with `weight` = how many of the row's items
 * drew it and `source` = the input row; m = k on every row. The drawn multiset depends only on the row's
 * counts and on `random`, never on the order of the judgements. Counts and weights must be whole numbers
 * and k >= 1 (programmer errors, thrown).
 */
export function subsampleCounts(
  table: ItemCounts,
  k: number,
  { seed = 1, random = rng(seed), order }: SubsampleOptions = {},
): SubsampleCounts {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid k: ${k}`);
  const { counts, m, weight, rows, K } = table;
  const n = order ? order.length : rows;
  // at most C(k + K - 1, K - 1) distinct count vectors of k labels
  let vectors = 1;
  for (let j = 1; j < K && vectors < 2 ** 31; j++) vectors = (vectors * (k + j)) / j;
  let bound = 0,
    maxM = 0;
  for (let t = 0; t < n; t++) {
    const r = order ? order[t] : t;
    const mr = m[r],
      w = weight ? weight[r] : 1;
    if (!(mr >= k) || !(w > 0)) continue;
    if (!Number.isInteger(mr) || !Number.isInteger(w))
      throw new Error(`row ${r}: counts and weights must be whole numbers`);
    bound += mr === k || w === 1 ? 1 : Math.min(w, vectors);
    if (mr > maxM) maxM = mr;
  }
  const oc = new Float64Array(bound * K),
    ow = new Float64Array(bound),
    source = new Int32Array(bound);
  const scratch = new Int32Array(maxM);
  const logFactorial = new Float64Array(maxM + 1);
  for (let j = 2; j <= maxM; j++) logFactorial[j] = logFactorial[j - 1] + Math.log(j);
  let o = 0;
  for (let t = 0; t < n; t++) {
    const r = order ? order[t] : t;
    const mr = m[r],
      w = weight ? weight[r] : 1;
    if (!(mr >= k) || !(w > 0)) continue;
    const off = r * K;
    if (mr === k) {
      for (let c = 0; c < K; c++) oc[o * K + c] = counts[off + c];
      ow[o] = w;
      source[o++] = r;
      continue;
    }
    if (w === 1) {
      let z = 0;
      for (let c = 0; c < K; c++) for (let x = counts[off + c]; x > 0; x--) scratch[z++] = c;
      if (z !== mr) throw new Error(`row ${r}: counts and weights must be whole numbers`);
      const dst = o * K;
      for (let j = 0; j < k; j++) {
        const p = j + Math.floor(random() * (mr - j));
        const c = scratch[p];
        scratch[p] = scratch[j];
        scratch[j] = c;
        oc[dst + c]++;
      }
      ow[o] = 1;
      source[o++] = r;
      continue;
    }
    const { cats, subs, probs } = drawnVectors(counts, off, K, mr, k, logFactorial);
    const z = cats.length,
      V = probs.length;
    const drawn = new Float64Array(V);
    if (w <= 8 * V) {
      // few items for the vectors: one categorical draw each (inverse CDF by bisection)
      const cum = new Float64Array(V);
      let total = 0;
      for (let v = 0; v < V; v++) cum[v] = total += probs[v];
      for (let d = 0; d < w; d++) {
        const u = random() * total;
        let lo = 0,
          hi = V - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        drawn[lo]++;
      }
    } else {
      // many items: exact sequential binomials, as bootstrapCi's pattern draw
      let left = w,
        mass = 1;
      for (let v = 0; v < V && left > 0; v++) {
        const x = v === V - 1 ? left : randomBinomial(random, left, Math.min(1, Math.max(0, probs[v] / mass)));
        mass -= probs[v];
        left -= x;
        drawn[v] = x;
      }
    }
    for (let v = 0; v < V; v++) {
      if (drawn[v] === 0) continue;
      for (let a = 0; a < z; a++) oc[o * K + cats[a]] = subs[v * z + a];
      ow[o] = drawn[v];
      source[o++] = r;
    }
  }
  return {
    counts: oc.subarray(0, o * K),
    m: new Float64Array(o).fill(k),
    weight: ow.subarray(0, o),
    rows: o,
    K,
    source: source.subarray(0, o),
  };
}

/**
 * The count vectors s of k labels drawable from the row's counts n (over its used categories `cats`, in
 * lexicographic order) and their multivariate hypergeometric probabilities prod C(n_c, s_c) / C(m, k).
 */
function drawnVectors(counts: Float64Array, off: number, K: number, m: number, k: number, lf: Float64Array) {
  const cats: number[] = [];
  for (let c = 0; c < K; c++) if (counts[off + c] > 0) cats.push(c);
  const z = cats.length;
  const have = new Int32Array(z);
  for (let a = 0; a < z; a++) {
    have[a] = counts[off + cats[a]];
    if (have[a] !== counts[off + cats[a]]) throw new Error('counts must be whole numbers');
  }
  const logChoose = (n: number, r: number) => lf[n] - lf[r] - lf[n - r];
  // labels available in the categories from a on
  const after = new Int32Array(z + 1);
  for (let a = z - 1; a >= 0; a--) after[a] = after[a + 1] + have[a];
  const subs: number[] = [],
    probs: number[] = [];
  const s = new Int32Array(z);
  // the smallest vector with `rest` labels over the categories from a on
  const fill = (a: number, rest: number) => {
    for (let b = a; b < z; b++) {
      s[b] = Math.max(0, rest - after[b + 1]);
      rest -= s[b];
    }
  };
  fill(0, k);
  const logTotal = logChoose(m, k);
  for (;;) {
    let logP = -logTotal;
    for (let a = 0; a < z; a++) {
      subs.push(s[a]);
      logP += logChoose(have[a], s[a]);
    }
    probs.push(Math.exp(logP));
    // next in lexicographic order: the rightmost place (not the last) that can take one more label
    let suffix = s[z - 1],
      a = z - 2;
    for (; a >= 0; a--) {
      if (suffix >= 1 && s[a] < have[a]) break;
      suffix += s[a];
    }
    if (a < 0) break;
    s[a]++;
    fill(a + 1, suffix - 1);
  }
  return { cats, subs, probs };
}
