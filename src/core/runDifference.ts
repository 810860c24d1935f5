import { countPatterns } from './countPatterns';
import type { ItemCounts } from './itemCounts';
import { normalTail } from './normalTail';
import { quantile7 } from './quantile7';
import { randomBinomial } from './randomBinomial';
import { rng, type Rng } from './rng';

/**
 * Two runs' label counts over their items, aligned: the first `shared` rows of `a` and of `b` are the same
 * items (labelled in both runs), the rest are items of one run only. Rows without labels are ignored.
 */
export interface TwoRuns {
  a: ItemCounts;
  b: ItemCounts;
  shared: number;
}

export interface RunDifference {
  /** the statistic on run A, on run B, and B − A */
  a: number;
  b: number;
  delta: number;
  /** 2.5th and 97.5th percentiles (type 7) of the resampled differences; NaN when none is defined */
  lower: number;
  upper: number;
  /**
   * two-sided p-value of "no change" from the bootstrap standard error (normal approximation: 2 P(Z > |Δ| / se),
   * se the standard deviation of the resampled differences), so that it is not limited to multiples of 1/B
   * and a correction over many rows can reach it; 1 when nothing varies and nothing changed
   */
  p: number;
  /** the standard deviation of the resampled differences */
  se: number;
  resamples: number;
  /** resamples where the difference was defined */
  defined: number;
  /** whether items labelled in both runs were resampled together */
  paired: boolean;
}

export interface DifferenceOptions {
  resamples?: number;
  seed?: number;
  random?: Rng;
  /** resample the shared items together (default); false treats the two runs as independent samples */
  paired?: boolean;
}

/** Rows [from, to) of a table (rows without labels dropped) as count patterns. */
function patternsOf(t: ItemCounts, from: number, to: number): ItemCounts {
  const K = t.K;
  return countPatterns({
    counts: t.counts.subarray(from * K, to * K),
    m: t.m.subarray(from, to),
    weight: t.weight?.subarray(from, to),
    rows: to - from,
    K,
  });
}

/**
 * The shared items as patterns of their joint count vectors (A's counts, then B's). An item with counts in
 * one run only (a figure that counts some judgements only, such as a judge's) stays, with zeros for the
 * other run: dropping it would resample the other run's counts on fewer items than it has.
 */
function jointPatterns(t: TwoRuns): ItemCounts {
  const { a, b, shared } = t;
  const K = a.K + b.K;
  const counts = new Float64Array(shared * K);
  const m = new Float64Array(shared);
  for (let i = 0; i < shared; i++) {
    if (!(a.m[i] > 0 || b.m[i] > 0)) continue;
    counts.set(a.counts.subarray(i * a.K, (i + 1) * a.K), i * K);
    counts.set(b.counts.subarray(i * b.K, (i + 1) * b.K), i * K + a.K);
    m[i] = a.m[i] + b.m[i];
  }
  return countPatterns({ counts, m, rows: shared, K });
}

/** A stratum drawn with replacement: its rows' base weights, and where its rows sit in the A and B tables. */
interface Stratum {
  w0: Float64Array;
  n: number;
  inA: number;
  inB: number;
}

/** Multinomial counts of n draws over rows with weights w0 (sequential binomials), into out[at…]. */
function drawMultinomial(random: Rng, w0: Float64Array, n: number, out: Float64Array, at: number): void {
  let left = n;
  let wLeft = n;
  for (let p = 0; p < w0.length && left > 0; p++) {
    const x = p === w0.length - 1 ? left : randomBinomial(random, left, Math.min(1, w0[p] / wLeft));
    out[at + p] = x;
    left -= x;
    wLeft -= w0[p];
  }
}

/** Sum of a weight array, rounded (the items a stratum stands for). */
const itemsOf = (w: Float64Array) => Math.round(w.reduce((s, x) => s + x, 0));

/** Appends the rows of `src` to `dst` at row `at` (same K). */
function place(dst: { counts: Float64Array; m: Float64Array }, src: ItemCounts, at: number): void {
  dst.counts.set(src.counts.subarray(0, src.rows * src.K), at * src.K);
  dst.m.set(src.m.subarray(0, src.rows), at);
}

/**
 * The difference B − A of a count-based statistic between two labelling runs, with a percentile bootstrap
 * interval and a p-value from the bootstrap standard error. Each resample draws, with replacement, as many items as each stratum holds: the
 * items labelled in both runs together (paired: an item drawn brings its labels from both runs, so what the
 * runs share cancels out of the difference), and the items of run A only and of run B only each on their
 * own. With `paired: false`, or no shared item, each run is resampled on its own (independent samples). The
 * draws are multinomial counts over the distinct count vectors (joint vectors for shared items), the same
 * distribution as drawing items one by one.
 */
export function runDifference(
  runs: TwoRuns,
  statistic: (counts: ItemCounts) => number,
  { resamples = 1000, seed = 1, random = rng(seed), paired = true }: DifferenceOptions = {},
): RunDifference {
  const { a, b, shared } = runs;
  const a0 = statistic(a);
  const b0 = statistic(b);
  const K = a.K;
  // strata: shared items (joint patterns, or each run's share of them when unpaired), A only, B only
  const joint = paired && shared > 0 ? jointPatterns(runs) : null;
  const sharedA = joint ? null : patternsOf(a, 0, shared);
  const sharedB = joint ? null : patternsOf(b, 0, shared);
  const onlyA = patternsOf(a, shared, a.rows);
  const onlyB = patternsOf(b, shared, b.rows);
  const rowsA = (joint?.rows ?? sharedA!.rows) + onlyA.rows;
  const rowsB = (joint?.rows ?? sharedB!.rows) + onlyB.rows;
  const tableA = {
    counts: new Float64Array(rowsA * K),
    m: new Float64Array(rowsA),
    weight: new Float64Array(rowsA),
    rows: rowsA,
    K,
  };
  const tableB = {
    counts: new Float64Array(rowsB * b.K),
    m: new Float64Array(rowsB),
    weight: new Float64Array(rowsB),
    rows: rowsB,
    K: b.K,
  };
  const strata: Stratum[] = [];
  if (joint) {
    for (let p = 0; p < joint.rows; p++) {
      let ma = 0;
      for (let c = 0; c < K; c++) ma += tableA.counts[p * K + c] = joint.counts[p * joint.K + c];
      let mb = 0;
      for (let c = 0; c < b.K; c++) mb += tableB.counts[p * b.K + c] = joint.counts[p * joint.K + K + c];
      tableA.m[p] = ma;
      tableB.m[p] = mb;
    }
    strata.push({ w0: joint.weight!, n: itemsOf(joint.weight!), inA: 0, inB: 0 });
  } else {
    place(tableA, sharedA!, 0);
    place(tableB, sharedB!, 0);
    strata.push({ w0: sharedA!.weight!, n: itemsOf(sharedA!.weight!), inA: 0, inB: -1 });
    strata.push({ w0: sharedB!.weight!, n: itemsOf(sharedB!.weight!), inA: -1, inB: 0 });
  }
  const startA = joint?.rows ?? sharedA!.rows;
  const startB = joint?.rows ?? sharedB!.rows;
  place(tableA, onlyA, startA);
  place(tableB, onlyB, startB);
  strata.push({ w0: onlyA.weight!, n: itemsOf(onlyA.weight!), inA: startA, inB: -1 });
  strata.push({ w0: onlyB.weight!, n: itemsOf(onlyB.weight!), inA: -1, inB: startB });

  const deltas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    tableA.weight.fill(0);
    tableB.weight.fill(0);
    for (const s of strata) {
      if (s.n === 0) continue;
      if (s.inA >= 0) {
        drawMultinomial(random, s.w0, s.n, tableA.weight, s.inA);
        // a paired stratum's draw counts for both runs
        if (s.inB >= 0) tableB.weight.set(tableA.weight.subarray(s.inA, s.inA + s.w0.length), s.inB);
      } else drawMultinomial(random, s.w0, s.n, tableB.weight, s.inB);
    }
    const d = statistic(tableB) - statistic(tableA);
    if (!Number.isNaN(d)) deltas.push(d);
  }
  const sorted = Float64Array.from(deltas).sort();
  const B = sorted.length;
  let mean = 0;
  for (const d of sorted) mean += d / B;
  let ss = 0;
  for (const d of sorted) ss += (d - mean) ** 2;
  const se = B > 1 ? Math.sqrt(ss / (B - 1)) : NaN;
  const delta = b0 - a0;
  const p =
    B < 2 || Number.isNaN(delta)
      ? NaN
      : se > 0
        ? Math.min(1, 2 * normalTail(Math.abs(delta) / se))
        : delta === 0
          ? 1
          : 0;
  return {
    a: a0,
    b: b0,
    delta,
    lower: quantile7(sorted, 0.025),
    upper: quantile7(sorted, 0.975),
    p,
    se,
    resamples,
    defined: B,
    paired: joint !== null,
  };
}
