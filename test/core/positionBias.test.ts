// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { binomialTest } from '../../src/core/binomialTest';
import { positionBias } from '../../src/core/positionBias';
import { rng } from '../../src/core/rng';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

// 5-point codes: 0 A>>, 1 A>, 2 =, 3 B>, 4 B>>
describe('positionBias', () => {
  it('positionBias(r) counts the side shown first per annotator (hand-computed)', () => {
    const r = ratingsFromTriples(
      [
        ['i1', 'u1', 1], // A>, A shown first → first
        ['i2', 'u1', 0], // A>>, B shown first → not first
        ['i3', 'u1', 3], // B>, B shown first → first
        ['i4', 'u1', 2], // tie: left out
        ['i5', 'u1', 4], // B>>, order unknown → A counts as first → not first
        ['i1', 'u2', 2], // u2: only a tie → n = 0
        ['i2', 'u3', 1], // u3: A>, order unknown → first
      ],
      { scale: '5-point' },
    );
    r.shownFirst = Uint8Array.from([0, 1, 1, 0, 255, 0, 255]);
    const p = positionBias(r);
    expect(Array.from(p.n)).toEqual([4, 0, 1]);
    expect(Array.from(p.first)).toEqual([2, 0, 1]);
    expect(Array.from(p.known)).toEqual([3, 0, 0]);
    // u1: 2 of 4 → share 1/2, p-value 1 (x = np); the interval is binomialTest's (tested there)
    expect(p.share[0]).toBe(0.5);
    expect(p.pValue[0]).toBe(1);
    expect([p.ciLow[0], p.ciHigh[0]]).toEqual(binomialTest(2, 4).ci);
    // u2: nothing decisive
    expect(p.share[1]).toBeNaN();
    expect(p.pValue[1]).toBeNaN();
    expect(p.ciLow[1]).toBeNaN();
    // u3: 1 of 1 → p = P(X = 1) + P(X = 0) = 1
    expect(p.share[2]).toBe(1);
    closeTo(p.pValue[2], 1, 1e-14);
    // pooled: 3 of 5, 3 orders known; P(3) = 10/32 and P(0..2) = 1, 5, 10 /32 are all ≤ it: p = P(X ≤ 2) + P(X ≥ 3) = 1
    expect(p.pooled).toMatchObject({ n: 5, chosen: 3, known: 3, share: 0.6 });
    closeTo(p.pooled.pValue, 1, 1e-14);
  });

  it('positionBias(r, mask) uses only the selected judgements; without a shownFirst column side A is first', () => {
    const r = ratingsFromTriples(
      [
        ['i1', 'u1', 0],
        ['i2', 'u1', 1],
        ['i3', 'u1', 4],
        ['i4', 'u1', 1],
        ['i5', 'u1', 3],
        ['i6', 'u1', 0],
        ['i7', 'u1', 0],
        ['i8', 'u1', 1],
        ['i9', 'u1', 0],
        ['i10', 'u1', 1],
      ],
      { scale: '5-point' },
    );
    // no shownFirst column: A chosen 8 of 10; p = 2 (1 + 10 + 45) / 1024 = 0.109375
    const all = positionBias(r);
    expect(all.n[0]).toBe(10);
    expect(all.first[0]).toBe(8);
    expect(all.known[0]).toBe(0);
    closeTo(all.pValue[0], 112 / 1024, 1e-14);
    // masking out the two B judgements: 8 of 8, p = 2 / 256
    const mask = Uint8Array.from(r.label, (c) => (c >= 3 ? 0 : 1));
    const some = positionBias(r, mask);
    expect(some.n[0]).toBe(8);
    expect(some.first[0]).toBe(8);
    closeTo(some.pValue[0], 2 / 256, 1e-14);
  });

  it('positionBias(r) on nominal data counts nothing', () => {
    const r = ratingsFromTriples([
      ['i1', 'u1', 'cat'],
      ['i1', 'u2', 'dog'],
    ]);
    const p = positionBias(r);
    expect(Array.from(p.n)).toEqual([0, 0]);
    expect(p.pooled.n).toBe(0);
    expect(p.pooled.pValue).toBeNaN();
  });

  it('positionBias(r) recovers a planted first-side preference of 0.75 with random display order (seeded)', () => {
    // one annotator, 400 decisive labels; the side shown first is random, the first side is chosen w.p. 0.75
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const triples: [string, string, number][] = [];
      const order: number[] = [];
      for (let i = 0; i < 400; i++) {
        const shown = random() < 0.5 ? 0 : 1;
        const choseFirst = random() < 0.75;
        const side = choseFirst ? shown : 1 - shown; // 0 = A, 1 = B
        triples.push([`i${i}`, 'u', side === 0 ? 1 : 3]);
        order.push(shown);
      }
      const r = ratingsFromTriples(triples, { scale: '5-point' });
      r.shownFirst = Uint8Array.from(order);
      const p = positionBias(r);
      expect(p.known[0]).toBe(400);
      expect(Math.abs(p.share[0] - 0.75)).toBeLessThan(0.08); // sd = √(.75 · .25 / 400) = 0.022
      expect(p.pValue[0]).toBeLessThan(1e-10);
      if (p.ciLow[0] <= 0.75 && 0.75 <= p.ciHigh[0]) covered++;
      // the A side alone shows no bias: A is chosen ≈ half the time because the order is random
      const sideA = triples.filter((t) => t[2] === 1).length / 400;
      expect(Math.abs(sideA - 0.5)).toBeLessThan(0.1);
    }
    expect(covered).toBeGreaterThanOrEqual(17); // 95% intervals: ~19 of 20
  });
});
