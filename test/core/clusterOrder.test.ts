// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clusterOrder } from '../../src/core/clusterOrder';

/** Distances of points on a line. */
function lineDistances(xs: number[]): number[] {
  return xs.flatMap((a) => xs.map((b) => Math.abs(a - b)));
}

describe('clusterOrder', () => {
  it('clusterOrder(n, d) keeps two separated groups contiguous', () => {
    // points 0, 2, 4 near 0 and 1, 3, 5 near 100: each group must be adjacent in the order
    const order = clusterOrder(6, lineDistances([0, 100, 1, 101, 2, 102]));
    const group = (i: number) => (i % 2 === 0 ? 'low' : 'high');
    const runs = order.map(group).filter((g, k, a) => k === 0 || g !== a[k - 1]);
    expect(runs).toHaveLength(2);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('clusterOrder(n, d) merges the closest pair first (hand-computed UPGMA)', () => {
    // d(0,1)=1 merges first; then {0,1}-2 at (4+5)/2=4.5 vs 2-3 at 3: {2,3} merges; the order keeps pairs together
    const d = [0, 1, 4, 9, 1, 0, 5, 8, 4, 5, 0, 3, 9, 8, 3, 0];
    const order = clusterOrder(4, d);
    expect(Math.abs(order.indexOf(0) - order.indexOf(1))).toBe(1);
    expect(Math.abs(order.indexOf(2) - order.indexOf(3))).toBe(1);
  });

  it('clusterOrder treats unknown (NaN) distances as the largest and handles tiny inputs', () => {
    expect(clusterOrder(0, [])).toEqual([]);
    expect(clusterOrder(2, [0, 1, 1, 0])).toEqual([0, 1]);
    const order = clusterOrder(3, [0, NaN, 1, NaN, 0, 5, 1, 5, 0]);
    expect(Math.abs(order.indexOf(0) - order.indexOf(2))).toBe(1);
  });
});
