import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { bradleyTerryPosition } from '../../src/core/bradleyTerryPosition';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

/** rows (first, second, score of first) each repeated by weight */
function rows(list: [number, number, number, number][]) {
  return {
    first: list.map((r) => r[0]),
    second: list.map((r) => r[1]),
    s: list.map((r) => r[2]),
    w: list.map((r) => r[3]),
  };
}

describe('bradleyTerryPosition (closed form, two models)', () => {
  it('γ = √(o1·o2), π1/π2 = √(o1/o2) with o the odds of the first-shown score in each order', () => {
    // model 0 first 40 times: 24 wins, 8 ties, 8 losses → score of first S12 = 28, odds o1 = 28/12;
    // model 1 first 30 times: 9 wins, 6 ties, 15 losses → S21 = 12, o2 = 12/18.
    // Saturated: logit P(first scores | 0 first) = log γ + log r, (| 1 first) = log γ − log r, r = π0/π1,
    // so γ = √(o1 o2) = √(14/9) = 1.2472, r = √(o1/o2) = √3.5 = 1.8708.
    // se(log γ) = ½ √(1/(n1 p1 q1) + 1/(n2 p2 q2)) with p1 = 28/40, p2 = 12/30 (delta method on the two logits);
    // LR = 2 (ℓ1 − ℓ0): ℓ1 = 28 log .7 + 12 log .3 + 12 log .4 + 18 log .6; under γ = 1 the score of
    // model 0 is 28 + 18 = 46 of 70, ℓ0 = 46 log(46/70) + 24 log(24/70).
    const { first, second, s, w } = rows([
      [0, 1, 1, 24],
      [0, 1, 0.5, 8],
      [0, 1, 0, 8],
      [1, 0, 1, 9],
      [1, 0, 0.5, 6],
      [1, 0, 0, 15],
    ]);
    const p = bradleyTerryPosition(first, second, s, 2, { weight: w });
    const o1 = 28 / 12,
      o2 = 12 / 18;
    closeTo(p.gamma, Math.sqrt(o1 * o2), 1e-9);
    closeTo(p.strength[0] / p.strength[1], Math.sqrt(o1 / o2), 1e-9);
    const se = 0.5 * Math.sqrt(1 / (40 * 0.7 * 0.3) + 1 / (30 * 0.4 * 0.6));
    closeTo(p.logGammaSe, se, 1e-8);
    closeTo(p.gammaCi[0], Math.exp(Math.log(p.gamma) - 1.959963984540054 * se), 1e-8);
    const l1 = 28 * Math.log(0.7) + 12 * Math.log(0.3) + 12 * Math.log(0.4) + 18 * Math.log(0.6);
    const l0 = 46 * Math.log(46 / 70) + 24 * Math.log(24 / 70);
    closeTo(p.logLik, l1, 1e-9);
    closeTo(p.logLikNull, l0, 1e-9);
    closeTo(p.lrStatistic, 2 * (l1 - l0), 1e-8);
    // LR = 0.7578973683; χ²₁ upper tail 0.3839873379 (scipy 1.10.1 `chi2.sf(LR, 1)`); normalTail's relative error < 1.2e-7
    closeTo(p.lrStatistic, 0.7578973683, 1e-9);
    closeTo(p.pValue, 0.3839873379, 1e-7);
    expect([p.comparisons, p.firstScore, p.nFitted]).toEqual([70, 40, 2]);
    expect(p.converged).toBe(true);
    // the null fit is Bradley–Terry with ties half on the same comparisons
    const bt = bradleyTerry(first, second, s, 2, { weight: w });
    closeTo(bt.strength[0], 46 / 70, 1e-9);
  });

  it('γ is not identified when each model is always shown in the same position: se and interval NaN', () => {
    const p = bradleyTerryPosition([0, 0, 0], [1, 1, 1], [1, 0, 1], 2);
    expect(p.logGammaSe).toBeNaN();
    expect(p.gammaCi).toEqual([NaN, NaN]);
    const none = bradleyTerryPosition([], [], [], 2);
    expect(none.gamma).toBeNaN();
    expect(none.nFitted).toBe(0);
  });
});

describe('bradleyTerryPosition (seeded simulation)', () => {
  const theta = [-200, -100, 0, 100, 200];
  /** random pairs on random positions; the first-shown scores with p = γπ_f/(γπ_f + π_s), a tie w.p. 0.4 min(p, 1 − p) */
  function simulate(gamma: number, n: number, seed: number) {
    const random = rng(seed);
    const first: number[] = [],
      second: number[] = [],
      s: number[] = [];
    for (let k = 0; k < n; k++) {
      const f = Math.floor(random() * 5);
      let g = Math.floor(random() * 4);
      if (g >= f) g++;
      const odds = gamma * 10 ** ((theta[f] - theta[g]) / 400);
      const p = odds / (1 + odds);
      const t = 0.4 * Math.min(p, 1 - p);
      const q = (p - t / 2) / (1 - t);
      first.push(f);
      second.push(g);
      s.push(random() < t ? 0.5 : random() < q ? 1 : 0);
    }
    return { first, second, s };
  }

  it('recovers γ = 1.5 within 4 standard errors, with a tiny p-value; γ = 1 is not rejected', () => {
    const x = simulate(1.5, 4000, 21);
    const p = bradleyTerryPosition(x.first, x.second, x.s, 5);
    expect(p.converged).toBe(true);
    expect(Math.abs(p.logGamma - Math.log(1.5))).toBeLessThan(4 * p.logGammaSe);
    expect(p.logGammaSe).toBeLessThan(0.05); // ~ 2 / √n
    expect(p.gammaCi[0]).toBeLessThan(1.5);
    expect(p.gammaCi[1]).toBeGreaterThan(1.5);
    expect(p.pValue).toBeLessThan(1e-10);
    theta.forEach((t, m) => expect(Math.abs(p.rating[m] - t)).toBeLessThan(30));
    const y = simulate(1, 4000, 22);
    const q = bradleyTerryPosition(y.first, y.second, y.s, 5);
    expect(Math.abs(q.logGamma)).toBeLessThan(4 * q.logGammaSe);
    expect(q.pValue).toBeGreaterThan(1e-3);
  });
});
