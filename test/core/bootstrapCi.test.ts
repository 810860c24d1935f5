// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { bootstrapCi } from '../../src/core/bootstrapCi';
import { itemCounts, type ItemCounts } from '../../src/core/itemCounts';
import { countPatterns } from '../../src/core/countPatterns';
import { countTable } from '../../src/core/countTable';
import { krippendorffAlpha } from '../../src/core/krippendorffAlpha';
import { fleissKappa } from '../../src/core/fleissKappa';
import { quantile7 } from '../../src/core/quantile7';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromReliability, ratingsFromTriples } from '../helpers/buildRatings';
import { hayesKrippendorff2007 } from './referenceVectors';

const ordinal = (t: ItemCounts) => krippendorffAlpha(t, { level: 'ordinal' }).value;
const hk = () => itemCounts(ratingsFromReliability(hayesKrippendorff2007()));

/** Naive percentile bootstrap: draw N items one at a time, rebuild their count rows, recompute. */
function naiveBootstrap(table: ItemCounts, statistic: (t: ItemCounts) => number, B: number, seed: number): number[] {
  const random = rng(seed);
  const items: number[][] = [];
  for (let r = 0; r < table.rows; r++)
    if (table.m[r] > 0) items.push(Array.from(table.counts.subarray(r * table.K, (r + 1) * table.K)));
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    const v = statistic(countTable(items.map(() => items[Math.floor(random() * items.length)])));
    if (!Number.isNaN(v)) out.push(v);
  }
  return out.sort((x, y) => x - y);
}

describe('bootstrapCi', () => {
  it('bootstrapCi(counts, alpha, {seed}) is reproducible and changes with the seed', () => {
    const a = bootstrapCi(hk(), ordinal, { resamples: 300, seed: 7 });
    const b = bootstrapCi(hk(), ordinal, { resamples: 300, seed: 7 });
    const c = bootstrapCi(hk(), ordinal, { resamples: 300, seed: 8 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect([a.lower, a.upper]).toEqual([b.lower, b.upper]);
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it('bootstrapCi(counts, ordinal alpha) brackets the estimate on Hayes & Krippendorff (2007)', () => {
    const r = bootstrapCi(hk(), ordinal, { resamples: 1000, seed: 1 });
    closeTo(r.estimate, 0.7598291892, 1e-9);
    expect(r.nItems).toBe(40);
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    expect(r.lower).toBeGreaterThan(0.4);
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.defined + r.nUndefined).toBe(1000);
    closeTo(r.lower, quantile7(r.values, 0.025), 0);
    closeTo(r.upper, quantile7(r.values, 0.975), 0);
  });

  it('bootstrapCi(counts, alpha) by patterns has the distribution of a naive item-resampling bootstrap', () => {
    const B = 4000;
    const naive = naiveBootstrap(hk(), ordinal, B, 99);
    const patterns = bootstrapCi(hk(), ordinal, { resamples: B, seed: 3 });
    const items = bootstrapCi(hk(), ordinal, { resamples: B, seed: 5, method: 'items' });
    const mean = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v, 0) / x.length;
    for (const other of [patterns.values, items.values]) {
      closeTo(mean(other), mean(naive), 0.01);
      for (const p of [0.025, 0.25, 0.5, 0.75, 0.975]) closeTo(quantile7(other, p), quantile7(naive, p), 0.025);
    }
  });

  it('bootstrapCi(counts) draws pattern weights from the multinomial of resampled items', () => {
    const table = countTable([
      [1, 0],
      [0, 1],
      [0, 1],
      [2, 0],
      [2, 0],
      [2, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const sums = new Float64Array(4),
      squares = new Float64Array(4);
    const B = 20_000;
    const statistic = (t: ItemCounts) => {
      if (!t.weight) return 0; // the estimate on the data itself
      if (t.weight.reduce((s, w) => s + w, 0) !== 10) throw new Error('resample size');
      t.weight.forEach((w, p) => {
        sums[p] += w;
        squares[p] += w * w;
      });
      return 0;
    };
    bootstrapCi(table, statistic, { resamples: B, seed: 4 });
    const multiplicities = Array.from(countPatterns(table).weight!); // [0,1]:2, [1,0]:1, [1,1]:4, [2,0]:3
    multiplicities.forEach((w, p) => {
      const q = w / 10;
      closeTo(sums[p] / B, 10 * q, 0.05);
      closeTo(squares[p] / B - (sums[p] / B) ** 2, 10 * q * (1 - q), 0.08);
    });
  });

  it('bootstrapCi(counts, fleiss) drops and counts undefined resamples', () => {
    // 3 items, two unanimous "x" and one unanimous "y": a resample of only one pattern has P_e = 1 (prob 1/3)
    const r = bootstrapCi(
      countTable([
        [2, 0],
        [2, 0],
        [0, 2],
      ]),
      (t) => fleissKappa(t).value,
      { resamples: 3000, seed: 2 },
    );
    expect(r.defined + r.nUndefined).toBe(3000);
    expect(r.nUndefined).toBeGreaterThan(880);
    expect(r.nUndefined).toBeLessThan(1120);
    expect(r.values.length).toBe(r.defined);
    const empty = bootstrapCi(countTable([], { K: 2 }), (t) => fleissKappa(t).value, { resamples: 50 });
    expect([empty.estimate, empty.lower, empty.upper, empty.nUndefined, empty.nItems]).toEqual([NaN, NaN, NaN, 50, 0]);
  });

  it('bootstrapCi(counts, stat, {onProgress, progressEvery}) reports progress', () => {
    const calls: [number, number][] = [];
    bootstrapCi(hk(), ordinal, {
      resamples: 250,
      progressEvery: 100,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('bootstrapCi(counts) does not depend on item or judgement order (patterns; items with a sorted order)', () => {
    const triples: [string, string, number][] = [];
    hayesKrippendorff2007().forEach((row, c) =>
      row.forEach((v, u) => triples.push([`unit${String(u).padStart(2, '0')}`, `obs${c}`, v as number])),
    );
    const shuffled = [...triples];
    const random = rng(12);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const [r1, r2] = [triples, shuffled].map((t) => ratingsFromTriples(t, { categories: [0, 1, 2, 3] }));
    const [a, b] = [r1, r2].map((r) => bootstrapCi(itemCounts(r), ordinal, { resamples: 200, seed: 6 }));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    const sortedOrder = (r: typeof r1) =>
      Int32Array.from(r.items.map((_, i) => i).sort((x, y) => (r.items[x] < r.items[y] ? -1 : 1)));
    const [c, d] = [r1, r2].map((r) =>
      bootstrapCi(itemCounts(r), ordinal, { resamples: 200, seed: 6, method: 'items', order: sortedOrder(r) }),
    );
    expect(Array.from(c.values)).toEqual(Array.from(d.values));
  });
});
