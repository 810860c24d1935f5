import { bootstrapCi } from '../core/bootstrapCi';
import { directionalSides } from '../core/directionalSides';
import { interpretationBand } from '../core/interpretationBand';
import type { ItemCounts } from '../core/itemCounts';
import { SCALE_CODES } from '../core/types';
import type { AgreementOptions, AgreementSection } from '../report/agreementSection';
import { COUNT_METRICS, metricValue, type MetricContext } from '../report/agreementMetrics';
import { patternTable } from './patternTable';
import { summaryBlock } from './summaryBlock';
import { summaryCohenPairs } from './summaryCohenPairs';
import type { Summary } from './types';

export type SummaryAgreementOptions = Omit<AgreementOptions, 'removed'>;

/** Percentile bootstrap intervals of every count-based metric (as the raw path's `intervals`). */
function intervals(table: ItemCounts, ctx: MetricContext, prefix: string, resamples: number, seed: number, ids: string[] | null, tick: () => void): Record<string, [number, number] | null> {
  const out: Record<string, [number, number] | null> = {};
  for (const m of COUNT_METRICS) {
    if (ids && !ids.includes(m.id)) continue;
    if (prefix && m.id === 'percent_agreement.directional') continue;
    const ci = bootstrapCi(table, (t) => m.compute(t, ctx).value, { resamples, seed });
    out[prefix + m.id] = Number.isNaN(ci.lower) || Number.isNaN(ci.estimate) ? null : [ci.lower, ci.upper];
    tick();
  }
  return out;
}

/**
 * The report's `agreement` section from a summary file, equal to `agreementSection` on the raw
 * judgements: coefficients from the item patterns (`COUNT_METRICS`), the directional block from the
 * patterns collapsed onto sides, Cohen's kappa from the pair tables, bootstrap intervals from the
 * same sorted pattern table (so the same seed gives the same intervals), band and slices. Removing
 * annotators needs the judgements (their labels are inside the patterns): re-run the SQL without them.
 */
export function summaryAgreement(summary: Summary, options: SummaryAgreementOptions = {}): AgreementSection {
  const { minShared = 10, bootstrap = 1000, seed = 1, bandMetric = 'fleiss_kappa', onProgress } = options;
  const K = summary.categories.length;
  const preference = summary.scale !== 'nominal';
  const sides = preference ? directionalSides(SCALE_CODES[summary.scale as keyof typeof SCALE_CODES]) : null;
  const ctx: MetricContext = { sides: sides?.side ?? null, q: K };
  const reasons: Record<string, string> = {};
  const table = patternTable(summary.item_patterns, K);
  const main = summaryBlock(table, ctx, summaryCohenPairs(summary.pair_tables, K, { minShared }), { minShared, reasons });
  let dir: { out: AgreementSection['directional']; table: ItemCounts; ctx: MetricContext } | null = null;
  if (sides) {
    const dctx: MetricContext = { sides: Array.from({ length: sides.K }, (_, i) => i), q: sides.K };
    const dtable = patternTable(summary.item_patterns, K, sides.side, sides.K);
    const pairs = summaryCohenPairs(summary.pair_tables, K, { minShared, side: sides.side, sideK: sides.K });
    dir = { out: summaryBlock(dtable, dctx, pairs, { collapse: true, prefix: 'directional.', minShared, reasons }), table: dtable, ctx: dctx };
  } else reasons.directional = 'no direction on a nominal scale';
  const sliceNames = Object.keys(summary.slices).filter((name) => options.slices === undefined || options.slices === null || options.slices.includes(name));
  const ciIds = [...new Set(['fleiss_kappa', bandMetric.replace(/^directional\./, '')])].filter((id) => COUNT_METRICS.some((m) => m.id === id));
  const sliceWork = sliceNames.reduce((s, name) => s + summary.slices[name].length, 0) * ciIds.length;
  const total = bootstrap > 0 ? COUNT_METRICS.length * 2 - 1 + sliceWork : 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  const ci95 = bootstrap > 0 ? { ...intervals(table, ctx, '', bootstrap, seed, null, tick), ...(dir ? intervals(dir.table, dir.ctx, 'directional.', bootstrap, seed, null, tick) : {}) } : {};
  const section: AgreementSection = { ...main, directional: dir?.out ?? null, ci95, band: null, slices: {}, reasons };
  const bandValue = metricValue(section, bandMetric);
  const band = interpretationBand(bandValue);
  section.band = band && bandValue !== null ? { metric: bandMetric, value: bandValue, ...band } : null;
  if (!band) reasons.band = `${bandMetric} is undefined`;
  for (const name of sliceNames) {
    section.slices[name] = summary.slices[name].map(({ value, item_patterns }) => {
      const t = patternTable(item_patterns, K);
      const out = summaryBlock(t, ctx, null);
      let items = 0;
      for (let i = 0; i < t.rows; i++) if (t.m[i] > 0) items += t.weight ? t.weight[i] : 1;
      const { items_pairable, percent_agreement, fleiss_kappa, krippendorff_alpha, gwet_ac1 } = out;
      return { value, items, items_pairable, percent_agreement, fleiss_kappa, krippendorff_alpha, gwet_ac1, ci95: bootstrap > 0 ? intervals(t, ctx, '', bootstrap, seed, ciIds, tick) : {} };
    });
  }
  return section;
}
