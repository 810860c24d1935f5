// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { dawidSkene } from '../../src/core/dawidSkene';
import { majorityVote } from '../../src/core/majorityVote';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { CROWDKIT_TOY } from './referenceVectors';
import { SIMPLE, SIMPLE_TRUTH, TOY_DS_STEPS, TOY_TRUTH, shuffled, syntheticCrowd } from './aggregationVectors';
import { goldCorrect, withZheng, zhengRatings } from './zhengRatings';

const names = (r: { categories: string[] }, label: Int32Array) =>
  Array.from(label, (c) => (c < 0 ? null : r.categories[c]));
const byItem = (r: { items: string[] }, label: Int32Array) =>
  Object.fromEntries(r.items.map((id, i) => [id, label[i]]));
const rowSums = (x: Float64Array, K: number) =>
  Array.from({ length: x.length / K }, (_, r) => x.subarray(r * K, r * K + K).reduce((a, b) => a + b, 0));

describe('dawidSkene: crowd-kit step by step (test_dawid_skene_step_by_step @35f0661, atol 0.005)', () => {
  const r = ratingsFromTriples(CROWDKIT_TOY);
  for (const [iter, step] of [
    [0, TOY_DS_STEPS.iter0],
    [1, TOY_DS_STEPS.iter1],
  ] as const) {
    it(`dawidSkene(r, null, {maxIterations: ${iter}}) matches crowd-kit's posteriors, priors, labels and errors`, () => {
      for (const accelerate of [true, false]) {
        const ds = dawidSkene(r, null, { maxIterations: iter, accelerate });
        expect(ds.iterations).toBe(iter);
        step.probas.forEach((row, i) => row.forEach((p, k) => closeTo(ds.posterior[i * 2 + k], p, 0.005)));
        step.priors.forEach((p, k) => closeTo(ds.priors[k], p, 0.005));
        expect(names(r, ds.label)).toEqual(step.labels);
        // errors[w][observed][true] = confusion[(w * K + true) * K + observed]
        step.errors.forEach((w, a) =>
          w.forEach((row, l) => row.forEach((p, k) => closeTo(ds.confusion[(a * 2 + k) * 2 + l], p, 0.005))),
        );
      }
    });
  }
  it('dawidSkene(r, null, {maxIterations: 2}) matches the recomputed second iteration', () => {
    const ds = dawidSkene(r, null, { maxIterations: 2 });
    TOY_DS_STEPS.iter2.probas.forEach((row, i) => row.forEach((p, k) => closeTo(ds.posterior[i * 2 + k], p, 5e-5)));
    TOY_DS_STEPS.iter2.priors.forEach((p, k) => closeTo(ds.priors[k], p, 5e-5));
  });
  it('dawidSkene(r) recovers the toy ground truth, with 10 iterations and to convergence, plain and accelerated', () => {
    for (const options of [{ maxIterations: 10, tolerance: 0 }, {}, { accelerate: false }]) {
      const ds = dawidSkene(r, null, options);
      expect(names(r, ds.label)).toEqual(TOY_TRUTH);
    }
    const ds = dawidSkene(r);
    expect(ds.converged).toBe(true);
    expect(ds.maxChange).toHaveLength(ds.iterations);
    expect(ds.maxChange.at(-1)).toBeLessThan(1e-6);
    rowSums(ds.confusion, 2).forEach((s) => closeTo(s, 1, 1e-9));
    closeTo(ds.priors[0] + ds.priors[1], 1, 1e-9);
    rowSums(ds.posterior, 2).forEach((s) => closeTo(s, 1, 1e-12));
  });
  it("dawidSkene(simple) recovers the ground truth of crowd-kit's simple data set", () => {
    const s = ratingsFromTriples(SIMPLE);
    for (const options of [{ maxIterations: 10 }, {}, { accelerate: false }]) {
      const ds = dawidSkene(s, null, options);
      expect(Object.fromEntries(s.items.map((id, i) => [id, s.categories[ds.label[i]]]))).toEqual(SIMPLE_TRUTH);
    }
  });
  it('dawidSkene(overlap data, {maxIterations: 20}) gives every task (no 1/3, yes 2/3) as crowd-kit (test_dawid_skene_overlap)', () => {
    for (const overlap of [3, 300, 30000]) {
      const triples: [string, string, string][] = [];
      for (let p = 0; p < overlap; p++)
        for (let t = 0; t < 3; t++) triples.push([`t${t}`, `w${p}`, (p - t) % 3 !== 0 ? 'yes' : 'no']);
      const ds = dawidSkene(ratingsFromTriples(triples), null, { maxIterations: 20 });
      for (let t = 0; t < 3; t++) closeTo(ds.posterior[t * 2 + 1], 2 / 3, 0.005);
      closeTo(ds.priors[1], 2 / 3, 0.005);
      expect(Array.from(ds.label)).toEqual([1, 1, 1]);
    }
  });
});

describe('dawidSkene: degenerate input and ties', () => {
  it('dawidSkene(empty) gives empty outputs with NaN priors', () => {
    const ds = dawidSkene(ratingsFromTriples([], { categories: ['x', 'y'] }));
    expect(ds.label).toHaveLength(0);
    expect(ds.nLabelled).toBe(0);
    expect(ds.iterations).toBe(0);
    expect(ds.priors[0]).toBeNaN();
  });
  it('dawidSkene(r, mask) leaves items without selected labels at -1 with a zero posterior row', () => {
    const r = ratingsFromTriples([
      ['i1', 'a', 'x'],
      ['i1', 'b', 'x'],
      ['i2', 'a', 'y'],
      ['i2', 'b', 'y'],
      ['i3', 'a', 'x'],
    ]);
    const ds = dawidSkene(r, Uint8Array.of(1, 1, 1, 1, 0));
    expect(Array.from(ds.label)).toEqual([0, 1, -1]);
    expect(Array.from(ds.posterior.subarray(4))).toEqual([0, 0]);
    expect(ds.confidence[2]).toBeNaN();
    expect(ds.nLabelled).toBe(2);
  });
  it('dawidSkene(r) breaks posterior ties as majority vote among the labels given: A>> vs A> → A>; A> vs B> → A> (not "=", which nobody gave); nominal → lowest code', () => {
    const pref = (codes: number[], more: [string, string, number][] = []) =>
      ratingsFromTriples([...codes.map((c, a): [string, string, number] => ['i', `a${a}`, c]), ...more], {
        scale: '5-point',
      });
    const label = (codes: number[], anyLabel = false, more: [string, string, number][] = []) =>
      ['A>>', 'A>', '=', 'B>', 'B>>'][dawidSkene(pref(codes, more), null, { anyLabel }).label[0]];
    expect(label([1, 3])).toBe('A>');
    // "=" used on another item: with anyLabel the tie between sides goes to it, as majority vote's rule says, though
    // nobody gave it on this item; without, the item keeps one of its own labels
    const tieElsewhere: [string, string, number][] = [
      ['j', 'a0', 2],
      ['j', 'a1', 2],
    ];
    expect(label([1, 3], true, tieElsewhere)).toBe('=');
    expect(label([1, 3], false, tieElsewhere)).toBe('A>');
    expect(dawidSkene(pref([1, 3], tieElsewhere)).outsideGiven).toBe(1);
    expect(label([0, 1])).toBe('A>');
    expect(label([4, 3])).toBe('B>');
    const nominal = ratingsFromTriples([
      ['i', 'a', 'y'],
      ['i', 'b', 'x'],
    ]);
    expect(dawidSkene(nominal).label[0]).toBe(0);
  });
  it('dawidSkene(r) gives no mass to categories nobody used and never labels an item with a category none of its annotators gave', () => {
    // a 5-point scale of which the annotators used only A> and B> (crowd 0 / 1 labels on a preference scale)
    const { triples } = syntheticCrowd(7, 300, 3, [0.9, 0.8, 0.7, 0.6, 0.55, 0.5], 2);
    const r = ratingsFromTriples(
      triples.map(([i, a, l]): [string, string, number] => [i, a, l === 0 ? 1 : 3]),
      { scale: '5-point' },
    );
    const ds = dawidSkene(r);
    expect(ds.unused).toEqual([0, 2, 4]);
    for (const k of ds.unused) {
      expect(ds.priors[k]).toBe(0);
      for (let i = 0; i < r.items.length; i++) expect(ds.posterior[i * 5 + k]).toBe(0);
      // each annotator's confusion row of an unused true class is uniform; no mass lands in an unused column
      for (let a = 0; a < r.annotators.length; a++) {
        expect(Array.from(ds.confusion.subarray((a * 5 + k) * 5, (a * 5 + k + 1) * 5))).toEqual([
          0.2, 0.2, 0.2, 0.2, 0.2,
        ]);
        for (const t of [1, 3]) expect(ds.confusion[(a * 5 + t) * 5 + k]).toBe(0);
      }
    }
    expect(new Set(ds.label)).toEqual(new Set([1, 3]));
    // every label is one of the item's own labels
    const givenBy = new Map<number, Set<number>>();
    for (let j = 0; j < r.n; j++) givenBy.set(r.item[j], (givenBy.get(r.item[j]) ?? new Set()).add(r.label[j]));
    ds.label.forEach((l, i) => expect(givenBy.get(i)!.has(l)).toBe(true));
    // the fit on the used categories alone is the same fit
    const alone = dawidSkene(ratingsFromTriples(triples, { categories: [0, 1] }));
    ds.label.forEach((l, i) => expect(l).toBe(alone.label[i] === 0 ? 1 : 3));
    alone.priors.forEach((p, c) => closeTo(ds.priors[c === 0 ? 1 : 3], p, 1e-12));
  });
  it("dawidSkene(r) with one label per item keeps every item's label", () => {
    const r = ratingsFromTriples(
      Array.from({ length: 40 }, (_, i): [string, string, number] => [`i${i}`, 'only', i % 5]),
      { scale: '5-point' },
    );
    const ds = dawidSkene(r);
    ds.label.forEach((l, i) => expect(l).toBe(i % 5));
  });
  it('dawidSkene(r, null, {init}) rejects an unknown start', () => {
    expect(() => dawidSkene(ratingsFromTriples(CROWDKIT_TOY), null, { init: 'uniform' as 'majority' })).toThrow(
      /invalid init/,
    );
  });
});

describe('dawidSkene: a seeded crowd with known annotator quality', () => {
  // 12 careful annotators (accuracy 0.55–0.9) and 8 random clickers, 5 labels per item, 5 categories
  const qualities = [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.9, 0.8, 0.7, 0.6, 0, 0, 0, 0, 0, 0, 0, 0];
  const { triples, truth } = syntheticCrowd(20240601, 2000, 5, qualities, 5);
  const accuracy = (r: { items: string[] }, label: Int32Array) =>
    r.items.filter((id, i) => label[i] === truth.get(id)).length / r.items.length;
  it('dawidSkene(r) beats majority vote against the truth on a 5-point scale', () => {
    const r = ratingsFromTriples(triples, { scale: '5-point' });
    const mv = accuracy(r, majorityVote(r).label),
      ds = accuracy(r, dawidSkene(r).label);
    expect(ds).toBeGreaterThan(mv + 0.03);
    expect(ds).toBeGreaterThan(0.85);
  });
  it('dawidSkene(r) with and without acceleration reaches the same fixed point (plain EM: >1000 passes here)', () => {
    const r = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
    const fast = dawidSkene(r, null, { maxIterations: 3000 }),
      plain = dawidSkene(r, null, { accelerate: false, maxIterations: 3000 });
    expect(fast.converged && plain.converged).toBe(true);
    expect(fast.iterations).toBeLessThan(plain.iterations / 5);
    expect(Array.from(fast.label)).toEqual(Array.from(plain.label));
    // plain EM stops farther from the fixed point when it crawls (change / (1 - rate))
    fast.posterior.forEach((p, x) => closeTo(p, plain.posterior[x], 5e-4));
    expect(fast.maxChange.at(-1)).toBeLessThan(1e-6);
  });
  it('dawidSkene(r) labels do not change when judgements are shuffled and annotators renamed', () => {
    for (const scale of ['5-point', 'nominal'] as const) {
      const categories = scale === 'nominal' ? [0, 1, 2, 3, 4] : undefined;
      const base = ratingsFromTriples(triples, { scale, categories });
      const moved = shuffled(triples, 5).map(([i, a, l]): [string, string, number] => [
        i,
        `x${a.split('').reverse().join('')}`,
        l,
      ]);
      const other = ratingsFromTriples(moved, { scale, categories });
      expect(byItem(other, dawidSkene(other).label)).toEqual(byItem(base, dawidSkene(base).label));
    }
  });
});

// Zheng et al. (2017): ZHENG's published c_EM run outputs (`output/exp-3/…/accuracy_c_EM`, 0% gold) and an
// independent recomputation (MV start, no smoothing, 100 iterations); CKJOSS for D_Product.
// Source names: the header of test/core/referenceVectors.ts.
const SETS = ['zheng2017-d-product', 'zheng2017-duck-identification', 'zheng2017-dog', 'zheng2017-face-sentiment'];
withZheng(...SETS).describe('dawidSkene: Zheng et al. (2017) data sets (crowd_truth_infer @8d21647)', () => {
  it('dawidSkene(D_Product) accuracy lies in [0.935, 0.941] (CKJOSS 0.940, ZHENG 0.9366), above MV 0.8966', async () => {
    const r = await zhengRatings('zheng2017-d-product');
    for (const accelerate of [true, false]) {
      const { correct, n } = goldCorrect(dawidSkene(r, null, { accelerate }).label, r.itemGold);
      expect(correct / n).toBeGreaterThanOrEqual(0.935);
      expect(correct / n).toBeLessThanOrEqual(0.941);
    }
  });
  it('dawidSkene(Duck) is right on 95–97 of 108 (ZHENG 95, recomputed 97); Dog 680 ± 3 of 807; Face 374 ± 3 of 584', async () => {
    const expected: [string, number, number, number][] = [
      ['zheng2017-duck-identification', 95, 97, 108],
      ['zheng2017-dog', 677, 683, 807],
      ['zheng2017-face-sentiment', 371, 377, 584],
    ];
    for (const [name, lo, hi, n] of expected) {
      const r = await zhengRatings(name);
      for (const accelerate of [true, false]) {
        const got = goldCorrect(dawidSkene(r, null, { accelerate }).label, r.itemGold);
        expect(got.n).toBe(n);
        expect(got.correct).toBeGreaterThanOrEqual(lo);
        expect(got.correct).toBeLessThanOrEqual(hi);
      }
    }
  });
});
