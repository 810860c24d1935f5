// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { fleissKappa } from '../../src/core/fleissKappa';
import { itemCounts } from '../../src/core/itemCounts';
import { countTable } from '../../src/core/countTable';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromRaw, ratingsFromReliability } from '../helpers/buildRatings';
import {
  ABCDE,
  CONT3X3,
  CONT4X4,
  DIAGNOSES,
  DISTRIB_6RATERS,
  FLEISS_WIKI,
  K2011_A,
  PYIRR_3DP,
  RANDOLPH,
  RAW_4RATERS,
  RAW_5OBSERVERS,
  RAW_BEN_GERRY,
  RAW_G1G2,
  RAW_GENDER,
  tableToCounts,
  DP3,
} from './referenceVectors';

describe('fleissKappa', () => {
  it('fleissKappa(counts) matches the Wikipedia example (statsmodels table1)', () => {
    const r = fleissKappa(countTable(FLEISS_WIKI));
    closeTo(r.value, 0.209931, 1e-6);
    closeTo(r.value, 0.21, DP3);
    closeTo(r.pa, 0.378022, 1e-6);
    closeTo(r.pe, 0.212755, 1e-6);
    expect(r.nItems).toBe(10);
  });

  it('fleissKappa(counts) matches Fleiss (1971) diagnoses / R irr kappam.fleiss', () => {
    const ratings = ratingsFromRaw(DIAGNOSES);
    const t = itemCounts(ratings);
    const totals = [0, 1, 2, 3, 4].map((c) =>
      Array.from({ length: t.rows }, (_, r) => t.counts[r * 5 + c]).reduce((a, b) => a + b),
    );
    expect(totals).toEqual([26, 26, 30, 55, 43]);
    closeTo(fleissKappa(t).value, 0.4302445, 1e-7);
    closeTo(fleissKappa(t).value, 0.43, DP3);
  });

  it('fleissKappa(counts) matches the statsmodels Randolph/Fleiss table; pa gives Randolph kappa_free', () => {
    for (const { counts, fleiss, randolph } of RANDOLPH) {
      const r = fleissKappa(countTable(counts));
      if (fleiss === null) {
        expect(r.value).toBeNaN();
        expect(r.reason).toMatch(/P_e = 1/);
      } else closeTo(r.value, fleiss, 6e-6);
      const q = counts[0].length;
      closeTo((r.pa - 1 / q) / (1 - 1 / q), randolph, 6e-6);
    }
  });

  it('fleissKappa(counts) matches irrCAC fleiss.kappa.raw on raw_4raters (0.76117), either unit-12 variant', () => {
    for (const t of [itemCounts(ratingsFromRaw(RAW_4RATERS)), itemCounts(ratingsFromReliability(K2011_A))]) {
      const r = fleissKappa(t);
      closeTo(r.value, 0.76117, 5e-6);
      closeTo(r.value, 0.7611693, 1e-7);
      closeTo(r.pa, 0.8181818, 1e-7);
      closeTo(r.pe, 0.2387153, 1e-7);
      expect(r.nItems).toBe(11);
      expect(r.nLabelled).toBe(12);
    }
  });

  it('fleissKappa(counts) matches irrCAC fleiss.kappa.dist on distrib.6raters', () => {
    const r = fleissKappa(countTable(DISTRIB_6RATERS));
    closeTo(r.value, 0.4139265, 1e-7);
    closeTo(r.pa, 0.5511111, 1e-7);
    closeTo(r.pe, 0.2340741, 1e-7);
  });

  it('fleissKappa(counts) matches the PYIRR unit tests (3 dp) and Scott pi on 2-rater tables', () => {
    const raw = (d: (number | string | null)[][], categories?: string[]) =>
      fleissKappa(itemCounts(ratingsFromRaw(d, { categories })));
    const cases = [
      [raw(RAW_5OBSERVERS), PYIRR_3DP.raw_5observers],
      [raw(RAW_GENDER), PYIRR_3DP.raw_gender],
      [raw(RAW_BEN_GERRY, ABCDE), PYIRR_3DP.raw_ben_gerry],
      [raw(RAW_G1G2, ABCDE), PYIRR_3DP.raw_g1g2],
    ] as const;
    for (const [r, expected] of cases) {
      closeTo(r.value, expected.fleiss, DP3);
      closeTo(r.pa, expected.pa, DP3);
      closeTo(r.pe, expected.fleissPe, DP3);
    }
    closeTo(raw(RAW_GENDER).value, 0.1288889, 1e-7);
    closeTo(raw(RAW_GENDER).pa, 0.4555556, 1e-7);
    // Gwet's Fleiss on two raters = Scott's pi (RIRR README cont3x3abstractors; recomputed cont4x4)
    closeTo(fleissKappa(countTable(tableToCounts(CONT3X3))).value, 0.7962397, 1e-7);
    closeTo(fleissKappa(countTable(tableToCounts(CONT4X4))).value, 0.4303406, 1e-7);
  });

  it('fleissKappa(counts) is NaN with a reason on degenerate data', () => {
    expect(fleissKappa(countTable([], { K: 2 })).reason).toMatch(/no item/);
    expect(
      fleissKappa(
        countTable([
          [1, 0],
          [0, 1],
        ]),
      ).reason,
    ).toMatch(/no item/);
    const same = fleissKappa(
      countTable([
        [3, 0],
        [2, 0],
      ]),
    );
    expect(same.value).toBeNaN();
    expect(same.pa).toBe(1);
    closeTo(
      fleissKappa(
        countTable([
          [1e6, 0],
          [0, 1e6],
        ]),
      ).value,
      1,
      1e-12,
    );
  });
});
