// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { cohenPairs } from '../../src/core/cohenPairs';
import { cohenKappa } from '../../src/core/cohenKappa';
import { judgementFilter } from '../../src/core/judgementFilter';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { ANXIETY_RATER2, ANXIETY_RATER3 } from './referenceVectors';

type Triple = [string, string, number];

/** Random judgements: each item labelled by `perItem` distinct annotators out of nAnn. */
function randomTriples(seed: number, nItems: number, nAnn: number, perItem: number, K: number): Triple[] {
  const random = rng(seed);
  const out: Triple[] = [];
  for (let i = 0; i < nItems; i++) {
    const chosen = new Set<number>();
    while (chosen.size < perItem) chosen.add(Math.floor(random() * nAnn));
    const truth = Math.floor(random() * K);
    for (const a of chosen) out.push([`i${i}`, `a${a}`, random() < 0.6 ? truth : Math.floor(random() * K)]);
  }
  return out;
}

/** Naive reference: for every annotator pair, build the table from a per-annotator map. */
function naivePairs(triples: Triple[], K: number) {
  const byAnn = new Map<string, Map<string, number>>();
  for (const [i, a, l] of triples) (byAnn.get(a) ?? byAnn.set(a, new Map()).get(a)!).set(i, l);
  const result = new Map<string, Float64Array>();
  for (const [a, ma] of byAnn)
    for (const [b, mb] of byAnn) {
      if (a >= b) continue;
      const t = new Float64Array(K * K);
      for (const [i, la] of ma) if (mb.has(i)) t[la * K + mb.get(i)!]++;
      result.set(`${a}|${b}`, t);
    }
  return result;
}

describe('cohenPairs', () => {
  it('cohenPairs(ratings) matches statsmodels / R irr kappa2 on anxiety raters 2 and 3 (levels present)', () => {
    const levels = [1, 2, 3, 4, 6];
    const triples: Triple[] = ANXIETY_RATER2.flatMap((v, i): Triple[] => [
      [`s${i}`, 'rater2', v],
      [`s${i}`, 'rater3', ANXIETY_RATER3[i]],
    ]);
    const r = cohenPairs(ratingsFromTriples(triples, { categories: levels }));
    expect(Array.from(r.n)).toEqual([20]);
    closeTo(r.kappa[0], -0.006289308, 1e-9);
    closeTo(r.kappaLinear[0], 0.1459075, 1e-7);
    closeTo(r.kappaQuadratic[0], 0.2520325, 1e-7);
    closeTo(r.kappaMean, -0.006289308, 1e-9);
  });

  it('cohenPairs(ratings, mask, {minShared}) leaves out pairs sharing fewer items and counts them', () => {
    const triples = randomTriples(3, 40, 6, 3, 5);
    const ratings = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
    const naive = naivePairs(triples, 5);
    for (const minShared of [1, 10, 20]) {
      const r = cohenPairs(ratings, judgementFilter(ratings), { minShared });
      const shared = [...naive.values()].map((t) => t.reduce((s, x) => s + x, 0));
      expect(r.a.length).toBe(shared.filter((n) => n >= minShared).length);
      expect(r.nBelowMin).toBe(shared.filter((n) => n > 0 && n < minShared).length);
    }
  });

  for (const [name, nAnn] of [
    ['dense', 12],
    ['sparse (Map)', 450],
  ] as const) {
    it(`cohenPairs(ratings) agrees with a naive per-pair computation, ${name} tables`, () => {
      const triples = randomTriples(7, nAnn === 12 ? 300 : 3000, nAnn, 4, 5);
      const ratings = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
      const r = cohenPairs(ratings, null, { minShared: 2 });
      const naive = naivePairs(triples, 5);
      let listed = 0;
      for (const t of naive.values()) if (t.reduce((s, x) => s + x, 0) >= 2) listed++;
      expect(r.a.length).toBe(listed);
      let sum = 0,
        defined = 0;
      for (let p = 0; p < r.a.length; p++) {
        expect(r.a[p]).toBeLessThan(r.b[p]);
        if (p > 0) expect(r.a[p] * nAnn + r.b[p]).toBeGreaterThan(r.a[p - 1] * nAnn + r.b[p - 1]);
        const [x, y] = [ratings.annotators[r.a[p]], ratings.annotators[r.b[p]]];
        const t = x < y ? naive.get(`${x}|${y}`)! : transpose5(naive.get(`${y}|${x}`)!);
        const expected = cohenKappa(t);
        expect(r.n[p]).toBe(expected.n);
        for (const key of ['kappa', 'kappaLinear', 'kappaQuadratic'] as const) {
          if (Number.isNaN(expected[key])) expect(r[key][p]).toBeNaN();
          else closeTo(r[key][p], expected[key], 1e-12);
        }
        if (Number.isNaN(expected.kappa)) continue;
        sum += expected.kappa;
        defined++;
      }
      closeTo(r.kappaMean, sum / defined, 1e-12);
    });
  }

  it('cohenPairs(ratings, mask, {collapse: true}) uses the directional scale', () => {
    // two annotators: same side on every item, different strength on half
    const triples: Triple[] = [];
    for (let i = 0; i < 12; i++) {
      const side = i % 3; // 0 = A, 1 = tie, 2 = B
      const a = [0, 2, 4][side],
        b = [i % 2 ? 1 : 0, 2, i % 2 ? 3 : 4][side];
      triples.push([`i${i}`, 'x', a], [`i${i}`, 'y', b]);
    }
    const ratings = ratingsFromTriples(triples, { scale: '5-point' });
    const strict = cohenPairs(ratings);
    const directional = cohenPairs(ratings, null, { collapse: true });
    expect(strict.kappa[0]).toBeLessThan(1);
    expect(directional.kappa[0]).toBe(1);
    expect(() => cohenPairs(ratingsFromTriples(triples), null, { collapse: true })).toThrow(/preference scale/);
  });

  it('cohenPairs(ratings) on empty input or a single annotator lists no pair', () => {
    const one = cohenPairs(
      ratingsFromTriples([
        ['i1', 'a', 1],
        ['i2', 'a', 2],
      ]),
    );
    expect(one.a.length).toBe(0);
    expect(one.kappaMean).toBeNaN();
    expect(cohenPairs(ratingsFromTriples([])).a.length).toBe(0);
  });

  it('cohenPairs(ratings) handles 200 annotators and 300k judgements quickly', () => {
    const triples = randomTriples(11, 100_000, 200, 3, 5);
    const ratings = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
    const t0 = performance.now();
    const r = cohenPairs(ratings);
    const ms = performance.now() - t0;
    expect(r.a.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(3000);
  });
});

function transpose5(t: Float64Array): Float64Array {
  const out = new Float64Array(25);
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) out[j * 5 + i] = t[i * 5 + j];
  return out;
}
