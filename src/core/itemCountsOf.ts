import type { ItemCounts } from './itemCounts';
import type { Ratings } from './types';

/**
 * Per-item label counts of a subset of judgements given by index (for example one slice value), with
 * one row per item present in the subset, in order of first appearance. Work and memory grow with the
 * subset, not with the whole data set; the coefficients equal those of `itemCounts` with the same mask.
 */
export function itemCountsOf(ratings: Ratings, indices: Int32Array): ItemCounts {
  const K = ratings.categories.length;
  const local = new Int32Array(ratings.items.length).fill(-1);
  const { item, label } = ratings;
  let rows = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = item[indices[k]];
    if (local[i] < 0) local[i] = rows++;
  }
  const counts = new Float64Array(rows * K);
  const m = new Float64Array(rows);
  for (let k = 0; k < indices.length; k++) {
    const j = indices[k];
    const r = local[item[j]];
    counts[r * K + label[j]]++;
    m[r]++;
  }
  return { counts, m, rows, K };
}
