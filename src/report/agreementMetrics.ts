import { fleissKappa } from '../core/fleissKappa';
import { gwetAc1 } from '../core/gwetAc1';
import type { ItemCounts } from '../core/itemCounts';
import { krippendorffAlpha } from '../core/krippendorffAlpha';
import { percentAgreement } from '../core/percentAgreement';

/** What a count-based coefficient needs beside the counts: the side of each category, the scale's q. */
export interface MetricContext {
  sides: ArrayLike<number> | null;
  q: number;
  /** false for nominal categories without an order (words): ordinal and interval coefficients do not apply */
  ordered: boolean;
}

const UNORDERED = 'nominal categories without an order (words, not numbers): only the nominal coefficients apply';

export interface CountMetric {
  /** the metric id within a block (`docs/report-schema.md`, "Metric ids") */
  id: string;
  name: string;
  /** value and, when it is undefined, why */
  compute: (table: ItemCounts, ctx: MetricContext) => { value: number; reason: string | null };
}

const noPairs = (nItems: number) => (nItems === 0 ? 'no item has 2 or more labels' : null);

/** The coefficients computed from per-item label counts (so they bootstrap over items). */
export const COUNT_METRICS: readonly CountMetric[] = [
  { id: 'percent_agreement.strict', name: 'Percent agreement', compute: (t) => { const p = percentAgreement(t); return { value: p.strict, reason: noPairs(p.nItems) }; } },
  { id: 'percent_agreement.directional', name: 'Percent agreement (direction)', compute: (t, c) => { const p = percentAgreement(t, { sides: c.sides }); return { value: p.directional, reason: c.sides ? noPairs(p.nItems) : 'no direction on a nominal scale' }; } },
  { id: 'fleiss_kappa', name: "Fleiss' kappa", compute: (t) => fleissKappa(t) },
  { id: 'krippendorff_alpha.nominal', name: "Krippendorff's alpha (nominal)", compute: (t) => krippendorffAlpha(t, { level: 'nominal' }) },
  { id: 'krippendorff_alpha.ordinal', name: "Krippendorff's alpha (ordinal)", compute: (t, c) => (c.ordered ? krippendorffAlpha(t, { level: 'ordinal' }) : { value: NaN, reason: UNORDERED }) },
  { id: 'krippendorff_alpha.interval', name: "Krippendorff's alpha (interval)", compute: (t, c) => (c.ordered ? krippendorffAlpha(t, { level: 'interval' }) : { value: NaN, reason: UNORDERED }) },
  { id: 'gwet_ac1', name: "Gwet's AC1", compute: (t, c) => gwetAc1(t, { q: c.q }) },
];

/**
 * Every metric id a user can choose (band, gates, selectors), with a display name; `ordered: false` (nominal
 * categories without an order) leaves out the ordinal and interval coefficients.
 */
export function metricIds(preference: boolean, ordered = true): { id: string; name: string }[] {
  const kept = COUNT_METRICS.filter((m) => ordered || preference || !/ordinal|interval/.test(m.id));
  const base = [...kept.map(({ id, name }) => ({ id, name })), { id: 'cohen_kappa_mean', name: "Cohen's kappa (mean over pairs)" }];
  return preference ? [...base, ...base.filter((m) => m.id !== 'percent_agreement.directional').map((m) => ({ id: `directional.${m.id}`, name: `${m.name}, direction only` }))] : base;
}

/** Reads a metric by its dotted id from a section-like object (null when absent). */
export function metricValue(section: unknown, id: string): number | null {
  let v: unknown = section;
  for (const key of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : null;
}
