import { describe, expect, it } from 'vitest';
import { winMatrix } from '../../src/core/winMatrix';

describe('winMatrix (hand-computed)', () => {
  // models 0, 1, 2. Comparisons (a, b, score of a):
  //   (0, 1, 1) (1, 0, 0) (0, 1, 0.5) (1, 0, 1)   → 0 vs 1: 4 comparisons, 0 wins 2, 1 wins 1, 1 tie
  //   (2, 0, 0.5) weight 3                        → 0 vs 2: 3 ties
  //   (1, 1, 1)                                   → a model against itself: not counted
  const a = [0, 1, 0, 1, 2, 1];
  const b = [1, 0, 1, 0, 0, 1];
  const s = [1, 0, 0.5, 1, 0.5, 1];
  const weight = [1, 1, 1, 1, 3, 1];
  const m = winMatrix(a, b, s, 3, { weight });

  it('winMatrix(a, b, outcome, 3, {weight}) counts each ordered pair', () => {
    expect([...m.comparisons]).toEqual([0, 4, 3, 4, 0, 0, 3, 0, 0]);
    expect([...m.wins]).toEqual([0, 2, 0, 1, 0, 0, 0, 0, 0]);
    expect([...m.ties]).toEqual([0, 1, 3, 1, 0, 0, 3, 0, 0]);
    expect([...m.losses]).toEqual([0, 1, 0, 2, 0, 0, 0, 0, 0]);
    // 0 vs 1: (2 + 1/2) / 4 = 0.625; 1 vs 0: (1 + 1/2) / 4 = 0.375; 0 vs 2 and 2 vs 0: 3 ties → 0.5
    expect([...m.winRate]).toEqual([NaN, 0.625, 0.5, 0.375, NaN, NaN, 0.5, NaN, NaN]);
    expect(m.selfComparisons).toBe(1);
  });

  it('winMatrix totals per model: comparisons, wins, ties, losses and score = wins + ties / 2', () => {
    expect([...m.total.comparisons]).toEqual([7, 4, 3]);
    expect([...m.total.wins]).toEqual([2, 1, 0]);
    expect([...m.total.ties]).toEqual([4, 1, 3]);
    expect([...m.total.losses]).toEqual([1, 2, 0]);
    expect([...m.total.score]).toEqual([4, 1.5, 1.5]);
  });

  it('winMatrix: a weight of 2 is the same as the comparison twice; weight 0 counts nothing', () => {
    const twice = winMatrix([0, 0, 1], [1, 1, 0], [1, 1, 0.5], 2);
    const weighted = winMatrix([0, 1, 1], [1, 0, 0], [1, 0.5, 0], 2, { weight: [2, 1, 0] });
    expect(weighted).toEqual(twice);
  });

  it('winMatrix on no comparisons: zeros and NaN win rates', () => {
    const e = winMatrix([], [], [], 2);
    expect([...e.comparisons]).toEqual([0, 0, 0, 0]);
    expect([...e.winRate]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('winMatrix throws on an outcome other than 0, 0.5, 1, a bad code or weight', () => {
    expect(() => winMatrix([0], [1], [0.7], 2)).toThrow('invalid outcome: 0.7');
    expect(() => winMatrix([0], [2], [1], 2)).toThrow('invalid model code');
    expect(() => winMatrix([0], [1], [1], 2, { weight: [-1] })).toThrow('invalid weight');
    expect(() => winMatrix([0, 1], [1], [1], 2)).toThrow('length mismatch');
  });
});
