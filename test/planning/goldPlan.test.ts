import { describe, expect, it } from 'vitest';
import { goldPlan, goldPlanProblems } from '../../src/planning/goldPlan';
import { closeTo } from '../helpers/closeTo';

describe('goldPlan', () => {
  it('goldPlan with M = 1, T = 1 (flag at the first wrong gold answer) gives the geometric closed forms', () => {
    // A clicker's task is a wrong gold answer w.p. p = F(1 − A) = 0.1·0.6 = 0.06, a careful one's 0.1·0.1 = 0.01:
    // P(caught within n) = 1 − (1 − p)^n; E[min(τ, N)] = (1 − (1 − p)^N)/p; E[bad] = (1 − F)(1 − (1 − p)^N)/p.
    const plan = goldPlan({
      goldShare: 0.1,
      minGold: 1,
      threshold: 1,
      clickerAccuracy: 0.4,
      goodAccuracy: 0.9,
      clickerShare: 0.2,
      tasks: 20,
      annotators: 10,
      pricePerLabel: 0.5,
      runs: 4000,
      seed: 5,
    });
    const caught20 = 1 - 0.94 ** 20; // 0.709894…
    closeTo(plan.clicker.p_caught, caught20, 1e-13);
    closeTo(plan.clicker.expected_tasks_to_catch, caught20 / 0.06, 1e-12);
    closeTo(plan.clicker.expected_bad_labels, (0.9 * caught20) / 0.06, 1e-12);
    expect(plan.clicker.by_tasks.map((p) => p.tasks)).toEqual([10, 20]);
    closeTo(plan.clicker.by_tasks[0].p_caught, 1 - 0.94 ** 10, 1e-13);
    closeTo(plan.clicker.by_tasks[1].p_caught, caught20, 1e-13);
    // flagged at the g-th gold answer within 20 tasks: 0.4^(g−1)·0.6·P(Binomial(20, 0.1) >= g); g = 1: 0.6·(1 − 0.9^20)
    expect(plan.clicker.caught_at_gold[0].gold).toBe(1);
    closeTo(plan.clicker.caught_at_gold[0].p_caught, 0.6 * (1 - 0.9 ** 20), 1e-14);
    closeTo(plan.good.p_flagged, 1 - 0.99 ** 20, 1e-13);
    closeTo(plan.good.expected_tasks_to_flag, (1 - 0.99 ** 20) / 0.01, 1e-11);
    closeTo(plan.good.by_tasks[0].p_flagged, 1 - 0.99 ** 10, 1e-13);
    // 0.2 × 10 = 2 clickers, 8 careful annotators; 0.1 × 20 × 10 = 20 gold labels at $0.50 = $10
    expect(plan.clickers).toBeCloseTo(2, 12);
    closeTo(plan.expected_bad_labels_total, 2 * ((0.9 * caught20) / 0.06), 1e-11);
    closeTo(plan.expected_false_flags, 8 * (1 - 0.99 ** 20), 1e-12);
    closeTo(plan.gold_labels, 20, 1e-12);
    closeTo(plan.gold_overhead_dollars, 10, 1e-12);
    // the claims under this rule: 10% gold, 20 tasks → caught20; 5% gold, 40 tasks → 1 − (1 − 0.05·0.6)^40
    expect(plan.claims.map((c) => [c.claim, c.gold_share, c.tasks])).toEqual([
      ['10% gold catches random clickers within 20 tasks', 0.1, 20],
      ['5% gold within 40 tasks', 0.05, 40],
    ]);
    closeTo(plan.claims[0].p_caught, caught20, 1e-13);
    closeTo(plan.claims[1].p_caught, 1 - 0.97 ** 40, 1e-13);
    // simulated within 4 standard errors of the exact values
    expect(Math.abs(plan.clicker.p_caught_simulated! - caught20)).toBeLessThan(
      4 * Math.sqrt((caught20 * (1 - caught20)) / 4000),
    );
    expect(plan.clicker.p_caught_simulated_se).toBeCloseTo(
      Math.sqrt((plan.clicker.p_caught_simulated! * (1 - plan.clicker.p_caught_simulated!)) / 4000),
      12,
    );
    const g = 1 - 0.99 ** 20;
    expect(Math.abs(plan.good.p_flagged_simulated! - g)).toBeLessThan(4 * Math.sqrt((g * (1 - g)) / 4000));
  });

  it('goldPlan() defaults (M = 5, T = 0.6, clicker 0.4): the "10% gold within 20 tasks" claim catches ~3% of clickers', () => {
    const plan = goldPlan();
    expect(plan.settings).toEqual({
      gold_share: 0.1,
      min_gold: 5,
      threshold: 0.6,
      clicker_accuracy: 0.4,
      good_accuracy: 0.85,
      clicker_share: 0.1,
      tasks: 200,
      annotators: 20,
      price_per_label: 0.3,
      runs: 2000,
      seed: 1,
    });
    // f_g = P(first flagged at the g-th gold answer), A = 0.4:
    //   f_5 = P(Bin(5, 0.4) <= 2) = 0.07776 + 0.2592 + 0.3456 = 0.68256
    //   f_6 = P(c_5 = 3)·0.6 = 0.2304·0.6 = 0.13824 (3/6 < 0.6; 4/6 is not)
    //   f_7 = P(c_6 = 4 unflagged)·0.6 = (0.2304·0.4 + 0.0768·0.6)·0.6 = 0.082944 (4/7 < 0.6)
    // P(Bin(20, 0.1) >= 5, 6, 7, 8) = 0.04317450, 0.01125313, 0.00238609, 0.00041564 (exact rational sums,
    // = R's pbinom(4:7, 20, 0.1, lower = FALSE)), so p ∈ [Σ, Σ + (1 − f_5 − f_6 − f_7)·P(Bin(20, 0.1) >= 8)]
    const sum = 0.68256 * 0.0431745 + 0.13824 * 0.01125313 + 0.082944 * 0.00238609;
    const p = plan.claims[0].p_caught;
    expect(p).toBeGreaterThan(sum - 1e-6);
    expect(p).toBeLessThan(sum + 0.096256 * 0.00041564 + 1e-6);
    closeTo(
      plan.clicker.caught_at_gold[0].p_caught,
      0.68256 * 0.9999915836045 /* P(Bin(200, 0.1) >= 5), exact */,
      1e-12,
    );
    expect(plan.clicker.caught_at_gold[0].gold).toBe(5);
    // 200 tasks: 20 points 10, 20, …, 200, increasing; the last one is p_caught
    expect(plan.clicker.by_tasks.map((x) => x.tasks)).toEqual(Array.from({ length: 20 }, (_, i) => 10 * (i + 1)));
    for (let i = 1; i < 20; i++)
      expect(plan.clicker.by_tasks[i].p_caught).toBeGreaterThan(plan.clicker.by_tasks[i - 1].p_caught);
    expect(plan.clicker.by_tasks[19].p_caught).toBe(plan.clicker.p_caught);
    closeTo(plan.clicker.by_tasks[1].p_caught, p, 1e-15); // the claim's setting is the default rule at 20 tasks
    expect(plan.clicker.p_caught).toBeGreaterThan(0.98);
    expect(plan.good.p_flagged).toBeLessThan(0.1);
    // 0.1 × 200 × 20 = 400 gold labels × $0.30
    closeTo(plan.gold_labels, 400, 1e-9);
    closeTo(plan.gold_overhead_dollars, 120, 1e-9);
  });

  it('goldPlan curve steps: N not a multiple of 10 ends at N; N > 1000 steps by 10·⌈N/1000⌉', () => {
    expect(goldPlan({ tasks: 25, runs: 0 }).clicker.by_tasks.map((x) => x.tasks)).toEqual([10, 20, 25]);
    expect(goldPlan({ tasks: 7, runs: 0 }).clicker.by_tasks.map((x) => x.tasks)).toEqual([7]);
    const long = goldPlan({ tasks: 2500, runs: 0 }).clicker.by_tasks.map((x) => x.tasks);
    expect(long.slice(0, 3)).toEqual([30, 60, 90]);
    expect(long.at(-1)).toBe(2500);
  });

  it('goldPlan({runs: 0}) leaves the simulated fields null; no gold catches no one (mean tasks null)', () => {
    const plan = goldPlan({ runs: 0, goldShare: 0 });
    expect(plan.clicker.p_caught_simulated).toBeNull();
    expect(plan.good.p_flagged_simulated).toBeNull();
    expect(plan.clicker.p_caught).toBe(0);
    expect(plan.clicker.mean_tasks_when_caught).toBeNull();
    expect(plan.clicker.caught_at_gold).toEqual([]);
    closeTo(plan.clicker.expected_bad_labels, 200, 1e-12);
    expect(plan.gold_overhead_dollars).toBe(0);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('goldPlanProblems names each unusable option; goldPlan throws with the messages', () => {
    expect(goldPlanProblems()).toEqual([]);
    const problems = goldPlanProblems({
      goldShare: 1.2,
      minGold: 0,
      threshold: -0.1,
      tasks: 2.5,
      annotators: 0,
      pricePerLabel: -1,
      runs: -1,
      clickerShare: NaN,
    });
    expect(problems.map((p) => p.option)).toEqual([
      'goldShare',
      'minGold',
      'threshold',
      'clickerShare',
      'tasks',
      'annotators',
      'pricePerLabel',
      'runs',
    ]);
    expect(problems[0].message).toBe('the gold share must be a number from 0 to 1 (got 1.2)');
    expect(goldPlanProblems({ tasks: 100_001 })[0].message).toBe(
      'the number of tasks must be an integer from 1 to 100000 (got 100001)',
    );
    expect(() => goldPlan({ goldShare: 2 })).toThrow('the gold share must be a number from 0 to 1 (got 2)');
  });
});
