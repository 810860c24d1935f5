// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/core/adjustPValues';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

function expectClose(actual: Float64Array, expected: number[], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, k) => (Number.isNaN(e) ? expect(actual[k]).toBeNaN() : closeTo(actual[k], e, tol)));
}

/** The 15 p-values of Benjamini & Hochberg (1995), section 4 (JRSS B 57:289–300), ascending. */
const BH95 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
];

describe('adjustPValues', () => {
  it('matches the hand computation for p = [0.01, 0.04, 0.03, 0.005]', () => {
    // m = 4; ascending: p(1) = 0.005 (index 3), p(2) = 0.01 (0), p(3) = 0.03 (2), p(4) = 0.04 (1)
    // Holm, (m - j + 1) p(j): 4 * 0.005 = 0.02, 3 * 0.01 = 0.03, 2 * 0.03 = 0.06, 1 * 0.04 = 0.04
    //   running max: 0.02, 0.03, 0.06, 0.06  -> input order [0.03, 0.06, 0.06, 0.02]
    // BH, (m / j) p(j): 4/1 * 0.005 = 0.02, 4/2 * 0.01 = 0.02, 4/3 * 0.03 = 0.04, 4/4 * 0.04 = 0.04
    //   running min from the top: 0.04, 0.04, 0.02, 0.02 -> input order [0.02, 0.04, 0.04, 0.02]
    const p = [0.01, 0.04, 0.03, 0.005];
    expectClose(adjustPValues(p, 'holm'), [0.03, 0.06, 0.06, 0.02]);
    expectClose(adjustPValues(p, 'bh'), [0.02, 0.04, 0.04, 0.02]);
  });

  it('reproduces the rejections of Benjamini & Hochberg (1995) section 4: BH 4, Holm 3 at level 0.05', () => {
    // The paper: at q = 0.05 the FDR procedure rejects the 4 smallest p-values, the Bonferroni-type procedures 3.
    // BH step-up by hand: largest i with p(i) <= 0.05 i / 15 is i = 4 (0.0095 <= 0.01333; 0.0201 > 0.01667,
    // and p(i) > 0.05 i / 15 for every i from 5 to 15). Holm step-down: 0.0001 <= 0.05/15, 0.0004 <= 0.05/14,
    // 0.0019 <= 0.05/13, 0.0095 > 0.05/12 = 0.004167 -> stop at 3.
    const rejected = (adj: Float64Array) => adj.filter((v) => v <= 0.05).length;
    expect(rejected(adjustPValues(BH95, 'bh'))).toBe(4);
    expect(rejected(adjustPValues(BH95, 'holm'))).toBe(3);
  });

  it('matches exact rational arithmetic on the Benjamini & Hochberg (1995) p-values', () => {
    // Independent reference: /usr/bin/python3 with fractions.Fraction (exact), the definitions written out:
    //   from fractions import Fraction as F
    //   p = [F(s) for s in '0.0001 0.0004 ... 0.7590 1.000'.split()]; m = len(p)   # the 15 values above
    //   holm, run = [], F(0)
    //   for i, v in enumerate(p): run = max(run, min(F(1), (m - i) * v)); holm.append(run)
    //   bh, run = [F(0)] * m, F(1)
    //   for i in range(m - 1, -1, -1): run = min(run, F(m, i + 1) * p[i]); bh[i] = run
    // holm = 3/2000, 7/1250, 247/10000, 57/500, 2211/10000, 139/500 (x3), 3213/10000, 1 (x6)
    // bh = 3/2000, 3/1000, 19/2000, 57/1600, 603/10000, 447/7000 (x2), 129/2000, 153/2000, 243/500, 6393/11000,
    //      5719/8000, 1224/1625, 2277/2800, 1
    const holm = [3 / 2000, 7 / 1250, 247 / 10000, 57 / 500, 2211 / 10000, 139 / 500, 139 / 500, 139 / 500];
    holm.push(3213 / 10000, 1, 1, 1, 1, 1, 1);
    const bh = [3 / 2000, 3 / 1000, 19 / 2000, 57 / 1600, 603 / 10000, 447 / 7000, 447 / 7000, 129 / 2000];
    bh.push(153 / 2000, 243 / 500, 6393 / 11000, 5719 / 8000, 1224 / 1625, 2277 / 2800, 1);
    expectClose(adjustPValues(BH95, 'holm'), holm);
    expectClose(adjustPValues(BH95, 'bh'), bh);
  });

  it('leaves NaN out of m and keeps it NaN in place', () => {
    // the same non-NaN values as the hand case, so the same m = 4 and the same adjusted values
    const p = [NaN, 0.01, 0.04, NaN, 0.03, 0.005];
    expectClose(adjustPValues(p, 'holm'), [NaN, 0.03, 0.06, NaN, 0.06, 0.02]);
    expectClose(adjustPValues(p, 'bh'), [NaN, 0.02, 0.04, NaN, 0.04, 0.02]);
    expectClose(adjustPValues([NaN, NaN], 'bh'), [NaN, NaN]);
  });

  it('gives tied values equal adjusted values, by the definitions', () => {
    // m = 3, all 0.02. Holm: max(3 * 0.02, 2 * 0.02, 1 * 0.02) = 0.06 for all; BH: min(3/3 * 0.02, ...) = 0.02
    expectClose(adjustPValues([0.02, 0.02, 0.02], 'holm'), [0.06, 0.06, 0.06]);
    expectClose(adjustPValues([0.02, 0.02, 0.02], 'bh'), [0.02, 0.02, 0.02]);
    // m = 4, p = [0.03, 0.01, 0.03, 0.2]. Holm: 4 * 0.01 = 0.04, 3 * 0.03 = 0.09, max(0.09, 2 * 0.03) = 0.09,
    // max(0.09, 0.2) = 0.2. BH: 4/4 * 0.2 = 0.2, 4/3 * 0.03 = 0.04, min(0.04, 4/2 * 0.03) = 0.04, 4/1 * 0.01 = 0.04
    expectClose(adjustPValues([0.03, 0.01, 0.03, 0.2], 'holm'), [0.09, 0.04, 0.09, 0.2]);
    expectClose(adjustPValues([0.03, 0.01, 0.03, 0.2], 'bh'), [0.04, 0.04, 0.04, 0.2]);
  });

  it('handles the degenerate inputs: empty, a single value, values outside [0, 1]', () => {
    expect(adjustPValues([], 'holm')).toEqual(new Float64Array(0));
    expect(adjustPValues([], 'bh')).toEqual(new Float64Array(0));
    expectClose(adjustPValues([0.3], 'holm'), [0.3]);
    expectClose(adjustPValues([0.3], 'bh'), [0.3]);
    for (const bad of [-0.1, 1.5, Infinity, -Infinity]) {
      expect(() => adjustPValues([0.1, bad], 'holm')).toThrow(RangeError);
      expect(() => adjustPValues([0.1, bad], 'bh')).toThrow(RangeError);
    }
  });

  it('is monotone in the sorted order, at least the raw value, at most 1 and equivariant under permutation', () => {
    const random = rng(1979);
    for (let trial = 0; trial < 50; trial++) {
      const m = 1 + Math.floor(random() * 40);
      // a mix of small and large p-values, with some exact ties
      const p = Float64Array.from({ length: m }, () => (random() < 0.2 ? 0.01 : random() ** 3));
      const perm = Array.from({ length: m }, (_, k) => k).sort(() => random() - 0.5);
      const shuffled = Float64Array.from(perm, (k) => p[k]);
      const ascending = Array.from({ length: m }, (_, k) => k).sort((a, b) => p[a] - p[b]);
      for (const method of ['holm', 'bh'] as const) {
        const adj = adjustPValues(p, method);
        const adjShuffled = adjustPValues(shuffled, method);
        for (let k = 0; k < m; k++) {
          expect(adj[k]).toBeGreaterThanOrEqual(p[k]);
          expect(adj[k]).toBeLessThanOrEqual(1);
          expect(adjShuffled[k]).toBe(adj[perm[k]]);
        }
        for (let i = 1; i < m; i++) expect(adj[ascending[i]]).toBeGreaterThanOrEqual(adj[ascending[i - 1]]);
      }
    }
  });
});
