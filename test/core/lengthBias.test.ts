// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { binomialTest } from '../../src/core/binomialTest';
import { lengthBias } from '../../src/core/lengthBias';
import { rng } from '../../src/core/rng';
import { AI } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';

// 5-point codes: 0 A>>, 1 A>, 2 =, 3 B>, 4 B>>
describe('lengthBias', () => {
  // item: [length A, length B], the longer side when they differ by more than 30, and the bin of log2(A/B)
  // (bins: 0 ≤ −2, 1 (−2, −1], 2 (−1, −0.5], 3 (−0.5, 0.5), 4 [0.5, 1), 5 [1, 2), 6 ≥ 2)
  const LENGTHS: [number, number][] = [
    [100, 50], // i0: A longer; log2 2 = 1 → bin 5
    [40, 60], // i1: differ by 20, not counted; log2(2/3) = −0.585 → bin 2
    [NaN, 10], // i2: unknown
    [0, 100], // i3: B longer; −∞ → bin 0
    [200, 50], // i4: A longer; log2 4 = 2 → bin 6 (edge to the outer bin)
    [50, 100], // i5: B longer; log2 0.5 = −1 → bin 1 (edge to the outer bin)
    [0, 0], // i6: both empty: no bin, not counted
    [70, 75], // i7: differ by 5; log2(70/75) = −0.100 → bin 3
    [100, 70], // i8: differ by exactly 30, not counted (> 30 needed); log2(10/7) = 0.515 → bin 4
  ];
  const lenA = Float64Array.from(LENGTHS, (l) => l[0]);
  const lenB = Float64Array.from(LENGTHS, (l) => l[1]);
  const items = LENGTHS.map((_, i) => `i${i}`);
  const triples: [string, string, number][] = [
    ['i0', 'u1', 1], // A: longer
    ['i1', 'u1', 3], // B: bin 2
    ['i3', 'u1', 4], // B: longer; bin 0
    ['i4', 'u1', 2], // tie: left out everywhere
    ['i5', 'u1', 1], // A: shorter; bin 1
    ['i7', 'u1', 0], // A: bin 3
    ['i8', 'u1', 3], // B: bin 4
    ['i2', 'u1', 1], // unknown length: nothing
    ['i0', 'u2', 3], // B: shorter; bin 5
    ['i4', 'u2', 0], // A: longer; bin 6
    ['i5', 'u2', 3], // B: longer; bin 1
    ['i6', 'u2', 1], // both empty: nothing
  ];
  const build = () => {
    const r = ratingsFromTriples(triples, { scale: '5-point' });
    // item codes follow first appearance; reorder the lengths to the codes
    const code = r.items.map((id) => items.indexOf(id));
    return { r, a: Float64Array.from(code, (i) => lenA[i]), b: Float64Array.from(code, (i) => lenB[i]) };
  };

  it('lengthBias(r, null, lenA, lenB) counts choices of the longer response and the ratio bins (hand-computed)', () => {
    const { r, a, b } = build();
    r.annotatorKind[1] = AI;
    const l = lengthBias(r, null, a, b);
    expect(l.items).toBe(4); // i0, i3, i4, i5
    expect(Array.from(l.n)).toEqual([3, 3]); // u1: i0, i3, i5; u2: i0, i4, i5
    expect(Array.from(l.longer)).toEqual([2, 2]);
    expect(l.share[0]).toBeCloseTo(2 / 3, 15);
    expect(l.pValue[0]).toBe(binomialTest(2, 3).pValue);
    expect([l.ciLow[1], l.ciHigh[1]]).toEqual(binomialTest(2, 3).ci);
    expect(l.pooled).toMatchObject({ n: 6, chosen: 4 });
    expect(l.edges).toEqual([-2, -1, -0.5, 0.5, 1, 2]);
    const row = (x: Int32Array, a: number) => Array.from(x.subarray(a * 7, a * 7 + 7));
    expect(row(l.binN, 0)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(row(l.binA, 0)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(row(l.binN, 1)).toEqual([0, 1, 0, 0, 0, 1, 1]);
    expect(row(l.binA, 1)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(l.pooledBinN)).toEqual([1, 2, 1, 1, 1, 2, 1]);
    expect(Array.from(l.pooledBinA)).toEqual([0, 1, 0, 1, 0, 1, 1]);
  });

  it('lengthBias(r, mask, …, {minDifference, edges}) follows the mask and the options', () => {
    const { r, a, b } = build();
    const onlyU2 = Uint8Array.from(r.annotator, (x) => (x === 1 ? 1 : 0));
    const l = lengthBias(r, onlyU2, a, b, { minDifference: 0, edges: [0] });
    // minDifference 0: every item with different known lengths counts: i0, i1, i3, i4, i5, i7, i8
    expect(l.items).toBe(7);
    expect(Array.from(l.n)).toEqual([0, 3]);
    expect(Array.from(l.longer)).toEqual([0, 2]);
    // bins x < 0 and x ≥ 0: u2's i0 (1) B, i4 (2) A, i5 (−1) B
    expect(Array.from(l.pooledBinN)).toEqual([1, 2]);
    expect(Array.from(l.pooledBinA)).toEqual([0, 1]);
    expect(() => lengthBias(r, null, a, b, { edges: [1, 1] })).toThrow('edges must increase');
  });

  it('lengthBias is mirror-symmetric: swapping the sides (lengths and labels) reverses the bins', () => {
    const random = rng(7);
    const t: [string, string, number][] = [];
    for (let k = 0; k < 600; k++) t.push([`i${k % 150}`, `u${Math.floor(k / 150)}`, Math.floor(random() * 5)]);
    const r = ratingsFromTriples(t, { scale: '5-point' });
    const len = () => Float64Array.from({ length: 150 }, () => (random() < 0.05 ? NaN : Math.floor(random() * 400)));
    const a = len(),
      b = len();
    const l = lengthBias(r, null, a, b);
    const swapped = { ...r, label: Int32Array.from(r.label, (c) => 4 - c) };
    const m = lengthBias(swapped, null, b, a);
    expect(Array.from(m.longer)).toEqual(Array.from(l.longer));
    expect(Array.from(m.n)).toEqual(Array.from(l.n));
    expect(Array.from(m.pooledBinN)).toEqual(Array.from(l.pooledBinN).reverse());
    expect(Array.from(m.pooledBinA)).toEqual(Array.from(l.pooledBinN, (n, k) => n - l.pooledBinA[k]).reverse());
  });

  it('lengthBias recovers a judge that picks the longer response 80% of the time (seeded)', () => {
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const n = 500;
      const a = Float64Array.from({ length: n }, () => 40 + Math.floor(random() * 1200));
      const b = Float64Array.from({ length: n }, () => 40 + Math.floor(random() * 1200));
      const t: [string, string, number][] = [];
      for (let i = 0; i < n; i++) {
        const longerIsA = a[i] > b[i];
        const pickLonger = Math.abs(a[i] - b[i]) > 30 ? random() < 0.8 : random() < 0.5;
        t.push([`i${i}`, 'judge', pickLonger === longerIsA ? 1 : 3]);
      }
      const l = lengthBias(ratingsFromTriples(t, { scale: '5-point' }), null, a, b);
      expect(l.n[0]).toBe(l.items);
      expect(Math.abs(l.share[0] - 0.8)).toBeLessThan(0.06); // sd = √(.8 · .2 / ~490) = 0.018
      if (l.ciLow[0] <= 0.8 && 0.8 <= l.ciHigh[0]) covered++;
      if (seed === 1) {
        expect(l.ciLow[0]).toBeLessThanOrEqual(0.8);
        expect(l.ciHigh[0]).toBeGreaterThanOrEqual(0.8);
      }
      // the share choosing A rises with log2(A / B): low in the first bin, high in the last
      expect(l.pooledBinA[0] / l.pooledBinN[0]).toBeLessThan(0.35);
      expect(l.pooledBinA[6] / l.pooledBinN[6]).toBeGreaterThan(0.65);
    }
    expect(covered).toBeGreaterThanOrEqual(17); // 95% intervals: ~19 of 20
  });

  it('lengthBias on nominal data counts nothing', () => {
    const r = ratingsFromTriples([
      ['i1', 'u1', 'x'],
      ['i2', 'u1', 'y'],
    ]);
    const l = lengthBias(r, null, Float64Array.of(10, 100), Float64Array.of(100, 10));
    expect(l.items).toBe(2);
    expect(Array.from(l.n)).toEqual([0]);
    expect(Array.from(l.pooledBinN).every((x) => x === 0)).toBe(true);
  });
});
