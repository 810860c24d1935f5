import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../src/core/fleissKappa';
import type { ItemCounts } from '../../src/core/itemCounts';
import { krippendorffAlpha } from '../../src/core/krippendorffAlpha';
import { quantile7 } from '../../src/core/quantile7';
import { rng, type Rng } from '../../src/core/rng';
import { runDifference, type TwoRuns } from '../../src/core/runDifference';

const K = 3;
const fleiss = (t: ItemCounts) => fleissKappa(t).value;

/** Label counts of `items` items × 3 labels: each label is the item's true class with probability `agree`. */
function labels(random: Rng, truth: number[], agree: number, m = 3): number[][] {
  return truth.map((t) => {
    const row = new Array(K).fill(0);
    for (let k = 0; k < m; k++) row[random() < agree ? t : Math.floor(random() * K)]++;
    return row;
  }, 60_000);
}

function table(rows: number[][]): ItemCounts {
  return {
    counts: Float64Array.from(rows.flat()),
    m: Float64Array.from(rows.map((r) => r.reduce((s, x) => s + x, 0))),
    rows: rows.length,
    K,
  };
}

/** Two runs: `shared` items in both (first), then `onlyA` and `onlyB` items of one run each. */
function twoRuns(seed: number, shared: number, only: number, agreeA: number, agreeB: number) {
  const random = rng(seed);
  const truth = (n: number) => Array.from({ length: n }, () => Math.floor(random() * K));
  const common = truth(shared);
  const a = [...labels(random, common, agreeA), ...labels(random, truth(only), agreeA)];
  const b = [...labels(random, common, agreeB), ...labels(random, truth(only), agreeB)];
  return { a, b, shared };
}

/** The bootstrap written the plain way: items drawn one by one (shared ones with both runs' labels). */
function bruteForce(a: number[][], b: number[][], shared: number, resamples: number, seed: number, paired = true) {
  const random = rng(seed);
  const deltas: number[] = [];
  const pick = <T>(xs: T[], n: number) => Array.from({ length: n }, () => xs[Math.floor(random() * xs.length)]);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  for (let r = 0; r < resamples; r++) {
    let ia: number[];
    let ib: number[];
    if (paired) {
      const s = pick(range(0, shared), shared);
      ia = [...s, ...pick(range(shared, a.length), a.length - shared)];
      ib = [...s, ...pick(range(shared, b.length), b.length - shared)];
    } else {
      ia = [...pick(range(0, shared), shared), ...pick(range(shared, a.length), a.length - shared)];
      ib = [...pick(range(0, shared), shared), ...pick(range(shared, b.length), b.length - shared)];
    }
    deltas.push(fleiss(table(ib.map((i) => b[i]))) - fleiss(table(ia.map((i) => a[i]))));
  }
  const sorted = Float64Array.from(deltas).sort();
  return { lower: quantile7(sorted, 0.025), upper: quantile7(sorted, 0.975) };
}

describe('runDifference', () => {
  it('gives B − A of the statistic computed on each run, and an interval equal to drawing items one by one', () => {
    const { a, b, shared } = twoRuns(3, 150, 50, 0.8, 0.6);
    const runs: TwoRuns = { a: table(a), b: table(b), shared };
    for (const paired of [true, false]) {
      const d = runDifference(runs, fleiss, { resamples: 4000, seed: 11, paired });
      expect(d.a).toBeCloseTo(fleissKappa(table(a)).value, 12);
      expect(d.b).toBeCloseTo(fleissKappa(table(b)).value, 12);
      expect(d.delta).toBeCloseTo(d.b - d.a, 12);
      expect(d.paired).toBe(paired);
      // the same distribution drawn another way: the bounds agree within Monte Carlo error
      const plain = bruteForce(a, b, shared, 4000, 12, paired);
      expect(Math.abs(d.lower - plain.lower)).toBeLessThan(0.025);
      expect(Math.abs(d.upper - plain.upper)).toBeLessThan(0.025);
    }
  }, 60_000);

  it('keeps a shared item that has counts in one run only (a judge row, a tie-only item): still drawn one by one', () => {
    const { a, b, shared } = twoRuns(4, 150, 50, 0.8, 0.6);
    // a third of the shared items lose their labels in run B, another third in run A
    for (let i = 0; i < shared; i++) {
      if (i % 3 === 0) b[i] = [0, 0, 0];
      if (i % 3 === 1) a[i] = [0, 0, 0];
    }
    const d = runDifference({ a: table(a), b: table(b), shared }, fleiss, { resamples: 4000, seed: 11 });
    const plain = bruteForce(a, b, shared, 4000, 12, true);
    expect(Math.abs(d.lower - plain.lower)).toBeLessThan(0.025);
    expect(Math.abs(d.upper - plain.upper)).toBeLessThan(0.025);
    expect(d.lower).toBeLessThan(d.delta);
    expect(d.upper).toBeGreaterThan(d.delta);
  }, 60_000);

  it('finds a planted drop in agreement: the interval lies below 0 and p is small', () => {
    const { a, b, shared } = twoRuns(5, 300, 0, 0.85, 0.55);
    const d = runDifference({ a: table(a), b: table(b), shared }, fleiss, { resamples: 1000, seed: 2 });
    expect(d.delta).toBeLessThan(-0.2);
    expect(d.upper).toBeLessThan(0);
    expect(d.p).toBeLessThan(0.01);
  }, 60_000);

  it('covers 0 at about the stated 95% over seeds when nothing changed (independent runs, and paired ones)', () => {
    for (const shared of [0, 120]) {
      let covered = 0;
      const seeds = 200;
      for (let s = 0; s < seeds; s++) {
        const { a, b } = twoRuns(1000 + s, shared, 120 - shared, 0.7, 0.7);
        const d = runDifference({ a: table(a), b: table(b), shared }, fleiss, { resamples: 400, seed: s });
        if (d.lower <= 0 && d.upper >= 0) covered++;
      }
      // binomial(200, 0.95): 183 … 198 holds 99.9% of outcomes
      expect(covered).toBeGreaterThanOrEqual(183);
      expect(covered).toBeLessThanOrEqual(199);
    }
  }, 60_000);

  it('pairs shared items: with runs that agree item by item the paired interval is much narrower', () => {
    // run B repeats run A's labels on the same items, changing one label in ten
    const random = rng(9);
    const { a } = twoRuns(8, 200, 0, 0.7, 0.7);
    const b = a.map((row) => {
      if (random() >= 0.1) return row.slice();
      const out = row.slice();
      const from = out.findIndex((x) => x > 0);
      out[from]--;
      out[(from + 1) % K]++;
      return out;
    });
    const runs = { a: table(a), b: table(b), shared: 200 };
    const alpha = (t: ItemCounts) => krippendorffAlpha(t, { level: 'nominal' }).value;
    const paired = runDifference(runs, alpha, { resamples: 1000, seed: 4 });
    const unpaired = runDifference(runs, alpha, { resamples: 1000, seed: 4, paired: false });
    expect(paired.delta).toBe(unpaired.delta);
    expect(paired.upper - paired.lower).toBeLessThan(0.5 * (unpaired.upper - unpaired.lower));
  }, 60_000);
});
