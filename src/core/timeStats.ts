import { speedPenalty as penalty } from './speedPenalty';
import type { Ratings } from './types';

export interface TimeStats {
  /** per annotator: selected judgements with a finite time */
  n: Int32Array;
  /** per annotator: the sum of those times, seconds (summary files carry sum and count) */
  sum: Float64Array;
  /** sum / n (`mean_time_s`); NaN when n = 0 */
  mean: Float64Array;
  /** the median of those times (`median_time_s`; the mean of the two middle values for even n); NaN when n = 0 */
  median: Float64Array;
  /** `speed_penalty` of the mean (see `speedPenalty`); NaN when n = 0 */
  speedPenalty: Float64Array;
}

/**
 * Per annotator time statistics of the selected judgements (`docs/report-schema.md` "annotators": `mean_time_s`,
 * `median_time_s`, and `speed_penalty` by `speedPenalty`: 1 if mean time >= 5 s, else mean / 5).
 * Missing times (NaN, or infinite) are skipped; `ratings.time === null` (no time column) gives n = 0 and NaN everywhere. The
 * times are copied into one Float64Array grouped by annotator (counting sort) and each group is sorted
 * in place for the median: O(n log n) overall, no per-annotator arrays.
 */
export function timeStats(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { fullSpeed = 5 }: { fullSpeed?: number } = {},
): TimeStats {
  const nAnn = ratings.annotators.length;
  const n = new Int32Array(nAnn),
    sum = new Float64Array(nAnn);
  const mean = new Float64Array(nAnn).fill(NaN),
    median = new Float64Array(nAnn).fill(NaN);
  const speedPenalty = new Float64Array(nAnn).fill(NaN);
  const { time, annotator } = ratings;
  if (!time) return { n, sum, mean, median, speedPenalty };
  const use = (j: number) => (!mask || mask[j] === 1) && Number.isFinite(time[j]);
  const start = new Int32Array(nAnn + 1);
  for (let j = 0; j < ratings.n; j++) if (use(j)) start[annotator[j] + 1]++;
  for (let a = 0; a < nAnn; a++) start[a + 1] += start[a];
  const next = start.slice(0, nAnn);
  const grouped = new Float64Array(start[nAnn]);
  for (let j = 0; j < ratings.n; j++) if (use(j)) grouped[next[annotator[j]]++] = time[j];
  for (let a = 0; a < nAnn; a++) {
    const k = start[a + 1] - start[a];
    n[a] = k;
    if (k === 0) continue;
    const own = grouped.subarray(start[a], start[a + 1]);
    let s = 0,
      c = 0; // Neumaier-compensated sum (as d3-array's fsum)
    for (let p = 0; p < k; p++) {
      const x = own[p],
        t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    sum[a] = s + c;
    mean[a] = sum[a] / k;
    own.sort();
    median[a] = k % 2 ? own[(k - 1) / 2] : (own[k / 2 - 1] + own[k / 2]) / 2;
    speedPenalty[a] = penalty(mean[a], { fullSpeed });
  }
  return { n, sum, mean, median, speedPenalty };
}
