// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { judgePanel } from '../../src/core/judgePanel';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

const i32 = (a: number[]) => Int32Array.from(a);

// Hand case: 3 judges, 8 items, categories 0 / 1 / 2.
//   item       0 1 2 3 4 5 6 7
const HAND_REF = [0, 0, 0, 1, 1, 2, 2, 2];
const HAND = [
  [0, 0, 1, 1, 2, 2, 2, 0], // A: wrong on 2, 4, 7 → e_A = 0 0 1 0 1 0 0 1, accuracy 5/8
  [0, 1, 1, 1, 1, 2, 0, 2], // B: wrong on 1, 2, 6 → e_B = 0 1 1 0 0 0 1 0, accuracy 5/8
  [0, 2, 0, 1, 1, 2, 2, 1], // C: wrong on 1, 7    → e_C = 0 1 0 0 0 0 0 1, accuracy 6/8
];

describe('judgePanel', () => {
  it('matches a hand-computed 3-judge panel', () => {
    const r = judgePanel(HAND.map(i32), i32(HAND_REF));
    expect(r.judges).toBe(3);
    expect(r.items).toBe(8);
    expect(r.accuracy).toEqual([5 / 8, 5 / 8, 6 / 8]);
    // 2×2 tables of error indicators (n11 both wrong, n10 first only, n01 second only, n00 both right);
    // phi = (n11 n00 − n10 n01) / √(n1· n0· n·1 n·0)
    // A,B: n11 = {2} 1, n10 = {4,7} 2, n01 = {1,6} 2, n00 = {0,3,5} 3 → (3 − 4) / √(3·5·3·5) = −1/15
    // A,C: n11 = {7} 1, n10 = {2,4} 2, n01 = {1} 1, n00 = {0,3,5,6} 4 → (4 − 2) / √(3·5·2·6) = 2/√180
    // B,C: n11 = {1} 1, n10 = {2,6} 2, n01 = {7} 1, n00 = {0,3,4,5} 4 → (4 − 2) / √(3·5·2·6) = 2/√180
    const ab = -1 / 15,
      ac = 2 / Math.sqrt(180),
      bc = 2 / Math.sqrt(180);
    const expected = [
      [1, ab, ac],
      [ab, 1, bc],
      [ac, bc, 1],
    ];
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) closeTo(r.error_correlation[j][k], expected[j][k], 1e-15);
    // ρ̄ = (−1/15 + 4/√180) / 3 = (−0.0666667 + 0.2981424) / 3 = 0.0771586
    const rho = (ab + ac + bc) / 3;
    closeTo(r.mean_error_correlation, rho, 1e-15);
    closeTo(r.mean_error_correlation, 0.0771586, 1e-7);
    // effective = 3 / (1 + 2 · 0.0771586) = 3 / 1.1543172 = 2.5989391
    closeTo(r.effective_judges, 2.5989391, 1e-7);
    // plurality per item: 0 → 0 ✓; 1 → {0,1,2} tie ✗; 2 → 1 ✗; 3 → 1 ✓; 4 → 1 (B, C) ✓; 5 → 2 ✓;
    // 6 → 2 (A, C) ✓; 7 → {0,2,1} tie ✗ → 5/8 right, 2 ties
    expect(r.majority.accuracy).toBe(5 / 8);
    expect(r.majority.ties).toBe(2);
    // Wilson 95% for 5/8: z²/n = 3.841459/8 = 0.4801824, centre = (0.625 + 0.2400912)/1.4801824 = 0.5844491,
    // half = 1.959964 · √(0.625·0.375/8 + 0.4801824/32) / 1.4801824 = 0.2787067 → [0.3057424, 0.8631557]
    closeTo(r.majority.ci95![0], 0.3057424, 1e-7);
    closeTo(r.majority.ci95![1], 0.8631557, 1e-7);
    // without A (B, C): ✓ tie tie ✓ ✓ ✓ tie tie → 4/8, change 5/8 − 4/8 = 1/8
    // without B (A, C): ✓ tie tie ✓ tie ✓ ✓ tie → 4/8, change 1/8
    // without C (A, B): ✓ tie ✗(1,1) ✓ tie ✓ tie tie → 3/8, change 2/8
    expect(r.leave_one_out).toEqual([
      { accuracy: 4 / 8, change: 1 / 8 },
      { accuracy: 4 / 8, change: 1 / 8 },
      { accuracy: 3 / 8, change: 2 / 8 },
    ]);
    expect(r.adds_most).toBe(2);
  });

  it('phi values match numpy.corrcoef on a 30-item, 4-judge dataset', () => {
    // Python 3.11.2, numpy 1.24.2: E = error indicators (4 × 30), numpy.corrcoef(E); mean of the 6 pairs.
    const ref = [1, 0, 1, 2, 0, 0, 2, 0, 1, 2, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 2, 1, 0, 2, 0, 0, 2, 2, 2, 0];
    const v = [
      [1, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 0, 0, 0, 1, 1, 0, 0, 0, 2, 1, 0, 1, 0, 0, 0, 1, 2, 0],
      [1, 0, 1, 2, 0, 1, 2, 2, 2, 1, 2, 2, 0, 0, 0, 1, 0, 1, 0, 0, 2, 1, 0, 0, 0, 2, 1, 2, 2, 0],
      [1, 0, 1, 2, 0, 0, 2, 0, 1, 2, 2, 2, 0, 0, 0, 1, 2, 2, 0, 0, 2, 1, 0, 2, 0, 2, 2, 2, 2, 0],
      [0, 0, 1, 0, 0, 0, 1, 1, 2, 0, 0, 2, 1, 2, 0, 2, 2, 2, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    const numpy = [
      [1.0, 0.2132007163556105, -0.014782809899727054, 0.3015113445777637],
      [0.2132007163556105, 1.0, 0.5547001962252289, 0.2828427124746191],
      [-0.014782809899727056, 0.5547001962252289, 0.9999999999999999, -5.4433162182727635e-18],
      [0.30151134457776363, 0.28284271247461906, -5.4433162182727635e-18, 1.0],
    ];
    const r = judgePanel(v.map(i32), i32(ref));
    expect(r.items).toBe(30);
    // error counts 8, 10, 4, 15
    expect(r.accuracy).toEqual([22 / 30, 20 / 30, 26 / 30, 15 / 30]);
    for (let j = 0; j < 4; j++) for (let k = 0; k < 4; k++) closeTo(r.error_correlation[j][k], numpy[j][k], 1e-12);
    closeTo(r.mean_error_correlation, 0.22291202662224918, 1e-12);
    closeTo(r.effective_judges, 4 / (1 + 3 * 0.22291202662224918), 1e-12);
  });

  it('identical judges have error correlation 1 and count as one judge', () => {
    const r = judgePanel([HAND[0], HAND[0], HAND[0]].map(i32), i32(HAND_REF));
    for (const row of r.error_correlation) for (const x of row) expect(x).toBe(1);
    expect(r.mean_error_correlation).toBe(1);
    expect(r.effective_judges).toBe(1);
    expect(r.majority.accuracy).toBe(5 / 8);
    expect(r.leave_one_out.map((l) => l.change)).toEqual([0, 0, 0]);
  });

  it('independent judges: ρ̄ ≈ 0, about 5 effective judges, majority ≈ P(at least 3 of 5 right)', () => {
    const N = 20000,
      J = 5,
      u = rng(20250611);
    const ref = Int32Array.from({ length: N }, () => (u() < 0.5 ? 1 : 0));
    const v = Array.from({ length: J }, () => ref.map((g) => (u() < 0.7 ? g : 1 - g)));
    const r = judgePanel(v, ref);
    for (const a of r.accuracy) closeTo(a, 0.7, 0.015);
    closeTo(r.mean_error_correlation, 0, 0.01);
    closeTo(r.effective_judges, 5, 0.2);
    // Σ_{k≥3} C(5,k) 0.7^k 0.3^(5−k) = 0.30870 + 0.36015 + 0.16807 = 0.83692
    closeTo(r.majority.accuracy, 0.83692, 0.01);
    expect(r.majority.ties).toBe(0);
  });

  it('relabelling the category codes changes nothing', () => {
    const map = [2, 0, 1];
    const a = judgePanel(HAND.map(i32), i32(HAND_REF));
    const b = judgePanel(
      HAND.map((v) => i32(v.map((c) => map[c]))),
      i32(HAND_REF.map((c) => map[c])),
    );
    expect(b).toEqual(a);
    const c = judgePanel(
      HAND.map((v) => i32(v.map((x) => x + 5))),
      i32(HAND_REF.map((x) => x + 5)),
    );
    expect(c).toEqual(a);
  });

  it('leaves out items without a reference or with a missing verdict', () => {
    const ref = [...HAND_REF, -1, 1, 0];
    const v = [
      [...HAND[0], 1, -1, 0],
      [...HAND[1], 1, 1, 0],
      [...HAND[2], 1, 1, -1],
    ];
    expect(judgePanel(v.map(i32), i32(ref))).toEqual(judgePanel(HAND.map(i32), i32(HAND_REF)));
  });

  it('two judges: leaving one out leaves the other alone', () => {
    const r = judgePanel([HAND[0], HAND[2]].map(i32), i32(HAND_REF));
    expect(r.leave_one_out.map((l) => l.accuracy)).toEqual([r.accuracy[1], r.accuracy[0]]);
    // A and C disagree on items 1, 2, 4, 7 (ties) and are both right on 0, 3, 5, 6 → 4/8
    expect(r.majority).toMatchObject({ accuracy: 4 / 8, ties: 4 });
    // change: A 4/8 − 6/8 (C alone) = −2/8, C 4/8 − 5/8 (A alone) = −1/8 → C adds most
    expect(r.leave_one_out.map((l) => l.change)).toEqual([-2 / 8, -1 / 8]);
    expect(r.adds_most).toBe(1);
  });

  it('handles one judge, no common items, constant errors and unequal lengths', () => {
    const one = judgePanel([i32(HAND[2])], i32(HAND_REF));
    expect(one.error_correlation).toEqual([[1]]);
    expect(one.mean_error_correlation).toBeNaN();
    expect(one.effective_judges).toBe(1);
    expect(one.majority.accuracy).toBe(6 / 8);
    expect(one.leave_one_out[0].accuracy).toBeNaN();
    expect(one.adds_most).toBe(-1);

    const none = judgePanel(HAND.map(i32), i32(HAND_REF.map(() => -1)));
    expect(none.items).toBe(0);
    expect(none.accuracy.every(Number.isNaN)).toBe(true);
    expect(none.majority).toEqual({ accuracy: NaN, ties: 0, ci95: null });
    expect(none.mean_error_correlation).toBeNaN();
    expect(none.effective_judges).toBeNaN();
    expect(none.adds_most).toBe(-1);

    // a judge that is always right: its row and column are NaN, the other pairs still count
    const r = judgePanel([HAND[0], HAND[1], HAND_REF].map(i32), i32(HAND_REF));
    expect(r.error_correlation[2].every(Number.isNaN)).toBe(true);
    expect(r.error_correlation[0][2]).toBeNaN();
    closeTo(r.mean_error_correlation, -1 / 15, 1e-15);
    expect(r.effective_judges).toBe(3);

    expect(() => judgePanel([i32([0, 1]), i32([0])], i32([0, 1]))).toThrow();
  });
});
