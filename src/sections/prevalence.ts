import { agreementParts } from '../core/agreementParts';
import type { ItemCounts } from '../core/itemCounts';
import { WARNING_RULES } from '../defaults';
import { metricValue } from './metrics';

/** High percent agreement with a low chance-corrected coefficient: the prevalence paradox, with what explains it. */
export interface Prevalence {
  percent_agreement: number;
  /** the lower of Fleiss' kappa and nominal alpha, and which it is */
  coefficient: number;
  coefficient_id: 'fleiss_kappa' | 'krippendorff_alpha.nominal';
  /** Gwet's AC1 on the same counts, which chance agreement does not drive down so */
  gwet_ac1: number | null;
  /** per category (in scale order): its share of the labels, π_k (mean of each item's label shares) */
  label_shares: Record<string, number | null>;
}

/**
 * The prevalence paradox (Feinstein & Cicchetti 1990; Gwet 2008): when one label dominates, chance agreement
 * Σ π_k² is high, so kappa and alpha fall although the annotators agree. Flagged when the strict percent
 * agreement of `values` (a coefficient block or slice row) is at least `WARNING_RULES.prevalenceAgreement` and the
 * lower of Fleiss' kappa and nominal alpha is `prevalenceGap` or more below it; null otherwise or when a value is
 * missing. The label shares are Gwet's π_k of `counts` (the same counts the coefficients came from), by category
 * name (`categories`, else the 1-based number).
 */
export function prevalenceCheck(values: unknown, counts: ItemCounts, categories: readonly string[]): Prevalence | null {
  const pa = metricValue(values, 'percent_agreement.strict');
  const kappa = metricValue(values, 'fleiss_kappa');
  const alpha = metricValue(values, 'krippendorff_alpha.nominal');
  const candidates = [
    ['fleiss_kappa', kappa],
    ['krippendorff_alpha.nominal', alpha],
  ].filter((c): c is [Prevalence['coefficient_id'], number] => c[1] !== null);
  if (pa === null || !candidates.length) return null;
  const [id, low] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
  if (pa < WARNING_RULES.prevalenceAgreement || low > pa - WARNING_RULES.prevalenceGap) return null;
  const shares: Record<string, number | null> = {};
  agreementParts(counts).pi.forEach((x, k) =>
    Object.defineProperty(shares, categories[k] ?? String(k + 1), {
      value: Number.isFinite(x) ? x : null,
      enumerable: true,
      writable: true,
      configurable: true,
    }),
  );
  return {
    percent_agreement: pa,
    coefficient: low,
    coefficient_id: id,
    gwet_ac1: metricValue(values, 'gwet_ac1'),
    label_shares: shares,
  };
}
