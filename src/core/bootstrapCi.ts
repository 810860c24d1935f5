import type { ItemCounts } from './itemCounts';
import { countPatterns } from './countPatterns';
import { quantile7 } from './quantile7';
import { randomBinomial } from './randomBinomial';
import { rng, type Rng } from './rng';

export interface BootstrapCi {
  /** the statistic on the data */
  estimate: number;
  /** 2.5th and 97.5th percentiles (type 7) of the defined resamples; NaN when there are none */
  lower: number;
  upper: number;
  resamples: number;
  /** resamples where the statistic was defined, and where it was not (dropped) */
  defined: number;
  nUndefined: number;
  /** labelled items resampled */
  nItems: number;
  /** the defined resample statistics, ascending */
  values: Float64Array;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** a seeded generator to use instead of `rng(seed)` */
  random?: Rng;
  /** `patterns`: multinomial counts of distinct count vectors; `items`: draw items one by one */
  method?: 'patterns' | 'items';
  /** `items` only: the rows in the order to draw from (e.g. sorted by item id); default row order */
  order?: ArrayLike<number>;
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/**
 * Percentile bootstrap over items (`docs/report-schema.md` "ci95"; Efron & Tibshirani 1993): the N labelled items
 * (m >= 1) are resampled with replacement, the statistic is recomputed on the resample (given as an
 * `ItemCounts` whose `weight` = how often each row was drawn), NaN resamples are dropped and counted, and
 * the bounds are the type-7 2.5% / 97.5% quantiles. `method: 'patterns'` (default) draws the multinomial
 * counts of the sorted distinct count vectors by exact sequential binomials, which is the same
 * distribution as drawing N items and needs no pass over items; its numbers do not depend on item order.
 */
export function bootstrapCi(
  table: ItemCounts,
  statistic: (resample: ItemCounts) => number,
  {
    resamples = 1000,
    seed = 1,
    random = rng(seed),
    method = 'patterns',
    order,
    onProgress,
    progressEvery = 100,
  }: BootstrapOptions = {},
): BootstrapCi {
  const estimate = statistic(table);
  const base = method === 'patterns' ? countPatterns(table) : labelledRows(table, order);
  const P = base.rows;
  const w0 = base.weight ?? new Float64Array(P).fill(1);
  let N = 0;
  for (let p = 0; p < P; p++) N += w0[p];
  N = Math.round(N);
  const weight = new Float64Array(P);
  const resample: ItemCounts = { ...base, weight };
  const values: number[] = [];
  for (let b = 1; b <= resamples; b++) {
    weight.fill(0);
    if (N > 0 && method === 'patterns') {
      let left = N,
        wLeft = N;
      for (let p = 0; p < P && left > 0; p++) {
        const x = p === P - 1 ? left : randomBinomial(random, left, Math.min(1, w0[p] / wLeft));
        weight[p] = x;
        left -= x;
        wLeft -= w0[p];
      }
    } else for (let d = 0; d < N; d++) weight[Math.floor(random() * N)]++;
    const v = N > 0 ? statistic(resample) : NaN;
    if (!Number.isNaN(v)) values.push(v);
    if (onProgress && (b % progressEvery === 0 || b === resamples)) onProgress(b, resamples);
  }
  const sorted = Float64Array.from(values).sort();
  return {
    estimate,
    lower: quantile7(sorted, 0.025),
    upper: quantile7(sorted, 0.975),
    resamples,
    defined: sorted.length,
    nUndefined: resamples - sorted.length,
    nItems: N,
    values: sorted,
  };
}

/** The labelled rows of `table`, one per item, in `order` (default: row order). */
function labelledRows(table: ItemCounts, order?: ArrayLike<number>): ItemCounts {
  const { counts, m, K, weight } = table;
  if (weight) throw new Error('method "items" needs one row per item');
  const rows: number[] = [];
  const n = order ? order.length : table.rows;
  for (let i = 0; i < n; i++) {
    const r = order ? order[i] : i;
    if (m[r] > 0) rows.push(r);
  }
  const out = { counts: new Float64Array(rows.length * K), m: new Float64Array(rows.length), rows: rows.length, K };
  rows.forEach((r, i) => {
    out.counts.set(counts.subarray(r * K, r * K + K), i * K);
    out.m[i] = m[r];
  });
  return out;
}
