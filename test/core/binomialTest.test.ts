/* eslint-disable no-loss-of-precision -- published constants and reference values keep every digit as published */
// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { binomialTest } from '../../src/core/binomialTest';
import { closeTo } from '../helpers/closeTo';

describe('binomialTest', () => {
  it('binomialTest(682, 925, {p: 3/4}) matches the documented R example binom.test(c(682, 243), p = 3/4)', () => {
    // R ?binom.test (Conover 1971, p. 97f., Mendelian dwarf/giant plants): p-value = 0.3825,
    // 95 percent confidence interval 0.7076683 0.7654066, estimate 0.7372973
    const t = binomialTest(682, 925, { p: 3 / 4 });
    closeTo(t.pValue, 0.3825, 5e-5);
    closeTo(t.ci[0], 0.7076683, 5e-8);
    closeTo(t.ci[1], 0.7654066, 5e-8);
    closeTo(t.estimate, 0.7372973, 5e-8);
    // the same sum in 40-digit arithmetic (mpmath): P(X ≤ 682) + P(X ≥ 706), 706 = the first j ≥ 694 with
    // d_j ≤ d_682 (1 + 1e-7)
    closeTo(t.pValue, 0.38249155957485168132, 1e-13);
  });

  it('binomialTest(51, 235, {p: 1/6}) matches the dice example of Wikipedia "Binomial test" and Haslwanter (2016)', () => {
    // Wikipedia, "Binomial test", example: 51 sixes in 235 rolls, two-tailed p-value 0.0437; Haslwanter,
    // "An Introduction to Statistics with Python" (Springer 2016), ch. 9: 0.043747970182413345
    const t = binomialTest(51, 235, { p: 1 / 6 });
    closeTo(t.pValue, 0.0437, 5e-5);
    closeTo(t.pValue, 0.043747970182413345, 1e-12);
  });

  it('binomialTest(x, n).ci matches the exact (Clopper-Pearson) limits of Newcombe (1998) Table I and Conover (1999)', () => {
    // Newcombe, Statist. Med. 17:857-872 (1998), Table I, method 5 ("exact"), 4 decimals
    const newcombe: [number, number, number, number][] = [
      [81, 263, 0.2527, 0.3676],
      [15, 148, 0.0578, 0.1617],
      [0, 20, 0, 0.1684],
      [1, 29, 0.0009, 0.1776],
      [29, 29, 0.8806, 1],
    ];
    for (const [x, n, lo, hi] of newcombe) {
      const { ci } = binomialTest(x, n);
      closeTo(ci[0], lo, 5e-5);
      closeTo(ci[1], hi, 5e-5);
    }
    // Conover, Practical Nonparametric Statistics (3rd ed., 1999), table of exact limits, as quoted by
    // influentialpoints.com ("5 seedlings survived out of 25"): 0.068 to 0.407
    const { ci } = binomialTest(5, 25);
    closeTo(ci[0], 0.068, 5e-4);
    closeTo(ci[1], 0.407, 5e-4);
  });

  it('binomialTest(x, n).ci has the closed forms at x = 0, 1, n − 1, n (hand-computed, 30-digit mpmath)', () => {
    // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n); x = 1: lower = 1 − (1 − α/2)^(1/n)
    expect(binomialTest(0, 20).ci[0]).toBe(0);
    closeTo(binomialTest(0, 20).ci[1], 0.168433470983085334756, 1e-14); // 1 − 0.025^(1/20)
    expect(binomialTest(29, 29).ci[1]).toBe(1);
    closeTo(binomialTest(29, 29).ci[0], 0.880555130930497280837, 1e-14); // 0.025^(1/29)
    // n = 5·10⁷: 1 − 0.975^(1/n) = −expm1(ln 0.975 / n) = 5.06356159557599227870e-10 (relative 1e-9)
    const big = binomialTest(1, 50_000_000);
    closeTo(big.ci[0] / 5.0635615955759922787e-10, 1, 1e-9);
    const mirror = binomialTest(49_999_999, 50_000_000);
    closeTo((1 - mirror.ci[1]) / 5.0635615955759922787e-10, 1, 1e-6); // 1 − u loses digits near 1
  });

  it('binomialTest(x, n, {p}) matches hand-enumerated small cases', () => {
    // n = 4, p = 0.3: P(0..4) = .2401, .4116, .2646, .0756, .0081; m = np = 1.2
    // x = 3 (> m): d = .0756; among k ≤ 1 none has P ≤ d, so p = P(X ≥ 3) = .0756 + .0081 = .0837
    closeTo(binomialTest(3, 4, { p: 0.3 }).pValue, 0.0837, 1e-12);
    // x = 0 (< m): d = .2401; among k ≥ 2, P(3) and P(4) are ≤ d, so p = .2401 + .0756 + .0081 = .3238
    closeTo(binomialTest(0, 4, { p: 0.3 }).pValue, 0.3238, 1e-12);
    // n = 10, p = 1/2, x = 2: 2 (1 + 10 + 45) / 1024 = 0.109375
    closeTo(binomialTest(2, 10).pValue, 112 / 1024, 1e-14);
    // n = 11, x = 3: P(3) = P(8) exactly, kept by the relative tolerance: 2 (1 + 11 + 55 + 165) / 2048
    closeTo(binomialTest(3, 11).pValue, 464 / 2048, 1e-14);
    closeTo(binomialTest(8, 11).pValue, 464 / 2048, 1e-14);
    // x = np: 1; n = 11, x = 5 (m = 5.5): P(X ≤ 5) + P(X ≥ 6) = 1
    expect(binomialTest(5, 10).pValue).toBe(1);
    closeTo(binomialTest(5, 11).pValue, 1, 1e-14);
    // n = 1: x = 0 or 1 each have probability 1/2, p = 1; interval for 1/1: [0.025, 1]
    closeTo(binomialTest(1, 1).pValue, 1, 1e-14);
    closeTo(binomialTest(1, 1).ci[0], 0.025, 1e-14);
  });

  it('binomialTest(x, n) is exact for n in the millions (40-digit mpmath sums)', () => {
    // two-sided at p = 1/2: 2 P(X ≥ x), summed outwards from x in mpmath (40 digits) to a 1e-45 remainder
    closeTo(binomialTest(500_800, 1_000_000).pValue / 0.10982055650614941036, 1, 1e-11);
    closeTo(binomialTest(5_001_000, 10_000_000).pValue / 0.52729585620664379774, 1, 1e-11);
    closeTo(binomialTest(150, 200).pValue / 8.3930208756047613393e-13, 1, 1e-11);
    // n = 10⁴, p = 1/4, x = 2510: P(X ≤ 2489) + P(X ≥ 2510), 2489 = the last k ≤ 2500 with d_k ≤ d (1 + 1e-7)
    closeTo(binomialTest(2510, 10_000, { p: 0.25 }).pValue / 0.81736383275674503228, 1, 1e-11);
    // Clopper-Pearson at n = 10⁶ and 10⁷ against scipy.stats.binomtest(...).proportion_ci('exact') 1.17.1
    // (Boost's incomplete-beta inverse, an independent implementation)
    const a = binomialTest(500_800, 1_000_000).ci;
    closeTo(a[0], 0.499819518132583, 1e-12);
    closeTo(a[1], 0.5017804772333323, 1e-12);
    const b = binomialTest(5_001_000, 10_000_000).ci;
    closeTo(b[0], 0.4997900524986168, 1e-12);
    closeTo(b[1], 0.500409947443483, 1e-12);
  });

  it('binomialTest p-values are symmetric in x ↔ n − x at p = 1/2, and underflow to 0 rather than NaN', () => {
    for (const [x, n] of [
      [0, 7],
      [3, 40],
      [170, 300],
      [49_000, 100_000],
    ]) {
      const t = binomialTest(x, n),
        u = binomialTest(n - x, n);
      closeTo(t.pValue, u.pValue, 1e-12 * Math.max(t.pValue, 1e-300));
      closeTo(t.ci[0], 1 - u.ci[1], 1e-12);
    }
    const extreme = binomialTest(1_000_000, 1_000_000);
    expect(extreme.pValue).toBe(0); // 2 · 2^-1000000 underflows
    expect(extreme.ci[1]).toBe(1);
  });

  it('binomialTest handles p = 0, p = 1 as R does, gives NaN for degenerate counts and throws on bad options', () => {
    expect(binomialTest(0, 5, { p: 0 }).pValue).toBe(1);
    expect(binomialTest(1, 5, { p: 0 }).pValue).toBe(0);
    expect(binomialTest(5, 5, { p: 1 }).pValue).toBe(1);
    expect(binomialTest(4, 5, { p: 1 }).pValue).toBe(0);
    for (const [x, n] of [
      [0, 0],
      [3, 2],
      [-1, 5],
      [1.5, 5],
    ]) {
      const t = binomialTest(x, n);
      expect(t.pValue).toBeNaN();
      expect(t.estimate).toBeNaN();
      expect(t.ci).toEqual([NaN, NaN]);
    }
    expect(() => binomialTest(1, 2, { p: 1.5 })).toThrow('invalid p');
    expect(() => binomialTest(1, 2, { confLevel: 1 })).toThrow('invalid confLevel');
  });

  it('binomialTest(x, n, {confLevel}) narrows the interval as the level falls', () => {
    const wide = binomialTest(30, 100, { confLevel: 0.99 }).ci,
      mid = binomialTest(30, 100).ci,
      narrow = binomialTest(30, 100, { confLevel: 0.9 }).ci;
    expect(wide[0]).toBeLessThan(mid[0]);
    expect(mid[0]).toBeLessThan(narrow[0]);
    expect(narrow[1]).toBeLessThan(mid[1]);
    expect(mid[1]).toBeLessThan(wide[1]);
  });
});
