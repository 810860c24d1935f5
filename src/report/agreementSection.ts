import { bootstrapCi } from '../core/bootstrapCi';
import { cohenPairs } from '../core/cohenPairs';
import { countPatterns } from '../core/countPatterns';
import { directionalSides } from '../core/directionalSides';
import { interpretationBand } from '../core/interpretationBand';
import { itemCounts, type ItemCounts } from '../core/itemCounts';
import { itemCountsOf } from '../core/itemCountsOf';
import { judgementFilter } from '../core/judgementFilter';
import type { Ratings } from '../core/types';
import { COUNT_METRICS, metricValue, type MetricContext } from './agreementMetrics';

export interface CohenPairRow {
  a: string;
  b: string;
  n: number;
  kappa: number | null;
  kappa_linear: number | null;
  kappa_quadratic: number | null;
}

/** The coefficients on one scale (report-schema `agreement`, and its `directional` block). */
export interface CoefficientBlock {
  items_pairable: number;
  percent_agreement: { strict: number | null; directional: number | null };
  cohen_kappa_mean: number | null;
  cohen_pairs: CohenPairRow[];
  /** pairs sharing fewer than min_shared_items items, left out of cohen_pairs */
  cohen_pairs_below_min: number;
  fleiss_kappa: number | null;
  krippendorff_alpha: { nominal: number | null; ordinal: number | null; interval: number | null };
  gwet_ac1: number | null;
}

export interface SliceRow {
  value: string;
  items: number;
  items_pairable: number;
  percent_agreement: { strict: number | null; directional: number | null };
  fleiss_kappa: number | null;
  krippendorff_alpha: { nominal: number | null; ordinal: number | null; interval: number | null };
  gwet_ac1: number | null;
  ci95: Record<string, [number, number] | null>;
}

export interface AgreementSection extends CoefficientBlock {
  directional: CoefficientBlock | null;
  ci95: Record<string, [number, number] | null>;
  band: { metric: string; value: number; range: [number, number]; label: string; action: string } | null;
  slices: Record<string, SliceRow[]>;
  reasons: Record<string, string>;
}

export interface AgreementOptions {
  /** annotator codes left out */
  removed?: readonly number[];
  minShared?: number;
  /** bootstrap resamples (0 = no intervals) */
  bootstrap?: number;
  seed?: number;
  bandMetric?: string;
  /** slice columns to compute (default: all) */
  slices?: string[] | null;
  onProgress?: (done: number, total: number) => void;
}

const num = (x: number) => (Number.isNaN(x) ? null : x);

/** Counts, context and judgement mask of the human overall judgements on one scale. */
function scaleTable(r: Ratings, mask: Uint8Array | null, collapse: boolean): { table: ItemCounts; ctx: MetricContext } {
  const sides = directionalSides(r.fivePoint);
  const K = collapse ? sides!.K : r.categories.length;
  const table = mask ? itemCounts(r, mask, { collapse }) : { counts: new Float64Array(0), m: new Float64Array(0), rows: 0, K };
  return { table, ctx: { sides: collapse ? (sides ? Array.from({ length: sides.K }, (_, i) => i) : null) : (sides?.side ?? null), q: K } };
}

function block(r: Ratings, mask: Uint8Array, collapse: boolean, minShared: number | null, prefix: string, reasons: Record<string, string>, given?: ItemCounts) {
  const scaled = scaleTable(r, given ? null : mask, collapse);
  const table = given ?? scaled.table;
  const ctx = scaled.ctx;
  // every count-based coefficient depends only on the distinct per-item count vectors
  const patterns = countPatterns(table);
  const values: Record<string, number | null> = {};
  for (const m of COUNT_METRICS) {
    const { value, reason } = m.compute(patterns, ctx);
    values[m.id] = num(value);
    if (values[m.id] === null && !(collapse && m.id === 'percent_agreement.directional')) reasons[prefix + m.id] = reason ?? 'undefined';
  }
  const pairs = minShared === null ? null : cohenPairs(r, mask, { minShared, collapse });
  if (pairs && Number.isNaN(pairs.kappaMean)) reasons[`${prefix}cohen_kappa_mean`] = pairs.a.length === 0 ? `no annotator pair shares ${minShared} or more items` : 'no pair has a defined kappa';
  let pairable = 0;
  for (let i = 0; i < table.rows; i++) if (table.m[i] >= 2) pairable++;
  const out: CoefficientBlock = {
    items_pairable: pairable,
    percent_agreement: { strict: values['percent_agreement.strict'], directional: collapse ? values['percent_agreement.strict'] : values['percent_agreement.directional'] },
    cohen_kappa_mean: pairs ? num(pairs.kappaMean) : null,
    cohen_pairs: pairs ? Array.from(pairs.a, (a, i) => ({ a: r.annotators[a], b: r.annotators[pairs.b[i]], n: pairs.n[i], kappa: num(pairs.kappa[i]), kappa_linear: num(pairs.kappaLinear[i]), kappa_quadratic: num(pairs.kappaQuadratic[i]) })) : [],
    cohen_pairs_below_min: pairs?.nBelowMin ?? 0,
    fleiss_kappa: values.fleiss_kappa,
    krippendorff_alpha: { nominal: values['krippendorff_alpha.nominal'], ordinal: values['krippendorff_alpha.ordinal'], interval: values['krippendorff_alpha.interval'] },
    gwet_ac1: values.gwet_ac1,
  };
  return { out, table: patterns, ctx };
}

/** Percentile bootstrap intervals of every count-based metric of a table (same seed for each). */
function intervals(table: ItemCounts, ctx: MetricContext, prefix: string, resamples: number, seed: number, ids: string[] | null, tick: () => void): Record<string, [number, number] | null> {
  const out: Record<string, [number, number] | null> = {};
  const patterns = countPatterns(table); // every coefficient depends only on the count patterns
  for (const m of COUNT_METRICS) {
    if (ids && !ids.includes(m.id)) continue;
    if (prefix && m.id === 'percent_agreement.directional') continue;
    const ci = bootstrapCi(patterns, (t) => m.compute(t, ctx).value, { resamples, seed });
    out[prefix + m.id] = Number.isNaN(ci.lower) || Number.isNaN(ci.estimate) ? null : [ci.lower, ci.upper];
    tick();
  }
  return out;
}

/**
 * The `agreement` section of the report: human judgements on the first (overall) dimension, less removed
 * annotators; every coefficient on the label scale and on the direction (A / tie / B); bootstrap
 * intervals; the interpretation band of the chosen metric; the same per value of each slice column.
 */
export function agreementSection(r: Ratings, options: AgreementOptions = {}): AgreementSection {
  const { removed = [], minShared = 10, bootstrap = 1000, seed = 1, bandMetric = 'fleiss_kappa', onProgress } = options;
  const reasons: Record<string, string> = {};
  const mask = judgementFilter(r, { removed });
  const main = block(r, mask, false, minShared, '', reasons);
  const preference = r.scale !== 'nominal';
  const dir = preference ? block(r, mask, true, minShared, 'directional.', reasons) : null;
  if (!dir) reasons.directional = 'no direction on a nominal scale';
  const sliceColumns = r.slices.filter((s) => options.slices === undefined || options.slices === null || options.slices.includes(s.name));
  const ciIds = [...new Set(['fleiss_kappa', bandMetric.replace(/^directional\./, '')])].filter((id) => COUNT_METRICS.some((m) => m.id === id));
  const sliceWork = sliceColumns.reduce((s, c) => s + c.values.length, 0) * ciIds.length;
  const total = bootstrap > 0 ? COUNT_METRICS.length * 2 - 1 + sliceWork : 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  const ci95 = bootstrap > 0 ? { ...intervals(main.table, main.ctx, '', bootstrap, seed, null, tick), ...(dir ? intervals(dir.table, dir.ctx, 'directional.', bootstrap, seed, null, tick) : {}) } : {};
  const section: AgreementSection = { ...main.out, directional: dir?.out ?? null, ci95, band: null, slices: {}, reasons };
  const bandValue = metricValue(section, bandMetric);
  const band = interpretationBand(bandValue);
  section.band = band && bandValue !== null ? { metric: bandMetric, value: bandValue, ...band } : null;
  if (!band) reasons.band = `${bandMetric} is undefined`;
  for (const s of sliceColumns) {
    const byValue = judgementsByValue(s.code, s.values.length, mask);
    section.slices[s.name] = s.values.map((value, v) => {
      const { out, table, ctx } = block(r, mask, false, null, '', {}, itemCountsOf(r, byValue[v]));
      let items = 0;
      for (let i = 0; i < table.rows; i++) if (table.m[i] > 0) items += table.weight ? table.weight[i] : 1;
      return {
        value,
        items,
        items_pairable: out.items_pairable,
        percent_agreement: out.percent_agreement,
        fleiss_kappa: out.fleiss_kappa,
        krippendorff_alpha: out.krippendorff_alpha,
        gwet_ac1: out.gwet_ac1,
        ci95: bootstrap > 0 ? intervals(table, ctx, '', bootstrap, seed, ciIds, tick) : {},
      };
    });
  }
  return section;
}

/** The selected judgements of each value of a slice column, as index lists (one counting pass). */
function judgementsByValue(code: Int32Array, values: number, mask: Uint8Array): Int32Array[] {
  const sizes = new Int32Array(values);
  for (let j = 0; j < code.length; j++) if (mask[j]) sizes[code[j]]++;
  const out = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(values);
  for (let j = 0; j < code.length; j++) if (mask[j]) out[code[j]][fill[code[j]]++] = j;
  return out;
}
