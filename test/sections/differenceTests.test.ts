// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { differenceTests } from '../../src/sections/differenceTests';

describe('differenceTests', () => {
  it('tests each row against the reference from its bootstrap interval, Benjamini-Hochberg over the table', () => {
    // reference fleiss_kappa 0.3; se = interval width / (2 × 1.959964); p = 2 P(Z > |v − 0.3| / se).
    // Reference values from python 3.11.2, scipy 1.10.1 (norm.sf) and a hand-written BH step-up:
    //   p  = 8.857543832140365e-05, 0.5135491452916947, 8.857543832140432e-05, 0.05
    //   BH = 0.00017715087664280863, 0.5135491452916947, 0.00017715087664280863, 0.06666666666666667
    const rows = [
      { fleiss_kappa: 0.5, ci95: { fleiss_kappa: [0.4, 0.6] as [number, number] } },
      { fleiss_kappa: 0.35, ci95: { fleiss_kappa: [0.2, 0.5] as [number, number] } },
      { fleiss_kappa: 0.1, ci95: { fleiss_kappa: [0.0, 0.2] as [number, number] } },
      { fleiss_kappa: 0.31, ci95: { fleiss_kappa: [0.3, 0.32] as [number, number] } },
      { fleiss_kappa: 0.2, ci95: { fleiss_kappa: null } }, // no interval: not tested, not counted in m
    ];
    const t = differenceTests(rows, { fleiss_kappa: 0.3 }, ['fleiss_kappa']);
    const p = [8.857543832140365e-5, 0.5135491452916947, 8.857543832140432e-5, 0.05];
    const bh = [0.00017715087664280863, 0.5135491452916947, 0.00017715087664280863, 0.06666666666666667];
    p.forEach((x, i) => expect(t[i].difference_p.fleiss_kappa).toBeCloseTo(x, 6)); // normalTail: 1.2e-7 relative
    bh.forEach((x, i) => expect(t[i].difference_p_bh.fleiss_kappa).toBeCloseTo(x, 6));
    expect(t[4]).toEqual({ difference_p: { fleiss_kappa: null }, difference_p_bh: { fleiss_kappa: null } });
    // 0.05 raw survives no correction at 5%: the fourth row is "significant" only uncorrected
    expect(t[3].difference_p_bh.fleiss_kappa!).toBeGreaterThan(0.05);
  });
});
