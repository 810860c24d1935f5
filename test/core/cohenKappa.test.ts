// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { cohenKappa } from '../../src/core/cohenKappa';
import { closeTo } from '../helpers/closeTo';
import { tableOf } from '../helpers/buildRatings';
import { ANXIETY_RATER2, ANXIETY_RATER3, CONT3X3, CONT4X4, DP3 } from './referenceVectors';

const rep = (v: number, n: number) => Array.from({ length: n }, () => v);
const flat = (t: number[][]) => Float64Array.from(t.flat());

describe('cohenKappa', () => {
  it('cohenKappa(table) matches scikit-learn test_cohen_kappa (Artstein & Poesio 2008)', () => {
    const y1 = [...rep(0, 40), ...rep(1, 60)];
    const y2 = [...rep(0, 20), ...rep(1, 20), ...rep(0, 10), ...rep(1, 50)];
    expect(Array.from(tableOf(y1, y2, 2))).toEqual([20, 20, 10, 50]);
    closeTo(cohenKappa(tableOf(y1, y2, 2)).kappa, 0.348, DP3);
    closeTo(cohenKappa(tableOf(y1, y2, 2)).kappa, 0.347826, 1e-6);
    closeTo(cohenKappa(tableOf(y2, y1, 2)).kappa, cohenKappa(tableOf(y1, y2, 2)).kappa, 1e-15);
    // spurious label 2 ignored by restricting the table to labels [0, 1]
    closeTo(cohenKappa(tableOf([...y1, 2, 2, 2, 2], [...y2, 2, 2, 2, 2], 2)).kappa, 0.347826, 1e-6);
    // Table 4, multiclass
    const t4 = tableOf([...rep(0, 46), ...rep(1, 44), ...rep(2, 10)], [...rep(0, 52), ...rep(1, 32), ...rep(2, 16)], 3);
    expect(Array.from(t4)).toEqual([46, 0, 0, 6, 32, 6, 0, 0, 10]);
    closeTo(cohenKappa(t4).kappa, 0.8013, 5e-5);
    closeTo(cohenKappa(t4).kappa, 0.801325, 1e-6);
    // weighting
    const w = cohenKappa(
      tableOf([...rep(0, 46), ...rep(1, 44), ...rep(2, 10)], [...rep(0, 50), ...rep(1, 40), ...rep(2, 10)], 3),
    );
    closeTo(w.kappa, 0.9315, 5e-5);
    closeTo(w.kappaLinear, 0.9412, 5e-5);
    closeTo(w.kappaQuadratic, 0.9541, 5e-5);
    closeTo(w.kappa, 0.931507, 1e-6);
    closeTo(w.kappaLinear, 0.941176, 1e-6);
    closeTo(w.kappaQuadratic, 0.954128, 1e-6);
  });

  it('cohenKappa(table) matches statsmodels cohens_kappa on the SAS example (table10)', () => {
    const r = cohenKappa(
      flat([
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ]),
    );
    closeTo(r.kappa, 0.4842, 5e-5);
    closeTo(r.kappaLinear, 0.4701, 5e-5);
    closeTo(r.kappa, 0.484163, 1e-6);
    closeTo(r.kappaLinear, 0.47012, 1e-6);
  });

  it('cohenKappa(table) matches R irr kappa2 on anxiety raters 2 and 3 when the table is over the levels present', () => {
    // R irr spaces weights over the levels present (1,2,3,4,6 -> 0..4); statsmodels test_inter_rater
    const levels = [1, 2, 3, 4, 6];
    const ranks = cohenKappa(
      tableOf(
        ANXIETY_RATER2.map((v) => levels.indexOf(v)),
        ANXIETY_RATER3.map((v) => levels.indexOf(v)),
        5,
      ),
    );
    closeTo(ranks.kappa, -0.006289308, 1e-9);
    closeTo(ranks.kappaLinear, 0.1459075, 1e-7);
    closeTo(ranks.kappaQuadratic, 0.2520325, 1e-7);
    // prefscope weights on code values: over the scale 1..6 the weighted values differ (R irr uses ranks of the levels present, not values)
    const values = cohenKappa(
      tableOf(
        ANXIETY_RATER2.map((v) => v - 1),
        ANXIETY_RATER3.map((v) => v - 1),
        6,
      ),
    );
    closeTo(values.kappa, -0.006289308, 1e-9);
    closeTo(values.kappaLinear, 0.1262136, 1e-7);
    closeTo(values.kappaQuadratic, 0.229798, 1e-6);
  });

  it("cohenKappa(table) matches Gwet's 2-rater tables (RIRR README, PYIRR 3 dp)", () => {
    const a = cohenKappa(flat(CONT3X3));
    closeTo(a.kappa, 0.7964094, 1e-7);
    closeTo(a.kappaLinear, 0.842902, 1e-6);
    closeTo(a.kappaQuadratic, 0.8921569, 1e-7);
    closeTo(a.po, 0.89, 1e-12);
    closeTo(a.kappaLinear, 0.843, DP3);
    closeTo(a.kappaQuadratic, 0.892, DP3);
    for (const t of [CONT4X4, CONT4X4[0].map((_, j) => CONT4X4.map((row) => row[j]))]) {
      const b = cohenKappa(flat(t)); // symmetric weights: either orientation
      closeTo(b.kappa, 0.4315008, 1e-7);
      closeTo(b.kappaLinear, 0.4068109, 1e-7);
      closeTo(b.kappaQuadratic, 0.3831859, 1e-7);
    }
  });

  it('cohenKappa(table) gives 0.4 on the textbook 2×2 example', () => {
    const r = cohenKappa(
      flat([
        [20, 5],
        [10, 15],
      ]),
    );
    closeTo(r.kappa, 0.4, 1e-12);
    closeTo(r.po, 0.7, 1e-12);
  });

  it('cohenKappa(table) is NaN on an empty table or when both annotators use one category', () => {
    const empty = cohenKappa(new Float64Array(9));
    expect([empty.kappa, empty.kappaLinear, empty.kappaQuadratic, empty.po]).toEqual([NaN, NaN, NaN, NaN]);
    const same = cohenKappa(
      flat([
        [0, 0],
        [0, 12],
      ]),
    );
    expect(same.kappa).toBeNaN();
    expect(same.po).toBe(1);
    expect(cohenKappa(flat([[5]])).kappa).toBeNaN();
    expect(() => cohenKappa(new Float64Array(5))).toThrow(/cells/);
  });
});
