import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

const ELO = 400 / Math.LN10; // rating points per natural-log unit of strength

// crowd-kit tests/aggregation/test_bt_aggregation.py (github.com/Toloka/crowd-kit @35f0661): rows (left, right, winner), models a, b, c = 0, 1, 2
const DATA_ABC = { a: [0, 1, 2], b: [1, 2, 0], s: [1, 1, 0] }; // a>b, b>c, c vs a → a
const DATA_EQUAL = { a: [0, 1, 2], b: [1, 2, 0], s: [1, 1, 1] }; // a>b, b>c, c>a

/**
 * Comparisons of every pair `perPair` times under Bradley–Terry with ties: P(i scores against j) =
 * π = 1 / (1 + 10^((θ_j − θ_i) / 400)); a tie with probability t = 0.4 min(π, 1 − π), else a win for i with
 * q = (π − t/2) / (1 − t), so that the expected score of i (ties half) is exactly π and the half-tie MLE is
 * consistent for θ. The side (a or b) is drawn at random.
 */
function synthetic(theta: number[], perPair: number, seed: number) {
  const random = rng(seed);
  const a: number[] = [],
    b: number[] = [],
    s: number[] = [];
  for (let i = 0; i < theta.length; i++)
    for (let j = i + 1; j < theta.length; j++) {
      const pi = 1 / (1 + 10 ** ((theta[j] - theta[i]) / 400));
      const t = 0.4 * Math.min(pi, 1 - pi);
      const q = (pi - t / 2) / (1 - t);
      for (let k = 0; k < perPair; k++) {
        const out = random() < t ? 0.5 : random() < q ? 1 : 0;
        const first = random() < 0.5;
        a.push(first ? i : j);
        b.push(first ? j : i);
        s.push(first ? out : 1 - out);
      }
    }
  return { a, b, s };
}

describe('bradleyTerry: crowd-kit BradleyTerry (test_bt_aggregation.py @35f0661, atol 0.005)', () => {
  it('bradleyTerry(data_abc, {fit: "all"}) is uniform at 0 iterations and a 0.934, b 0.065, c 0.0 at 10', () => {
    const start = bradleyTerry(DATA_ABC.a, DATA_ABC.b, DATA_ABC.s, 3, { fit: 'all', maxIterations: 0 });
    [...start.strength].forEach((p) => closeTo(p, 0.3333, 0.005));
    const bt = bradleyTerry(DATA_ABC.a, DATA_ABC.b, DATA_ABC.s, 3, { fit: 'all', maxIterations: 10 });
    expect(bt.iterations).toBe(10);
    expect(bt.converged).toBe(false);
    [0.934, 0.065, 0.0].forEach((p, i) => closeTo(bt.strength[i], p, 0.005));
    // the same iterate recomputed independently (Hunter's MM from a uniform start), to 4 decimals
    [0.9349, 0.0651, 0.0].forEach((p, i) => closeTo(bt.strength[i], p, 5e-5));
  });

  it('bradleyTerry(data_abc) has no finite MLE (a never loses, c never wins, the chain a > b > c): every model flagged', () => {
    const bt = bradleyTerry(DATA_ABC.a, DATA_ABC.b, DATA_ABC.s, 3);
    expect([...bt.component]).toEqual([0, 1, 2]);
    expect(bt.main).toBe(-1);
    expect([...bt.finite]).toEqual([0, 0, 0]);
    expect([...bt.strength]).toEqual([NaN, NaN, NaN]);
    expect([...bt.rating]).toEqual([NaN, NaN, NaN]);
    expect(bt.nFitted).toBe(0);
    expect(bt.converged).toBe(false);
    // the flags do not depend on the fit
    expect([...bradleyTerry(DATA_ABC.a, DATA_ABC.b, DATA_ABC.s, 3, { fit: 'all' }).finite]).toEqual([0, 0, 0]);
  });

  it('bradleyTerry(data_equal) gives all 1/3 and ratings 0, converged, all finite', () => {
    for (const fit of ['component', 'all'] as const) {
      const bt = bradleyTerry(DATA_EQUAL.a, DATA_EQUAL.b, DATA_EQUAL.s, 3, { fit });
      [...bt.strength].forEach((p) => closeTo(p, 1 / 3, 1e-12));
      [...bt.rating].forEach((x) => closeTo(x, 0, 1e-9));
      expect([...bt.finite]).toEqual([1, 1, 1]);
      expect(bt.converged).toBe(true);
    }
  });
});

describe('bradleyTerry (hand-computed)', () => {
  it('two models with ties: p_a / p_b = W_a / W_b, ratings ±200 log10(W_a / W_b)', () => {
    // a wins 3, ties 2, b wins 1: W_a = 3 + 2/2 = 4, W_b = 1 + 2/2 = 2, n = 6. The MLE solves
    // W_a = n p_a / (p_a + p_b), so p_a = 4/6 = 2/3, p_b = 1/3; ratings 400 log10(2/3) and 400 log10(1/3)
    // less their mean 200 log10(2/9): ±200 log10 2 = ±60.206 (a 10^(120.41/400) = 2 : 1 odds).
    const bt = bradleyTerry([0, 0, 1, 0, 1, 1], [1, 1, 0, 1, 0, 0], [1, 1, 0.5, 0.5, 1, 0], 2);
    closeTo(bt.strength[0], 2 / 3, 1e-12);
    closeTo(bt.strength[1], 1 / 3, 1e-12);
    closeTo(bt.rating[0], 200 * Math.log10(2), 1e-9);
    closeTo(bt.rating[1], -200 * Math.log10(2), 1e-9);
    expect(bt.converged).toBe(true);
    expect(bt.iterations).toBe(2); // the first update lands on W_a / (W_a + W_b); the second changes nothing
  });

  it('three models on the model exactly: strengths 4/7, 2/7, 1/7', () => {
    // 0 vs 1: 0 wins 1, 2 ties, 1 wins 0 (score 2 of 3); 1 vs 2: 2 of 3; 0 vs 2: 0 wins 4 of 5. With
    // p = (4, 2, 1) / 7 every expected score n_ij p_i / (p_i + p_j) equals the observed one (0 vs 1: 3·4/6 = 2,
    // 1 vs 2: 3·2/3 = 2, 0 vs 2: 5·4/5 = 4), so it is the MLE; ratings 400 log10 2 · (1, 0, −1).
    const a = [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
    const b = [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2];
    const s = [1, 0.5, 0.5, 1, 1, 0, 1, 1, 1, 1, 0];
    const bt = bradleyTerry(a, b, s, 3);
    [4 / 7, 2 / 7, 1 / 7].forEach((p, i) => closeTo(bt.strength[i], p, 1e-9));
    [1, 0, -1].forEach((k, i) => closeTo(bt.rating[i], k * 400 * Math.log10(2), 1e-6));
  });

  it('a model that never loses is flagged; the others are fitted on their own comparisons', () => {
    // 0 beats 1 twice and 2 once; 1 and 2: 1 wins 2, 2 wins 1 → {1, 2} is the main component, and its
    // MLE is the two-model closed form p_1 = 2/3, p_2 = 1/3 (ratings ±60.206); 0's MLE is +∞.
    const a = [0, 0, 0, 1, 1, 2];
    const b = [1, 1, 2, 2, 2, 1];
    const s = [1, 1, 1, 1, 1, 1];
    const bt = bradleyTerry(a, b, s, 3);
    expect([...bt.component]).toEqual([0, 1, 1]);
    expect(bt.main).toBe(1);
    expect([...bt.finite]).toEqual([0, 1, 1]);
    expect(bt.strength[0]).toBeNaN();
    expect(bt.rating[0]).toBeNaN();
    closeTo(bt.strength[1], 2 / 3, 1e-9);
    closeTo(bt.rating[1], 200 * Math.log10(2), 1e-6);
    closeTo(bt.rating[2], -200 * Math.log10(2), 1e-6);
    // iterating on everything instead sends 0 towards all the mass and never converges
    const all = bradleyTerry(a, b, s, 3, { fit: 'all' });
    expect(all.converged).toBe(false);
    expect(all.strength[0]).toBeGreaterThan(0.99);
    expect([...all.finite]).toEqual([0, 1, 1]);
  });

  it('two groups that each beat each other both ways, one above the other: the larger group is the main one', () => {
    // {0, 1} trade wins (1 each); {2, 3, 4} a cycle 2>3>4>2; 0 beats 2, 1 beats 4 → components {0, 1}, {2, 3, 4}
    const a = [0, 1, 2, 3, 4, 0, 1];
    const b = [1, 0, 3, 4, 2, 2, 4];
    const s = [1, 1, 1, 1, 1, 1, 1];
    const bt = bradleyTerry(a, b, s, 5);
    expect([...bt.component]).toEqual([0, 0, 1, 1, 1]);
    expect(bt.main).toBe(1);
    expect([...bt.finite]).toEqual([0, 0, 1, 1, 1]);
    [2, 3, 4].forEach((i) => closeTo(bt.strength[i], 1 / 3, 1e-9)); // the cycle alone: all equal
    // equal sizes: the group with more comparisons inside wins; then the lower number
    const tie = bradleyTerry([0, 1, 1, 2, 3, 0], [1, 0, 0, 3, 2, 2], [1, 1, 1, 1, 1, 1], 4);
    expect([...tie.component]).toEqual([0, 0, 1, 1]);
    expect(tie.main).toBe(0);
  });

  it('a model without comparisons: component -1, NaN, not finite; empty input fits nothing', () => {
    const bt = bradleyTerry(DATA_EQUAL.a, DATA_EQUAL.b, DATA_EQUAL.s, 4);
    expect(bt.component[3]).toBe(-1);
    expect(bt.finite[3]).toBe(0);
    expect(bt.strength[3]).toBeNaN();
    closeTo(bt.strength[0], 1 / 3, 1e-12);
    const empty = bradleyTerry([], [], [], 3);
    expect(empty.iterations).toBe(0);
    expect(empty.converged).toBe(false);
    expect(empty.main).toBe(-1);
    expect([...empty.rating]).toEqual([NaN, NaN, NaN]);
  });

  it('bradleyTerry throws on an unknown fit', () => {
    expect(() => bradleyTerry([0], [1], [1], 2, { fit: 'everything' as 'all' })).toThrow('invalid fit: "everything"');
  });
});

describe('bradleyTerry (seeded synthetic, known strengths)', () => {
  const theta = [-300, -180, -60, 60, 180, 300]; // true ratings, mean 0
  const perPair = 1000;
  const { a, b, s } = synthetic(theta, perPair, 7);
  const bt = bradleyTerry(a, b, s, theta.length);

  it('recovers the true ratings within 4 standard errors', () => {
    expect(bt.converged).toBe(true);
    expect([...bt.finite]).toEqual([1, 1, 1, 1, 1, 1]);
    theta.forEach((t, i) => {
      // SE of θ_i ≈ (400 / ln 10) / sqrt(Σ_j n π_ij (1 − π_ij)) (Fisher information of the BT likelihood,
      // ignoring the other estimates; ties only lower the score variance, so this is conservative):
      // 7.3 points at the ends, 5.9 in the middle. 4 SE keeps a correct fit failing with p < 1e-4 per model
      // (seeds 1, 2, 3, 7 give errors within 2.4 SE), while a fit that dropped the ties is 24-43 points off
      // at the ends on the same seeds (the remaining wins are more lopsided than π).
      let info = 0;
      theta.forEach((u, j) => {
        if (j === i) return;
        const pi = 1 / (1 + 10 ** ((u - t) / 400));
        info += perPair * pi * (1 - pi);
      });
      const se = ELO / Math.sqrt(info);
      expect(Math.abs(bt.rating[i] - t)).toBeLessThan(4 * se);
    });
  });

  it('satisfies the likelihood equations W_i = Σ_j n_ij p_i / (p_i + p_j) at the returned strengths', () => {
    const M = theta.length;
    for (let i = 0; i < M; i++) {
      let expected = 0;
      for (let j = 0; j < M; j++)
        if (j !== i)
          expected += (bt.counts.comparisons[i * M + j] * bt.strength[i]) / (bt.strength[i] + bt.strength[j]);
      closeTo(expected, bt.counts.total.score[i], 1e-6 * bt.counts.total.score[i]);
    }
    closeTo(
      [...bt.strength].reduce((x, y) => x + y, 0),
      1,
      1e-12,
    );
  });

  it('relabelling the models permutes the result; swapping sides (outcome 1 − s) changes nothing', () => {
    const perm = [3, 5, 0, 1, 4, 2];
    const relabelled = bradleyTerry(
      a.map((i) => perm[i]),
      b.map((i) => perm[i]),
      s,
      6,
    );
    theta.forEach((_, i) => closeTo(relabelled.rating[perm[i]], bt.rating[i], 1e-6));
    const swapped = bradleyTerry(
      b,
      a,
      s.map((x) => 1 - x),
      6,
    );
    theta.forEach((_, i) => closeTo(swapped.rating[i], bt.rating[i], 1e-9));
  });

  it('weights: a weight of 2 on some comparisons is the same as listing them twice', () => {
    const half = a.length >> 1;
    const weight = Float64Array.from(a, (_, k) => (k < half ? 2 : 1));
    const w = bradleyTerry(a, b, s, 6, { weight });
    const twice = bradleyTerry(
      [...a, ...a.slice(0, half)],
      [...b, ...b.slice(0, half)],
      [...s, ...s.slice(0, half)],
      6,
    );
    theta.forEach((_, i) => closeTo(w.strength[i], twice.strength[i], 1e-12));
    expect(Math.abs(w.rating[0] - bt.rating[0])).toBeGreaterThan(1e-6);
  });
});
