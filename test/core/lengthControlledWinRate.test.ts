// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lengthControlledWinRate } from '../../src/core/lengthControlledWinRate';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** n verdicts with lengthDiff ~ uniform(lo, hi) and P(candidate wins) = sigmoid(a + b · lengthDiff), seeded */
function simulate(n: number, lo: number, hi: number, a: number, b: number, seed: number) {
  const random = rng(seed);
  const win: number[] = [],
    lengthDiff: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = lo + (hi - lo) * random();
    lengthDiff.push(d);
    win.push(random() < sigmoid(a + b * d) ? 1 : 0);
  }
  return { win, lengthDiff };
}

describe('lengthControlledWinRate: closed forms', () => {
  it('two groups x = -1, +1: the saturated fit, logit p1 = a - b, logit p2 = a + b', () => {
    // lengthDiff -100: 1 win, 1 loss (p1 = 1/2, logit 0); +100: 3 wins, 1 loss (p2 = 3/4, logit ln 3)
    // a = (0 + ln 3) / 2 = ln 3 / 2, b = (ln 3 - 0) / 2 = ln 3 / 2 (per 100 characters, scale 100)
    // var(logit p̂g) = 1 / (ng pg (1 - pg)): 1 / (2 · 1/4) = 2 and 1 / (4 · 3/16) = 4/3;
    // a and b are half the sum and half the difference, so var a = var b = (2 + 4/3) / 4 = 5/6
    const win = [1, 0, 1, 1, 1, 0];
    const lengthDiff = [-100, -100, 100, 100, 100, 100];
    const r = lengthControlledWinRate(win, lengthDiff, { scale: 100 });
    expect(r.reason).toBeNull();
    expect(r.converged).toBe(true);
    expect(r.n).toBe(6);
    closeTo(r.raw, 4 / 6, 1e-12);
    closeTo(r.intercept, Math.log(3) / 2, 1e-9);
    closeTo(r.slope, Math.log(3) / 2, 1e-9);
    closeTo(r.controlled, Math.sqrt(3) / (1 + Math.sqrt(3)), 1e-9); // sigmoid(ln 3 / 2) = √3 / (1 + √3)
    closeTo(r.slope_se, Math.sqrt(5 / 6), 1e-9);
    const se = Math.sqrt(5 / 6);
    closeTo(r.controlled_ci95![0], sigmoid(Math.log(3) / 2 - 1.959963984540054 * se), 1e-9);
    closeTo(r.controlled_ci95![1], sigmoid(Math.log(3) / 2 + 1.959963984540054 * se), 1e-9);
    // default scale: the sample SD of the differences, √((2 · (400/3)² + 4 · (200/3)²) / 5) = 400 / √15;
    // the intercept is the same, the slope per SD is ln 3 / 2 · (400 / √15) / 100
    const d = lengthControlledWinRate(win, lengthDiff);
    closeTo(d.intercept, Math.log(3) / 2, 1e-9);
    closeTo(d.controlled, r.controlled, 1e-12);
    closeTo(d.slope, (Math.log(3) / 2) * (4 / Math.sqrt(15)), 1e-9);
    closeTo(d.slope_se, Math.sqrt(5 / 6) * (4 / Math.sqrt(15)), 1e-9);
  });

  it('all length differences 0: no length variation, controlled NaN, raw still computed', () => {
    const r = lengthControlledWinRate([1, 0, 1, 1], [0, 0, 0, 0]);
    expect(r.reason).toMatch(/no length variation/);
    expect(r.controlled).toBeNaN();
    expect(r.intercept).toBeNaN();
    expect(r.controlled_ci95).toBeNull();
    closeTo(r.raw, 0.75, 1e-12);
    expect(r.longer_wins).toBeNaN();
    expect(r.longer_wins_n).toBe(0);
    // equal nonzero differences are no variation either
    expect(lengthControlledWinRate([1, 0, 1], [50, 50, 50]).reason).toMatch(/no length variation/);
  });
});

describe('lengthControlledWinRate: agreement with scipy', () => {
  // 40 rows from Python's random.seed(7) (randint(-600, 600) lengths, wins from sigmoid(0.4 + 0.003 d), ties 10%),
  // with two lengths and one verdict blanked by hand. 10 ties (one without a length), 1 missing verdict and 1 decisive
  // verdict without a length leave n = 28, 16 wins.
  const win = [
    1,
    0.5,
    0.5,
    0.5,
    1,
    0.5,
    1,
    1,
    1,
    0.5,
    0.5,
    NaN,
    0,
    0,
    0,
    0,
    1,
    0,
    0,
    0.5,
    0,
    0,
    1,
    1,
    1,
    1,
    1,
    1,
    0,
    0.5,
    0,
    1,
    0.5,
    1,
    0.5,
    1,
    1,
    0,
    0,
    0,
  ];
  const lengthDiff = [
    63,
    -502,
    497,
    593,
    439,
    NaN,
    -415,
    558,
    593,
    212,
    -148,
    -328,
    -359,
    -230,
    -216,
    -472,
    416,
    NaN,
    140,
    -101,
    14,
    319,
    -359,
    100,
    -520,
    542,
    42,
    417,
    -409,
    -467,
    34,
    312,
    110,
    345,
    411,
    -12,
    200,
    -260,
    -320,
    -30,
  ];
  // Python 3.11.2, NumPy 1.24.2, SciPy 1.10.1: scipy.optimize.minimize(method='BFGS', gtol=1e-12) on the negative
  // log-likelihood sum(logaddexp(0, η) − y η) with its analytic gradient; standard errors from the inverse of the
  // analytic Hessian X' diag(p(1 − p)) X in NumPy. x = lengthDiff / sd, sd = np.std(d, ddof=1) = 345.40838493144946.
  it('default scale (sample SD): intercept, slope, standard errors to 1e-6', () => {
    const r = lengthControlledWinRate(win, lengthDiff);
    expect(r.reason).toBeNull();
    expect(r.converged).toBe(true);
    expect([r.n, r.ties]).toEqual([28, 10]);
    closeTo(r.raw, 16 / 28, 1e-12);
    closeTo(r.intercept, 0.262076983753);
    closeTo(r.slope, 1.118022506175);
    closeTo(r.slope_se, 0.490897312554);
    closeTo(r.controlled, 0.565146791697);
    const seA = 0.432517627566;
    closeTo(r.controlled_ci95![0], sigmoid(0.262076983753 - 1.959963984540054 * seA));
    closeTo(r.controlled_ci95![1], sigmoid(0.262076983753 + 1.959963984540054 * seA));
  });

  it('scale 100: the same intercept, slope per 100 characters (same tool, x = lengthDiff / 100)', () => {
    const r = lengthControlledWinRate(win, lengthDiff, { scale: 100 });
    closeTo(r.intercept, 0.262076984156);
    closeTo(r.slope, 0.323681345054);
    closeTo(r.slope_se, 0.142120844195);
  });
});

describe('lengthControlledWinRate: seeded simulations', () => {
  it('n = 20000, lengthDiff ~ U(-1000, 1000), P(win) = sigmoid(0.3 + 0.002 d): controlled ≈ sigmoid(0.3)', () => {
    const { win, lengthDiff } = simulate(20000, -1000, 1000, 0.3, 0.002, 11);
    const r = lengthControlledWinRate(win, lengthDiff);
    const truth = sigmoid(0.3);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.controlled - truth)).toBeLessThan(0.01);
    expect(r.controlled_ci95![0]).toBeLessThan(truth);
    expect(r.controlled_ci95![1]).toBeGreaterThan(truth);
    // slope per SD: 0.002 · 2000 / √12 characters
    expect(Math.abs(r.slope - (0.002 * 2000) / Math.sqrt(12))).toBeLessThan(4 * r.slope_se);
    // E raw = ∫ sigmoid / range = (softplus(2.3) − softplus(−1.7)) / 4 = 0.55694, below sigmoid(0.3) = 0.57444
    expect(Math.abs(r.raw - 0.5569398588)).toBeLessThan(0.01);
    expect(r.controlled - r.raw).toBeGreaterThan(0.01);
    expect(r.longer_wins).toBeGreaterThan(0.6);
  });

  it('a candidate that is only longer: raw inflated (≈ 0.717), controlled ≈ 1/2', () => {
    // lengthDiff ~ U(0, 1000), P(win) = sigmoid(0.002 d): E raw = (softplus(2) − softplus(0)) / 2 = 0.71689
    const { win, lengthDiff } = simulate(20000, 0, 1000, 0, 0.002, 12);
    const r = lengthControlledWinRate(win, lengthDiff);
    expect(Math.abs(r.raw - 0.7168904152)).toBeLessThan(0.01);
    expect(Math.abs(r.controlled - 0.5)).toBeLessThan(0.02);
    expect(r.controlled_ci95![0]).toBeLessThan(0.5);
    expect(r.controlled_ci95![1]).toBeGreaterThan(0.5);
  });

  it('no length effect: controlled ≈ raw ≈ sigmoid(0.3), slope ≈ 0', () => {
    const { win, lengthDiff } = simulate(20000, -1000, 1000, 0.3, 0, 13);
    const r = lengthControlledWinRate(win, lengthDiff);
    expect(Math.abs(r.controlled - r.raw)).toBeLessThan(0.005);
    expect(Math.abs(r.slope)).toBeLessThan(3 * r.slope_se);
    expect(r.controlled_ci95![0]).toBeLessThan(sigmoid(0.3));
    expect(r.controlled_ci95![1]).toBeGreaterThan(sigmoid(0.3));
  });
});

describe('lengthControlledWinRate: counts and degenerate cases', () => {
  it('ties, missing values and longer_wins by hand', () => {
    const win = [1, 0, 1, 0, 0.5, 1, NaN, 0];
    const lengthDiff = [50, 30, -20, -40, 100, 0, 10, NaN];
    // used: rows 0, 1, 2, 3, 5 (row 4 a tie, row 6 no verdict, row 7 no length); wins rows 0, 2, 5
    // unequal lengths: row 0 longer candidate won ✓, row 1 longer candidate lost ✗, row 2 longer baseline lost ✗,
    // row 3 longer baseline won ✓ → 2 of 4
    const r = lengthControlledWinRate(win, lengthDiff);
    expect([r.n, r.ties, r.longer_wins_n]).toEqual([5, 1, 4]);
    closeTo(r.raw, 3 / 5, 1e-12);
    closeTo(r.longer_wins, 0.5, 1e-12);
    // lengths differing by more than 30: rows 0 (50, won ✓) and 3 (−40, baseline longer, won ✓); row 1's 30 is not
    // more than 30 and row 2's −20 neither → 2 of 2; the fit and raw do not change
    const wide = lengthControlledWinRate(win, lengthDiff, { minDifference: 30 });
    expect([wide.n, wide.longer_wins_n, wide.longer_wins]).toEqual([5, 2, 1]);
    expect(wide.controlled).toBe(r.controlled);
    // Wilson (1927) for 3 of 5, z = 1.959963984540054: (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
    closeTo(r.raw_ci95![0], 0.2307242812760128, 1e-12);
    closeTo(r.raw_ci95![1], 0.882379225767352, 1e-12);
    expect(r.reason).toBeNull(); // wins and losses overlap in length: the fit exists
  });

  it('only ties or missing lengths: n = 0, raw NaN', () => {
    const r = lengthControlledWinRate([0.5, 0.5, 1], [10, NaN, NaN]);
    expect([r.n, r.ties]).toEqual([0, 2]);
    expect(r.raw).toBeNaN();
    expect(r.raw_ci95).toBeNull();
    expect(r.reason).toMatch(/no decisive/);
    expect(r.iterations).toBe(0);
  });

  it('all wins, all losses, and wins split from losses by length: separation, NaN with a reason', () => {
    const all = lengthControlledWinRate([1, 1, 1], [-10, 0, 20]);
    expect(all.reason).toMatch(/separation/);
    expect(all.controlled).toBeNaN();
    closeTo(all.raw, 1, 1e-12);
    expect(all.raw_ci95![1]).toBe(1);
    expect(lengthControlledWinRate([0, 0, 0.5], [-10, 0, 20]).reason).toMatch(/separation/);
    // complete: every win longer than every loss
    const split = lengthControlledWinRate([0, 0, 1, 1], [-30, -10, 5, 40]);
    expect(split.reason).toMatch(/separation/);
    expect(split.slope).toBeNaN();
    closeTo(split.raw, 0.5, 1e-12);
    closeTo(split.longer_wins, 1, 1e-12); // rows 0, 1: baseline longer and won; rows 2, 3: candidate longer and won
    // quasi-complete: a win and a loss share the boundary value 0
    expect(lengthControlledWinRate([0, 0, 1, 1], [-30, 0, 0, 40]).reason).toMatch(/separation/);
    // reversed: every loss longer than every win
    expect(lengthControlledWinRate([1, 0, 1, 0], [-30, 10, -5, 40]).reason).toMatch(/separation/);
  });

  it('too few iterations: not converged, NaN with a reason', () => {
    const { win, lengthDiff } = simulate(500, -1000, 1000, 0.3, 0.002, 14);
    const r = lengthControlledWinRate(win, lengthDiff, { maxIterations: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(r.controlled).toBeNaN();
    expect(r.reason).toMatch(/no convergence/);
    expect(lengthControlledWinRate(win, lengthDiff).converged).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => lengthControlledWinRate([1, 0], [1])).toThrow(RangeError);
    expect(() => lengthControlledWinRate([1, 0.7], [1, 2])).toThrow(RangeError);
    expect(() => lengthControlledWinRate([1, 0], [1, 2], { scale: 0 })).toThrow(RangeError);
  });
});
