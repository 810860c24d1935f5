// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { itemCounts } from '../../src/core/itemCounts';
import { percentAgreement } from '../../src/core/percentAgreement';
import { fleissKappa } from '../../src/core/fleissKappa';
import { gwetAc1 } from '../../src/core/gwetAc1';
import { krippendorffAlpha, type AlphaLevel } from '../../src/core/krippendorffAlpha';
import { cohenPairs } from '../../src/core/cohenPairs';
import { ratingsFromTriples } from '../helpers/buildRatings';

type Triple = [string, string, number];
const LEVELS: AlphaLevel[] = ['nominal', 'ordinal', 'interval'];

/** Small random reliability data: K categories, each (item, annotator) labelled or missing. */
const dataset = fc
  .record({
    K: fc.integer({ min: 2, max: 4 }),
    nItems: fc.integer({ min: 1, max: 8 }),
    nAnn: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ K, nItems, nAnn }) =>
    fc.record({
      K: fc.constant(K),
      cells: fc.array(fc.option(fc.integer({ min: 0, max: K - 1 }), { freq: 3 }), {
        minLength: nItems * nAnn,
        maxLength: nItems * nAnn,
      }),
      nItems: fc.constant(nItems),
      nAnn: fc.constant(nAnn),
    }),
  );

function triplesOf({ cells, nItems, nAnn }: { cells: (number | null)[]; nItems: number; nAnn: number }): Triple[] {
  const out: Triple[] = [];
  for (let i = 0; i < nItems; i++)
    for (let a = 0; a < nAnn; a++) {
      const v = cells[i * nAnn + a];
      if (v !== null) out.push([`i${i}`, `a${a}`, v]);
    }
  return out;
}

function summary(triples: Triple[], K: number) {
  const ratings = ratingsFromTriples(triples, { categories: Array.from({ length: K }, (_, c) => c) });
  const t = itemCounts(ratings);
  const pairs = cohenPairs(ratings, null, { minShared: 1 });
  const byName: Record<string, number[]> = {};
  for (let p = 0; p < pairs.a.length; p++) {
    const key = [ratings.annotators[pairs.a[p]], ratings.annotators[pairs.b[p]]].sort().join('|');
    byName[key] = [pairs.n[p], pairs.kappa[p], pairs.kappaLinear[p], pairs.kappaQuadratic[p]];
  }
  return {
    strict: percentAgreement(t).strict,
    fleiss: fleissKappa(t).value,
    ac1: gwetAc1(t).value,
    alpha: LEVELS.map((level) => krippendorffAlpha(t, { level }).value),
    byName,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-12;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort(),
      kb = Object.keys(b).sort();
    return same(ka.length, kb.length) && ka.every((k, i) => k === kb[i] && same((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

/** Naive O(n^2) reference over every pair of judgements (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", pooled pairs). */
function naive(triples: Triple[], K: number, level: AlphaLevel) {
  const units = new Map<string, number[]>();
  for (const [i, , v] of triples) (units.get(i) ?? units.set(i, []).get(i)!).push(v);
  const pairable = [...units.values()].filter((u) => u.length >= 2);
  const pool = pairable.flat();
  const nc = Array.from({ length: K }, (_, c) => pool.filter((v) => v === c).length);
  const delta = (c: number, k: number) => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'interval') return (c - k) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let s = 0;
    for (let g = lo; g <= hi; g++) s += nc[g];
    return (s - (nc[c] + nc[k]) / 2) ** 2;
  };
  let equal = 0,
    pairs = 0,
    observed = 0;
  for (const u of pairable)
    for (let x = 0; x < u.length; x++)
      for (let y = 0; y < u.length; y++) {
        if (x === y) continue;
        if (x < y) {
          pairs++;
          if (u[x] === u[y]) equal++;
        }
        observed += delta(u[x], u[y]) / (u.length - 1);
      }
  let expected = 0;
  for (let x = 0; x < pool.length; x++)
    for (let y = 0; y < pool.length; y++) if (x !== y) expected += delta(pool[x], pool[y]);
  const n = pool.length;
  return {
    strict: pairs ? equal / pairs : NaN,
    alpha: pairs && expected > 0 ? 1 - observed / n / (expected / (n * (n - 1))) : NaN,
  };
}

describe('agreement kernels: properties', () => {
  it('relabelling items and annotators or shuffling judgements changes nothing', () => {
    const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
    const relabelled = dataset.chain((d) =>
      fc.record({
        d: fc.constant(d),
        itemPerm: permutation(d.nItems),
        annPerm: permutation(d.nAnn),
        order: permutation(triplesOf(d).length),
      }),
    );
    fc.assert(
      fc.property(relabelled, ({ d, itemPerm, annPerm, order }) => {
        const triples = triplesOf(d);
        const annName = (s: string) => `ann-${annPerm[Number(s.slice(1))]}`;
        const moved = order.map((j): Triple => [
          `item-${itemPerm[Number(triples[j][0].slice(1))]}`,
          annName(triples[j][1]),
          triples[j][2],
        ]);
        const a = summary(triples, d.K),
          b = summary(moved, d.K);
        // kappa is symmetric in the two annotators, so renaming (which may swap table rows and columns) keeps it
        const renamed = Object.fromEntries(
          Object.entries(a.byName).map(([key, v]) => [key.split('|').map(annName).sort().join('|'), v]),
        );
        expect(same({ ...a, byName: renamed }, b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('krippendorffAlpha(counts, {level}) lies in [-1, 1]', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const t = itemCounts(
          ratingsFromTriples(triplesOf(d), { categories: Array.from({ length: d.K }, (_, c) => c) }),
        );
        for (const level of LEVELS) {
          const v = krippendorffAlpha(t, { level }).value;
          if (!Number.isNaN(v)) expect(v >= -1 && v <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cohenPairs(ratings): an annotator duplicated under a second name has kappa 1 with the original', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((K) =>
            fc
              .array(fc.integer({ min: 0, max: K - 1 }), { minLength: 10, maxLength: 40 })
              .map((labels) => ({ K, labels })),
          ),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 40, maxLength: 40 }),
        ({ K, labels }, other) => {
          fc.pre(new Set(labels).size >= 2);
          const triples: Triple[] = labels.flatMap((l, i): Triple[] => [
            [`i${i}`, 'orig', l],
            [`i${i}`, 'zz-copy', l],
            [`i${i}`, 'other', other[i]],
          ]);
          const ratings = ratingsFromTriples(triples, { categories: Array.from({ length: K }, (_, c) => c) });
          const r = cohenPairs(ratings);
          const names = (q: number) => [ratings.annotators[r.a[q]], ratings.annotators[r.b[q]]].sort().join('|');
          const p = [...r.a.keys()].find((q) => names(q) === 'orig|zz-copy')!;
          expect(r.n[p]).toBe(labels.length);
          for (const k of [r.kappa[p], r.kappaLinear[p], r.kappaQuadratic[p]])
            expect(Math.abs(k - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('percentAgreement and krippendorffAlpha agree with a naive O(n^2) pairs implementation', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const triples = triplesOf(d);
        const t = itemCounts(ratingsFromTriples(triples, { categories: Array.from({ length: d.K }, (_, c) => c) }));
        expect(same(percentAgreement(t).strict, naive(triples, d.K, 'nominal').strict)).toBe(true);
        for (const level of LEVELS) {
          const got = krippendorffAlpha(t, { level }).value,
            want = naive(triples, d.K, level).alpha;
          expect(Number.isNaN(got) ? Number.isNaN(want) : Math.abs(got - want) < 1e-9).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
