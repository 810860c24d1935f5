import type { ItemCounts } from './itemCounts';
import { agreementParts, type ChanceCorrected } from './agreementParts';

/**
 * Gwet's AC1 for multiple raters with missing ratings (Gwet 2008, 2014; irrCAC `gwet.ac1.raw`;
 * `docs/report-schema.md` "gwet_ac1"): pa as in Fleiss (mean P_i over items with >= 2 labels); chance
 * pe = sum_k pi_k (1 - pi_k) / (q - 1), pi_k = mean over all labelled items of n_ik / n_i, q = the number of
 * categories of the scale (default K). AC1 = (pa - pe) / (1 - pe); it stays defined (1) when every label
 * is the same. Degenerate: no item with >= 2 labels, or q < 2 -> NaN with a reason.
 */
export function gwetAc1(table: ItemCounts, { q = table.K }: { q?: number } = {}): ChanceCorrected {
  const { pa, pi, nItems, nLabelled } = agreementParts(table);
  let s = 0;
  for (let c = 0; c < pi.length; c++) s += pi[c] * (1 - pi[c]);
  const pe = q >= 2 ? s / (q - 1) : NaN;
  const reason =
    nItems === 0 ? 'no item with two or more labels' : q < 2 ? 'fewer than two categories on the scale' : null;
  return { value: reason ? NaN : (pa - pe) / (1 - pe), pa, pe, nItems, nLabelled, reason };
}
