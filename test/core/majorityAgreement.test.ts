// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { majorityAgreement } from '../../src/core/majorityAgreement';
import { judgementFilter } from '../../src/core/judgementFilter';
import { rng } from '../../src/core/rng';
import { AI } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';

type Triple = [string, string, number];

const HAND: Triple[] = [
  // i1: w1 0, w2 0, w3 1, w4 0
  ['i1', 'w1', 0],
  ['i1', 'w2', 0],
  ['i1', 'w3', 1],
  ['i1', 'w4', 0],
  // i2: w1 2, w2 3, w3 2
  ['i2', 'w1', 2],
  ['i2', 'w2', 3],
  ['i2', 'w3', 2],
  // i3: two labels only; i4: only w1's own label
  ['i3', 'w1', 4],
  ['i3', 'w2', 4],
  ['i4', 'w1', 1],
];

describe('majorityAgreement', () => {
  it('majorityAgreement(ratings) is leave-one-out over items with >= 2 other labels and a unique plurality', () => {
    // i1: w1 others {0, 1, 0} → 0 ✓; w2 others {0, 1, 0} → 0 ✓; w3 others {0, 0, 0} → 0 ✗ (1); w4 → 0 ✓
    // i2: w1 others {3, 2} tie → skipped; w2 others {2, 2} → 2 ✗ (3); w3 others {2, 3} tie → skipped
    // i3: one other label → skipped; i4: no other label → skipped
    const r = majorityAgreement(ratingsFromTriples(HAND, { scale: '5-point' }));
    expect([...r.n]).toEqual([1, 2, 1, 1]);
    expect([...r.agreed]).toEqual([1, 1, 0, 1]);
    expect([...r.share]).toEqual([1, 0.5, 0, 1]);
  });

  it('majorityAgreement(ratings, mask) only counts selected labels as others', () => {
    const ratings = ratingsFromTriples(HAND, { scale: '5-point' });
    ratings.annotatorKind[3] = AI; // w4 leaves the human majority
    const r = majorityAgreement(ratings, judgementFilter(ratings));
    // i1: w1 others {0, 1} tie; w2 others {0, 1} tie; w3 others {0, 0} → 0 ✗. i2 as before: w2 ✗.
    expect([...r.n]).toEqual([0, 1, 1, 0]);
    expect([...r.agreed]).toEqual([0, 0, 0, 0]);
    expect(r.share[0]).toBeNaN();
    expect(r.share[3]).toBeNaN();
  });

  it('majorityAgreement(ratings, null, {collapse: true}) compares sides A / tie / B', () => {
    // w1 A>> against others {A>, A>, B>>}: exact plurality A> (w1 ✗), directional plurality A (w1 ✓)
    const t: Triple[] = [
      ['i', 'w1', 0],
      ['i', 'w2', 1],
      ['i', 'w3', 1],
      ['i', 'w4', 4],
    ];
    const ratings = ratingsFromTriples(t, { scale: '5-point' });
    expect(majorityAgreement(ratings).agreed[0]).toBe(0);
    expect(majorityAgreement(ratings, null, { collapse: true }).agreed[0]).toBe(1);
    const nominal = ratingsFromTriples([['i', 'w1', 'x']]);
    expect(() => majorityAgreement(nominal, null, { collapse: true })).toThrow('preference scale');
  });

  it('majorityAgreement(ratings) with one annotator, one item or no data gives n = 0 and NaN', () => {
    const single = majorityAgreement(
      ratingsFromTriples(
        [
          ['i1', 'w1', 0],
          ['i2', 'w1', 1],
        ],
        { scale: '5-point' },
      ),
    );
    expect([...single.n]).toEqual([0]);
    expect(single.share[0]).toBeNaN();
    const allSame = majorityAgreement(
      ratingsFromTriples(
        [
          ['i', 'a', 2],
          ['i', 'b', 2],
          ['i', 'c', 2],
        ],
        { scale: '5-point' },
      ),
    );
    expect([...allSame.share]).toEqual([1, 1, 1]);
    expect(majorityAgreement(ratingsFromTriples([], { scale: '5-point' })).n.length).toBe(0);
  });

  it("majorityAgreement(ratings) leaves out all of the annotator's own labels on an item (duplicates)", () => {
    // w1 labels i twice (0, 0); others of w1 = {1, 1} → 1: both of w1's labels count, neither agrees
    const r = majorityAgreement(
      ratingsFromTriples([
        ['i', 'w1', 0],
        ['i', 'w1', 0],
        ['i', 'w2', 1],
        ['i', 'w3', 1],
      ]),
    );
    expect(r.n[0]).toBe(2);
    expect(r.agreed[0]).toBe(0);
  });

  it('majorityAgreement(ratings) equals a naive leave-one-out on random data, whatever the row order', () => {
    const random = rng(7);
    const triples: Triple[] = [];
    for (let i = 0; i < 300; i++) {
      for (let a = 0; a < 8; a++) if (random() < 0.45) triples.push([`i${i}`, `w${a}`, Math.floor(random() * 3)]);
    }
    const naive = (t: Triple[], who: string) => {
      let n = 0,
        agreed = 0;
      for (const [item, ann, label] of t) {
        if (ann !== who) continue;
        const counts = [0, 0, 0];
        for (const [i2, a2, l2] of t) if (i2 === item && a2 !== who) counts[l2]++;
        const max = Math.max(...counts);
        if (counts[0] + counts[1] + counts[2] < 2 || counts.filter((c) => c === max).length > 1) continue;
        n++;
        if (counts[label] === max) agreed++;
      }
      return [n, agreed];
    };
    const shuffled = [...triples].sort(() => random() - 0.5);
    for (const t of [triples, shuffled]) {
      const ratings = ratingsFromTriples(t, { categories: [0, 1, 2] });
      const r = majorityAgreement(ratings);
      ratings.annotators.forEach((who, a) => expect([r.n[a], r.agreed[a]]).toEqual(naive(t, who)));
    }
  });
});
