import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { elo } from '../../src/core/elo';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

describe('elo (hand-computed)', () => {
  it('elo(…, {shuffle: false}) plays three games in order with K = 4 from 1000', () => {
    // game 1: 0 beats 1 at 1000 : 1000, E_0 = 1/2 → 0: 1002, 1: 998
    // game 2: 1 ties 2 at 998 : 1000, E_1 = 1 / (1 + 10^(2/400)) = 0.4971218004, Δ = 4 (0.5 − E_1) = 0.0115127983
    //         → 1: 998.0115127983, 2: 999.9884872017
    // game 3: 2 beats 0 at 999.9884872017 : 1002, E_2 = 1 / (1 + 10^(2.0115127983/400)) = 0.4971052327,
    //         Δ = 4 (1 − E_2) = 2.0115790691 → 2: 1002.0000662708, 0: 999.9884209309
    // (recomputed in Python with LMSYS's update, `compute_elo` in FastChat's elo_analysis.py @0060644)
    const e = elo([0, 1, 2], [1, 2, 0], [1, 0.5, 1], 3, { shuffle: false });
    closeTo(e.rating[0], 999.9884209309, 1e-9);
    closeTo(e.rating[1], 998.0115127983, 1e-9);
    closeTo(e.rating[2], 1002.0000662708, 1e-9);
    expect([e.k, e.initial, e.base, e.scale, e.comparisons]).toEqual([4, 1000, 10, 400, 3]);
    expect([...e.games]).toEqual([2, 2, 2]);
    // K = 32 from 1500: game 1 moves ±16
    const k32 = elo([0], [1], [1], 2, { shuffle: false, k: 32, initial: 1500, fit: 'all' });
    expect([...k32.rating]).toEqual([1516, 1484]);
  });

  it('elo shuffles by Fisher–Yates with the seeded rng: the shuffled order played in order gives the same', () => {
    const a = [0, 1, 2, 0, 1, 2, 0, 1],
      b = [1, 2, 0, 2, 0, 1, 1, 2],
      s = [1, 0.5, 1, 0, 1, 0.5, 0, 1];
    const order = a.map((_, k) => k);
    const random = rng(9);
    for (let x = order.length - 1; x > 0; x--) {
      const y = Math.floor(random() * (x + 1));
      [order[x], order[y]] = [order[y], order[x]];
    }
    const shuffled = elo(a, b, s, 3, { seed: 9 });
    const inOrder = elo(
      order.map((k) => a[k]),
      order.map((k) => b[k]),
      order.map((k) => s[k]),
      3,
      { shuffle: false },
    );
    [0, 1, 2].forEach((m) => closeTo(shuffled.rating[m], inOrder.rating[m], 1e-12));
    // reproducible by seed; another seed gives other ratings; an explicit generator is the same as its seed
    expect(elo(a, b, s, 3, { seed: 9 })).toEqual(shuffled);
    expect(elo(a, b, s, 3, { seed: 10 }).rating).not.toEqual(shuffled.rating);
    expect(elo(a, b, s, 3, { random: rng(9) }).rating).toEqual(shuffled.rating);
    // updates are zero-sum: the mean stays at the start
    closeTo((shuffled.rating[0] + shuffled.rating[1] + shuffled.rating[2]) / 3, 1000, 1e-9);
  });

  it('elo weights play a comparison w times; non-integer weights throw', () => {
    const w = elo([0, 1], [1, 2], [1, 0.5], 3, { shuffle: false, weight: [2, 1], fit: 'all' });
    const twice = elo([0, 0, 1], [1, 1, 2], [1, 1, 0.5], 3, { shuffle: false, fit: 'all' });
    expect(w.rating).toEqual(twice.rating);
    expect(w.comparisons).toBe(3);
    expect(() => elo([0], [1], [1], 2, { weight: [0.5] })).toThrow('invalid weight: 0.5');
    expect(() => elo([0], [1], [1], 2, { fit: 'some' as 'all' })).toThrow('invalid fit: "some"');
  });

  it("elo rates bradleyTerry's main component by default; fit: 'all' rates every model with a comparison", () => {
    // 3 beats everyone: outside the main component {0, 1, 2}
    const a = [0, 1, 2, 3, 3],
      b = [1, 2, 0, 0, 1],
      s = [1, 1, 1, 1, 1];
    const e = elo(a, b, s, 4);
    expect([...e.finite]).toEqual([...bradleyTerry(a, b, s, 4).finite]);
    expect(e.rating[3]).toBeNaN();
    expect(e.comparisons).toBe(3);
    const all = elo(a, b, s, 4, { fit: 'all' });
    expect(all.rating[3]).toBeGreaterThan(1000);
    expect(all.comparisons).toBe(5);
  });

  it('elo on many seeded comparisons orders the models as their true strengths', () => {
    const theta = [-200, 0, 200];
    const random = rng(4);
    const a: number[] = [],
      b: number[] = [],
      s: number[] = [];
    for (let k = 0; k < 6000; k++) {
      const i = k % 3,
        j = (k + 1) % 3;
      const p = 1 / (1 + 10 ** ((theta[j] - theta[i]) / 400));
      a.push(i);
      b.push(j);
      s.push(random() < p ? 1 : 0);
    }
    const e = elo(a, b, s, 3);
    expect(e.rating[0]).toBeLessThan(e.rating[1]);
    expect(e.rating[1]).toBeLessThan(e.rating[2]);
    // K = 4 leaves online noise of a few points around the truth (here within 40)
    theta.forEach((t, m) => expect(Math.abs(e.rating[m] - 1000 - t)).toBeLessThan(40));
  });
});
