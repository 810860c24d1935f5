// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { percentAgreement } from '../../src/core/percentAgreement';
import { itemCounts } from '../../src/core/itemCounts';
import { countTable } from '../../src/core/countTable';
import { directionalSides } from '../../src/core/directionalSides';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromReliability } from '../helpers/buildRatings';
import { CONT3X3, CONT4X4, DP3, hayesKrippendorff2007, K2011_A, tableToCounts } from './referenceVectors';

describe('percentAgreement', () => {
  it('percentAgreement(counts) pools pairs: an item with m labels weighs m(m-1)/2', () => {
    // item 1: 3 labels, 2 equal (1 of 3 pairs equal); item 2: 2 equal labels (1 of 1)
    const r = percentAgreement(
      countTable([
        [2, 1],
        [0, 2],
        [1, 0],
      ]),
    );
    expect(r.nPairs).toBe(4);
    expect(r.nItems).toBe(2);
    closeTo(r.strict, 2 / 4, 1e-15);
  });

  it('percentAgreement(counts) on 2-rater tables equals the observed agreement (RIRR cont3x3abstractors pa 0.89)', () => {
    closeTo(percentAgreement(countTable(tableToCounts(CONT3X3))).strict, 0.89, 1e-12);
    closeTo(percentAgreement(countTable(tableToCounts(CONT4X4))).strict, 0.587, DP3); // PYIRR pa2 identity
  });

  it('percentAgreement(counts) counts the KALPHA pairs of Hayes & Krippendorff (2007): 239', () => {
    expect(percentAgreement(itemCounts(ratingsFromReliability(hayesKrippendorff2007()))).nPairs).toBe(239);
    expect(percentAgreement(itemCounts(ratingsFromReliability(K2011_A))).nItems).toBe(11);
  });

  it('percentAgreement(counts, {sides}) gives the share of same-side pairs on the 5-point scale', () => {
    // codes A>> A> = B> B>>; item 1: A>>, A> (same side); item 2: =, B> (different); item 3: B>, B>> , B>>
    const ratings = ratingsFromReliability(
      [
        [0, 2, 3],
        [1, 3, 4],
        [null, null, 4],
      ],
      { scale: '5-point' },
    );
    const sides = directionalSides(ratings.fivePoint)!.side;
    const r = percentAgreement(itemCounts(ratings), { sides });
    closeTo(r.strict, 1 / 5, 1e-15);
    closeTo(r.directional, 4 / 5, 1e-15);
    // the same as strict agreement on the collapsed counts
    closeTo(percentAgreement(itemCounts(ratings, null, { collapse: true })).strict, r.directional, 1e-15);
    expect(percentAgreement(itemCounts(ratings)).directional).toBeNaN();
  });

  it('percentAgreement(counts) is NaN without pairable items and 1 when every label is the same', () => {
    expect(percentAgreement(countTable([], { K: 2 })).strict).toBeNaN();
    expect(
      percentAgreement(
        countTable([
          [1, 0],
          [0, 1],
        ]),
      ).strict,
    ).toBeNaN();
    expect(
      percentAgreement(
        countTable([
          [3, 0],
          [2, 0],
        ]),
      ).strict,
    ).toBe(1);
  });
});
