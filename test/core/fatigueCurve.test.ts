import { describe, it, expect } from 'vitest';
import { fatigueCurve } from '../../src/core/fatigueCurve';
import { goldAccuracy } from '../../src/core/goldAccuracy';
import { rng } from '../../src/core/rng';
import type { Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';

// 5-point codes: 0 A>>, 1 A>, 2 =, 3 B>, 4 B>>. Gold: gA = A> (1), gB = B> (3), gT = = (2).
// x, positions 1…10: 1 right (exact), 2 right (A>> on A>), 3 wrong (= on A>), 4 not gold, 5 right,
// 6 wrong (A> on B>), 7, 8 not gold, 9 wrong (B> on =), 10 right (= on =).
// y, positions 1…3: 1 wrong (B>> on A>), 2 right (B>> on B>), 3 not gold.
const X: [string, number][] = [
  ['gA', 1],
  ['gA', 0],
  ['gA', 2],
  ['n', 4],
  ['gB', 4],
  ['gB', 1],
  ['n', 0],
  ['n', 0],
  ['gT', 3],
  ['gT', 2],
];
const Y: [string, number][] = [
  ['gA', 4],
  ['gB', 4],
  ['n', 2],
];

function handCase(): { r: Ratings; position: Int32Array } {
  // each judgement its own item (the same gold label as named), so items do not collide
  const triples: [string, string, number][] = [
    ...X.map(([g, l], k): [string, string, number] => [`x${k}:${g}`, 'x', l]),
    ...Y.map(([g, l], k): [string, string, number] => [`y${k}:${g}`, 'y', l]),
  ];
  const r = ratingsFromTriples(triples, { scale: '5-point' });
  const goldOf: Record<string, number> = { gA: 1, gB: 3, gT: 2 };
  r.items.forEach((id, i) => (r.itemGold[i] = goldOf[id.split(':')[1]] ?? -1));
  const position = Int32Array.from([...X.map((_, k) => k + 1), ...Y.map((_, k) => k + 1)]);
  return { r, position };
}

describe('fatigueCurve', () => {
  it('fatigueCurve(ratings, position, {width, minGold: 1}) counts directional gold answers per bucket and half (hand-computed)', () => {
    const { r, position } = handCase();
    const c = fatigueCurve(r, position, { width: 4, minGold: 1 });
    expect(c.width).toBe(4);
    // 1–4: x 1 ✓, 2 ✓, 3 ✗; y 1 ✗, 2 ✓ → 5 gold, 3 right; 5–8: x 5 ✓, 6 ✗ → 2, 1; 9–10: x 9 ✗, 10 ✓ → 2, 1
    expect([...c.from]).toEqual([1, 5, 9]);
    expect([...c.to]).toEqual([4, 8, 10]);
    expect([...c.goldN]).toEqual([5, 2, 2]);
    expect([...c.correct]).toEqual([3, 1, 1]);
    // x: length 10, first half = positions 1…5 (2p <= 10): 1 ✓ 2 ✓ 3 ✗ 5 ✓ → 4, 3; second 6 ✗ 9 ✗ 10 ✓ → 3, 1
    // y: length 3, first half = position 1 (2 <= 3): ✗ → 1, 0; second = 2 ✓ → 1, 1
    expect([...c.length]).toEqual([10, 3]);
    expect([...c.firstN, ...c.firstCorrect]).toEqual([4, 1, 3, 0]);
    expect([...c.secondN, ...c.secondCorrect]).toEqual([3, 1, 1, 1]);
  });

  it('fatigueCurve(ratings, position, {minGold}) merges a tail with few gold answers into the bucket before', () => {
    const { r, position } = handCase();
    // minGold 3: 9–10 has 2 → merged into 5–8: 5–10 with 4 gold, 2 right; 4 >= 3 stops
    const c = fatigueCurve(r, position, { width: 4, minGold: 3 });
    expect([...c.from, ...c.to]).toEqual([1, 5, 4, 10]);
    expect([...c.goldN, ...c.correct]).toEqual([5, 4, 3, 2]);
    // the default minGold (30) merges everything: one bucket 1–10, 9 gold, 5 right
    const all = fatigueCurve(r, position, { width: 4 });
    expect([...all.from, ...all.to, ...all.goldN, ...all.correct]).toEqual([1, 10, 9, 5]);
  });

  it('fatigueCurve(ratings, position) picks a nice width: at most 10 buckets over the longest sequence', () => {
    const { r } = handCase();
    const widthFor = (longest: number) => {
      const position = new Int32Array(r.n);
      position[0] = longest;
      return fatigueCurve(r, position, { minGold: 0 });
    };
    // longest 10 → 1; 240 → 25 (24 → the next of 1, 2, 2.5, 5 × 10^k); 346 → 50 (7 buckets, the last 301–346); 2001 → 250
    expect(widthFor(10).width).toBe(1);
    expect(widthFor(240).width).toBe(25);
    const w346 = widthFor(346);
    expect(w346.width).toBe(50);
    expect([w346.from.length, w346.from[6], w346.to[6]]).toEqual([7, 301, 346]);
    expect(widthFor(2001).width).toBe(250);
  });

  it('fatigueCurve(ratings, position) on nominal data counts exact matches; no position gives no bucket', () => {
    const r = ratingsFromTriples([
      ['g1', 'w', 'cat'],
      ['g2', 'w', 'dog'],
    ]);
    r.itemGold[0] = r.categories.indexOf('cat');
    r.itemGold[1] = r.categories.indexOf('cat');
    const c = fatigueCurve(r, Int32Array.from([1, 2]), { width: 1, minGold: 0 });
    expect([...c.goldN, ...c.correct]).toEqual([1, 1, 1, 0]);
    const none = fatigueCurve(r, new Int32Array(2));
    expect(none.from.length).toBe(0);
    expect([...none.length]).toEqual([0]);
  });

  it('fatigueCurve totals equal goldAccuracy on random data (same directional rule, every gold answer in one bucket)', () => {
    const random = rng(11);
    const triples: [string, string, number][] = [];
    for (let j = 0; j < 3000; j++)
      triples.push([`i${Math.floor(random() * 400)}`, `w${Math.floor(random() * 9)}`, Math.floor(random() * 5)]);
    const r = ratingsFromTriples(triples, { scale: '5-point' });
    for (let i = 0; i < r.items.length; i++) r.itemGold[i] = random() < 0.3 ? Math.floor(random() * 5) : -1;
    const seen = new Int32Array(r.annotators.length);
    const position = Int32Array.from(r.annotator, (a) => ++seen[a]);
    const c = fatigueCurve(r, position, { width: 37 });
    const g = goldAccuracy(r);
    const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);
    expect(sum(c.goldN)).toBe(sum(g.n));
    expect(sum(c.correct)).toBe(sum(g.correctDirectional));
    for (let a = 0; a < r.annotators.length; a++) {
      expect(c.firstN[a] + c.secondN[a]).toBe(g.n[a]);
      expect(c.firstCorrect[a] + c.secondCorrect[a]).toBe(g.correctDirectional[a]);
    }
  });
});
