// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { orderConsistency } from '../../src/core/orderConsistency';

// sides: 0 = A, 1 = tie, 2 = B
const A = 0,
  T = 1,
  B = 2,
  X = -1;
const I = (...v: number[]) => Int32Array.from(v);

describe('orderConsistency', () => {
  it('counts consistency, the position favoured by the inconsistent and accuracy three ways (hand-computed)', () => {
    // 8 items; order 1 shows A first, order 2 shows B first
    //   i0 A/A ref A: consistent, right both      i1 B/B ref A: consistent, wrong both
    //   i2 A/B ref B: each picks the first shown  i3 B/A ref A: each picks the second shown
    //   i4 A/T ref A: other (a tie)               i5 T/T ref T: consistent, right both
    //   i6 A/- : one order only, not counted      i7 A/B no reference: first-position, no accuracy
    const first = I(A, B, A, B, A, T, A, A);
    const second = I(A, B, B, A, T, T, X, B);
    const ref = I(A, A, B, A, A, T, A, X);
    const o = orderConsistency(first, second, I(...first.map(() => A)), I(...first.map(() => B)), ref, { a: A, b: B });
    expect(o.n).toBe(7); // i6 has one order only
    // consistent: i0, i1, i5 → 3 / 7
    expect(o.consistency).toMatchObject({ k: 3, n: 7, share: 3 / 7 });
    // inconsistent: i2 (first), i3 (second), i4 (other), i7 (first) → 4: first 2, second 1, other 1
    expect(o.inconsistent).toMatchObject({ n: 4, first: 2, second: 1, other: 1 });
    expect(o.inconsistent.first_preference).toMatchObject({ k: 2, n: 4, share: 0.5 });
    // with a reference and both verdicts: i0..i5 → 6; first right: i0, i3? (B vs A no), i4, i5 → i0, i4, i5 = 3
    // second right: i0, i2, i3, i5 → 4; both right: i0, i5 → 2
    expect(o.accuracy!.n).toBe(6);
    expect(o.accuracy!.first).toMatchObject({ k: 3, n: 6 });
    expect(o.accuracy!.second).toMatchObject({ k: 4, n: 6 });
    expect(o.accuracy!.both).toMatchObject({ k: 2, n: 6 });
    // Wilson 3/7 (python by hand, z = 1.96): centre (3/7 + z²/14)/(1 + z²/7) = 0.45388, half-width 0.29566
    expect(o.consistency.ci95![0]).toBeCloseTo(0.1582, 3);
    expect(o.consistency.ci95![1]).toBeCloseTo(0.7495, 3);
  });

  it('uses the position each order showed first: reversed orders swap first and second', () => {
    const first = I(A, A),
      second = I(B, B);
    const ab = orderConsistency(first, second, I(A, A), I(B, B), I(X, X), { a: A, b: B });
    expect(ab.inconsistent).toMatchObject({ first: 2, second: 0 });
    const ba = orderConsistency(first, second, I(B, B), I(A, A), I(X, X), { a: A, b: B });
    expect(ba.inconsistent).toMatchObject({ first: 0, second: 2 });
    // unknown position: neither
    const unknown = orderConsistency(first, second, I(X, X), I(X, X), I(X, X), { a: A, b: B });
    expect(unknown.inconsistent).toMatchObject({ first: 0, second: 0, other: 2 });
    expect(ab.accuracy).toBeNull();
  });

  it('gives no shares without items in both orders and throws on arrays of different lengths', () => {
    const o = orderConsistency(I(A), I(X), I(A), I(B), I(A), { a: A, b: B });
    expect(o).toMatchObject({ n: 0, consistency: { share: null, ci95: null }, accuracy: null });
    expect(() => orderConsistency(I(A), I(A, B), I(A), I(B), I(A), { a: A, b: B })).toThrow(/arrays/);
  });
});
