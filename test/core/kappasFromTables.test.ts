// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { kappasFromTables } from '../../src/core/kappasFromTables';
import { directionalSides } from '../../src/core/directionalSides';
import { pairTables } from '../../src/core/pairTables';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromTriples, tableOf } from '../helpers/buildRatings';
import { ANXIETY_RATER2, ANXIETY_RATER3 } from './referenceVectors';

describe('kappasFromTables', () => {
  it('kappasFromTables(tables, K) matches statsmodels / R irr kappa2 on anxiety raters 2 and 3 (levels present)', () => {
    const levels = [1, 2, 3, 4, 6];
    const code = (v: number) => levels.indexOf(v);
    const r = kappasFromTables([tableOf(ANXIETY_RATER2.map(code), ANXIETY_RATER3.map(code), 5)], 5);
    expect(Array.from(r.index)).toEqual([0]);
    expect(Array.from(r.n)).toEqual([20]);
    closeTo(r.kappa[0], -0.006289308, 1e-9);
    closeTo(r.kappaLinear[0], 0.1459075, 1e-7);
    closeTo(r.kappaQuadratic[0], 0.2520325, 1e-7);
    closeTo(r.kappaMean, -0.006289308, 1e-9);
  });

  it('kappasFromTables(tables, K, {minShared}) skips empty tables, counts those below minShared and lists the rest in order', () => {
    const agree = [5, 0, 0, 5]; // kappa 1
    const none = [0, 0, 0, 0];
    const small = [1, 0, 0, 1];
    const oneCategory = [12, 0, 0, 0]; // chance agreement 1: kappa undefined
    const r = kappasFromTables([small, agree, none, oneCategory, agree], 2, { minShared: 10 });
    expect(Array.from(r.index)).toEqual([1, 3, 4]);
    expect(Array.from(r.n)).toEqual([10, 12, 10]);
    expect(r.kappa[1]).toBeNaN();
    expect(r.nBelowMin).toBe(1);
    expect(r.kappaMean).toBe(1); // over the defined kappas only
    const empty = kappasFromTables([none], 2);
    expect(empty.index.length).toBe(0);
    expect(empty.nBelowMin).toBe(0);
    expect(empty.kappaMean).toBeNaN();
    expect(() => kappasFromTables([[1, 2, 3]], 2)).toThrow(/expected 4/);
  });

  it('kappasFromTables(tables, K, {sides}) equals the kappas of tables counted on the directional scale', () => {
    const random = rng(11);
    const triples: [string, string, number][] = [];
    for (let i = 0; i < 200; i++)
      for (const a of ['p', 'q', 'r', 's']) if (random() < 0.8) triples.push([`i${i}`, a, Math.floor(random() * 5)]);
    const ratings = ratingsFromTriples(triples, { scale: '5-point' });
    const full = pairTables(ratings);
    const counted = pairTables(ratings, null, { collapse: true });
    const viaSides = kappasFromTables(full.tables, full.K, {
      minShared: 1,
      sides: directionalSides(ratings.fivePoint),
    });
    expect(viaSides).toEqual(kappasFromTables(counted.tables, counted.K, { minShared: 1 }));
  });
});
