import { naturalCompare } from '../core/naturalOrder';
import { countPatterns } from '../core/countPatterns';
import { interpretationBand } from '../core/interpretationBand';
import { itemCountsOf } from '../core/itemCountsOf';
import { judgementFilter } from '../core/judgementFilter';
import { orderedCategories } from '../core/orderedCategories';
import type { Ratings } from '../core/types';
import { DEFAULT_SETTINGS } from '../defaults';
import { metricIntervals } from './agreementSection';
import { COUNT_METRICS, isBanded, labelMetric, metricName, type MetricContext } from './metrics';
import { directionalSides } from '../core/directionalSides';

/** How judgements fall into periods: a column's values in order, or the timestamp by day or ISO week. */
export type DriftPeriods = { column: string } | { timestamp: 'day' | 'week' };

export interface DriftPeriod {
  /** the column's value, or the day (`2026-03-02`) or ISO week's Monday (`week of 2026-03-02`) */
  period: string;
  items: number;
  judgements: number;
  /** every banded count-based coefficient of the period's judgements, by metric id */
  values: Record<string, number | null>;
  ci95: Record<string, [number, number] | null>;
  /** the band of the band metric */
  band: string | null;
}

export interface DriftSection {
  by: string;
  /** the coefficient read against the bands */
  metric: string;
  periods: DriftPeriod[];
  /**
   * the first period whose band-metric interval lies wholly outside the band the first period held (its value,
   * without a bootstrap), or null when none left it
   */
  left_band: { period: string; held: string; now: string; value: number; ci95: [number, number] | null } | null;
  /** the drift in a sentence */
  reading: string;
  resamples: number;
}

export interface DriftOptions {
  bootstrap?: number;
  seed?: number;
  removed?: readonly number[];
  bandMetric?: string;
}

const DAY = 86_400_000;

/** The period of each judgement (-1: none) and the periods' names in order. */
function periodsOf(r: Ratings, by: DriftPeriods): { code: Int32Array; names: string[] } | string {
  if ('column' in by) {
    const slice = r.slices.find((s) => s.name === by.column);
    if (!slice) return `no column "${by.column}" with 50 values or fewer to read periods from`;
    // values in natural order: numbers as numbers, `week 10` after `week 9`
    const order = slice.values.map((_, i) => i).sort((a, b) => naturalCompare(slice.values[a], slice.values[b]));
    const rank = new Int32Array(slice.values.length);
    order.forEach((v, k) => (rank[v] = k));
    return {
      code: Int32Array.from(slice.code, (v) => (v < 0 ? -1 : rank[v])),
      names: order.map((v) => slice.values[v]),
    };
  }
  const ts = r.timestamp;
  if (!ts) return 'no timestamp column to read periods from';
  const key = new Float64Array(r.n).fill(NaN);
  for (let j = 0; j < r.n; j++) {
    const t = ts[j];
    if (!Number.isFinite(t) || t < 1e11) continue; // milliseconds since the epoch only (1973 onwards), not plain numbers
    const day = Math.floor(t / DAY);
    // ISO weeks start on Monday; 1970-01-01 was a Thursday
    key[j] = by.timestamp === 'day' ? day : day - ((day + 3) % 7);
  }
  const distinct = [...new Set(Array.from(key).filter((k) => !Number.isNaN(k)))].sort((a, b) => a - b);
  if (distinct.length === 0) return 'the timestamp column holds no date';
  const index = new Map(distinct.map((k, i) => [k, i]));
  const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
  return {
    code: Int32Array.from(key, (k) => (Number.isNaN(k) ? -1 : index.get(k)!)),
    names: distinct.map((d) => (by.timestamp === 'day' ? iso(d) : `week of ${iso(d)}`)),
  };
}

/**
 * Agreement over time (`docs/report-schema.md`, "drift"): the human judgements on the first dimension split
 * into periods — a batch, week or guideline column's values in natural order, or the timestamp by day or ISO
 * week — and every banded count-based coefficient computed per period with its bootstrap interval (items
 * resampled within the period), the band of the band metric per period, and the first period whose interval
 * lies wholly outside the band the first period held.
 */
export function driftSection(r: Ratings, by: DriftPeriods, options: DriftOptions = {}): DriftSection | string {
  const {
    bootstrap = DEFAULT_SETTINGS.bootstrap,
    seed = DEFAULT_SETTINGS.seed,
    removed = [],
    bandMetric = DEFAULT_SETTINGS.bandMetric,
  } = options;
  const periods = periodsOf(r, by);
  if (typeof periods === 'string') return periods;
  const mask = judgementFilter(r, { removed });
  const byPeriod: number[][] = periods.names.map(() => []);
  for (let j = 0; j < r.n; j++)
    if (mask[j] && r.label[j] >= 0 && periods.code[j] >= 0) byPeriod[periods.code[j]].push(j);
  const ctx: MetricContext = {
    sides: r.scale !== 'nominal' ? (directionalSides(r.fivePoint)?.side ?? null) : null,
    q: r.categories.length,
    ordered: orderedCategories(r.scale, r.categories),
  };
  const metrics = COUNT_METRICS.filter((m) => isBanded(m.id) && (ctx.ordered || m.levels === 'any'));
  const ids = metrics.map((m) => m.id);
  const metric = labelMetric(bandMetric);
  const rows: DriftPeriod[] = periods.names.map((period, p) => {
    const indices = Int32Array.from(byPeriod[p]);
    const t = countPatterns(itemCountsOf(r, indices));
    let items = 0;
    for (let i = 0; i < t.rows; i++) items += t.weight ? t.weight[i] : 1;
    const values: Record<string, number | null> = {};
    for (const m of metrics) {
      const v = m.from(t, ctx).value;
      values[m.id] = Number.isFinite(v) ? v : null;
    }
    // the same intervals the agreement section gives a slice value
    const found = bootstrap > 0 ? metricIntervals(t, ctx, '', bootstrap, seed, ids, () => {}) : {};
    const ci95 = Object.fromEntries(ids.map((id) => [id, found[id] ?? null]));
    return {
      period,
      items,
      judgements: indices.length,
      values,
      ci95,
      band: interpretationBand(values[metric])?.label ?? null,
    };
  });
  const first = rows.find((row) => row.values[metric] !== null);
  let left: DriftSection['left_band'] = null;
  if (first) {
    const held = interpretationBand(first.values[metric])!;
    for (const row of rows.slice(rows.indexOf(first) + 1)) {
      const v = row.values[metric];
      if (v === null) continue;
      const [lo, hi] = row.ci95[metric] ?? [v, v];
      // the band's range is half-open [low, high), the top band includes 1
      const outside = hi < held.range[0] || (held.range[1] < 1 ? lo >= held.range[1] : lo > 1);
      if (outside) {
        left = {
          period: row.period,
          held: held.label,
          now: interpretationBand(v)!.label,
          value: v,
          ci95: row.ci95[metric],
        };
        break;
      }
    }
  }
  const name = metricName(metric);
  const byName = 'column' in by ? by.column : `timestamp by ${by.timestamp}`;
  const reading = !first
    ? `${name} is undefined in every period of ${byName}.`
    : rows.length < 2
      ? `All the judgements fall in one period of ${byName} (${first.period}): nothing to follow over time; choose a finer period or another column.`
      : left
        ? `${name} held ${first.band?.toLowerCase()} in ${first.period} and left it in ${left.period} ` +
          `(${left.now.toLowerCase()}, ${left.value.toFixed(2)}` +
          `${left.ci95 ? `, 95% interval ${left.ci95[0].toFixed(2)} to ${left.ci95[1].toFixed(2)}` : ''}).`
        : `${name} did not leave the band it held in ${first.period} (${first.band?.toLowerCase()}) ` +
          `in any of the ${rows.length} periods of ${byName}${bootstrap > 0 ? ' beyond its 95% interval' : ''}.`;
  return { by: byName, metric, periods: rows, left_band: left, reading, resamples: bootstrap };
}
