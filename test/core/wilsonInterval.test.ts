// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { wilsonInterval } from '../../src/core/wilsonInterval';
import { closeTo } from '../helpers/closeTo';

// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statist. Med. 17:857-872,
// Table I, method 3 (Wilson score, no continuity correction), given to 4 decimals (tolerance 5e-5).
const NEWCOMBE: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
  [29, 29, 0.883, 1],
];

// Hand values: p = s/n, c = (p + z²/2n)/(1 + z²/n), h = z √(p(1−p)/n + z²/4n²)/(1 + z²/n), z = 1.959963984540054,
// evaluated with 30-digit arithmetic (mpmath), to 1e-12. E.g. 5/10: z²/n = 0.384145882069413, c = 0.5,
// h = 1.959964 · √(0.025 + 0.00960365) / 1.384146 = 0.263406909487436.
const HAND: [number, number, number, number][] = [
  [5, 10, 0.236593090512564, 0.763406909487436],
  [12, 20, 0.386581500762253, 0.781193467627183],
  [3, 5, 0.230724281276013, 0.882379225767352],
  [4, 5, 0.375534629762525, 0.96377589136757],
  [7, 24, 0.149146481969609, 0.491676936644966],
  [0, 1, 0, 0.793450685622763],
  [1, 1, 0.206549314377237, 1],
];

describe('wilsonInterval', () => {
  it('wilsonInterval(s, n) matches Newcombe (1998) Table I, method 3', () => {
    for (const [s, n, lo, hi] of NEWCOMBE) {
      const [l, h] = wilsonInterval(s, n);
      closeTo(l, lo, 5e-5);
      closeTo(h, hi, 5e-5);
    }
  });

  it('wilsonInterval(s, n) matches hand values to 1e-12 and is symmetric about 1/2 for s and n − s', () => {
    for (const [s, n, lo, hi] of HAND) {
      const [l, h] = wilsonInterval(s, n);
      closeTo(l, lo, 1e-12);
      closeTo(h, hi, 1e-12);
      const [l2, h2] = wilsonInterval(n - s, n);
      closeTo(l2, 1 - hi, 1e-12);
      closeTo(h2, 1 - lo, 1e-12);
    }
  });

  it('wilsonInterval(s, n) is exactly 0 / 1 at the ends and narrows with z', () => {
    expect(wilsonInterval(0, 20)[0]).toBe(0);
    expect(wilsonInterval(29, 29)[1]).toBe(1);
    const [l90, h90] = wilsonInterval(81, 263, 1.6448536269514722);
    const [l95, h95] = wilsonInterval(81, 263);
    expect(l90).toBeGreaterThan(l95);
    expect(h90).toBeLessThan(h95);
    expect(wilsonInterval(3, 5, 0)).toEqual([0.6, 0.6]); // z = 0: the point estimate
  });

  it('wilsonInterval(s, 0) and impossible counts give [NaN, NaN]', () => {
    expect(wilsonInterval(0, 0)).toEqual([NaN, NaN]);
    expect(wilsonInterval(6, 5)).toEqual([NaN, NaN]);
    expect(wilsonInterval(-1, 5)).toEqual([NaN, NaN]);
    expect(wilsonInterval(NaN, 5)).toEqual([NaN, NaN]);
  });

  it('wilsonInterval(s, n) stays inside [0, 1] for huge counts', () => {
    const [l, h] = wilsonInterval(3e6 - 1, 3e6);
    expect(l).toBeGreaterThan(0.999998);
    expect(h).toBeLessThanOrEqual(1);
  });
});
