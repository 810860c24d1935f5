import type { Ratings } from './types';
import { labelScale } from './labelScale';

/**
 * Per-row label counts: the sufficient statistic of every count-based agreement coefficient (percent
 * agreement, Fleiss, Krippendorff, AC1). A row is one item (from `itemCounts`) or one distinct count
 * vector standing for `weight[r]` items (from `countPatterns`, `countTable` or a bootstrap draw).
 */
export interface ItemCounts {
  /** rows × K, row-major: `counts[r * K + c]` = labels of category c on row r */
  counts: Float64Array;
  /** per row: the number of labels (the row sum) */
  m: Float64Array;
  /** per row: how many items the row stands for; absent means 1 each */
  weight?: Float64Array;
  rows: number;
  K: number;
}

/**
 * The nItems × K label-count matrix of the selected judgements (row r = item code r, so items without a
 * selected judgement have m = 0 and are ignored by every kernel). `collapse: true` counts on the
 * directional scale (A / tie / B, see `directionalSides`) and throws for nominal data.
 */
export function itemCounts(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { collapse = false }: { collapse?: boolean } = {},
): ItemCounts {
  const { K, side } = labelScale(ratings, collapse);
  const rows = ratings.items.length;
  const counts = new Float64Array(rows * K);
  const m = new Float64Array(rows);
  const { item, label } = ratings;
  for (let j = 0; j < ratings.n; j++) {
    if (mask && !mask[j]) continue;
    const l = label[j];
    if (l < 0) continue;
    const c = side ? side[l] : l;
    counts[item[j] * K + c]++;
    m[item[j]]++;
  }
  return { counts, m, rows, K };
}
