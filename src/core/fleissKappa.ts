import type { ItemCounts } from './itemCounts';
import { agreementParts, type ChanceCorrected } from './agreementParts';

/**
 * Fleiss' kappa in Gwet's generalisation to a varying number of labels per item (Gwet 2014; irrCAC
 * `fleiss.kappa.raw`; `docs/report-schema.md` "fleiss_kappa"): P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1)) averaged
 * over items with >= 2 labels; p_j = mean over all labelled items of n_ij / n_i; P_e = sum_j p_j^2;
 * kappa = (P - P_e) / (1 - P_e). Equals Fleiss (1971) when every item has the same number of labels.
 * Degenerate: no item with >= 2 labels, or P_e = 1 (a single category used) -> NaN with a reason.
 */
export function fleissKappa(table: ItemCounts): ChanceCorrected {
  const { pa, pi, nItems, nLabelled } = agreementParts(table);
  let pe = 0;
  let used = 0;
  for (let c = 0; c < pi.length; c++) {
    pe += pi[c] * pi[c];
    if (pi[c] > 0) used++;
  }
  const reason =
    nItems === 0
      ? 'no item with two or more labels'
      : used < 2
        ? 'no variation: every label is the same (P_e = 1)'
        : null;
  return { value: reason ? NaN : (pa - pe) / (1 - pe), pa, pe, nItems, nLabelled, reason };
}
