import { directionalSides } from '../core/directionalSides';
import type { ItemCounts } from '../core/itemCounts';
import { judgementFilter } from '../core/judgementFilter';
import { majorityVote } from '../core/majorityVote';
import { orderedCategories } from '../core/orderedCategories';
import { alignItems, countsFor, shareOf } from '../core/alignRuns';
import { proportionDifference } from '../core/proportionDifference';
import { adjustPValues } from '../core/adjustPValues';
import { runDifference, type TwoRuns } from '../core/runDifference';
import type { Ratings } from '../core/types';
import { DEFAULT_SETTINGS } from '../defaults';
import type { AnnotatorRow } from './annotatorsSection';
import type { SideModels } from './biasSection';
import { biasRows, judgeRows } from './comparisonRows';
import { COUNT_METRICS, labelMetric, metricName, type MetricContext } from './metrics';

/** One figure of run A and run B, their difference B − A with its interval, and what it means. */
export interface DifferenceRow {
  /** `krippendorff_alpha.ordinal`, `directional.fleiss_kappa`, `label_share.A>B`, `slice.domain.code.fleiss_kappa`, … */
  id: string;
  /** what is compared, for people */
  name: string;
  a: number | null;
  b: number | null;
  delta: number | null;
  /** 95% percentile bootstrap interval of B − A (not adjusted for the number of rows) */
  ci95: [number, number] | null;
  /** two-sided bootstrap p-value of "no change", and after Holm's correction over every row of the section */
  p: number | null;
  p_holm: number | null;
  /** whether the change is larger than the noise: Holm-adjusted p below 0.05 */
  changed: boolean;
  /** a share of labels, judgements or annotators (written as percentages), or a coefficient */
  unit: 'share' | 'coefficient';
  /** which way is better (agreement and accuracy: higher; flagged annotators: lower); null when neither is */
  better: 'higher' | 'lower' | null;
  /** the row in a sentence */
  verdict: string;
}

/** An annotator in both runs: their figures before (A) and after (B). */
export interface AnnotatorChange {
  id: string;
  labels: [number, number];
  gold_accuracy: [number | null, number | null];
  majority_agreement: [number | null, number | null];
  median_time_s: [number | null, number | null];
  flagged: [boolean, boolean];
  reasons: [string[], string[]];
}

export interface ComparisonSection {
  runs: { a: RunSummary; b: RunSummary };
  items: { shared: number; a_only: number; b_only: number };
  /** whether items labelled in both runs were resampled together */
  paired: boolean;
  resamples: number;
  seed: number;
  /** how the rows are corrected for being many: Holm's step-down over `rows.length` p-values */
  correction: string;
  rows: DifferenceRow[];
  annotators: { both: AnnotatorChange[]; only_a: string[]; only_b: string[] };
  /** items labelled in both runs whose majority label differs (the first 500 listed) */
  flips: { compared: number; flipped: number; items: { id: string; a: string; b: string }[] };
  /** what could not be compared, and why */
  notes: string[];
}

export interface RunSummary {
  name: string;
  judgements: number;
  items: number;
  annotators: number;
}

export interface ComparisonOptions {
  bootstrap?: number;
  seed?: number;
  /** annotators left out of both runs (ids) */
  removed?: readonly string[];
  bandMetric?: string;
  paired?: boolean;
  names?: [string, string];
}

/** A run's judgements as the comparison reads them. */
export interface ComparedRun {
  ratings: Ratings;
  annotators: readonly Pick<
    AnnotatorRow,
    'id' | 'kind' | 'labels' | 'gold_accuracy' | 'majority_agreement' | 'median_time_s' | 'flagged' | 'reasons'
  >[];
  /** per item, the trimmed lengths of responses A and B (`responseLengths`): the length rows; none without texts */
  lengths?: { a: Float64Array; b: Float64Array } | null;
  /** the models of each pair's sides: whether a share of first-side wins means position (`positionConfounds`) */
  models?: SideModels;
}

const FLIPS_LISTED = 500;
/** A share where neither direction is better (label shares, position and length shares). */
const SHARE = { unit: 'share', better: null } as const;

/** A row's stream of random numbers, from its id (FNV-1a, 32 bits): stable whatever other rows exist. */
function streamOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Whether a row's change is for the better, the worse, or neither (within the noise, or no better side). */
export function changeTone(row: Pick<DifferenceRow, 'changed' | 'delta' | 'better'>): 'good' | 'flagged' | 'neutral' {
  if (!row.changed || row.better === null || !row.delta) return 'neutral';
  return row.delta > 0 === (row.better === 'higher') ? 'good' : 'flagged';
}

/** Thrown when two runs cannot be compared (different scales); the session returns it as a failure. */
export class NotComparable extends Error {}

const fmt = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : x.toPrecision(1));

/** The row in a sentence: which way it moved, by how much, and whether that is beyond the noise. */
export function differenceVerdict(
  row: Omit<DifferenceRow, 'verdict' | 'changed' | 'unit' | 'better'>,
  share: boolean,
  m: number,
): string {
  if (row.delta === null)
    return `${row.name}: not defined in ${row.a === null ? (row.b === null ? 'either run' : 'run A') : 'run B'}`;
  const show = share ? (x: number) => `${(100 * x).toFixed(1)} points` : fmt;
  const bound = share ? (x: number) => (100 * x).toFixed(1) : fmt;
  const moved = row.delta > 0 ? 'rose' : row.delta < 0 ? 'fell' : 'did not move';
  const by = row.delta === 0 ? '' : ` by ${show(Math.abs(row.delta))}`;
  const ci = row.ci95 ? ` [${bound(row.ci95[0])}, ${bound(row.ci95[1])}]` : '';
  const head = `${row.name} ${moved}${by}${ci}`;
  if (row.p_holm === null) return `${head}: no interval (the bootstrap is off or undefined)`;
  const p = row.p_holm < 1e-4 ? '< 0.0001' : `= ${row.p_holm.toPrecision(2)}`;
  if (row.p_holm < 0.05)
    return `${head}: the change is larger than the noise (Holm-adjusted p ${p}, ${m} rows compared)`;
  const excludes = row.ci95 && (row.ci95[0] > 0 || row.ci95[1] < 0);
  return excludes
    ? `${head}: the interval leaves out 0, but not once corrected for the ${m} rows compared (Holm-adjusted p ${p}): within the noise`
    : `${head}: within the noise`;
}

/**
 * The comparison of two labelling runs (`docs/report-schema.md`, "comparison"): every count-based
 * agreement coefficient on the labels and on the direction, the band metric per rubric dimension and per
 * slice value present in both runs, and each label's share, as A, B and B − A with a bootstrap interval
 * that resamples items within each run and the shared items together (`runDifference`); Holm's correction
 * over all rows decides which changes are larger than the noise. Annotators in both runs are listed with
 * their figures before and after, and the shared items whose majority label flipped.
 */
export function comparisonSection(a: ComparedRun, b: ComparedRun, options: ComparisonOptions = {}): ComparisonSection {
  const {
    bootstrap = DEFAULT_SETTINGS.bootstrap,
    seed = DEFAULT_SETTINGS.seed,
    removed = [],
    bandMetric = DEFAULT_SETTINGS.bandMetric,
    paired = true,
    names = ['A', 'B'],
  } = options;
  const ra = a.ratings;
  const rb = b.ratings;
  if (ra.scale !== rb.scale || ra.categories.join('\u0000') !== rb.categories.join('\u0000'))
    throw new NotComparable(
      `the runs are on different scales (A: ${ra.scale}, ${ra.categories.join(' / ')}; ` +
        `B: ${rb.scale}, ${rb.categories.join(' / ')}): read both on one scale (the audit command's --scale, or one label convention) to compare them`,
    );
  const notes: string[] = [];
  const removedIn = (r: Ratings) => removed.map((id) => r.annotators.indexOf(id)).filter((i) => i >= 0);
  const maskOf = (r: Ratings, dimension = 0) => judgementFilter(r, { removed: removedIn(r), dimension });
  const ma = maskOf(ra);
  const mb = maskOf(rb);
  const items = alignItems(ra, ma, rb, mb);
  const sides = ra.scale !== 'nominal' ? directionalSides(ra.fivePoint) : null;
  const ctx: MetricContext = {
    sides: sides?.side ?? null,
    q: ra.categories.length,
    ordered: orderedCategories(ra.scale, ra.categories),
  };
  const dctx: MetricContext | null = sides
    ? { sides: Array.from({ length: sides.K }, (_, i) => i), q: sides.K, ordered: true, onDirection: true }
    : null;

  type Pending = Omit<DifferenceRow, 'verdict' | 'changed' | 'p_holm'>;
  const pending: Pending[] = [];
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  const compare = (
    id: string,
    name: string,
    runs: TwoRuns,
    statistic: (t: ItemCounts) => number,
    { unit = 'coefficient', better = 'higher' }: Pick<Partial<DifferenceRow>, 'unit' | 'better'> = {},
  ) => {
    // each row its own stream, seeded by its id: a row's interval does not depend on which other rows exist
    const d = runDifference(runs, statistic, {
      resamples: Math.max(bootstrap, 0),
      seed: seed + streamOf(id),
      paired,
    });
    const defined = bootstrap > 0 && d.defined > 0;
    pending.push({
      id,
      name,
      a: num(d.a),
      b: num(d.b),
      delta: num(d.delta),
      ci95: defined && num(d.delta) !== null ? [d.lower, d.upper] : null,
      p: defined && num(d.delta) !== null ? d.p : null,
      unit,
      better,
    });
  };
  const twoRuns = (ma2: Uint8Array, mb2: Uint8Array, collapse: boolean, order = items): TwoRuns => ({
    a: countsFor(ra, ma2, order.a, collapse),
    b: countsFor(rb, mb2, order.b, collapse),
    shared: order.shared,
  });

  // every count-based coefficient, on the labels and on the direction
  const labels = twoRuns(ma, mb, false);
  for (const m of COUNT_METRICS) {
    // percent agreement on the direction is the direction row of percent agreement (not counted twice)
    if ((!ctx.ordered && m.levels === 'ordered') || !m.listed) continue;
    compare(m.id, m.name, labels, (t) => m.from(t, ctx).value);
  }
  if (dctx) {
    const direction = twoRuns(ma, mb, true);
    for (const m of COUNT_METRICS)
      if (m.directional)
        compare(`directional.${m.id}`, metricName(`directional.${m.id}`), direction, (t) => m.from(t, dctx).value);
  } else notes.push('no direction on a nominal scale: the direction rows are left out');

  // each label's share of the labels
  ra.categories.forEach((category, c) =>
    compare(`label_share.${category}`, `Share of ${category}`, labels, (t) => shareOf(t, c), SHARE),
  );

  // the band metric per rubric dimension and per slice value present in both runs
  const metric = COUNT_METRICS.find((m) => m.id === labelMetric(bandMetric))!;
  const statistic = (t: ItemCounts) => metric.from(t, ctx).value;
  ra.dimensions.forEach((dimension, d) => {
    if (d === 0) return;
    const e = rb.dimensions.indexOf(dimension);
    if (e < 0) return notes.push(`dimension ${dimension}: only in run A`);
    const da = maskOf(ra, d);
    const db = maskOf(rb, e);
    compare(
      `dimension.${dimension}.${metric.id}`,
      `${metric.name}, ${dimension}`,
      twoRuns(da, db, false, alignItems(ra, da, rb, db)),
      statistic,
    );
  });
  for (const sa of ra.slices) {
    const sb = rb.slices.find((s) => s.name === sa.name);
    if (!sb) {
      notes.push(`slice ${sa.name}: only in run A`);
      continue;
    }
    sa.values.forEach((value, v) => {
      const w = sb.values.indexOf(value);
      if (w < 0) return;
      const da = ma.map((x, j) => (x && sa.code[j] === v ? 1 : 0));
      const db = mb.map((x, j) => (x && sb.code[j] === w ? 1 : 0));
      // a value with no judgement in a run (a split by this very column) is not in both
      if (!da.includes(1) || !db.includes(1)) return;
      compare(
        `slice.${sa.name}.${value}.${metric.id}`,
        `${metric.name}, ${sa.name} = ${value}`,
        twoRuns(da, db, false, alignItems(ra, da, rb, db)),
        statistic,
      );
    });
  }

  const voteA = majorityVote(ra, ma).label;
  const voteB = majorityVote(rb, mb).label;
  judgeRows(a, b, { voteA, voteB, compare });
  biasRows(a, b, { ma, mb, compare, notes });

  // the share of human annotators flagged: annotators, not items, are the sample (independent runs)
  const flaggedOf = (run: ComparedRun) => {
    const humans = run.annotators.filter((x) => x.kind === 'human' && !removed.includes(x.id));
    return [humans.filter((x) => x.flagged).length, humans.length] as const;
  };
  const [kA, nA] = flaggedOf(a);
  const [kB, nB] = flaggedOf(b);
  const f = proportionDifference(kA, nA, kB, nB);
  pending.push({
    id: 'annotators.flagged_share',
    name: 'Share of human annotators flagged',
    a: num(f.p1),
    b: num(f.p2),
    delta: num(f.delta),
    ci95: num(f.delta) === null ? null : [f.lower, f.upper],
    p: num(f.p),
    unit: 'share',
    better: 'lower',
  });
  notes.push(
    "annotators flagged: Newcombe's score interval and a two-proportion z-test, the runs' annotators taken as independent samples",
  );

  // Holm over every row with a p-value
  const adjusted = adjustPValues(
    pending.map((r) => r.p ?? NaN),
    'holm',
  );
  const m = adjusted.filter((p) => !Number.isNaN(p)).length;
  const rows: DifferenceRow[] = pending.map((row, i) => {
    const p_holm = Number.isNaN(adjusted[i]) ? null : adjusted[i];
    const out = { ...row, p_holm };
    return {
      ...out,
      changed: p_holm !== null && p_holm < 0.05,
      verdict: differenceVerdict(out, row.unit === 'share', m),
    };
  });

  // who changed: annotators in both runs, before and after
  const rowsB = new Map(b.annotators.map((x) => [x.id, x]));
  const idsA = new Set(a.annotators.map((x) => x.id));
  const both: AnnotatorChange[] = [];
  for (const x of a.annotators) {
    const y = rowsB.get(x.id);
    if (!y) continue;
    both.push({
      id: x.id,
      labels: [x.labels, y.labels],
      gold_accuracy: [x.gold_accuracy, y.gold_accuracy],
      majority_agreement: [x.majority_agreement, y.majority_agreement],
      median_time_s: [x.median_time_s, y.median_time_s],
      flagged: [x.flagged, y.flagged],
      reasons: [x.reasons, y.reasons],
    });
  }

  // items in both runs whose majority label flipped
  let flipped = 0;
  const listed: ComparisonSection['flips']['items'] = [];
  for (let s = 0; s < items.shared; s++) {
    const la = voteA[items.a[s]];
    const lb = voteB[items.b[s]];
    if (la < 0 || lb < 0 || la === lb) continue;
    flipped++;
    if (listed.length < FLIPS_LISTED)
      listed.push({ id: ra.items[items.a[s]], a: ra.categories[la], b: rb.categories[lb] });
  }
  if (items.shared === 0) notes.push('no item is in both runs: the runs are compared as independent samples');
  for (const [run, r, mask] of [
    ['A', ra, ma],
    ['B', rb, mb],
  ] as const)
    if (!mask.some((x, j) => x === 1 && r.label[j] >= 0))
      notes.push(`run ${run} has no human judgement (AI judges only, or none kept): its figures are not defined`);

  const summary = (r: Ratings, mask: Uint8Array, name: string): RunSummary => {
    let judgements = 0;
    const who = new Set<number>();
    const what = new Set<number>();
    for (let j = 0; j < r.n; j++)
      if (mask[j] && r.label[j] >= 0) {
        judgements++;
        who.add(r.annotator[j]);
        what.add(r.item[j]);
      }
    return { name, judgements, items: what.size, annotators: who.size };
  };
  return {
    runs: { a: summary(ra, ma, names[0]), b: summary(rb, mb, names[1]) },
    items: { shared: items.shared, a_only: items.aOnly, b_only: items.bOnly },
    paired: paired && items.shared > 0,
    resamples: bootstrap,
    seed,
    correction: `Holm's step-down correction over the ${m} rows compared (family-wise error 5%)`,
    rows,
    annotators: {
      both,
      only_a: a.annotators.filter((x) => !rowsB.has(x.id)).map((x) => x.id),
      only_b: b.annotators.filter((x) => !idsA.has(x.id)).map((x) => x.id),
    },
    flips: { compared: items.shared, flipped, items: listed },
    notes,
  };
}
