// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dawidSkene } from '../../src/core/dawidSkene';
import type { Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { whenShared } from '../helpers/shared';
import { SIMPLE, SIMPLE_TRUTH, TOY_TRUTH, syntheticCrowd } from './aggregationVectors';
import { CROWDKIT_TOY } from './referenceVectors';
import { hasZheng, zhengRatings } from './zhengRatings';

/** Per item: the gold category code of the named items (`gold` as id → category name), -1 elsewhere. */
const goldOf = (r: Ratings, gold: Record<string, string>) =>
  Int32Array.from(r.items, (id) => (id in gold ? r.categories.indexOf(gold[id]) : -1));
const names = (r: Ratings, label: Int32Array) => Array.from(label, (c) => (c < 0 ? null : r.categories[c]));

/**
 * crowd-kit 1.4.1 (Toloka/crowd-kit @35f06615e6dc, Apache-2.0) `DawidSkene(n_iter).fit(df, true_labels)`, run
 * here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3, on the toy and simple sets with their gold subsets
 * (`tests/conftest.py` `toy_gold_df`, `simple_gold_df`): probabilities per task after n_iter = 0, 1, 2, rounded
 * to 6 decimals. Toy columns [no, yes] in task order t1…t5; simple columns [chicken, goose, parrot].
 */
const TOY_GOLD = { t1: 'yes', t2: 'yes' };
const TOY_GOLD_PROBAS = [
  [
    [0, 1],
    [0, 1],
    [0.6, 0.4],
    [0, 1],
    [0.8, 0.2],
  ],
  [
    [0, 1],
    [0, 1],
    [0.925714, 0.074286],
    [0, 1],
    [0.970787, 0.029213],
  ],
  [
    [0, 1],
    [0, 1],
    [0.998314, 0.001686],
    [0, 1],
    [0.999201, 0.000799],
  ],
];
const TOY_GOLD_PRIORS = [
  [0.28, 0.72],
  [0.3793, 0.6207],
  [0.399503, 0.600497],
];
const SIMPLE_GOLD = { eec: 'goose', efb: 'parrot', ee8: 'chicken' };
const SIMPLE_GOLD_PROBAS: Record<string, number[]>[] = [
  { ee4: [0.666667, 0, 0.333333], efd: [0.333333, 0.333333, 0.333333], f05: [0, 0.666667, 0.333333] },
  { ee4: [0.615385, 0, 0.384615], efd: [0.702703, 0.263514, 0.033784], f05: [0, 0.976744, 0.023256] },
  { ee4: [0.751035, 0, 0.248965], efd: [0.772619, 0.225236, 0.002145], f05: [0, 0.999879, 0.000121] },
];
const SIMPLE_GOLD_PRIORS = [
  [0.2, 0.3, 0.5],
  [0.231809, 0.324026, 0.444165],
  [0.252365, 0.322511, 0.425123],
];

describe('dawidSkene(r, null, {gold}): crowd-kit DawidSkene.fit(df, true_labels) on its toy and simple sets', () => {
  const toy = ratingsFromTriples(CROWDKIT_TOY),
    simple = ratingsFromTriples(SIMPLE);
  it("dawidSkene(toy, null, {maxIterations: 0…2, gold}) gives gold tasks probability 1.0 and crowd-kit's probabilities and priors", () => {
    const gold = goldOf(toy, TOY_GOLD);
    for (const accelerate of [true, false])
      for (const iter of [0, 1, 2]) {
        const ds = dawidSkene(toy, null, { maxIterations: iter, gold, accelerate });
        expect(ds.nGold).toBe(2);
        expect(ds.iterations).toBe(iter);
        for (const i of [0, 1]) expect(Array.from(ds.posterior.subarray(i * 2, i * 2 + 2))).toEqual([0, 1]);
        TOY_GOLD_PROBAS[iter].forEach((row, i) => row.forEach((p, k) => closeTo(ds.posterior[i * 2 + k], p, 1e-6)));
        TOY_GOLD_PRIORS[iter].forEach((p, k) => closeTo(ds.priors[k], p, 1e-6));
        expect(names(toy, ds.label)).toEqual(TOY_TRUTH);
      }
  });
  it("dawidSkene(simple, null, {maxIterations: 0…2, gold}) gives gold tasks probability 1.0 and crowd-kit's probabilities and priors", () => {
    const gold = goldOf(simple, SIMPLE_GOLD);
    for (const iter of [0, 1, 2]) {
      const ds = dawidSkene(simple, null, { maxIterations: iter, gold });
      expect(ds.nGold).toBe(3);
      for (const [id, c] of Object.entries(SIMPLE_GOLD)) {
        const i = simple.items.indexOf(id),
          k = simple.categories.indexOf(c);
        expect(Array.from(ds.posterior.subarray(i * 3, i * 3 + 3))).toEqual([0, 1, 2].map((x) => (x === k ? 1 : 0)));
        expect(ds.confidence[i]).toBe(1);
      }
      for (const [id, row] of Object.entries(SIMPLE_GOLD_PROBAS[iter])) {
        const i = simple.items.indexOf(id);
        row.forEach((p, k) => closeTo(ds.posterior[i * 3 + k], p, 1e-6));
      }
      SIMPLE_GOLD_PRIORS[iter].forEach((p, k) => closeTo(ds.priors[k], p, 1e-6));
      expect(Object.fromEntries(simple.items.map((id, i) => [id, simple.categories[ds.label[i]]]))).toEqual(
        SIMPLE_TRUTH,
      );
    }
  });
  it('dawidSkene(r, null, {gold}) recovers the ground truth with 10 passes and to convergence (test_aggregate_ds_gold_on_toy_ysda)', () => {
    for (const options of [{ maxIterations: 10, tolerance: 0 }, {}, { accelerate: false }]) {
      const t = dawidSkene(toy, null, { ...options, gold: goldOf(toy, TOY_GOLD) });
      expect(names(toy, t.label)).toEqual(TOY_TRUTH);
      expect(t.converged || options.maxIterations === 10).toBe(true);
      const s = dawidSkene(simple, null, { ...options, gold: goldOf(simple, SIMPLE_GOLD) });
      expect(Object.fromEntries(simple.items.map((id, i) => [id, simple.categories[s.label[i]]]))).toEqual(
        SIMPLE_TRUTH,
      );
    }
  });
  it('dawidSkene(toy, null, {maxIterations: 1, gold: t1, t2 yes}): the hand-computed first pass', () => {
    // the start (gold one-hot, else vote shares): t1 (0, 1), t2 (0, 1), t3 (.6, .4), t4 (0, 1), t5 (.8, .2) as
    // (no, yes); priors (1.4, 3.6) / 5. M-step, P(observed | true) from the true-class mass of each worker's tasks:
    // w1 answered yes on t3, t5 (true-no mass 1.4) → P(no | no) = 0 (floored 1e-12); yes-mass 3.6, of it "no" on t1:
    // P(no | yes) = 1 / 3.6. w2: P(no | no) = 1, P(no | yes) = .6 / 3.6. w3 (no t1): 1 and .6 / 2.6.
    // w4: P(no | no) = .8 / 1.4 = 4/7, P(no | yes) = 1.2 / 3.6. w5: 1 and 2.6 / 3.6.
    const ds0 = dawidSkene(toy, null, { maxIterations: 0, gold: goldOf(toy, TOY_GOLD) });
    const cf = (w: number, t: number, o: number) => ds0.confusion[(w * 2 + t) * 2 + o];
    closeTo(cf(0, 0, 0), 1e-12, 1e-15);
    closeTo(cf(0, 1, 0), 1 / 3.6, 1e-12);
    closeTo(cf(2, 1, 0), 0.6 / 2.6, 1e-12);
    closeTo(cf(3, 0, 0), 4 / 7, 1e-12);
    closeTo(cf(4, 1, 1), 1 / 3.6, 1e-12);
    // E-step on t3 (w1 yes, w2 no, w3 no, w4 yes, w5 no):
    // no ∝ .28 · 1 · 1 · 1 · 3/7 · 1 = .12; yes ∝ .72 · (2.6/3.6) · (.6/3.6) · (.6/2.6) · (2.4/3.6) · (2.6/3.6) = .26/27
    // P(no) = .12 / (.12 + .26/27) = 3.24 / 3.5 = 162/175
    const ds1 = dawidSkene(toy, null, { maxIterations: 1, gold: goldOf(toy, TOY_GOLD) });
    closeTo(ds1.posterior[2 * 2], 162 / 175, 1e-9);
    // the next M-step's priors: the mean posterior, gold rows included
    closeTo(ds1.priors[0], (162 / 175 + ds1.posterior[4 * 2]) / 5, 1e-12);
  });
});

describe('dawidSkene(r, null, {gold}): options, defaults and acceleration', () => {
  const toy = ratingsFromTriples(CROWDKIT_TOY);
  it('dawidSkene(r) and dawidSkene(r, null, {gold: null}) or all -1 are the fit without gold, nGold 0', () => {
    const plain = dawidSkene(toy);
    for (const gold of [null, new Int32Array(5).fill(-1)]) {
      const ds = dawidSkene(toy, null, { gold });
      expect(ds.nGold).toBe(0);
      expect(Array.from(ds.posterior)).toEqual(Array.from(plain.posterior));
      expect(Array.from(ds.confusion)).toEqual(Array.from(plain.confusion));
    }
    expect(plain.nGold).toBe(0);
  });
  it('dawidSkene(r, null, {gold}) rejects a gold array of the wrong length or with an unknown category', () => {
    expect(() => dawidSkene(toy, null, { gold: new Int32Array(4) })).toThrow(/gold: 4 entries for 5 items/);
    expect(() => dawidSkene(toy, null, { gold: Int32Array.of(2, -1, -1, -1, -1) })).toThrow(/invalid gold category/);
  });
  it('dawidSkene(r, mask, {gold}) leaves out gold items without selected labels; a gold label stands against the votes', () => {
    // t1 (gold yes) has all its judgements masked out; t4 (yes from four of five) is gold "no"
    const mask = Uint8Array.from(CROWDKIT_TOY, ([t]) => (t === 't1' ? 0 : 1));
    const gold = Int32Array.of(1, -1, -1, 0, -1);
    const ds = dawidSkene(toy, mask, { gold });
    expect(ds.nGold).toBe(1);
    expect(ds.label[0]).toBe(-1);
    expect(ds.label[3]).toBe(0);
    expect(ds.confidence[3]).toBe(1);
    // a gold category nobody used takes part in the fit: one-hot on it, never an unused category
    const r = ratingsFromTriples(
      [
        ['i1', 'a', 'x'],
        ['i1', 'b', 'x'],
        ['i2', 'a', 'x'],
        ['i2', 'b', 'y'],
        ['i3', 'a', 'y'],
      ],
      { categories: ['x', 'y', 'z'] },
    );
    const z = dawidSkene(r, null, { gold: Int32Array.of(2, -1, -1) });
    expect(z.unused).toEqual([]);
    expect(z.label[0]).toBe(2);
    expect(Array.from(z.posterior.subarray(0, 3))).toEqual([0, 0, 1]);
    expect(z.outsideGiven).toBe(0);
    closeTo(z.priors[2], 1 / 3, 1e-12);
    // annotator a answered x on the z item: P(x | z) = 1 for both annotators
    closeTo(z.confusion[(0 * 3 + 2) * 3 + 0], 1, 1e-9);
    // without the gold, z is unused
    expect(dawidSkene(r).unused).toEqual([2]);
  });
  it('dawidSkene(r, null, {gold}): SQUAREM keeps gold rows exactly one-hot and reaches the plain-EM fixed point', () => {
    // 12 careful annotators and 8 random clickers, 5 categories; every 7th item gold
    const qualities = [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.9, 0.8, 0.7, 0.6, 0, 0, 0, 0, 0, 0, 0, 0];
    const { triples, truth } = syntheticCrowd(20240601, 2000, 5, qualities, 5);
    for (const K of [5, 7]) {
      // K = 7: two categories nobody used, so the fit runs on the used five (and W = 7 exercises the general pass)
      const r = ratingsFromTriples(triples, { categories: [...Array(K).keys()] });
      const gold = Int32Array.from(r.items, (id, i) => (i % 7 === 0 ? truth.get(id)! : -1));
      const fast = dawidSkene(r, null, { gold, maxIterations: 3000 }),
        plain = dawidSkene(r, null, { gold, accelerate: false, maxIterations: 3000 });
      expect(fast.converged && plain.converged).toBe(true);
      expect(fast.iterations).toBeLessThan(plain.iterations);
      expect(fast.nGold).toBe(Math.ceil(2000 / 7));
      gold.forEach((g, i) => {
        if (g < 0) return;
        for (let k = 0; k < K; k++) expect(fast.posterior[i * K + k]).toBe(k === g ? 1 : 0);
        expect(fast.label[i]).toBe(g);
      });
      expect(Array.from(fast.label)).toEqual(Array.from(plain.label));
      fast.posterior.forEach((p, x) => closeTo(p, plain.posterior[x], 5e-4));
      // on the other items, the fit with gold is right about as often as the fit without (within 5 of 1,714)
      const right = (label: Int32Array) => r.items.filter((id, i) => gold[i] < 0 && label[i] === truth.get(id)).length;
      expect(right(fast.label)).toBeGreaterThanOrEqual(right(dawidSkene(r).label) - 5);
    }
  }, 30_000); // plain EM: ~1,000 passes per K
});

/**
 * crowd-kit 1.4.1 (Toloka/crowd-kit @35f06615e6dc, Apache-2.0), python 3.11.2, numpy 1.24.2, pandas 1.5.3:
 * `DawidSkene(n_iter=1000, tol=-1e18).fit(df, true_labels=gold)` (a thousand passes, no early stop: its fixed
 * point; 1,500 gave the same figures on Duck, Dog and Face) on the Zheng et al. (2017) sets read as strings, gold =
 * truth.csv's label of every 10th task in order of first appearance in answer.csv (prefscope's item order: items
 * 0, 10, 20, …). Recorded on the other (non-gold) tasks: labels per class, right answers against truth.csv, tasks,
 * and tasks whose label none of their annotators gave. crowd-kit gives every gold task its gold label.
 */
const CROWD_KIT_GOLD: Record<
  string,
  { gold: number; counts: Record<string, number>; right: number; n: number; invented: number }
> = {
  'zheng2017-duck-identification': { gold: 11, counts: { 0: 57, 1: 40 }, right: 87, n: 97, invented: 0 },
  'zheng2017-dog': { gold: 81, counts: { 0: 155, 1: 171, 2: 152, 3: 248 }, right: 608, n: 726, invented: 0 },
  'zheng2017-face-sentiment': { gold: 59, counts: { 0: 216, 1: 135, 2: 92, 3: 82 }, right: 349, n: 525, invented: 0 },
  'zheng2017-d-product': { gold: 832, counts: { 0: 6719, 1: 764 }, right: 7020, n: 7483, invented: 25 },
};

/** Labels per class and right answers on the non-gold items. */
function nonGold(r: Ratings, gold: Int32Array, label: Int32Array) {
  const counts: Record<string, number> = {};
  let right = 0,
    n = 0;
  label.forEach((l, i) => {
    if (gold[i] >= 0) return;
    counts[r.categories[l]] = (counts[r.categories[l]] ?? 0) + 1;
    n++;
    if (l === r.itemGold[i]) right++;
  });
  return { counts, right, n };
}

for (const [name, expected] of Object.entries(CROWD_KIT_GOLD))
  whenShared(hasZheng(name)).describe(`${name}, every 10th task gold, against crowd-kit 1.4.1`, () => {
    it("dawidSkene(r, null, {gold, anyLabel: true}) to convergence reaches crowd-kit's fixed point on the non-gold tasks", async () => {
      const r = await zhengRatings(name);
      const gold = Int32Array.from(r.itemGold, (g, i) => (i % 10 === 0 ? g : -1));
      const options = { gold, tolerance: 1e-10, maxIterations: 10_000 };
      const free = dawidSkene(r, null, { ...options, anyLabel: true });
      expect(free.converged).toBe(true);
      expect(
        gold.every((g, i) => g < 0 || (free.label[i] === g && free.posterior[i * r.categories.length + g] === 1)),
      ).toBe(true);
      const { invented, ...figures } = expected;
      expect({ gold: free.nGold, ...nonGold(r, gold, free.label) }).toEqual(figures);
      // by default no label none of the item's annotators gave: those items (crowd-kit's invented ones) differ only
      const kept = dawidSkene(r, null, options);
      expect(kept.outsideGiven).toBe(invented);
      expect(kept.label.reduce((s, l, i) => s + (l === free.label[i] ? 0 : 1), 0)).toBe(invented);
    }, 60_000);
  });
