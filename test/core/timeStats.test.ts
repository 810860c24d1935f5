// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { timeStats } from '../../src/core/timeStats';
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

describe('timeStats', () => {
  it('timeStats(ratings) gives mean, median and speed penalty per annotator', () => {
    const ratings = withTimes([
      // w1: 3, 1, 2, 10 → mean 16/4 = 4, median (2 + 3)/2 = 2.5, penalty 4/5 = 0.8
      ['a', 'w1', 3],
      ['b', 'w1', 1],
      ['c', 'w1', 2],
      ['d', 'w1', 10],
      // w2: 6, (missing), 8, 7 → mean 21/3 = 7, median 7, penalty 1 (mean >= 5)
      ['a', 'w2', 6],
      ['b', 'w2', NaN],
      ['c', 'w2', 8],
      ['d', 'w2', 7],
      // w3: only missing times → NaN everywhere, n = 0
      ['a', 'w3', NaN],
      // w4: mean exactly 5 → penalty 1; w5: one judgement of 0.5 s → 0.1
      ['a', 'w4', 4],
      ['b', 'w4', 6],
      ['a', 'w5', 0.5],
    ]);
    const r = timeStats(ratings);
    expect([...r.n]).toEqual([4, 3, 0, 2, 1]);
    expect([...r.sum]).toEqual([16, 21, 0, 10, 0.5]);
    expect([...r.mean].slice(0, 2)).toEqual([4, 7]);
    expect([...r.median].slice(0, 2)).toEqual([2.5, 7]);
    closeTo(r.speedPenalty[0], 0.8, 1e-15);
    expect(r.speedPenalty[1]).toBe(1);
    expect(r.mean[2]).toBeNaN();
    expect(r.median[2]).toBeNaN();
    expect(r.speedPenalty[2]).toBeNaN();
    expect(r.speedPenalty[3]).toBe(1);
    closeTo(r.speedPenalty[4], 0.1, 1e-15);
    // the rows' own order is left alone (the median sorts a copy)
    expect(ratings.time![0]).toBe(3);
  });

  it('timeStats(ratings) without a time column gives n = 0 and NaN', () => {
    const r = timeStats(
      ratingsFromTriples(
        [
          ['a', 'w1', 0],
          ['a', 'w2', 1],
        ],
        { scale: '5-point' },
      ),
    );
    expect([...r.n]).toEqual([0, 0]);
    expect([...r.mean, ...r.median, ...r.speedPenalty].every(Number.isNaN)).toBe(true);
  });

  it('timeStats(ratings, mask, {fullSpeed}) uses the selected judgements and the given full-speed time', () => {
    const ratings = withTimes([
      ['a', 'w1', 2],
      ['b', 'w1', 4],
      ['a', 'w2', 100],
    ]);
    ratings.annotatorKind[1] = AI;
    const r = timeStats(ratings, judgementFilter(ratings), { fullSpeed: 10 });
    // w1: mean 3 → 3/10; w2 dropped by the filter
    closeTo(r.speedPenalty[0], 0.3, 1e-15);
    expect(r.n[1]).toBe(0);
    expect(r.mean[1]).toBeNaN();
  });

  it('timeStats(ratings) medians equal a naive sort on random data with interleaved annotators', () => {
    const random = rng(3);
    const rows: [string, string, number][] = [];
    for (let j = 0; j < 2000; j++)
      rows.push([`i${j}`, `w${Math.floor(random() * 7)}`, random() < 0.1 ? NaN : random() * 30]);
    const r = timeStats(withTimes(rows));
    const ratings = withTimes(rows);
    ratings.annotators.forEach((who, a) => {
      const t = rows
        .filter((x) => x[1] === who && !Number.isNaN(x[2]))
        .map((x) => x[2])
        .sort((x, y) => x - y);
      const k = t.length;
      expect(r.median[a]).toBe(k % 2 ? t[(k - 1) / 2] : (t[k / 2 - 1] + t[k / 2]) / 2);
      closeTo(r.mean[a], t.reduce((s, x) => s + x, 0) / k, 1e-12);
    });
  });
});
