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
    const t = differenceTests(rows, { fleiss_kappa: 0.3 }, ['fleiss_kappa'], { against: 'whole' });
    const p = [8.857543832140365e-5, 0.5135491452916947, 8.857543832140432e-5, 0.05];
    const bh = [0.00017715087664280863, 0.5135491452916947, 0.00017715087664280863, 0.06666666666666667];
    p.forEach((x, i) => expect(t[i].difference_p.fleiss_kappa).toBeCloseTo(x, 6)); // normalTail: 1.2e-7 relative
    bh.forEach((x, i) => expect(t[i].difference_p_bh.fleiss_kappa).toBeCloseTo(x, 6));
    expect(t[4]).toEqual({ difference_p: { fleiss_kappa: null }, difference_p_bh: { fleiss_kappa: null } });
    // 0.05 raw survives no correction at 5%: the fourth row is "significant" only uncorrected
    expect(t[3].difference_p_bh.fleiss_kappa!).toBeGreaterThan(0.05);
  });

  it('against a peer (a dimension against the first), adds the two errors; without its interval, tests nothing', () => {
    // reference 0.3 with [0.2, 0.4]; se = √(se_row² + se_ref²). python 3.11.2, scipy 1.10.1:
    //   p = 0.005574596680784402, 0.5867193729535258; BH over two = 0.011149193361568804, 0.5867193729535258
    const rows = [
      { fleiss_kappa: 0.5, ci95: { fleiss_kappa: [0.4, 0.6] as [number, number] } },
      { fleiss_kappa: 0.35, ci95: { fleiss_kappa: [0.2, 0.5] as [number, number] } },
    ];
    const reference = { fleiss_kappa: 0.3, ci95: { fleiss_kappa: [0.2, 0.4] as [number, number] } };
    const t = differenceTests(rows, reference, ['fleiss_kappa'], { against: 'peer' });
    expect(t[0].difference_p.fleiss_kappa).toBeCloseTo(0.005574596680784402, 6);
    expect(t[1].difference_p.fleiss_kappa).toBeCloseTo(0.5867193729535258, 6);
    expect(t[0].difference_p_bh.fleiss_kappa).toBeCloseTo(0.011149193361568804, 6);
    // the same rows against the whole would leave the reference's error out: a smaller p
    const whole = differenceTests(rows, reference, ['fleiss_kappa'], { against: 'whole' });
    expect(whole[0].difference_p.fleiss_kappa!).toBeLessThan(t[0].difference_p.fleiss_kappa!);
    const bare = differenceTests(rows, { fleiss_kappa: 0.3 }, ['fleiss_kappa'], { against: 'peer' });
    expect(bare[0].difference_p.fleiss_kappa).toBeNull();
  });
});
