import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { routingCurve } from '../../src/core/routingCurve';
import { routingTable } from '../../src/core/routingTable';
import { closeTo } from '../helpers/closeTo';

// the five items of routingTable.test.ts:
//   item  conf  c  a     X = (1 − a) + a·c
//   p     0.60  0  0     1
//   q     0.20  0  1/2   1/2
//   r     0.95  1  1/3   1
//   s     0.45  1  2/3   1
//   u     0.80  1  1     1
const conf = [0.6, 0.2, 0.95, 0.45, 0.8];
const correct = [0, 0, 1, 1, 1];
const agree = [0, 1 / 2, 1 / 3, 2 / 3, 1];
const prices = { priceAi: 0.01, priceHuman: 0.5, priceExpert: 2 };

/**
 * The expectation by brute force: every joint outcome of the items, each item unchecked, checked with the
 * human agreeing, or checked with the human disagreeing (then the expert), with its probability.
 */
function enumerate(t: number, s: number, { priceAi, priceHuman, priceExpert }: typeof prices) {
  const N = conf.length;
  let accuracy = 0,
    cost = 0,
    humans = 0,
    experts = 0;
  for (let code = 0; code < 3 ** N; code++) {
    let p = 1,
      right = 0,
      spent = 0,
      h = 0,
      e = 0;
    for (let i = 0, rest = code; i < N; i++, rest = Math.floor(rest / 3)) {
      const outcome = rest % 3; // 0 unchecked, 1 checked + agree, 2 checked + disagree
      const pChecked = conf[i] < t ? 1 : s;
      p *= outcome === 0 ? 1 - pChecked : outcome === 1 ? pChecked * agree[i] : pChecked * (1 - agree[i]);
      if (outcome === 0) right += correct[i];
      else if (outcome === 1) {
        right += correct[i];
        spent += priceHuman;
        h++;
      } else {
        right += 1;
        spent += priceHuman + priceExpert;
        h++;
        e++;
      }
    }
    accuracy += (p * right) / N;
    cost += p * 1000 * (priceAi + spent / N);
    humans += (p * h) / N;
    experts += (p * e) / N;
  }
  return { accuracy, cost, humans, experts };
}

describe('routingCurve', () => {
  const grid = [0, 0.3, 0.5, 0.61, 0.7, 0.9, 1];
  const table = routingTable(conf, correct, agree, { grid });

  it('routingCurve(table, opts) equals the expectation enumerated over every outcome of every item', () => {
    for (const spot of [0, 0.3, 1]) {
      const curve = routingCurve(table, { spot, ...prices });
      grid.forEach((t, g) => {
        const e = enumerate(t, spot, prices);
        closeTo(curve.accuracy[g], e.accuracy, 1e-12);
        closeTo(curve.cost[g], e.cost, 1e-9);
        closeTo(curve.humanShare[g], e.humans, 1e-12);
        closeTo(curve.expertShare[g], e.experts, 1e-12);
      });
    }
  });

  it('routingCurve(table, {spot: 0.5}) at t = 0.5 matches the hand computation', () => {
    // R = {q, s}: Σ_R X = 1/2 + 1 = 3/2, |R| = 2, Σ_R(1 − a) = 5/6; A = {p, r, u}: Σ_A X = 3, Σ_A c = 2, Σ_A(1 − a) = 5/3
    // accuracy = (3/2 + 0.5·3 + 0.5·2) / 5 = 4/5
    // humans = 2 + 0.5·3 = 3.5, experts = 5/6 + 0.5·5/3 = 5/3
    // cost = 1000·(0.01 + (3.5·0.5 + 5/3·2) / 5) = 1000·(0.01 + 5.08333/5) = 1026.6667
    const curve = routingCurve(table, { spot: 0.5, ...prices });
    closeTo(curve.accuracy[2], 0.8, 1e-12);
    closeTo(curve.humanShare[2], 3.5 / 5, 1e-12);
    closeTo(curve.expertShare[2], 5 / 3 / 5, 1e-12);
    closeTo(curve.cost[2], 1000 * (0.01 + (1.75 + 10 / 3) / 5), 1e-9);
    closeTo(curve.cost[2], 1026.6667, 1e-4);
  });

  it('routingCurve(…) edge cases: t = 0 routes nothing, t = 1 makes s irrelevant, s = 1 checks everything', () => {
    const s0 = routingCurve(table, { spot: 0, ...prices });
    const s3 = routingCurve(table, { spot: 0.3, ...prices });
    const s1 = routingCurve(table, { spot: 1, ...prices });
    // t = 0 (index 0): humans = the spot share; with s = 0 the AI alone: Σc / N = 3/5, cost = 1000·p_ai
    closeTo(s0.accuracy[0], 3 / 5, 1e-12);
    closeTo(s0.humanShare[0], 0, 1e-12);
    closeTo(s0.cost[0], 10, 1e-12);
    closeTo(s3.humanShare[0], 0.3, 1e-12);
    // t = 1 (last): every confidence is < 1, so all routed whatever s: ΣX / N = 9/2 / 5 = 0.9, all to humans,
    // experts Σ(1 − a) / N = 5/2 / 5; cost = 1000·(0.01 + (5·0.5 + 5/2·2) / 5) = 1510
    for (const c of [s0, s3, s1]) {
      closeTo(c.accuracy[6], 0.9, 1e-12);
      closeTo(c.humanShare[6], 1, 1e-12);
      closeTo(c.expertShare[6], 0.5, 1e-12);
      closeTo(c.cost[6], 1510, 1e-9);
    }
    // s = 1: every threshold checks every item, so every point is the t = 1 point
    for (let g = 0; g < grid.length; g++) {
      closeTo(s1.accuracy[g], 0.9, 1e-12);
      closeTo(s1.cost[g], 1510, 1e-9);
    }
  });

  it('routingCurve(…, {target}) picks the cheapest threshold reaching the target, the lower t among equal costs', () => {
    // s = 0: accuracies by t: 0 → 3/5, 0.3 → (1/2 + 3)/5 = 0.7, 0.5 → 0.7, 0.61 → (5/2 + 2)/5 = 0.9 (p routed),
    // 0.7 → 0.9 (same set as 0.61, same cost), 0.9 → 0.9, 1 → 0.9
    // cost at 0.61: 1000·(0.01 + (3·0.5 + (5/6 + 1)·2) / 5) = 1043.333
    const curve = routingCurve(table, { spot: 0, ...prices, target: 0.8 });
    expect(curve.best).not.toBeNull();
    expect(curve.best!.index).toBe(3);
    expect(curve.best!.threshold).toBe(0.61);
    closeTo(curve.best!.cost, 1000 * (0.01 + (1.5 + (11 / 6) * 2) / 5), 1e-9);
    closeTo(curve.best!.accuracy, 0.9, 1e-12);
    // a target met exactly (up to rounding) counts
    expect(routingCurve(table, { spot: 0, ...prices, target: 0.9 }).best?.index).toBe(3);
    // target 0.6 is met by the AI alone at t = 0, the cheapest point
    expect(routingCurve(table, { spot: 0, ...prices, target: 0.6 }).best?.index).toBe(0);
    expect(routingCurve(table, { spot: 0, ...prices, target: 0.95 }).best).toBeNull();
  });

  it('routingCurve(empty table) gives NaN accuracy, the AI price as cost and no best point', () => {
    const curve = routingCurve(routingTable([], [], [], { grid: [0, 1] }), { ...prices, target: 0 });
    expect(Number.isNaN(curve.accuracy[0])).toBe(true);
    expect(Number.isNaN(curve.humanShare[1])).toBe(true);
    closeTo(curve.cost[1], 10, 1e-12);
    expect(curve.best).toBeNull();
  });

  it('routingCurve(…) throws on a spot share outside [0, 1] and on a negative price', () => {
    expect(() => routingCurve(table, { spot: 1.5 })).toThrow(/spot/);
    expect(() => routingCurve(table, { priceHuman: -1 })).toThrow(/price/);
    expect(() => routingCurve(table, { priceExpert: NaN })).toThrow(/price/);
  });

  it('routingCurve(…) agrees with a seeded Monte-Carlo run of the pipeline within 4 standard errors', () => {
    // 80 items with 1-3 human labels on sides 0/1/2, a reference side and an AI side; a human drawn at random
    // from the item's labels agrees with the AI with probability a (the share of its labels on the AI's side)
    const r = rng(7);
    const items = Array.from({ length: 80 }, () => {
      const ref = Math.floor(r() * 3);
      const ai = r() < 0.7 ? ref : Math.floor(r() * 3);
      const humans = Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.65 ? ref : Math.floor(r() * 3)));
      return { conf: Math.round(r() * 100) / 100, ref, ai, humans };
    });
    const t = routingTable(
      items.map((x) => x.conf),
      items.map((x) => (x.ai === x.ref ? 1 : 0)),
      items.map((x) => x.humans.filter((h) => h === x.ai).length / x.humans.length),
    );
    const runs = 4000;
    for (const [threshold, spot] of [
      [0.5, 0.25],
      [0.8, 0],
      [0, 0.6],
    ]) {
      const g = Math.round(threshold * 100);
      const curve = routingCurve(t, { spot, ...prices });
      const sim = rng(11);
      const acc: number[] = [],
        cost: number[] = [];
      for (let k = 0; k < runs; k++) {
        let right = 0,
          spent = 0;
        for (const x of items) {
          const checked = x.conf < threshold || sim() < spot;
          if (!checked) {
            right += x.ai === x.ref ? 1 : 0;
            continue;
          }
          spent += prices.priceHuman;
          const human = x.humans[Math.floor(sim() * x.humans.length)];
          if (human !== x.ai) {
            spent += prices.priceExpert;
            right += 1;
          } // the expert is right
          else right += x.ai === x.ref ? 1 : 0; // the human confirms the AI's label
        }
        acc.push(right / items.length);
        cost.push(1000 * (prices.priceAi + spent / items.length));
      }
      const meanSe = (xs: number[]) => {
        const m = xs.reduce((s, x) => s + x, 0) / xs.length;
        const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
        return [m, Math.sqrt(v / xs.length)];
      };
      const [mAcc, seAcc] = meanSe(acc),
        [mCost, seCost] = meanSe(cost);
      expect(seAcc).toBeGreaterThan(0);
      expect(Math.abs(mAcc - curve.accuracy[g])).toBeLessThan(4 * seAcc);
      expect(Math.abs(mCost - curve.cost[g])).toBeLessThan(4 * seCost);
      // the check can fail: the simulation tells the pipeline from the AI alone
      expect(Math.abs(mAcc - t.aiCorrect / t.n)).toBeGreaterThan(4 * seAcc);
    }
  });
});
