import { describe, expect, it } from 'vitest';
import { goldCatch, type GoldCatchInput } from '../../src/core/goldCatch';
import { goldCatchSimulation } from '../../src/core/goldCatchSimulation';
import { rng } from '../../src/core/rng';

describe('goldCatchSimulation', () => {
  it('goldCatchSimulation agrees with the exact goldCatch within 4 standard errors on several settings', () => {
    const settings: GoldCatchInput[] = [
      { goldShare: 0.1, minGold: 5, threshold: 0.6, accuracy: 0.4, tasks: 200 }, // clicker, p ≈ 0.985
      { goldShare: 0.1, minGold: 5, threshold: 0.6, accuracy: 0.85, tasks: 200 }, // careful, p ≈ 0.085
      { goldShare: 0.1, minGold: 5, threshold: 0.6, accuracy: 0.4, tasks: 20 }, // p ≈ 0.031
      { goldShare: 0.05, minGold: 3, threshold: 0.5, accuracy: 0.55, tasks: 400 },
      { goldShare: 1, minGold: 10, threshold: 0.7, accuracy: 0.72, tasks: 60 },
    ];
    const runs = 20_000;
    settings.forEach((s, k) => {
      const at = [10, Math.floor(s.tasks / 2)];
      const exact = goldCatch(s, { at });
      const sim = goldCatchSimulation(s, { runs, random: rng(100 + k), at });
      // standard errors from the exact p (the simulated one is 0 when no run is caught)
      const seP = (p: number) => Math.sqrt((p * (1 - p)) / runs);
      expect(Math.abs(sim.pCaught - exact.pCaught)).toBeLessThanOrEqual(4 * seP(exact.pCaught) + 1e-12);
      at.forEach((_, i) =>
        expect(Math.abs(sim.pCaughtAt[i] - exact.pCaughtAt[i])).toBeLessThanOrEqual(
          4 * seP(exact.pCaughtAt[i]) + 1e-12,
        ),
      );
      expect(Math.abs(sim.expectedTasksToCatch - exact.expectedTasksToCatch)).toBeLessThanOrEqual(
        4 * sim.expectedTasksToCatchSe + 1e-12,
      );
      expect(Math.abs(sim.expectedBadLabels - exact.expectedBadLabels)).toBeLessThanOrEqual(
        4 * sim.expectedBadLabelsSe + 1e-12,
      );
      let caught = 0;
      for (const c of sim.caughtAtGold) caught += c;
      expect(caught).toBe(Math.round(sim.pCaught * runs));
      // the distribution over the catching gold answer: the most likely one agrees
      const mode = (xs: ArrayLike<number>) => Array.from(xs).reduce((best, x, i, a) => (x > a[best] ? i : best), 0);
      if (exact.pCaught > 0.5) expect(mode(sim.caughtAtGold)).toBe(mode(exact.caughtAtGold));
    });
  });

  it('goldCatchSimulation detects a wrong accuracy (the comparison above can fail)', () => {
    const s = { goldShare: 0.1, minGold: 5, threshold: 0.6, accuracy: 0.85, tasks: 200 };
    const exact = goldCatch(s).pCaught; // ≈ 0.085
    const sim = goldCatchSimulation({ ...s, accuracy: 0.8 }, { runs: 20_000, random: rng(7) }).pCaught;
    expect(Math.abs(sim - exact)).toBeGreaterThan(4 * Math.sqrt((exact * (1 - exact)) / 20_000));
  });

  it('goldCatchSimulation is reproducible from its seed and changes with it', () => {
    const s = { goldShare: 0.2, minGold: 5, threshold: 0.6, accuracy: 0.5, tasks: 60 };
    const a = goldCatchSimulation(s, { runs: 500, seed: 3 });
    const b = goldCatchSimulation(s, { runs: 500, random: rng(3) });
    const c = goldCatchSimulation(s, { runs: 500, seed: 4 });
    expect(a.expectedTasksToCatch).toBe(b.expectedTasksToCatch);
    expect(a.pCaught).toBe(b.pCaught);
    expect(a.expectedTasksToCatch).not.toBe(c.expectedTasksToCatch);
  });

  it('goldCatchSimulation without gold never catches; with all gold and A = 0 catches at the M-th task', () => {
    const none = goldCatchSimulation(
      { goldShare: 0, minGold: 1, threshold: 0.6, accuracy: 0.4, tasks: 30 },
      { runs: 100 },
    );
    expect([none.pCaught, none.expectedTasksToCatch, none.expectedBadLabels, none.expectedTasksToCatchSe]).toEqual([
      0, 30, 30, 0,
    ]);
    const all = goldCatchSimulation(
      { goldShare: 1, minGold: 4, threshold: 0.6, accuracy: 0, tasks: 30 },
      { runs: 100, at: [3, 4] },
    );
    expect([all.pCaught, all.expectedTasksToCatch, all.expectedBadLabels, all.caughtAtGold[4]]).toEqual([1, 4, 0, 100]);
    expect([...all.pCaughtAt]).toEqual([0, 1]);
    const zero = goldCatchSimulation(
      { goldShare: 0.5, minGold: 1, threshold: 0.6, accuracy: 0.4, tasks: 30 },
      { runs: 0 },
    );
    expect(zero.pCaught).toBeNaN();
  });
});
