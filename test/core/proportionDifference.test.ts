import { describe, expect, it } from 'vitest';
import { proportionDifference } from '../../src/core/proportionDifference';

// Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion … and Interval estimation
// for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine
// 17, 873–890, Table II, method 10 (score, no continuity correction), examples (a)–(f), as p1 − p2.
const TABLE_II: [number, number, number, number, number, number][] = [
  [56, 70, 48, 80, 0.0524, 0.3339],
  [9, 10, 3, 10, 0.1705, 0.809],
  [6, 7, 2, 7, 0.0582, 0.8062],
  [5, 56, 0, 29, -0.0381, 0.1926],
  [0, 10, 0, 20, -0.1611, 0.2775],
  [10, 10, 0, 20, 0.6791, 1.0],
];

describe('proportionDifference', () => {
  it.each(TABLE_II)('%i/%i − %i/%i: Newcombe (1998) Table II, method 10', (k1, n1, k2, n2, lo, hi) => {
    // Newcombe's difference is the first minus the second: here the second run is given first
    const d = proportionDifference(k2, n2, k1, n1);
    expect(d.delta).toBeCloseTo(k1 / n1 - k2 / n2, 12);
    expect(d.lower).toBeCloseTo(lo, 4);
    expect(d.upper).toBeCloseTo(hi, 4);
  });

  it("has the pooled z-test's p-value: Pearson's χ² of 56/70 against 48/80 (scipy 1.10.1)", () => {
    // scipy.stats.chi2_contingency([[56, 14], [48, 32]], correction=False): χ² = 7.023411371237456,
    // p = 0.008045081368196585
    const d = proportionDifference(48, 80, 56, 70);
    expect((d.delta / Math.sqrt((104 / 150) * (46 / 150) * (1 / 70 + 1 / 80))) ** 2).toBeCloseTo(7.023411371237456, 10);
    expect(d.p).toBeCloseTo(0.008045081368196585, 6);
  });

  it('is 1 with nothing to tell apart, NaN without a sample', () => {
    expect(proportionDifference(0, 10, 0, 20).p).toBe(1);
    expect(proportionDifference(0, 0, 1, 2).delta).toBeNaN();
  });
});
