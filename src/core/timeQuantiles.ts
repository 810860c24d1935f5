import { quantile7 } from './quantile7';
import type { Ratings } from './types';

export interface TimeQuantiles {
  /** the probabilities asked for, in order */
  probs: number[];
  /** per annotator: selected judgements with a finite time */
  n: Int32Array;
  /** per annotator a, the quantile of probs[k] at a * probs.length + k (seconds, type 7); NaN when n = 0 */
  quantiles: Float64Array;
  /** per annotator: finite times strictly below `below` seconds */
  below: Int32Array;
  /** the same over every selected judgement with a finite time, annotators pooled */
  pooled: { n: number; quantiles: Float64Array; below: number };
}

/**
 * Quantiles of the time per judgement, per annotator and pooled: Hyndman & Fan (1996) type 7 (`quantile7`,
 * R's default) of the selected finite times, and how many times are strictly below `below` seconds (the
 * `too_fast` count). Missing times (NaN, infinite) are skipped; `ratings.time === null` gives n = 0, NaN
 * quantiles. The times are copied into one Float64Array grouped by annotator (counting sort, as
 * `timeStats`) and each group is sorted in place; the pooled quantiles sort a second copy.
 */
export function timeQuantiles(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { probs = [0.1, 0.25, 0.5, 0.75, 0.9], below = 5 }: { probs?: readonly number[]; below?: number } = {},
): TimeQuantiles {
  const nAnn = ratings.annotators.length,
    P = probs.length;
  const n = new Int32Array(nAnn),
    countBelow = new Int32Array(nAnn);
  const quantiles = new Float64Array(nAnn * P).fill(NaN);
  const pooled = { n: 0, quantiles: new Float64Array(P).fill(NaN), below: 0 };
  const { time, annotator } = ratings;
  if (!time) return { probs: [...probs], n, quantiles, below: countBelow, pooled };
  const use = (j: number) => (!mask || mask[j] === 1) && Number.isFinite(time[j]);
  const start = new Int32Array(nAnn + 1);
  for (let j = 0; j < ratings.n; j++) if (use(j)) start[annotator[j] + 1]++;
  for (let a = 0; a < nAnn; a++) start[a + 1] += start[a];
  const next = start.slice(0, nAnn);
  const grouped = new Float64Array(start[nAnn]);
  for (let j = 0; j < ratings.n; j++) if (use(j)) grouped[next[annotator[j]]++] = time[j];
  for (let a = 0; a < nAnn; a++) {
    const own = grouped.subarray(start[a], start[a + 1]);
    n[a] = own.length;
    for (let p = 0; p < own.length; p++) if (own[p] < below) countBelow[a]++;
    if (own.length === 0) continue;
    own.sort();
    for (let k = 0; k < P; k++) quantiles[a * P + k] = quantile7(own, probs[k]);
    pooled.below += countBelow[a];
  }
  pooled.n = grouped.length;
  if (pooled.n > 0) {
    const all = grouped.slice().sort();
    for (let k = 0; k < P; k++) pooled.quantiles[k] = quantile7(all, probs[k]);
  }
  return { probs: [...probs], n, quantiles, below: countBelow, pooled };
}
