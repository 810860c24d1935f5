// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { midranks } from '../../src/core/midranks';
import { pearson } from '../../src/core/pearson';
import { rng } from '../../src/core/rng';

/** Midranks by definition: 1 + (values below) + (ties − 1) / 2, O(n²). */
const naive = (v: number[]) =>
  v.map((x) => 1 + v.filter((y) => y < x).length + (v.filter((y) => y === x).length - 1) / 2);

describe('midranks', () => {
  it('gives 1-based ranks with ties sharing their mean (hand case)', () => {
    expect(Array.from(midranks(Float64Array.from([10, 20, 20, 5, 20])))).toEqual([2, 4, 4, 1, 4]);
    expect(Array.from(midranks(new Float64Array(0)))).toEqual([]);
  });

  it('equals the definition on every path: whole numbers in a short range, few distinct fractions, many distinct values', () => {
    const random = rng(3);
    const makers: ((n: number) => number[])[] = [
      (n) => Array.from({ length: n }, () => Math.floor(random() * 5) - 2), // labels: counts per value
      (n) => Array.from({ length: n }, () => Math.floor(random() * 2000) - 1000), // lengths
      (n) => Array.from({ length: n }, () => (Math.floor(random() * 4) + 0.5) / 3), // few distinct fractions: counts per distinct value
      (n) => Array.from({ length: n }, () => random() * 10 - 5), // many distinct: sorted
      (n) => Array.from({ length: n }, () => (random() < 0.5 ? 1e12 : -1e12) * Math.floor(1 + random() * 3)), // whole but a huge range
    ];
    for (const make of makers) {
      for (const n of [1, 2, 7, 60, 400]) {
        const v = make(n);
        expect(Array.from(midranks(Float64Array.from(v)))).toEqual(naive(v));
      }
    }
  });
});

describe('pearson', () => {
  it('is the correlation coefficient (hand case), NaN without variation or with fewer than 2 values', () => {
    // x = 1, 2, 3; y = 1, 3, 2: cov = (−1·−1 + 0 + 1·0)/…, r = 1 / (√2 · √2) = 0.5
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 15);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 15);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
  });
});
