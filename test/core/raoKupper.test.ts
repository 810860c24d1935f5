import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { raoKupper } from '../../src/core/raoKupper';
import { tieLogLikelihood } from '../../src/core/tieLogLikelihood';
import { closeTo } from '../helpers/closeTo';
import {
  centredRatingSe,
  countRows,
  fromRatings,
  numericCovariance,
  raoKupperProbabilities,
  simulatePairs,
} from './tieSimulation';

/*
 * Independent implementation: scipy.optimize on the same likelihood, Python 3.11.2, numpy 1.24.2, scipy 1.10.1
 * (/usr/bin/python3; Nelder–Mead then BFGS from all strengths equal and log θ = 0.5, on
 * (log π_1..3 − log π_0, log θ), +∞ for log θ ≤ 0):
 *
 *   pairs = [(0,1,20,15,10),(0,2,25,10,8),(0,3,30,12,5),(1,2,18,14,12),(1,3,22,9,11),(2,3,15,16,14)]
 *   def nll(x):
 *       beta = np.concatenate([[0.0], x[:3]]); phi = x[3]
 *       if phi <= 0: return np.inf
 *       th = np.exp(phi); ll = 0.0
 *       for i, j, w, t, l in pairs:
 *           l1 = np.logaddexp(beta[i], beta[j] + phi); l2 = np.logaddexp(beta[j], beta[i] + phi)
 *           ll += w * (beta[i] - l1) + l * (beta[j] - l2) + t * (np.log(th * th - 1) + beta[i] + beta[j] - l1 - l2)
 *       return -ll
 *
 * printed (BFGS "Optimization terminated successfully", max |gradient| 0): strength 0.4424972702 0.2519430615
 * 0.1662777698 0.1392818984, θ 1.9382611570, logL -271.8777181373.
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
  strength: [0.4424972702, 0.2519430615, 0.1662777698, 0.1392818984],
  theta: 1.938261157,
  logLik: -271.8777181373,
};

describe('raoKupper (closed forms)', () => {
  it('raoKupper on two models solves its two equations: θ = √((W+T)(L+T)/(WL)), π1/π2 = √(W(W+T)/(L(L+T)))', () => {
    // Saturated with two models: the MLE makes P(1 wins) = π1/(π1 + θπ2) = W/N and P(2 wins) =
    // π2/(π2 + θπ1) = L/N. With r = π1/π2: 1 + θ/r = N/W, so θ/r = (L+T)/W; 1 + θr = N/L, so θr = (W+T)/L.
    // Multiplying: θ² = (W+T)(L+T)/(WL); dividing: r² = W(W+T)/(L(L+T)).
    // W = 30, T = 20, L = 10: θ = √(50·30/300) = √5 = 2.2361, r = √(30·50/(10·30)) = √5.
    const W = 30,
      T = 20,
      L = 10;
    const { a, b, s, w } = countRows([[0, 1, W, T, L]]);
    const rk = raoKupper(a, b, s, 2, { weight: w });
    closeTo(rk.theta, Math.sqrt(((W + T) * (L + T)) / (W * L)), 1e-9);
    closeTo(rk.strength[0] / rk.strength[1], Math.sqrt((W * (W + T)) / (L * (L + T))), 1e-9);
    closeTo(rk.logLik, W * Math.log(0.5) + T * Math.log(1 / 3) + L * Math.log(1 / 6), 1e-9);
    expect(rk.converged).toBe(true);
    // an asymmetric case: W = 7, T = 2, L = 5
    const x = raoKupper(...rowsOf(7, 2, 5));
    closeTo(x.theta, Math.sqrt((9 * 7) / 35), 1e-9);
    closeTo(x.strength[0] / x.strength[1], Math.sqrt((7 * 9) / (5 * 7)), 1e-9);
  });

  it('raoKupper without ties: θ = 1 and the strengths are Bradley–Terry on the decisive comparisons', () => {
    const { a, b, s, w } = countRows([
      [0, 1, 3, 0, 1],
      [1, 2, 2, 0, 1],
      [0, 2, 4, 0, 1],
    ]);
    const rk = raoKupper(a, b, s, 3, { weight: w });
    const bt = bradleyTerry(a, b, s, 3, { weight: w });
    expect(rk.theta).toBe(1);
    [0, 1, 2].forEach((m) => closeTo(rk.strength[m], bt.strength[m], 1e-8));
  });

  it('raoKupper with only ties: θ = +∞; nothing connected: NaN', () => {
    expect(raoKupper([0, 1], [1, 0], [0.5, 0.5], 2).theta).toBe(Infinity);
    const empty = raoKupper([], [], [], 2);
    expect(empty.theta).toBeNaN();
    expect([...empty.rating]).toEqual([NaN, NaN]);
  });
});

function rowsOf(W: number, T: number, L: number): Parameters<typeof raoKupper> {
  const { a, b, s, w } = countRows([[0, 1, W, T, L]]);
  return [a, b, s, 2, { weight: w }];
}

describe('raoKupper against scipy.optimize (same likelihood)', () => {
  it('raoKupper matches scipy to 1e-7 on four models, and its logLik is tieLogLikelihood at the fit', () => {
    const { a, b, s, w } = countRows(SCIPY_PAIRS);
    const rk = raoKupper(a, b, s, 4, { weight: w });
    SCIPY.strength.forEach((p, m) => closeTo(rk.strength[m], p, 1e-7));
    closeTo(rk.theta, SCIPY.theta, 1e-7);
    closeTo(rk.logLik, SCIPY.logLik, 1e-8);
    closeTo(tieLogLikelihood(a, b, s, 'rao-kupper', rk.strength, rk.theta, { weight: w }).logLik, rk.logLik, 1e-9);
  });
});

describe('raoKupper (seeded simulation from known parameters)', () => {
  const theta = [-240, -120, 0, 120, 240];
  const th = 1.8; // two equal models tie with probability 0.8 / 2.8 = 0.286
  const pi = fromRatings(theta);
  const data = simulatePairs(pi, 2000, (x, y) => raoKupperProbabilities(x, y, th), 5);
  const rk = raoKupper(data.a, data.b, data.s, 5, { weight: data.w });

  it('recovers the ratings and θ within 4 standard errors, and logL ≥ logL at the truth', () => {
    expect(rk.converged).toBe(true);
    const x0 = [1, 2, 3, 4].map((m) => Math.log(rk.strength[m] / rk.strength[0])).concat(Math.log(rk.theta));
    const f = (x: number[]) =>
      tieLogLikelihood(data.a, data.b, data.s, 'rao-kupper', [1, ...x.slice(0, 4).map(Math.exp)], Math.exp(x[4]), {
        weight: data.w,
      }).logLik;
    const cov = numericCovariance(f, x0);
    theta.forEach((t, m) => {
      const se = centredRatingSe(cov, 5, m);
      expect(se).toBeLessThan(10);
      expect(Math.abs(rk.rating[m] - t)).toBeLessThan(4 * se);
    });
    expect(Math.abs(Math.log(rk.theta / th))).toBeLessThan(4 * Math.sqrt(cov[4][4]));
    const atTruth = tieLogLikelihood(data.a, data.b, data.s, 'rao-kupper', pi, th, { weight: data.w }).logLik;
    expect(rk.logLik).toBeGreaterThanOrEqual(atTruth);
    expect(2 * (rk.logLik - atTruth)).toBeLessThan(25);
  });
});
