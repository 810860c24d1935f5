import type { ItemCounts } from '../core/itemCounts';
import type { CoefficientBlock } from '../report/agreementSection';
import { COUNT_METRICS, type MetricContext } from '../report/agreementMetrics';
import type { SummaryCohenPairs } from './summaryCohenPairs';

const num = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * One coefficient block (report-schema `agreement`, or its `directional` block) from a pattern table
 * (`patternTable`) and, for the whole data, the Cohen pairs. Mirrors the private `block` of
 * `src/report/agreementSection.ts` line by line (same metrics, same reasons), but starts from
 * patterns instead of `Ratings`; see src/sql/README.md for the refactor that would share it.
 */
export function summaryBlock(
  patterns: ItemCounts,
  ctx: MetricContext,
  pairs: SummaryCohenPairs | null,
  { collapse = false, prefix = '', minShared = 10, reasons = {} }: { collapse?: boolean; prefix?: string; minShared?: number; reasons?: Record<string, string> } = {},
): CoefficientBlock {
  const values: Record<string, number | null> = {};
  for (const m of COUNT_METRICS) {
    const { value, reason } = m.compute(patterns, ctx);
    values[m.id] = num(value);
    if (values[m.id] === null && !(collapse && m.id === 'percent_agreement.directional')) reasons[prefix + m.id] = reason ?? 'undefined';
  }
  if (pairs && Number.isNaN(pairs.mean)) reasons[`${prefix}cohen_kappa_mean`] = pairs.rows.length === 0 ? `no annotator pair shares ${minShared} or more items` : 'no pair has a defined kappa';
  let pairable = 0;
  for (let i = 0; i < patterns.rows; i++) if (patterns.m[i] >= 2) pairable += patterns.weight ? patterns.weight[i] : 1;
  return {
    items_pairable: pairable,
    percent_agreement: { strict: values['percent_agreement.strict'], directional: collapse ? values['percent_agreement.strict'] : values['percent_agreement.directional'] },
    cohen_kappa_mean: pairs ? num(pairs.mean) : null,
    cohen_pairs: pairs ? pairs.rows : [],
    cohen_pairs_below_min: pairs?.belowMin ?? 0,
    fleiss_kappa: values.fleiss_kappa,
    krippendorff_alpha: { nominal: values['krippendorff_alpha.nominal'], ordinal: values['krippendorff_alpha.ordinal'], interval: values['krippendorff_alpha.interval'] },
    gwet_ac1: values.gwet_ac1,
  };
}
