import { fleissKappa } from '../core/fleissKappa';
import { DEFAULT_SETTINGS } from '../defaults';
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
  /** the counts are already on the direction (A / tie / B): a "same side" share is the exact share */
  onDirection?: boolean;
}

/** A value and, when it is undefined (NaN), why. */
export type Computed = { value: number; reason: string | null };

export interface MetricSpec {
  /** the metric id within a block: its dotted path in the report (`docs/report-schema.md`, "Metric ids") */
  id: string;
  /** the one display name: tables, charts, selectors, the HTML report and the command line use it */
  name: string;
  family: 'percent agreement' | 'kappa' | 'alpha' | 'ac1';
  /** `share`: a proportion, shown as a percentage and not read against the bands; `coefficient`: chance-corrected */
  kind: 'share' | 'coefficient';
  /** the scales it applies to: any, or only categories with an order (numbers, preference labels) */
  levels: 'any' | 'ordered';
  /** whether it is also computed on the direction (A / tie / B) as `directional.<id>` */
  directional: boolean;
  /**
   * whether it has a row of its own in a table with a direction column: percent agreement on the direction has
   * none there, it is the direction column of percent agreement (tables without that column list every metric)
   */
  listed: boolean;
  /**
   * How it is computed from per-item label counts (so it bootstraps over items and is computed per slice), or
   * `pairs` for the mean over annotator pairs of a pairwise coefficient (from the pair tables, not bootstrapped).
   */
  from: ((table: ItemCounts, ctx: MetricContext) => Computed) | 'pairs';
}

const UNORDERED = 'nominal categories without an order (words, not numbers): only the nominal coefficients apply';
const noPairs = (nItems: number) => (nItems === 0 ? 'no item has 2 or more labels' : null);
const ordered = (ctx: MetricContext, compute: () => Computed): Computed =>
  ctx.ordered ? compute() : { value: NaN, reason: UNORDERED };

/**
 * Every agreement coefficient, in the order tables list them. Adding one is an entry here, its kernel in
 * `core/` and their tests: the sections compute it (and its interval, per slice and per dimension), and
 * every table, chart, selector, the HTML report and the command line list it from here.
 */
export const METRICS = [
  {
    id: 'percent_agreement.strict',
    name: 'Percent agreement',
    family: 'percent agreement',
    kind: 'share',
    levels: 'any',
    directional: true,
    listed: true,
    from: (t) => {
      const p = percentAgreement(t);
      return { value: p.strict, reason: noPairs(p.nItems) };
    },
  },
  {
    id: 'percent_agreement.directional',
    name: 'Percent agreement (direction)',
    family: 'percent agreement',
    kind: 'share',
    levels: 'any',
    directional: false,
    listed: false,
    from: (t, c) => {
      const p = percentAgreement(t, { sides: c.onDirection ? null : c.sides });
      if (c.onDirection) return { value: p.strict, reason: noPairs(p.nItems) };
      return { value: p.directional, reason: c.sides ? noPairs(p.nItems) : 'no direction on a nominal scale' };
    },
  },
  {
    id: 'cohen_kappa_mean',
    name: "Cohen's kappa (mean over pairs)",
    family: 'kappa',
    kind: 'coefficient',
    levels: 'any',
    directional: true,
    listed: true,
    from: 'pairs',
  },
  {
    id: 'fleiss_kappa',
    name: "Fleiss' kappa",
    family: 'kappa',
    kind: 'coefficient',
    levels: 'any',
    directional: true,
    listed: true,
    from: (t) => fleissKappa(t),
  },
  {
    id: 'krippendorff_alpha.nominal',
    name: "Krippendorff's alpha (nominal)",
    family: 'alpha',
    kind: 'coefficient',
    levels: 'any',
    directional: true,
    listed: true,
    from: (t) => krippendorffAlpha(t, { level: 'nominal' }),
  },
  {
    id: 'krippendorff_alpha.ordinal',
    name: "Krippendorff's alpha (ordinal)",
    family: 'alpha',
    kind: 'coefficient',
    levels: 'ordered',
    directional: true,
    listed: true,
    from: (t, c) => ordered(c, () => krippendorffAlpha(t, { level: 'ordinal' })),
  },
  {
    id: 'krippendorff_alpha.interval',
    name: "Krippendorff's alpha (interval)",
    family: 'alpha',
    kind: 'coefficient',
    levels: 'ordered',
    directional: true,
    listed: true,
    from: (t, c) => ordered(c, () => krippendorffAlpha(t, { level: 'interval' })),
  },
  {
    id: 'gwet_ac1',
    name: "Gwet's AC1",
    family: 'ac1',
    kind: 'coefficient',
    levels: 'any',
    directional: true,
    listed: true,
    from: (t, c) => gwetAc1(t, { q: c.q }),
  },
] as const satisfies readonly MetricSpec[];

export type Metric = MetricSpec & (typeof METRICS)[number];
export type MetricId = (typeof METRICS)[number]['id'];

/** A metric computed from item counts (bootstrapped, and computed per slice). */
export type CountMetric = Metric & { from: (table: ItemCounts, ctx: MetricContext) => Computed };
export const COUNT_METRICS: readonly CountMetric[] = METRICS.filter((m): m is CountMetric => m.from !== 'pairs');

/** The metric of an id (`directional.` prefix allowed), or undefined. */
export function metricOf(id: string): Metric | undefined {
  const base = id.replace(/^directional\./, '');
  return METRICS.find((m) => m.id === base && (base === id || m.directional));
}

/** Whether a metric id is read against the interpretation bands: chance-corrected coefficients, never a share. */
export function isBanded(id: string): boolean {
  return metricOf(id)?.kind === 'coefficient';
}

/**
 * The metric that reads slices, dimensions and the rubric verdict against the bands: the chosen one when it
 * is computed from the label counts, else the default (a direction-only or pairwise choice has no value there).
 */
export function labelMetric(bandMetric: string): string {
  return !bandMetric.startsWith('directional.') && metricOf(bandMetric)?.from !== 'pairs'
    ? bandMetric
    : DEFAULT_SETTINGS.bandMetric;
}

/** The metrics with a row of their own in a coefficient table with a direction column, in order. */
export const LISTED_METRICS: readonly Metric[] = METRICS.filter((m) => m.listed);

/** The display name of a metric id: `Fleiss' kappa`, `Fleiss' kappa, direction only`; the id itself when unknown. */
export function metricName(id: string): string {
  const m = metricOf(id);
  if (!m) return id;
  return id.startsWith('directional.') ? `${m.name}, direction only` : m.name;
}

/**
 * Every metric id a user can choose (band, gates, selectors), with its display name; `ordered: false` (nominal
 * categories without an order) leaves out the coefficients that need an order.
 */
export function metricIds(preference: boolean, ordered = true): { id: string; name: string }[] {
  const kept = METRICS.filter((m) => ordered || preference || m.levels === 'any');
  // the count-based coefficients first, then the pairwise means
  const listed = [...kept.filter((m) => m.from !== 'pairs'), ...kept.filter((m) => m.from === 'pairs')];
  const base = listed.map(({ id, name }) => ({ id, name }));
  if (!preference) return base;
  return [
    ...base,
    ...listed
      .filter((m) => m.directional)
      .map((m) => ({ id: `directional.${m.id}`, name: metricName(`directional.${m.id}`) })),
  ];
}

/** Reads a metric by its dotted id from a section-like object (null when absent). */
export function metricValue(section: unknown, id: string): number | null {
  let v: unknown = section;
  for (const key of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : null;
}

/** The report's values of metrics: each id written at its dotted path (`krippendorff_alpha.ordinal`), in registry order. */
export type MetricValues = UnionToIntersection<Nested<MetricId>>;
type Nested<Id extends string> = Id extends `${infer Head}.${infer Tail}`
  ? { [K in Head]: Nested<Tail> }
  : { [K in Id]: number | null };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Sets a value at a metric's dotted path. */
export function setMetric(target: Record<string, unknown>, id: string, value: number | null): void {
  const keys = id.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** The top-level report keys of the metrics given (`percent_agreement`, `fleiss_kappa`, …), in registry order. */
export function metricKeys(metrics: readonly Metric[] = METRICS): string[] {
  return [...new Set(metrics.map((m) => m.id.split('.')[0]))];
}
