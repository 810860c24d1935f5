import type { ItemCounts } from './itemCounts';

/**
 * An `ItemCounts` from plain count rows (Fleiss' subject × category layout, or the `item_patterns` of a
 * summary file with their multiplicities as `weight`). Counts may be fractional; m is the row sum.
 */
export function countTable(
  rows: ArrayLike<ArrayLike<number>>,
  { K = rows.length ? rows[0].length : 0, weight }: { K?: number; weight?: ArrayLike<number> } = {},
): ItemCounts {
  const n = rows.length;
  const counts = new Float64Array(n * K);
  const m = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    if (row.length !== K) throw new Error(`row ${r} has ${row.length} counts, expected ${K}`);
    for (let c = 0; c < K; c++) {
      counts[r * K + c] = row[c];
      m[r] += row[c];
    }
  }
  if (weight && weight.length !== n) throw new Error('weight length differs from the number of rows');
  return weight ? { counts, m, rows: n, K, weight: Float64Array.from(weight) } : { counts, m, rows: n, K };
}
