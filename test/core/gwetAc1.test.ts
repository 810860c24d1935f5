// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { gwetAc1 } from '../../src/core/gwetAc1';
import { itemCounts } from '../../src/core/itemCounts';
import { countTable } from '../../src/core/countTable';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromRaw, ratingsFromReliability } from '../helpers/buildRatings';
import {
  ABCDE,
  CONT3X3,
  CONT4X4,
  DISTRIB_6RATERS,
  K2011_A,
  PYIRR_3DP,
  RAW_4RATERS,
  RAW_5OBSERVERS,
  RAW_BEN_GERRY,
  RAW_G1G2,
  RAW_GENDER,
  tableToCounts,
  DP3,
} from './referenceVectors';

describe('gwetAc1', () => {
  it('gwetAc1(counts) matches irrCAC gwet.ac1.raw on raw_4raters (0.77544), either unit-12 variant', () => {
    // unit 12 holds one value either way; AC1 and Fleiss use count vectors only, so A and B agree
    for (const t of [itemCounts(ratingsFromRaw(RAW_4RATERS)), itemCounts(ratingsFromReliability(K2011_A))]) {
      const r = gwetAc1(t);
      closeTo(r.value, 0.77544, 5e-6);
      closeTo(r.value, 0.7754441, 1e-7);
      closeTo(r.pa, 0.8181818, 1e-7);
      closeTo(r.pe, 0.1903212, 1e-7);
    }
  });

  it('gwetAc1(counts) matches irrCAC gwet.ac1.dist on distrib.6raters', () => {
    const r = gwetAc1(countTable(DISTRIB_6RATERS));
    closeTo(r.value, 0.4448007, 1e-7);
    closeTo(r.pa, 0.5511111, 1e-7);
    closeTo(r.pe, 0.1914815, 1e-7);
  });

  it('gwetAc1(counts) matches the PYIRR unit tests (3 dp) and the 2-rater tables', () => {
    const raw = (d: (number | string | null)[][], categories?: string[]) =>
      gwetAc1(itemCounts(ratingsFromRaw(d, { categories })));
    const cases = [
      [raw(RAW_5OBSERVERS), PYIRR_3DP.raw_5observers],
      [raw(RAW_GENDER), PYIRR_3DP.raw_gender],
      [raw(RAW_BEN_GERRY, ABCDE), PYIRR_3DP.raw_ben_gerry],
      [raw(RAW_G1G2, ABCDE), PYIRR_3DP.raw_g1g2],
    ] as const;
    for (const [r, expected] of cases) {
      closeTo(r.value, expected.gwet, DP3);
      closeTo(r.pe, expected.gwetPe, DP3);
    }
    closeTo(raw(RAW_GENDER).value, 0.2080808, 1e-7);
    closeTo(raw(RAW_GENDER).pe, 0.3125, 1e-7);
    closeTo(gwetAc1(countTable(tableToCounts(CONT3X3))).value, 0.8493305, 1e-7); // RIRR README
    closeTo(gwetAc1(countTable(tableToCounts(CONT4X4))).value, 0.4561576, 1e-7); // recomputed
  });

  it('gwetAc1(counts, {q}) uses the categories of the scale, not those present', () => {
    const t = countTable([
      [2, 0, 0],
      [0, 2, 0],
      [1, 1, 0],
    ]);
    const q3 = gwetAc1(t);
    const q5 = gwetAc1(
      countTable([
        [2, 0, 0, 0, 0],
        [0, 2, 0, 0, 0],
        [1, 1, 0, 0, 0],
      ]),
    );
    closeTo(gwetAc1(t, { q: 5 }).value, q5.value, 1e-12);
    expect(q3.value).not.toBeCloseTo(q5.value, 6);
  });

  it('gwetAc1(counts) stays defined (1) when every label is the same; NaN without pairs or with q < 2', () => {
    expect(
      gwetAc1(
        countTable([
          [3, 0],
          [2, 0],
        ]),
      ).value,
    ).toBe(1);
    expect(
      gwetAc1(
        countTable([
          [1, 0],
          [0, 1],
        ]),
      ).reason,
    ).toMatch(/no item/);
    expect(gwetAc1(countTable([[3], [2]])).reason).toMatch(/fewer than two categories/);
    expect(gwetAc1(countTable([], { K: 2 })).value).toBeNaN();
  });
});
