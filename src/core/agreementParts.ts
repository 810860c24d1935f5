import type { ItemCounts } from './itemCounts';

/** The result of a chance-corrected coefficient (Fleiss, AC1). */
export interface ChanceCorrected {
  value: number;
  /** observed agreement: mean P_i over items with >= 2 labels */
  pa: number;
  /** chance agreement */
  pe: number;
  /** items with >= 2 labels */
  nItems: number;
  /** items with >= 1 label */
  nLabelled: number;
  /** why value is NaN, else null */
  reason: string | null;
}

/**
 * The parts shared by Fleiss' kappa and Gwet's AC1 on multi-rater data with missing ratings (Gwet 2014,
 * handbook 4th ed.; irrCAC): pa = mean over items with n_i >= 2 of sum_k n_ik (n_ik - 1) / (n_i (n_i - 1));
 * pi_k = mean over all items with n_i >= 1 of n_ik / n_i. NaN where there is nothing to average.
 */
export function agreementParts(table: ItemCounts): { pa: number; pi: Float64Array; nItems: number; nLabelled: number } {
  const { counts, m, weight, rows, K } = table;
  const pi = new Float64Array(K);
  let paSum = 0,
    nItems = 0,
    nLabelled = 0;
  for (let r = 0; r < rows; r++) {
    const w = weight ? weight[r] : 1;
    const mr = m[r];
    if (!(mr > 0) || !(w > 0)) continue;
    nLabelled += w;
    let sq = 0;
    for (let c = 0; c < K; c++) {
      const x = counts[r * K + c];
      pi[c] += (w * x) / mr;
      sq += x * x;
    }
    if (mr >= 2) {
      nItems += w;
      paSum += (w * (sq - mr)) / (mr * (mr - 1));
    }
  }
  for (let c = 0; c < K; c++) pi[c] = nLabelled > 0 ? pi[c] / nLabelled : NaN;
  return { pa: nItems > 0 ? paSum / nItems : NaN, pi, nItems, nLabelled };
}
