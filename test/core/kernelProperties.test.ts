// @vitest-environment node
/**
 * Property-based checks of the kernels on small random data (fast-check, fixed seed so CI is reproducible;
 * `FC_SEED=… npx vitest run test/core/kernelProperties.test.ts` explores other seeds). `properties.test.ts`
 * already covers relabelling items / annotators and shuffling judgements for the agreement summary, alpha in
 * [-1, 1], the kappa of a duplicated annotator and percent agreement / alpha against pooled pairs; this file
 * adds bounds with reasons, category relabelling and scale reversal, textbook references (Fleiss 1971, Gwet's
 * AC1, Krippendorff's coincidence matrix, Cohen 1960, plurality vote) and the binomial test, Bradley–Terry
 * and the routing curve.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { itemCounts } from '../../src/core/itemCounts';
import { percentAgreement } from '../../src/core/percentAgreement';
import { fleissKappa } from '../../src/core/fleissKappa';
import { gwetAc1 } from '../../src/core/gwetAc1';
import { krippendorffAlpha, type AlphaLevel } from '../../src/core/krippendorffAlpha';
import { cohenKappa } from '../../src/core/cohenKappa';
import { cohenPairs } from '../../src/core/cohenPairs';
import { majorityVote } from '../../src/core/majorityVote';
import { binomialTest } from '../../src/core/binomialTest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { routingTable } from '../../src/core/routingTable';
import { routingCurve } from '../../src/core/routingCurve';
import type { Scale } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';

const SEED = Number(process.env.FC_SEED ?? 20250611);
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

type Triple = [string, string, number];

/** Reliability data: K categories, a nItems × nAnn grid whose cells are a category or missing (null). */
interface Table {
  K: number;
  nItems: number;
  nAnn: number;
  cells: (number | null)[];
}

const table = (maxK = 5, maxItems = 10, maxAnn = 6, missing = true): fc.Arbitrary<Table> =>
  fc
    .record({
      K: fc.integer({ min: 2, max: maxK }),
      nItems: fc.integer({ min: 1, max: maxItems }),
      nAnn: fc.integer({ min: 1, max: maxAnn }),
    })
    .chain(({ K, nItems, nAnn }) => {
      const cell = fc.integer({ min: 0, max: K - 1 });
      return fc.record({
        K: fc.constant(K),
        nItems: fc.constant(nItems),
        nAnn: fc.constant(nAnn),
        cells: fc.array(missing ? fc.option(cell, { freq: 3 }) : cell, {
          minLength: nItems * nAnn,
          maxLength: nItems * nAnn,
        }),
      });
    });

function triplesOf({ cells, nItems, nAnn }: Table): Triple[] {
  const out: Triple[] = [];
  for (let i = 0; i < nItems; i++)
    for (let a = 0; a < nAnn; a++) {
      const v = cells[i * nAnn + a];
      if (v !== null) out.push([`i${i}`, `a${a}`, v]);
    }
  return out;
}

const categories = (K: number) => Array.from({ length: K }, (_, c) => c);
const countsOf = (d: Table) => itemCounts(ratingsFromTriples(triplesOf(d), { categories: categories(d.K) }));

/** Per item: the labels given, in annotator order. */
function labelsByItem(d: Table): number[][] {
  return Array.from({ length: d.nItems }, (_, i) =>
    d.cells.slice(i * d.nAnn, (i + 1) * d.nAnn).filter((v): v is number => v !== null),
  );
}

const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

/** a and b both NaN, or within tol relative to max(1, |b|). */
function near(a: number, b: number, tol = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

function expectNear(got: number, want: number, tol = 1e-9): void {
  if (!near(got, want, tol)) expect(got).toBe(want); // fails with both numbers in the message
}

// ---------------------------------------------------------------- naive references, written from the sources

/** Percent agreement by pairs of annotators within each item, pooled over items. */
function naivePercentAgreement(d: Table): number {
  let equal = 0,
    pairs = 0;
  for (let i = 0; i < d.nItems; i++)
    for (let a = 0; a < d.nAnn; a++)
      for (let b = a + 1; b < d.nAnn; b++) {
        const x = d.cells[i * d.nAnn + a],
          y = d.cells[i * d.nAnn + b];
        if (x === null || y === null) continue;
        pairs++;
        if (x === y) equal++;
      }
  return pairs ? equal / pairs : NaN;
}

/**
 * Fleiss (1971), eqs. (2)-(9), for every item rated by the same m raters: P_i = (Σ_j n_ij² − m) / (m(m − 1)),
 * p_j = Σ_i n_ij / (N m), κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄_e = Σ_j p_j².
 */
function fleiss1971(rows: number[][], K: number): number {
  const N = rows.length,
    m = rows[0].length;
  const p = new Array<number>(K).fill(0);
  let P = 0;
  for (const row of rows) {
    const n = new Array<number>(K).fill(0);
    for (const v of row) n[v]++;
    P += (n.reduce((s, x) => s + x * x, 0) - m) / (m * (m - 1));
    n.forEach((x, j) => (p[j] += x / (N * m)));
  }
  P /= N;
  const Pe = p.reduce((s, x) => s + x * x, 0);
  return (P - Pe) / (1 - Pe);
}

/**
 * Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed.; irrCAC `fleiss.kappa.raw` / `gwet.ac1.raw`) for
 * missing ratings, from the raw item × rater matrix: pa over items with r_i ≥ 2, π_k over items with r_i ≥ 1.
 */
function gwetRaw(d: Table): { pa: number; pi: number[] } {
  const pi = new Array<number>(d.K).fill(0);
  let pa = 0,
    nPa = 0,
    nPi = 0;
  for (const labels of labelsByItem(d)) {
    const r = labels.length;
    if (r === 0) continue;
    nPi++;
    for (let k = 0; k < d.K; k++) pi[k] += labels.filter((v) => v === k).length / r;
    if (r < 2) continue;
    nPa++;
    let agree = 0;
    for (let k = 0; k < d.K; k++) {
      const rk = labels.filter((v) => v === k).length;
      agree += (rk * (rk - 1)) / (r * (r - 1));
    }
    pa += agree;
  }
  return { pa: nPa ? pa / nPa : NaN, pi: pi.map((x) => x / nPi) };
}

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": the coincidence matrix o_ck, summing
 * 1/(m_u − 1) over ordered pairs of values of different coders.
 */
function coincidences(d: Table): number[][] {
  const o = Array.from({ length: d.K }, () => new Array<number>(d.K).fill(0));
  for (const labels of labelsByItem(d)) {
    const m = labels.length;
    if (m < 2) continue;
    for (let x = 0; x < m; x++) for (let y = 0; y < m; y++) if (x !== y) o[labels[x]][labels[y]] += 1 / (m - 1);
  }
  return o;
}

/** Nominal alpha = 1 − D_o / D_e = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k, from the coincidence matrix. */
function naiveNominalAlpha(o: number[][]): number {
  const K = o.length;
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  let Do = 0,
    De = 0;
  for (let c = 0; c < K; c++)
    for (let k = 0; k < K; k++)
      if (c !== k) {
        Do += o[c][k];
        De += nc[c] * nc[k];
      }
  return n > 0 && De > 0 ? 1 - ((n - 1) * Do) / De : NaN;
}

/** Cohen (1960) unweighted kappa from two aligned label vectors. */
function naiveCohen(x: number[], y: number[], K: number): number {
  const n = x.length;
  let po = 0,
    pe = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) po++;
  for (let k = 0; k < K; k++) pe += (x.filter((v) => v === k).length / n) * (y.filter((v) => v === k).length / n);
  po /= n;
  return pe < 1 ? (po - pe) / (1 - pe) : NaN;
}

/** The plurality label of nominal votes, ties to the lowest category; -1 without votes. */
function naivePlurality(labels: number[], K: number): number {
  if (labels.length === 0) return -1;
  const n = categories(K).map((k) => labels.filter((v) => v === k).length);
  return n.indexOf(Math.max(...n));
}

/**
 * The docs/report-schema.md rule ("Majority vote") on the 5-point scale (codes 0…4 = A>> A> = B> B>>): the side with most votes
 * (A = 0, 1; tie = 2; B = 3, 4); several sides at the top → `=`; within the side the label with most votes,
 * equal counts to the milder one (A>, B>).
 */
function naivePreferenceVote(labels: number[]): number {
  if (labels.length === 0) return -1;
  const n = [0, 1, 2, 3, 4].map((k) => labels.filter((v) => v === k).length);
  const sides = [n[0] + n[1], n[2], n[3] + n[4]];
  const top = Math.max(...sides);
  if (sides.filter((s) => s === top).length > 1) return 2;
  const side = sides.indexOf(top);
  if (side === 1) return 2;
  const [mild, strong] = side === 0 ? [1, 0] : [3, 4];
  return n[strong] > n[mild] ? strong : mild;
}

// ---------------------------------------------------------------- agreement coefficients

describe('agreement kernels on random tables: bounds and reasons', () => {
  it('percentAgreement in [0, 1], NaN exactly when no item has 2 labels; Fleiss, AC1, alpha ≤ 1, NaN exactly when a reason is given', () => {
    fc.assert(
      fc.property(table(), (d) => {
        const t = countsOf(d);
        const pa = percentAgreement(t);
        const pairable = labelsByItem(d).filter((l) => l.length >= 2).length;
        expect(pa.nItems).toBe(pairable);
        if (pairable === 0) expect(pa.strict).toBeNaN();
        else expect(pa.strict >= 0 && pa.strict <= 1).toBe(true);
        for (const c of [
          fleissKappa(t),
          gwetAc1(t),
          ...(['nominal', 'ordinal', 'interval', 'ratio'] as AlphaLevel[]).map((level) =>
            krippendorffAlpha(t, { level }),
          ),
        ]) {
          expect(Number.isNaN(c.value)).toBe(c.reason !== null);
          if (!Number.isNaN(c.value)) expect(c.value).toBeLessThanOrEqual(1 + 1e-12);
          if (pairable === 0) expect(c.reason).not.toBeNull();
        }
        // AC1 and Fleiss have no other reason than "nothing pairable" (and Fleiss: one category used)
        const used = new Set(d.cells.filter((v) => v !== null)).size;
        expect(gwetAc1(t).reason === null).toBe(pairable > 0);
        expect(fleissKappa(t).reason === null).toBe(pairable > 0 && used >= 2);
      }),
      runs(300),
    );
  });

  it('cohenPairs kappas (unweighted, linear, quadratic) are ≤ 1 and NaN only with no chance disagreement', () => {
    fc.assert(
      fc.property(table(4, 12, 4), (d) => {
        const r = ratingsFromTriples(triplesOf(d), { categories: categories(d.K) });
        const pairs = cohenPairs(r, null, { minShared: 1 });
        for (let p = 0; p < pairs.a.length; p++) {
          for (const k of [pairs.kappa[p], pairs.kappaLinear[p], pairs.kappaQuadratic[p]])
            if (!Number.isNaN(k)) expect(k).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      runs(200),
    );
  });
});

describe('agreement kernels on random tables: invariances', () => {
  const withPermutation = table().chain((d) => fc.record({ d: fc.constant(d), perm: permutation(d.K) }));

  it('relabelling the categories leaves percent agreement, Fleiss, AC1, nominal alpha and unweighted Cohen unchanged', () => {
    fc.assert(
      fc.property(withPermutation, ({ d, perm }) => {
        const moved: Table = { ...d, cells: d.cells.map((v) => (v === null ? null : perm[v])) };
        const [a, b] = [countsOf(d), countsOf(moved)];
        expectNear(percentAgreement(b).strict, percentAgreement(a).strict, 1e-12);
        expectNear(fleissKappa(b).value, fleissKappa(a).value, 1e-12);
        expectNear(gwetAc1(b).value, gwetAc1(a).value, 1e-12);
        expectNear(krippendorffAlpha(b).value, krippendorffAlpha(a).value, 1e-12);
        const kappas = (x: Table) => {
          const r = ratingsFromTriples(triplesOf(x), { categories: categories(x.K) });
          const c = cohenPairs(r, null, { minShared: 1 });
          return new Map([...c.a.keys()].map((p) => [`${r.annotators[c.a[p]]}|${r.annotators[c.b[p]]}`, c.kappa[p]]));
        };
        const [ka, kb] = [kappas(d), kappas(moved)];
        expect([...kb.keys()]).toEqual([...ka.keys()]);
        for (const [key, k] of ka) expectNear(kb.get(key)!, k, 1e-12);
      }),
      runs(200),
    );
  });

  it('reversing the scale (c → K − 1 − c) leaves ordinal and interval alpha and weighted Cohen unchanged', () => {
    fc.assert(
      fc.property(table(), (d) => {
        const reversed: Table = { ...d, cells: d.cells.map((v) => (v === null ? null : d.K - 1 - v)) };
        const [a, b] = [countsOf(d), countsOf(reversed)];
        for (const level of ['ordinal', 'interval'] as AlphaLevel[])
          expectNear(krippendorffAlpha(b, { level }).value, krippendorffAlpha(a, { level }).value, 1e-10);
        const pairsOf = (x: Table) =>
          cohenPairs(ratingsFromTriples(triplesOf(x), { categories: categories(x.K) }), null, { minShared: 1 });
        const [pa, pb] = [pairsOf(d), pairsOf(reversed)];
        for (let p = 0; p < pa.a.length; p++) {
          expectNear(pb.kappaLinear[p], pa.kappaLinear[p], 1e-10);
          expectNear(pb.kappaQuadratic[p], pa.kappaQuadratic[p], 1e-10);
        }
      }),
      runs(200),
    );
  });

  it('majorityVote: relabelling categories moves every unique plurality winner along; shuffling judgements and renaming ids changes no label', () => {
    const arb = withPermutation.chain(({ d, perm }) =>
      fc.record({
        d: fc.constant(d),
        perm: fc.constant(perm),
        order: permutation(triplesOf(d).length),
        itemPerm: permutation(d.nItems),
        annPerm: permutation(d.nAnn),
      }),
    );
    fc.assert(
      fc.property(arb, ({ d, perm, order, itemPerm, annPerm }) => {
        const triples = triplesOf(d);
        const r = ratingsFromTriples(triples, { categories: categories(d.K) });
        const mv = majorityVote(r);
        const byName = new Map(
          r.items.map((name, i) => [
            name,
            { label: mv.label[i], confidence: mv.confidence[i], votes: [...mv.votes.subarray(i * d.K, (i + 1) * d.K)] },
          ]),
        );
        // categories relabelled: a winner with a unique plurality moves with the permutation
        const relabelled = majorityVote(
          ratingsFromTriples(
            triples.map(([i, a, v]): Triple => [i, a, perm[v]]),
            { categories: categories(d.K) },
          ),
        );
        r.items.forEach((_, i) => {
          const votes = mv.votes.subarray(i * d.K, (i + 1) * d.K);
          const top = Math.max(...votes);
          if (votes.filter((v) => v === top).length === 1) expect(relabelled.label[i]).toBe(perm[mv.label[i]]);
          expectNear(relabelled.confidence[i], mv.confidence[i], 1e-12);
        });
        // judgements shuffled, items and annotators renamed: the same label per item
        const moved = order.map((j): Triple => [
          `item ${itemPerm[Number(triples[j][0].slice(1))]}`,
          `ann ${annPerm[Number(triples[j][1].slice(1))]}`,
          triples[j][2],
        ]);
        const r2 = ratingsFromTriples(moved, { categories: categories(d.K) });
        const mv2 = majorityVote(r2);
        r2.items.forEach((name, i) => {
          const original = byName.get(`i${itemPerm.indexOf(Number(name.slice(5)))}`)!;
          expect(mv2.label[i]).toBe(original.label);
          expectNear(mv2.confidence[i], original.confidence, 1e-12);
          expect([...mv2.votes.subarray(i * d.K, (i + 1) * d.K)]).toEqual(original.votes);
        });
      }),
      runs(200),
    );
  });
});

describe('agreement kernels on random tables: against naive implementations', () => {
  it('percentAgreement(counts).strict equals pairs of annotators counted item by item', () => {
    fc.assert(
      fc.property(table(), (d) => expectNear(percentAgreement(countsOf(d)).strict, naivePercentAgreement(d), 1e-12)),
      runs(300),
    );
  });

  it('fleissKappa(counts) equals Fleiss (1971) on complete tables (every item rated by the same m ≥ 2 raters)', () => {
    fc.assert(
      fc.property(table(5, 12, 6, false), (d) => {
        fc.pre(d.nAnn >= 2);
        const rows = labelsByItem(d);
        const want = fleiss1971(rows, d.K);
        const got = fleissKappa(countsOf(d));
        // Fleiss' formula divides 0 by 0 when a single category is used; the kernel says why instead
        if (new Set(d.cells).size < 2) expect(got.reason).not.toBeNull();
        else expectNear(got.value, want, 1e-10);
      }),
      runs(300),
    );
  });

  it("fleissKappa and gwetAc1 equal Gwet's formulas for missing ratings from the raw item × rater matrix", () => {
    fc.assert(
      fc.property(table(), (d) => {
        const t = countsOf(d);
        const { pa, pi } = gwetRaw(d);
        const fleissPe = pi.reduce((s, x) => s + x * x, 0);
        const ac1Pe = pi.reduce((s, x) => s + x * (1 - x), 0) / (d.K - 1);
        const f = fleissKappa(t),
          g = gwetAc1(t);
        expectNear(f.pa, pa, 1e-12);
        expectNear(g.pa, pa, 1e-12);
        expectNear(f.pe, fleissPe, 1e-12);
        expectNear(g.pe, ac1Pe, 1e-12);
        if (f.reason === null) expectNear(f.value, (pa - fleissPe) / (1 - fleissPe), 1e-10);
        if (g.reason === null) expectNear(g.value, (pa - ac1Pe) / (1 - ac1Pe), 1e-10);
      }),
      runs(300),
    );
  });

  it("krippendorffAlpha(counts) builds Krippendorff's coincidence matrix and nominal alpha = 1 − D_o / D_e from it", () => {
    fc.assert(
      fc.property(table(), (d) => {
        const o = coincidences(d);
        const got = krippendorffAlpha(countsOf(d));
        for (let c = 0; c < d.K; c++)
          for (let k = 0; k < d.K; k++) expectNear(got.coincidence[c * d.K + k], o[c][k], 1e-12);
        expectNear(got.value, naiveNominalAlpha(o), 1e-10);
      }),
      runs(300),
    );
  });

  it('cohenKappa(table) equals Cohen (1960) computed from the two label vectors', () => {
    const pair = fc.integer({ min: 2, max: 5 }).chain((K) =>
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: K - 1 }), fc.integer({ min: 0, max: K - 1 })), {
          minLength: 1,
          maxLength: 30,
        })
        .map((xy) => ({ K, xy })),
    );
    fc.assert(
      fc.property(pair, ({ K, xy }) => {
        const t = new Float64Array(K * K);
        for (const [x, y] of xy) t[x * K + y]++;
        const got = cohenKappa(t, { K });
        expectNear(
          got.kappa,
          naiveCohen(
            xy.map((p) => p[0]),
            xy.map((p) => p[1]),
            K,
          ),
          1e-10,
        );
        if (!Number.isNaN(got.kappa)) expect(got.kappa).toBeLessThanOrEqual(1 + 1e-12);
      }),
      runs(300),
    );
  });

  it('majorityVote(r) equals a plurality count per item on nominal data (ties to the lowest code) and the side rule on the 5-point scale', () => {
    fc.assert(
      fc.property(table(5, 10, 7), fc.boolean(), (d, preference) => {
        const scale: Scale = preference ? '5-point' : 'nominal';
        const data: Table = preference ? { ...d, K: 5 } : d;
        const r = ratingsFromTriples(triplesOf(data), preference ? { scale } : { categories: categories(data.K) });
        const mv = majorityVote(r);
        labelsByItem(data).forEach((labels, i) => {
          const code = r.items.indexOf(`i${i}`);
          if (code < 0) return expect(labels).toEqual([]); // an item without labels is not in the ratings
          const want = preference ? naivePreferenceVote(labels) : naivePlurality(labels, data.K);
          expect(mv.label[code]).toBe(want);
          expect(mv.n[code]).toBe(labels.length);
          expectNear(mv.confidence[code], labels.filter((v) => v === want).length / labels.length, 1e-12);
        });
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------- binomial test

/** R's binom.test p-value by brute force: Σ P(X = k) over the k with P(X = k) ≤ P(X = x)(1 + 10⁻⁷). */
function naiveBinomialP(x: number, n: number, p: number): number {
  const pmf = new Array<number>(n + 1);
  pmf[0] = (1 - p) ** n;
  for (let k = 0; k < n; k++) pmf[k + 1] = (pmf[k] * (n - k) * p) / ((k + 1) * (1 - p));
  const bound = pmf[x] * (1 + 1e-7);
  return Math.min(
    1,
    pmf.reduce((s, d) => (d <= bound ? s + d : s), 0),
  );
}

describe('binomialTest on random counts', () => {
  const counts = (maxN: number) =>
    fc.integer({ min: 1, max: maxN }).chain((n) => fc.record({ n: fc.constant(n), x: fc.integer({ min: 0, max: n }) }));
  /** p = j/64 (exact binary fractions, so 1 − p is exact too) or any double in (0.02, 0.98) */
  const prob = fc.oneof(
    fc.integer({ min: 1, max: 63 }).map((j) => j / 64),
    fc.double({ min: 0.02, max: 0.98, noNaN: true }),
  );

  it('binomialTest(x, n, {p}): p-value in [0, 1], the interval in [0, 1] around x / n', () => {
    fc.assert(
      fc.property(counts(100_000), prob, ({ x, n }, p) => {
        const t = binomialTest(x, n, { p });
        expect(t.pValue >= 0 && t.pValue <= 1).toBe(true);
        expect(0 <= t.ci[0] && t.ci[0] <= t.estimate && t.estimate <= t.ci[1] && t.ci[1] <= 1).toBe(true);
      }),
      runs(200),
    );
  });

  it('binomialTest(x, n, {p}) and binomialTest(n − x, n, {p: 1 − p}) give the same p-value and mirrored intervals', () => {
    fc.assert(
      fc.property(
        counts(5000),
        fc.integer({ min: 1, max: 63 }).map((j) => j / 64),
        ({ x, n }, p) => {
          const t = binomialTest(x, n, { p }),
            u = binomialTest(n - x, n, { p: 1 - p });
          expectNear(u.pValue, t.pValue, 1e-9);
          expectNear(u.ci[0], 1 - t.ci[1], 1e-9);
          expectNear(u.ci[1], 1 - t.ci[0], 1e-9);
          if (p === 0.5) expectNear(binomialTest(n - x, n).pValue, t.pValue, 1e-9);
        },
      ),
      runs(300),
    );
  });

  it("binomialTest(x, n, {p}).pValue equals the brute-force sum of R's rule for n ≤ 60", () => {
    fc.assert(
      fc.property(
        counts(60),
        fc.oneof(
          fc.integer({ min: 4, max: 60 }).map((j) => j / 64),
          fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        ),
        ({ x, n }, p) => {
          expectNear(binomialTest(x, n, { p }).pValue, naiveBinomialP(x, n, p), 1e-9);
        },
      ),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------- Bradley–Terry

describe('bradleyTerry on random comparisons', () => {
  const comparisons = fc.integer({ min: 2, max: 6 }).chain((M) =>
    fc.record({
      M: fc.constant(M),
      games: fc.array(
        fc.tuple(fc.integer({ min: 0, max: M - 1 }), fc.integer({ min: 0, max: M - 1 }), fc.constantFrom(0, 0.5, 1)),
        { maxLength: 40 },
      ),
    }),
  );
  const fit = ({ M, games }: { M: number; games: [number, number, number][] }) =>
    bradleyTerry(
      games.map((g) => g[0]),
      games.map((g) => g[1]),
      games.map((g) => g[2]),
      M,
    );

  it('fitted strengths are positive and sum to 1, ratings average 0 over the finite models, the rest NaN', () => {
    fc.assert(
      fc.property(comparisons, (c) => {
        const bt = fit(c);
        const fitted = [...bt.strength].filter((s) => !Number.isNaN(s));
        expect(fitted.length).toBe(bt.nFitted);
        if (bt.nFitted >= 2) {
          expect(fitted.every((s) => s > 0)).toBe(true);
          expectNear(
            fitted.reduce((s, x) => s + x, 0),
            1,
            1e-12,
          );
          const ratings = [...bt.rating].filter((_, i) => bt.finite[i]);
          expectNear(ratings.reduce((s, x) => s + x, 0) / ratings.length, 0, 1e-9);
        } else expect(bt.nFitted).toBe(0);
        bt.finite.forEach((f, i) => expect(Number.isNaN(bt.rating[i])).toBe(!f));
      }),
      runs(300),
    );
  });

  it('swapping the sides of every comparison (outcome 1 − s) and shuffling their order changes nothing', () => {
    const arb = comparisons.chain((c) =>
      fc.record({
        c: fc.constant(c),
        order: permutation(c.games.length),
        swap: fc.array(fc.boolean(), { minLength: c.games.length, maxLength: c.games.length }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, order, swap }) => {
        const bt = fit(c);
        const moved = order.map((k): [number, number, number] => {
          const [a, b, s] = c.games[k];
          return swap[k] ? [b, a, 1 - s] : [a, b, s];
        });
        const bt2 = fit({ M: c.M, games: moved });
        expect([...bt2.finite]).toEqual([...bt.finite]);
        expect([...bt2.component]).toEqual([...bt.component]);
        expect(bt2.main).toBe(bt.main);
        for (let i = 0; i < c.M; i++) {
          expectNear(bt2.strength[i], bt.strength[i], 1e-9);
          expectNear(bt2.rating[i], bt.rating[i], 1e-6);
        }
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------- routing curve

describe('routingCurve on random items', () => {
  const items = fc.array(
    fc.record({
      conf: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
      correct: fc.constantFrom(0, 1),
      agree: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
    }),
    { maxLength: 40 },
  );
  const price = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true }));
  const options = fc.record({
    spot: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    priceAi: price,
    priceHuman: price,
    priceExpert: price,
  });
  const grid = fc.oneof(
    fc.constant(undefined),
    fc
      .array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 20 })
      .map((g) => g.sort((x, y) => x - y)),
  );

  it('accuracy and shares in [0, 1]; cost and accuracy never fall as the threshold rises (prices ≥ 0)', () => {
    fc.assert(
      fc.property(items, options, grid, (list, opts, g) => {
        const t = routingTable(
          list.map((i) => i.conf),
          list.map((i) => i.correct),
          list.map((i) => i.agree),
          g ? { grid: g } : {},
        );
        const curve = routingCurve(t, opts);
        const G = curve.threshold.length;
        for (let k = 0; k < G; k++) {
          if (list.length === 0) {
            expect(curve.accuracy[k]).toBeNaN();
            expectNear(curve.cost[k], 1000 * opts.priceAi, 1e-12);
            continue;
          }
          for (const v of [curve.accuracy[k], curve.humanShare[k], curve.expertShare[k]])
            expect(v >= -1e-12 && v <= 1 + 1e-12).toBe(true);
          expect(curve.cost[k]).toBeGreaterThanOrEqual(1000 * opts.priceAi * (1 - 1e-12));
          if (k > 0) {
            const slack = 1e-9 * Math.max(1, curve.cost[k]);
            expect(curve.cost[k]).toBeGreaterThanOrEqual(curve.cost[k - 1] - slack);
            expect(curve.accuracy[k]).toBeGreaterThanOrEqual(curve.accuracy[k - 1] - 1e-12);
          }
        }
      }),
      runs(300),
    );
  });
});
