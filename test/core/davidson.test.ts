import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { davidson } from '../../src/core/davidson';
import { tieLogLikelihood } from '../../src/core/tieLogLikelihood';
import { closeTo } from '../helpers/closeTo';
import {
  centredRatingSe,
  countRows,
  davidsonProbabilities,
  fromRatings,
  numericCovariance,
  simulatePairs,
} from './tieSimulation';

/*
 * Independent implementation: scipy.optimize on the same likelihood, Python 3.11.2, numpy 1.24.2, scipy 1.10.1
 * (/usr/bin/python3; Nelder–Mead then BFGS from all strengths equal, on (log π_1..3 − log π_0, log ν)):
 *
 *   pairs = [(0,1,20,15,10),(0,2,25,10,8),(0,3,30,12,5),(1,2,18,14,12),(1,3,22,9,11),(2,3,15,16,14)]
 *   def nll(x):
 *       beta = np.concatenate([[0.0], x[:3]]); lnu = x[3]; ll = 0.0
 *       for i, j, w, t, l in pairs:
 *           h = lnu + (beta[i] + beta[j]) / 2
 *           lse = np.logaddexp(np.logaddexp(beta[i], beta[j]), h)
 *           ll += w * (beta[i] - lse) + t * (h - lse) + l * (beta[j] - lse)
 *       return -ll
 *   r = minimize(nll, np.zeros(4), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-14, 'maxiter': 200000})
 *   r = minimize(nll, r.x, method='BFGS', options={'gtol': 1e-10})
 *
 * printed: strength 0.5105712926 0.2374577141 0.1409301074 0.1110408860, ν 0.8899874260, logL -271.9793178257
 * (BFGS stopped on "precision loss" with max |gradient| 3.8e-6, hence agreement to ~1e-8, tested at 1e-7).
 */
const SCIPY_PAIRS: [number, number, number, number, number][] = [
  [0, 1, 20, 15, 10],
  [0, 2, 25, 10, 8],
  [0, 3, 30, 12, 5],
  [1, 2, 18, 14, 12],
  [1, 3, 22, 9, 11],
  [2, 3, 15, 16, 14],
];
const SCIPY = {
  strength: [0.5105712926, 0.2374577141, 0.1409301074, 0.111040886],
  nu: 0.889987426,
  logLik: -271.9793178257,
};

describe('davidson (closed forms)', () => {
  it('davidson on two models is the multinomial MLE: π1/π2 = W/L, ν = T/√(WL)', () => {
    // With two models the model is saturated (two free parameters for three outcome shares), so the MLE
    // makes P(win) = W/N, P(tie) = T/N, P(loss) = L/N: P(win)/P(loss) = π1/π2 = W/L and
    // P(tie)/√(P(win)P(loss)) = ν = T/√(WL). W = 30, T = 20, L = 10: π = (3/4, 1/4), ν = 20/√300 = 1.1547.
    const { a, b, s, w } = countRows([[0, 1, 30, 20, 10]]);
    const d = davidson(a, b, s, 2, { weight: w });
    closeTo(d.strength[0] / d.strength[1], 3, 1e-9);
    closeTo(d.strength[0], 0.75, 1e-9);
    closeTo(d.nu, 20 / Math.sqrt(300), 1e-9);
    closeTo(d.logLik, 30 * Math.log(0.5) + 20 * Math.log(1 / 3) + 10 * Math.log(1 / 6), 1e-9);
    closeTo(d.rating[0], 200 * Math.log10(3), 1e-6);
    expect(d.converged).toBe(true);
    expect([d.comparisons, d.ties, d.nFitted]).toEqual([60, 20, 2]);
    // the sides swapped (b against a, outcome 1 − s) give the same fit
    const swapped = davidson(
      b,
      a,
      s.map((x) => 1 - x),
      2,
      { weight: w },
    );
    closeTo(swapped.strength[0], 0.75, 1e-9);
  });

  it('davidson without ties: ν = 0 and the strengths are Bradley–Terry on the decisive comparisons', () => {
    const { a, b, s, w } = countRows([
      [0, 1, 3, 0, 1],
      [1, 2, 2, 0, 1],
      [0, 2, 4, 0, 1],
    ]);
    const d = davidson(a, b, s, 3, { weight: w });
    const bt = bradleyTerry(a, b, s, 3, { weight: w });
    expect(d.nu).toBe(0);
    [0, 1, 2].forEach((m) => closeTo(d.strength[m], bt.strength[m], 1e-8));
  });

  it('davidson with only ties: ν = +∞, strengths not identified; fewer than 2 connected models: NaN', () => {
    const allTies = davidson([0, 1], [1, 0], [0.5, 0.5], 2);
    expect(allTies.nu).toBe(Infinity);
    expect([...allTies.strength]).toEqual([NaN, NaN]);
    expect([...allTies.finite]).toEqual([0, 0]);
    const empty = davidson([], [], [], 3);
    expect(empty.nu).toBeNaN();
    expect(empty.logLik).toBeNaN();
    expect(empty.main).toBe(-1);
    expect(empty.converged).toBe(false);
  });

  it('davidson fits the main component that bradleyTerry fits; the other models are NaN', () => {
    // 3 beats everyone (+∞); {0, 1, 2} beat and tie each other
    const a = [0, 1, 2, 0, 3, 3, 3, 1];
    const b = [1, 2, 0, 2, 0, 1, 2, 0];
    const s = [1, 1, 1, 0.5, 1, 1, 1, 0.5];
    const d = davidson(a, b, s, 4);
    const bt = bradleyTerry(a, b, s, 4);
    expect([...d.finite]).toEqual([...bt.finite]);
    expect(d.main).toBe(bt.main);
    expect(d.strength[3]).toBeNaN();
    expect(d.comparisons).toBe(5);
    expect(d.ties).toBe(2);
  });
});

describe('davidson against scipy.optimize (same likelihood)', () => {
  it('davidson matches scipy to 1e-7 on four models, and its logLik is tieLogLikelihood at the fit', () => {
    const { a, b, s, w } = countRows(SCIPY_PAIRS);
    const d = davidson(a, b, s, 4, { weight: w });
    SCIPY.strength.forEach((p, m) => closeTo(d.strength[m], p, 1e-7));
    closeTo(d.nu, SCIPY.nu, 1e-7);
    closeTo(d.logLik, SCIPY.logLik, 1e-8);
    expect(d.converged).toBe(true);
    const ll = tieLogLikelihood(a, b, s, 'davidson', d.strength, d.nu, { weight: w });
    closeTo(ll.logLik, d.logLik, 1e-9);
    expect(ll.parameters).toBe(4); // 3 strengths + ν
  });
});

describe('davidson (seeded simulation from known parameters)', () => {
  const theta = [-240, -120, 0, 120, 240];
  const nu = 1.2; // two equal models tie with probability 1.2 / 3.2 = 0.375
  const pi = fromRatings(theta);
  const data = simulatePairs(pi, 2000, (x, y) => davidsonProbabilities(x, y, nu), 3);
  const d = davidson(data.a, data.b, data.s, 5, { weight: data.w });

  it('recovers the ratings and ν within 4 standard errors (observed information by numerical differences)', () => {
    expect(d.converged).toBe(true);
    // covariance of (log π_1..4 − log π_0, log ν) from second differences of tieLogLikelihood at the fit
    const x0 = [1, 2, 3, 4].map((m) => Math.log(d.strength[m] / d.strength[0])).concat(Math.log(d.nu));
    const f = (x: number[]) =>
      tieLogLikelihood(data.a, data.b, data.s, 'davidson', [1, ...x.slice(0, 4).map(Math.exp)], Math.exp(x[4]), {
        weight: data.w,
      }).logLik;
    const cov = numericCovariance(f, x0);
    theta.forEach((t, m) => {
      const se = centredRatingSe(cov, 5, m); // ~4-5 rating points
      expect(se).toBeGreaterThan(2);
      expect(se).toBeLessThan(8);
      expect(Math.abs(d.rating[m] - t)).toBeLessThan(4 * se);
    });
    const seLogNu = Math.sqrt(cov[4][4]);
    expect(Math.abs(Math.log(d.nu / nu))).toBeLessThan(4 * seLogNu);
  });

  it('the fitted log-likelihood is at least that of the true parameters, and the gradient vanishes', () => {
    const atTruth = tieLogLikelihood(data.a, data.b, data.s, 'davidson', pi, nu, { weight: data.w });
    expect(d.logLik).toBeGreaterThanOrEqual(atTruth.logLik);
    // 2 Δ logL ~ χ²₅ under the model: below 25 with probability > 0.9999
    expect(2 * (d.logLik - atTruth.logLik)).toBeLessThan(25);
    const ll = (p: number[], v: number) =>
      tieLogLikelihood(data.a, data.b, data.s, 'davidson', p, v, { weight: data.w }).logLik;
    const p = [...d.strength];
    for (let m = 0; m < 5; m++) {
      const up = p.slice(),
        down = p.slice();
      up[m] *= 1 + 1e-6;
      down[m] *= 1 - 1e-6;
      closeTo((ll(up, d.nu) - ll(down, d.nu)) / 2e-6, 0, 1e-3);
    }
    closeTo((ll(p, d.nu * (1 + 1e-6)) - ll(p, d.nu * (1 - 1e-6))) / 2e-6, 0, 1e-3);
  });

  it('weights: a weight of 2 equals listing the comparison twice', () => {
    const x = davidson([0, 0, 1, 1, 0], [1, 1, 0, 2, 2], [1, 0.5, 1, 0.5, 0], 3, { weight: [2, 1, 1, 1, 1] });
    const y = davidson([0, 0, 0, 1, 1, 0], [1, 1, 1, 0, 2, 2], [1, 1, 0.5, 1, 0.5, 0], 3);
    [0, 1, 2].forEach((m) => closeTo(x.strength[m], y.strength[m], 1e-10));
    closeTo(x.nu, y.nu, 1e-10);
  });
});
