import { describe, expect, it } from 'vitest';
import { countTable } from '../../src/core/countTable';
import { rng } from '../../src/core/rng';
import { subsampleCounts } from '../../src/core/subsampleCounts';

/** Total drawn weight of each distinct drawn row (as "c0,c1,…") over `draws` calls. */
function tally(
  rows: number[][],
  k: number,
  { weight, draws, seed = 1 }: { weight?: number[]; draws: number; seed?: number },
) {
  const random = rng(seed);
  const table = countTable(rows, weight ? { weight } : {});
  const seen = new Map<string, number>();
  let total = 0;
  for (let d = 0; d < draws; d++) {
    const s = subsampleCounts(table, k, { random });
    for (let o = 0; o < s.rows; o++) {
      const key = Array.from(s.counts.subarray(o * s.K, o * s.K + s.K)).join(',');
      seen.set(key, (seen.get(key) ?? 0) + s.weight[o]);
      total += s.weight[o];
    }
  }
  return { seen, total };
}

/** |observed share − p| within 4.5 binomial standard errors of `n` draws (a seeded check that can fail). */
function share(observed: number, n: number, p: number) {
  expect(Math.abs(observed / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
}

describe('subsampleCounts', () => {
  it('subsampleCounts(t, k) copies rows with m = k without a random number and leaves out rows with m < k', () => {
    const t = countTable([
      [1, 1, 0],
      [0, 0, 1],
      [2, 0, 0],
    ]);
    const s = subsampleCounts(t, 2, {
      random: () => {
        throw new Error('no random number needed');
      },
    });
    expect(s.rows).toBe(2);
    expect(Array.from(s.counts)).toEqual([1, 1, 0, 2, 0, 0]);
    expect(Array.from(s.m)).toEqual([2, 2]);
    expect(Array.from(s.weight)).toEqual([1, 1]);
    expect(Array.from(s.source)).toEqual([0, 2]);
    // k above every m: nothing left
    expect(subsampleCounts(t, 3).rows).toBe(0);
  });

  it('subsampleCounts(t, 2) of one item labelled (c0, c0, c1) draws {c0, c0} with P 1/3 and {c0, c1} with 2/3', () => {
    // the 3 unordered pairs of 3 labels: {c0 c0} once, {c0 c1} twice → 1/3, 2/3; k = 1: c0 with 2/3
    const { seen, total } = tally([[2, 1]], 2, { draws: 6000 });
    expect(total).toBe(6000);
    expect([...seen.keys()].sort()).toEqual(['1,1', '2,0']);
    share(seen.get('2,0')!, total, 1 / 3);
    const one = tally([[2, 1]], 1, { draws: 6000 });
    share(one.seen.get('1,0')!, one.total, 2 / 3);
  });

  it('subsampleCounts(patterns, k) splits a weighted row by the multivariate hypergeometric law (both draw paths)', () => {
    // row (2, 1, 1), m = 4, k = 2: C(4, 2) = 6 pairs; (0,1,1): 1·1·1 = 1, (1,0,1): 2·1 = 2, (1,1,0): 2·1 = 2,
    // (2,0,0): C(2,2) = 1 → 1/6, 2/6, 2/6, 1/6
    const expected: Record<string, number> = { '0,1,1': 1 / 6, '1,0,1': 2 / 6, '1,1,0': 2 / 6, '2,0,0': 1 / 6 };
    // weight 10 ≤ 8 × 4 vectors: one categorical draw per item; weight 50000 > 32: sequential binomials
    for (const [weight, draws] of [
      [10, 2000],
      [50000, 2],
    ]) {
      const { seen, total } = tally([[2, 1, 1]], 2, { weight: [weight], draws });
      expect(total).toBe(weight * draws);
      expect([...seen.keys()].sort()).toEqual(Object.keys(expected).sort());
      for (const [key, p] of Object.entries(expected)) share(seen.get(key)!, total, p);
    }
  });

  it('subsampleCounts(patterns, k) never draws more of a category than the row has, and each row sums to k', () => {
    const t = countTable(
      [
        [3, 0, 2, 1, 1],
        [0, 4, 0, 0, 3],
        [1, 1, 1, 1, 1],
      ],
      { weight: [500, 7, 1] },
    );
    for (const k of [1, 2, 3, 4, 5, 6, 7]) {
      const s = subsampleCounts(t, k, { seed: k });
      let items = 0;
      for (let o = 0; o < s.rows; o++) {
        let sum = 0;
        for (let c = 0; c < 5; c++) {
          expect(s.counts[o * 5 + c]).toBeLessThanOrEqual(t.counts[s.source[o] * 5 + c]);
          sum += s.counts[o * 5 + c];
        }
        expect(sum).toBe(k);
        items += s.weight[o];
      }
      // rows with m >= k: m = 7, 7, 5
      expect(items).toBe((k <= 7 ? 507 : 0) + (k <= 5 ? 1 : 0));
    }
  });

  it('subsampleCounts(t, k, {seed}) is reproducible and follows `order`', () => {
    const t = countTable([
      [2, 1, 0],
      [1, 1, 1],
      [0, 2, 2],
    ]);
    const a = subsampleCounts(t, 2, { seed: 5 });
    expect(subsampleCounts(t, 2, { seed: 5 })).toEqual(a);
    const o = subsampleCounts(t, 2, { seed: 5, order: [2, 0, 1] });
    expect(Array.from(o.source)).toEqual([2, 0, 1]);
  });

  it('subsampleCounts(t, k) throws for k < 1 and fractional counts or weights', () => {
    const t = countTable([[2, 1]]);
    expect(() => subsampleCounts(t, 0)).toThrow('invalid k');
    expect(() => subsampleCounts(t, 1.5)).toThrow('invalid k');
    expect(() => subsampleCounts(countTable([[1.5, 1.5]]), 2)).toThrow('whole numbers');
    expect(() => subsampleCounts(countTable([[2, 1]], { weight: [2.5] }), 2)).toThrow('whole numbers');
  });
});
