import { describe, expect, it } from 'vitest';
import { routingTable } from '../../src/core/routingTable';
import { closeTo } from '../helpers/closeTo';

// five items (given out of confidence order on purpose):
//   item  conf  c  a     1 − a   X = (1 − a) + a·c
//   p     0.60  0  0     1       1
//   q     0.20  0  1/2   1/2     1/2
//   r     0.95  1  1/3   2/3     2/3 + 1/3 = 1
//   s     0.45  1  2/3   1/3     1/3 + 2/3 = 1
//   u     0.80  1  1     0       1
const conf = [0.6, 0.2, 0.95, 0.45, 0.8];
const correct = [0, 0, 1, 1, 1];
const agree = [0, 1 / 2, 1 / 3, 2 / 3, 1];

describe('routingTable', () => {
  it('routingTable(conf, c, a, {grid}) sums routed (conf < t) and kept items by hand', () => {
    const t = routingTable(conf, correct, agree, { grid: [0, 0.5, 0.6, 1] });
    expect(Array.from(t.thresholds)).toEqual([0, 0.5, 0.6, 1]);
    expect(t.n).toBe(5);
    expect(t.skipped).toBe(0);
    expect(t.aiCorrect).toBe(3);
    // t = 0: nothing routed; A = all: Σc = 3, Σ(1 − a) = 1 + 1/2 + 2/3 + 1/3 + 0 = 5/2, ΣX = 1 + 1/2 + 1 + 1 + 1 = 9/2
    // t = 0.5: R = {q, s}: |R| = 2, Σ_R(1 − a) = 1/2 + 1/3 = 5/6, Σ_R X = 1/2 + 1 = 3/2;
    //          A = {p, r, u}: Σ_A c = 2, Σ_A(1 − a) = 1 + 2/3 = 5/3, Σ_A X = 3
    // t = 0.6: p (0.60) is not below 0.6, so the same as t = 0.5 (routing is strict)
    // t = 1: all routed
    const expected = {
      routed: [0, 2, 2, 5],
      routedDisagree: [0, 5 / 6, 5 / 6, 5 / 2],
      routedCorrect: [0, 3 / 2, 3 / 2, 9 / 2],
      above: [5, 3, 3, 0],
      aboveAiCorrect: [3, 2, 2, 0],
      aboveDisagree: [5 / 2, 5 / 3, 5 / 3, 0],
      aboveCorrect: [9 / 2, 3, 3, 0],
    };
    for (const [key, values] of Object.entries(expected)) {
      values.forEach((v, g) => closeTo(t[key as keyof typeof expected][g], v, 1e-12));
    }
  });

  it('routingTable(…) uses the default grid 0, 0.01, …, 1 and accepts an unsorted grid', () => {
    const t = routingTable(conf, correct, agree);
    expect(t.thresholds.length).toBe(101);
    closeTo(t.thresholds[46], 0.46, 1e-15);
    // 0.46: q (0.20) and s (0.45) below; 0.45 itself: only q (strict)
    expect(t.routed[46]).toBe(2);
    expect(t.routed[45]).toBe(1);
    const u = routingTable(conf, correct, agree, { grid: [1, 0.5, 0] });
    expect(Array.from(u.routed)).toEqual([5, 2, 0]);
  });

  it('routingTable(…) never routes confidence 1 and skips non-finite items, counting them', () => {
    const t = routingTable([1, 0.3, NaN, 0.5], [1, 0, 1, 1], [1, 0, 1, NaN], { grid: [0, 1] });
    // kept: the items of confidence 1 and 0.3; the NaN confidence and the NaN agreement are skipped
    expect(t.n).toBe(2);
    expect(t.skipped).toBe(2);
    expect(Array.from(t.routed)).toEqual([0, 1]);
    expect(Array.from(t.above)).toEqual([2, 1]);
  });

  it('routingTable([], [], []) is empty: n = 0 and every sum 0', () => {
    const t = routingTable([], [], [], { grid: [0, 0.5] });
    expect(t.n).toBe(0);
    expect(Array.from(t.routed)).toEqual([0, 0]);
    expect(Array.from(t.aboveCorrect)).toEqual([0, 0]);
  });

  it('routingTable(…) throws on arrays of different lengths and on a non-finite threshold', () => {
    expect(() => routingTable([0.5], [1, 0], [1])).toThrow(/same length/);
    expect(() => routingTable([0.5], [1], [1], { grid: [NaN] })).toThrow(/invalid threshold/);
  });
});
