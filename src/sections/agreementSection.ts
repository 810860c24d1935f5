import { bootstrapCi } from '../core/bootstrapCi';
import { countPatterns } from '../core/countPatterns';
import { directionalSides } from '../core/directionalSides';
import { itemCounts, type ItemCounts } from '../core/itemCounts';
import { itemCountsOf } from '../core/itemCountsOf';
import { judgementFilter } from '../core/judgementFilter';
import { kappasFromTables } from '../core/kappasFromTables';
import { pairTables } from '../core/pairTables';
import type { Ratings } from '../core/types';
import {
  isBanded,
  COUNT_METRICS,
  METRICS,
  metricKeys,
  setMetric,
  type MetricContext,
  type MetricValues,
} from './metrics';
import { orderedCategories } from '../core/orderedCategories';
import { DEFAULT_SETTINGS } from '../defaults';
import { withBand } from './band';
import { prevalenceCheck, type Prevalence } from './prevalence';

export interface CohenPairRow {
  a: string;
  b: string;
  n: number;
  kappa: number | null;
  kappa_linear: number | null;
  kappa_quadratic: number | null;
}

/**
 * The coefficients on one scale (`docs/report-schema.md`, `agreement`, and its `directional` block): every
 * metric of the registry at its dotted path, with the pairs behind Cohen's kappa.
 */
export type CoefficientBlock = { items_pairable: number } & MetricValues & {
    cohen_pairs: CohenPairRow[];
    /** pairs sharing fewer than min_shared_items items, left out of cohen_pairs */
    cohen_pairs_below_min: number;
  };

/** The count-based coefficients of one value of a slice column, with their intervals. */
export type SliceRow = { value: string; items: number; items_pairable: number } & MetricValues & {
    ci95: Record<string, [number, number] | null>;
    /** high percent agreement with a low kappa or alpha in this slice (`prevalenceCheck`) */
    prevalence: boolean;
  };

/** The coefficients of one rubric dimension (HelpSteer attributes, several Label Studio / Argilla questions). */
export type DimensionRow = { dimension: string; items_pairable: number } & MetricValues & {
    ci95: Record<string, [number, number] | null>;
    /** high percent agreement with a low kappa or alpha on this dimension (`prevalenceCheck`) */
    prevalence: boolean;
  };

export interface AgreementSection extends CoefficientBlock {
  directional: CoefficientBlock | null;
  ci95: Record<string, [number, number] | null>;
  band: { metric: string; value: number; range: [number, number]; label: string; action: string } | null;
  slices: Record<string, SliceRow[]>;
  /** high percent agreement with a low kappa or alpha: the prevalence paradox (`prevalenceCheck`), else null */
  prevalence: Prevalence | null;
  /** every dimension's coefficients when the files label more than one (else empty) */
  dimensions: DimensionRow[];
  reasons: Record<string, string>;
}

export interface AgreementOptions {
  /** annotator codes left out */
  removed?: readonly number[];
  /** the dimension read (default 0, the overall one) */
  dimension?: number;
  minShared?: number;
  /** bootstrap resamples (0 = no intervals) */
  bootstrap?: number;
  seed?: number;
  bandMetric?: string;
  /** slice columns to compute (default: all) */
  slices?: string[] | null;
  onProgress?: (done: number, total: number) => void;
}

/** One slice column: its values and, computed only when the column is selected, their label counts. */
export interface SliceTables {
  name: string;
  values: readonly string[];
  /** per value, the label counts of its judgements (per item or per count pattern) */
  counts: () => readonly ItemCounts[];
}

/**
 * What the agreement section is computed from, whether read from judgements (`agreementSection`) or from
 * a summary file (`summaryAgreement`): label counts on the scale, annotator pair tables, slice counts.
 */
export interface AgreementTables {
  /** categories of the scale */
  K: number;
  /** category → side (A / tie / B) and the number of sides, from `directionalSides`; null on a nominal scale */
  sides: { side: ArrayLike<number>; K: number } | null;
  /** the categories' names, for the prevalence note's label shares */
  categories: readonly string[];
  /** whether the categories have an order (`orderedCategories`): without one, ordinal and interval alpha are null */
  ordered: boolean;
  /** label counts of the selected judgements (per item or per count pattern; `countPatterns` is applied) */
  counts: ItemCounts;
  /** every annotator pair sharing an item, in the order to list: ids and K × K table (row-major, rows = a) */
  pairs: { a: readonly string[]; b: readonly string[]; tables: readonly ArrayLike<number>[] };
  slices: readonly SliceTables[];
}

export type AgreementTablesOptions = Omit<AgreementOptions, 'removed'>;

/**
 * the coefficients that get bootstrap intervals per slice value: every banded one computed from counts, so
 * choosing which one reads the bands recomputes nothing
 */
const SLICE_INTERVAL_METRICS = COUNT_METRICS.filter((m) => isBanded(m.id)).map((m) => m.id);

const num = (x: number) => (Number.isNaN(x) ? null : x);

/** The counts collapsed onto the directional sides, as count patterns (equal vectors merge). */
function collapsed(patterns: ItemCounts, side: ArrayLike<number>, K: number): ItemCounts {
  const counts = new Float64Array(patterns.rows * K);
  for (let r = 0; r < patterns.rows; r++)
    for (let c = 0; c < patterns.K; c++) counts[r * K + side[c]] += patterns.counts[r * patterns.K + c];
  return countPatterns({ ...patterns, counts, K });
}

/** One coefficient block from count patterns and (for the whole data, not for slices) the pair tables. */
function block(
  patterns: ItemCounts,
  ctx: MetricContext,
  cohen: { pairs: AgreementTables['pairs']; K: number; sides: AgreementTables['sides']; minShared: number } | null,
  prefix: string,
  reasons: Record<string, string>,
): CoefficientBlock {
  const onDirection = prefix !== '';
  const values = new Map<string, number | null>();
  for (const m of COUNT_METRICS) {
    const { value, reason } = m.from(patterns, { ...ctx, onDirection });
    values.set(m.id, num(value));
    // a metric without a directional variant is, on the direction, its exact twin: no reason of its own
    if (Number.isNaN(value) && !(onDirection && !m.directional)) reasons[prefix + m.id] = reason ?? 'undefined';
  }
  // Cohen's kappa of every pair sharing enough items, and their mean
  const kappas =
    cohen &&
    kappasFromTables(cohen.pairs.tables, cohen.K, {
      minShared: cohen.minShared,
      sides: onDirection ? cohen.sides : null,
    });
  for (const m of METRICS) {
    if (m.from !== 'pairs') continue;
    values.set(m.id, kappas ? num(kappas.kappaMean) : null);
    if (kappas && Number.isNaN(kappas.kappaMean))
      reasons[prefix + m.id] =
        kappas.index.length === 0
          ? `no annotator pair shares ${cohen!.minShared} or more items`
          : 'no pair has a defined kappa';
  }
  let pairable = 0;
  for (let i = 0; i < patterns.rows; i++) if (patterns.m[i] >= 2) pairable += patterns.weight ? patterns.weight[i] : 1;
  const out: Record<string, unknown> = { items_pairable: pairable };
  for (const m of METRICS) {
    setMetric(out, m.id, values.get(m.id) ?? null);
    if (m.from !== 'pairs') continue;
    out.cohen_pairs = kappas
      ? Array.from(kappas.index, (p, i) => ({
          a: cohen!.pairs.a[p],
          b: cohen!.pairs.b[p],
          n: kappas.n[i],
          kappa: num(kappas.kappa[i]),
          kappa_linear: num(kappas.kappaLinear[i]),
          kappa_quadratic: num(kappas.kappaQuadratic[i]),
        }))
      : [];
    out.cohen_pairs_below_min = kappas?.nBelowMin ?? 0;
  }
  return out as CoefficientBlock;
}

/** The metric values of a block (or a section) for a row: the top-level keys of the metrics given, in registry order. */
function metricFields(b: CoefficientBlock, metrics: readonly (typeof METRICS)[number][] = METRICS): MetricValues {
  return Object.fromEntries(
    metricKeys(metrics).map((k) => [k, (b as unknown as Record<string, unknown>)[k]]),
  ) as MetricValues;
}

/**
 * Percentile bootstrap intervals of every count-based metric of a pattern table (same seed for each), or of
 * those in `ids`; `prefix` (`directional.`) keeps the metrics with a direction variant and names them so.
 */
export function metricIntervals(
  patterns: ItemCounts,
  ctx: MetricContext,
  prefix: string,
  resamples: number,
  seed: number,
  ids: string[] | null,
  tick: () => void,
): Record<string, [number, number] | null> {
  const out: Record<string, [number, number] | null> = {};
  for (const m of COUNT_METRICS) {
    if (ids && !ids.includes(m.id)) continue;
    if (prefix && !m.directional) continue;
    const ci = bootstrapCi(patterns, (t) => m.from(t, ctx).value, { resamples, seed });
    out[prefix + m.id] = Number.isNaN(ci.lower) || Number.isNaN(ci.estimate) ? null : [ci.lower, ci.upper];
    tick();
  }
  return out;
}

/**
 * The `agreement` section from its tables: every count-based coefficient on the label scale and on the
 * direction (A / tie / B; the counts collapsed by `sides`), Cohen's kappa per pair from the pair tables,
 * bootstrap intervals drawn from the sorted count patterns (so equal tables and seed give equal intervals,
 * however the tables were obtained), the interpretation band of the chosen metric, the same per value of
 * each selected slice column.
 */
export function agreementFromTables(tables: AgreementTables, options: AgreementTablesOptions = {}): AgreementSection {
  const {
    minShared = DEFAULT_SETTINGS.minShared,
    bootstrap = DEFAULT_SETTINGS.bootstrap,
    seed = DEFAULT_SETTINGS.seed,
    bandMetric = DEFAULT_SETTINGS.bandMetric,
    onProgress,
  } = options;
  const { K, sides, pairs } = tables;
  const reasons: Record<string, string> = {};
  const ctx: MetricContext = { sides: sides?.side ?? null, q: K, ordered: tables.ordered };
  const patterns = countPatterns(tables.counts); // every coefficient depends only on the distinct count vectors
  const main = block(patterns, ctx, { pairs, K, sides, minShared }, '', reasons);
  let dir: { out: CoefficientBlock; patterns: ItemCounts; ctx: MetricContext } | null = null;
  if (sides) {
    const dctx: MetricContext = { sides: Array.from({ length: sides.K }, (_, i) => i), q: sides.K, ordered: true };
    const dpatterns = collapsed(patterns, sides.side, sides.K);
    dir = {
      out: block(dpatterns, dctx, { pairs, K, sides, minShared }, 'directional.', reasons),
      patterns: dpatterns,
      ctx: dctx,
    };
  } else reasons.directional = 'no direction on a nominal scale';
  const sliceColumns = tables.slices.filter(
    (s) => options.slices === undefined || options.slices === null || options.slices.includes(s.name),
  );
  const sliceWork = sliceColumns.reduce((s, c) => s + c.values.length, 0) * SLICE_INTERVAL_METRICS.length;
  const total = bootstrap > 0 ? COUNT_METRICS.length * 2 - 1 + sliceWork : 1;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  const ci95 =
    bootstrap > 0
      ? {
          ...metricIntervals(patterns, ctx, '', bootstrap, seed, null, tick),
          ...(dir ? metricIntervals(dir.patterns, dir.ctx, 'directional.', bootstrap, seed, null, tick) : {}),
        }
      : {};
  const section = withBand(
    {
      ...main,
      directional: dir?.out ?? null,
      ci95,
      band: null,
      slices: {},
      prevalence: prevalenceCheck(main, patterns, tables.categories),
      dimensions: [],
      reasons,
    },
    bandMetric,
  );
  for (const s of sliceColumns) {
    const counts = s.counts();
    const rows = s.values.map((value, v) => {
      const t = countPatterns(counts[v]);
      const b = block(t, ctx, null, '', {});
      let items = 0;
      for (let i = 0; i < t.rows; i++) if (t.m[i] > 0) items += t.weight ? t.weight[i] : 1;
      const ci95 = bootstrap > 0 ? metricIntervals(t, ctx, '', bootstrap, seed, SLICE_INTERVAL_METRICS, tick) : {};
      const fields = metricFields(b, COUNT_METRICS);
      return {
        value,
        items,
        items_pairable: b.items_pairable,
        ...fields,
        ci95,
        prevalence: prevalenceCheck(b, t, []) !== null,
      } as SliceRow;
    });
    // an own property even for a column named `__proto__` (an assignment would set the prototype)
    Object.defineProperty(section.slices, s.name, {
      value: rows,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return section;
}

/**
 * The `agreement` section of the report: human judgements on the first (overall) dimension, less removed
 * annotators; every coefficient on the label scale and on the direction (A / tie / B); bootstrap
 * intervals; the interpretation band of the chosen metric; the same per value of each slice column
 * (`agreementFromTables` on the judgements' item counts, pair tables and slice counts).
 */
export function agreementSection(r: Ratings, options: AgreementOptions = {}): AgreementSection {
  const { removed = [], dimension = 0, ...rest } = options;
  const mask = judgementFilter(r, { removed, dimension });
  const pairs = pairTables(r, mask);
  return agreementFromTables(
    {
      K: r.categories.length,
      sides: r.scale !== 'nominal' ? directionalSides(r.fivePoint) : null,
      ordered: orderedCategories(r.scale, r.categories),
      categories: r.categories,
      counts: itemCounts(r, mask),
      pairs: {
        a: Array.from(pairs.a, (a) => r.annotators[a]),
        b: Array.from(pairs.b, (b) => r.annotators[b]),
        tables: pairs.tables,
      },
      slices: r.slices.map((s) => ({
        name: s.name,
        values: s.values,
        counts: () => judgementsByValue(s.code, s.values.length, mask).map((indices) => itemCountsOf(r, indices)),
      })),
    },
    rest,
  );
}

/**
 * The coefficients of every dimension (same settings, no slices) when the files label more than one; the
 * overall dimension first. Empty for a single dimension.
 */
export function dimensionRows(r: Ratings, options: AgreementOptions = {}): DimensionRow[] {
  if (r.dimensions.length < 2) return [];
  const rows = r.dimensions.map((dimension, d) =>
    dimensionRow(dimension, agreementSection(r, { ...options, dimension: d, slices: [], onProgress: undefined })),
  );
  return rows;
}

/** The row of a dimension (or of the rubric verdict): its coefficients of an agreement section. */
export function dimensionRow(dimension: string, s: AgreementSection): DimensionRow {
  const row = { dimension, items_pairable: s.items_pairable, ...metricFields(s), ci95: s.ci95 };
  return { ...row, prevalence: s.prevalence !== null } as DimensionRow;
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
