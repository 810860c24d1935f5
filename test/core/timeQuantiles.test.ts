import { describe, it, expect } from 'vitest';
import { timeQuantiles } from '../../src/core/timeQuantiles';
import { judgementFilter } from '../../src/core/judgementFilter';
import { rng } from '../../src/core/rng';
import { AI } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

function withTimes(rows: [string, string, number][]) {
  const ratings = ratingsFromTriples(
    rows.map(([i, a]) => [i, a, 0]),
    { scale: '5-point' },
  );
  ratings.time = Float64Array.from(rows, (r) => r[2]);
  return ratings;
}

describe('timeQuantiles', () => {
  it('timeQuantiles(ratings) gives type-7 quantiles and the count below 5 s (hand-computed, as R quantile type 7)', () => {
    const ratings = withTimes([
      // w1 sorted 1, 2, 3, 4, 10: h = 4p → p10 h 0.4: 1 + 0.4 × 1 = 1.4; p25 h 1: 2; p50: 3; p75: 4;
      // p90 h 3.6: 4 + 0.6 × 6 = 7.6 (R: quantile(c(1,2,3,4,10), c(.1,.25,.5,.75,.9)) = 1.4 2 3 4 7.6); below 5: 4
      ['a', 'w1', 10],
      ['b', 'w1', 3],
      ['c', 'w1', 1],
      ['d', 'w1', 4],
      ['e', 'w1', 2],
      // w2 sorted 6, 8 (a missing time skipped): h = p → 6.2, 6.5, 7, 7.5, 7.8; below 5: 0
      ['a', 'w2', 8],
      ['b', 'w2', NaN],
      ['c', 'w2', 6],
      // w3: only a missing time → n 0, NaN
      ['a', 'w3', Infinity],
    ]);
    const r = timeQuantiles(ratings);
    expect(r.probs).toEqual([0.1, 0.25, 0.5, 0.75, 0.9]);
    expect([...r.n]).toEqual([5, 2, 0]);
    expect([...r.below]).toEqual([4, 0, 0]);
    [1.4, 2, 3, 4, 7.6, 6.2, 6.5, 7, 7.5, 7.8].forEach((q, k) => closeTo(r.quantiles[k], q, 1e-12));
    expect([...r.quantiles.subarray(10)].every(Number.isNaN)).toBe(true);
    // pooled 1, 2, 3, 4, 6, 8, 10: h = 6p → p10 h 0.6: 1.6; p25 h 1.5: 2.5; p50 h 3: 4; p75 h 4.5: 7; p90 h 5.4: 8.8
    expect(r.pooled.n).toBe(7);
    expect(r.pooled.below).toBe(4);
    [1.6, 2.5, 4, 7, 8.8].forEach((q, k) => closeTo(r.pooled.quantiles[k], q, 1e-12));
    // the rows' own times are left alone
    expect(ratings.time![0]).toBe(10);
  });

  it('timeQuantiles(ratings, mask, {probs, below}) uses the selected judgements, the given probabilities and a strict bound', () => {
    const ratings = withTimes([
      ['a', 'w1', 5],
      ['b', 'w1', 4.9],
      ['c', 'w1', 7],
      ['a', 'w2', 1],
    ]);
    ratings.annotatorKind[1] = AI;
    const r = timeQuantiles(ratings, judgementFilter(ratings), { probs: [0, 1], below: 5 });
    // w1: 4.9, 5, 7 → min 4.9, max 7; 5 is not below 5; w2 (AI) dropped
    expect([...r.quantiles.subarray(0, 2)]).toEqual([4.9, 7]);
    expect(r.below[0]).toBe(1);
    expect(r.n[1]).toBe(0);
    expect(r.pooled).toMatchObject({ n: 3, below: 1 });
  });

  it('timeQuantiles(ratings) without a time column gives n = 0 and NaN', () => {
    const r = timeQuantiles(ratingsFromTriples([['a', 'w1', 0]], { scale: '5-point' }));
    expect([...r.n]).toEqual([0]);
    expect(r.pooled.n).toBe(0);
    expect([...r.quantiles, ...r.pooled.quantiles].every(Number.isNaN)).toBe(true);
  });

  it('timeQuantiles(ratings) equals a naive per-annotator sort on random interleaved data', () => {
    const random = rng(5);
    const rows: [string, string, number][] = [];
    for (let j = 0; j < 3000; j++)
      rows.push([`i${j}`, `w${Math.floor(random() * 6)}`, random() < 0.1 ? NaN : random() * 20]);
    const ratings = withTimes(rows);
    const r = timeQuantiles(ratings, null, { probs: [0.1, 0.9] });
    const naive = (t: number[], p: number) => {
      const h = (t.length - 1) * p,
        lo = Math.floor(h);
      return lo + 1 < t.length ? t[lo] + (h - lo) * (t[lo + 1] - t[lo]) : t[lo];
    };
    ratings.annotators.forEach((who, a) => {
      const t = rows
        .filter((x) => x[1] === who && !Number.isNaN(x[2]))
        .map((x) => x[2])
        .sort((x, y) => x - y);
      expect(r.n[a]).toBe(t.length);
      expect(r.below[a]).toBe(t.filter((x) => x < 5).length);
      closeTo(r.quantiles[2 * a], naive(t, 0.1), 1e-12);
      closeTo(r.quantiles[2 * a + 1], naive(t, 0.9), 1e-12);
    });
  });
});
