// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { randomBinomial } from '../../src/core/randomBinomial';
import { rng } from '../../src/core/rng';

function pmf(n: number, p: number): number[] {
  const out = [Math.pow(1 - p, n)];
  for (let k = 0; k < n; k++) out.push((out[k] * (n - k) * p) / ((k + 1) * (1 - p)));
  return out;
}

describe('randomBinomial', () => {
  it('randomBinomial(random, n, p) has the binomial mean and variance for large n', () => {
    const random = rng(42);
    const draws = Float64Array.from({ length: 4000 }, () => randomBinomial(random, 1_000_000, 0.3));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    expect(Math.abs(mean - 300_000)).toBeLessThan(40); // sd of the mean ~7
    expect(Math.abs(variance / 210_000 - 1)).toBeLessThan(0.1);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= 1_000_000)).toBe(true);
  });

  it('randomBinomial(random, n, p) matches the binomial pmf (chi-square, n = 60 and 500)', () => {
    for (const [n, p, seed] of [
      [60, 0.37, 1],
      [500, 0.02, 2],
      [41, 0.9, 3],
    ]) {
      const random = rng(seed);
      const B = 40_000;
      const freq = new Float64Array(n + 1);
      for (let b = 0; b < B; b++) freq[randomBinomial(random, n, p)]++;
      const expected = pmf(n, p).map((q) => q * B);
      let chi2 = 0,
        df = -1,
        tailObs = 0,
        tailExp = 0;
      for (let k = 0; k <= n; k++) {
        if (expected[k] >= 5) {
          chi2 += (freq[k] - expected[k]) ** 2 / expected[k];
          df++;
        } else {
          tailObs += freq[k];
          tailExp += expected[k];
        }
      }
      if (tailExp > 0) {
        chi2 += (tailObs - tailExp) ** 2 / tailExp;
        df++;
      }
      // 99.9% quantile of chi-square is below df + 4.5 sqrt(2 df) + 10 for these df
      expect(chi2).toBeLessThan(df + 4.5 * Math.sqrt(2 * df) + 10);
    }
  });

  it('randomBinomial(random, n, p) handles p = 0, p = 1, n = 0 and is reproducible', () => {
    const random = rng(1);
    expect(randomBinomial(random, 10, 0)).toBe(0);
    expect(randomBinomial(random, 10, 1)).toBe(10);
    expect(randomBinomial(random, 0, 0.5)).toBe(0);
    const a = rng(9),
      b = rng(9);
    for (let i = 0; i < 50; i++) expect(randomBinomial(a, 12345, 0.4)).toBe(randomBinomial(b, 12345, 0.4));
  });
});
