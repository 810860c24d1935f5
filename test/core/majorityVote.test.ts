// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { majorityVote } from '../../src/core/majorityVote';
import { judgementFilter } from '../../src/core/judgementFilter';
import { PREFERENCE_LABELS, SCALE_CODES, type Ratings, type Scale } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { CROWDKIT_TOY } from './referenceVectors';
import {
  SIMPLE,
  SIMPLE_MV_PROBAS,
  SIMPLE_TRUTH,
  TOY_MV_LABELS,
  TOY_MV_PROBAS,
  TOY_MV_SKILLS,
  TOY_WAWA_PROBAS,
  shuffled,
  syntheticCrowd,
} from './aggregationVectors';
import { goldCorrect, withZheng, zhengRatings } from './zhengRatings';

const names = (r: { categories: string[] }, label: Int32Array) =>
  Array.from(label, (c) => (c < 0 ? null : r.categories[c]));
const byItem = (r: { items: string[] }, label: Int32Array) =>
  Object.fromEntries(r.items.map((id, i) => [id, label[i]]));
/** Preference judgements of one item, one per annotator, as 5-point codes 0…4 = A>> A> = B> B>>; the
 *  categories are the scale's own (binary: A>, B> only). */
function pref(codes: number[], scale: Exclude<Scale, 'nominal'> = '5-point'): Ratings {
  const scaleCodes = [...SCALE_CODES[scale]];
  const r = ratingsFromTriples(
    codes.map((c, a): [string, string, number] => ['i', `a${a}`, c]),
    { categories: scaleCodes },
  );
  return {
    ...r,
    scale,
    categories: scaleCodes.map((c) => PREFERENCE_LABELS[c]),
    fivePoint: Int8Array.from(scaleCodes),
  };
}
const winner = (codes: number[], scale?: Exclude<Scale, 'nominal'>) => {
  const r = pref(codes, scale);
  return r.categories[majorityVote(r).label[0]];
};

describe('majorityVote: crowd-kit toy and simple data sets (crowd-kit tests @35f0661)', () => {
  const r = ratingsFromTriples(CROWDKIT_TOY);
  it('majorityVote(r) gives crowd-kit MajorityVote labels, the t1 2-2 tie to "no" (lowest code)', () => {
    expect(r.categories).toEqual(['no', 'yes']);
    const mv = majorityVote(r);
    expect(names(r, mv.label)).toEqual(TOY_MV_LABELS);
    expect(Array.from(mv.n)).toEqual([4, 5, 5, 5, 5]);
  });
  it('majorityVote(r) vote shares equal crowd-kit MajorityVote probabilities', () => {
    const mv = majorityVote(r);
    TOY_MV_PROBAS.forEach((row, i) => row.forEach((p, c) => closeTo(mv.votes[i * 2 + c] / mv.n[i], p, 1e-9)));
    TOY_MV_PROBAS.forEach((row, i) => closeTo(mv.confidence[i], Math.max(...row), 1e-9));
  });
  it('majorityVote(r, null, {weights: MV skills}) gives crowd-kit Wawa probabilities (t1: P(yes) = 1.2/2.6)', () => {
    const mv = majorityVote(r, null, { weights: Float64Array.from(TOY_MV_SKILLS) });
    expect(names(r, mv.label)).toEqual(TOY_MV_LABELS);
    closeTo(mv.votes[1] / (mv.votes[0] + mv.votes[1]), 1.2 / 2.6, 1e-12);
    TOY_WAWA_PROBAS.forEach((row, i) =>
      row.forEach((p, c) => closeTo(mv.votes[i * 2 + c] / (mv.votes[i * 2] + mv.votes[i * 2 + 1]), p, 1e-6)),
    );
  });
  it('majorityVote(simple) recovers the ground truth, the efd three-way tie to "chicken"', () => {
    const s = ratingsFromTriples(SIMPLE);
    const mv = majorityVote(s);
    const got = Object.fromEntries(s.items.map((id, i) => [id, s.categories[mv.label[i]]]));
    expect(got).toEqual(SIMPLE_TRUTH);
    s.items.forEach((id, i) => SIMPLE_MV_PROBAS[id].forEach((p, c) => closeTo(mv.votes[i * 3 + c] / mv.n[i], p, 1e-6)));
  });
});

describe('majorityVote: preference tie rules (docs/report-schema.md "Majority vote")', () => {
  it('majorityVote(r) on a 5-point scale: plurality side, then plurality strength', () => {
    expect(winner([0, 0, 1])).toBe('A>>');
    expect(winner([0, 0, 1, 3, 3])).toBe('A>>'); // A side 3 vs B side 2, although A>> and B> both have 2
    expect(winner([0, 1, 4])).toBe('A>'); // A side wins; A>> vs A> tie → the milder A>
    expect(winner([4, 4, 3, 3])).toBe('B>'); // B> vs B>> tie → B>
    expect(winner([0, 1, 2, 2, 2])).toBe('='); // the tie side has 3 of 5
  });
  it('majorityVote(r) on a 5-point scale: a tie between sides gives "="', () => {
    expect(winner([0, 4])).toBe('='); // A vs B, no "=" vote at all
    expect(winner([1, 1, 3, 4])).toBe('=');
    expect(winner([0, 2])).toBe('='); // A vs tie
    expect(winner([1, 2, 3])).toBe('='); // three-way
    expect(winner([0, 1, 2, 2, 3])).toBe('=');
  });
  it('majorityVote(r) on 3-way and binary scales; a binary A/B tie goes to A> (the lower code, as nominal)', () => {
    expect(winner([1, 3], '3-way')).toBe('=');
    expect(winner([1, 1, 3], '3-way')).toBe('A>');
    expect(winner([3, 3, 2], '3-way')).toBe('B>');
    expect(winner([1, 3], 'binary')).toBe('A>');
    expect(winner([1, 3, 3], 'binary')).toBe('B>');
  });
  it('majorityVote(r, null, {weights}) weighs sides: 0.8 + 0.4 for A vs 1.2 for B is a tie → "="', () => {
    const r = pref([1, 0, 3]);
    const mv = majorityVote(r, null, { weights: Float64Array.of(0.8, 0.4, 1.2) });
    expect(r.categories[mv.label[0]]).toBe('=');
    closeTo(mv.confidence[0], 0, 1e-12);
    const heavyA = majorityVote(r, null, { weights: Float64Array.of(0.8, 0.5, 1.2) });
    expect(r.categories[heavyA.label[0]]).toBe('A>');
  });
});

describe('majorityVote: degenerate input', () => {
  it('majorityVote(empty) gives empty outputs', () => {
    const mv = majorityVote(ratingsFromTriples([]));
    expect(mv.label).toHaveLength(0);
    expect(mv.votes).toHaveLength(0);
  });
  it('majorityVote(r, mask) leaves masked items unlabelled (-1, n 0, confidence NaN); one label is its own majority', () => {
    const r = ratingsFromTriples([
      ['i1', 'a', 'x'],
      ['i2', 'a', 'y'],
      ['i2', 'b', 'y'],
    ]);
    const mask = Uint8Array.of(0, 1, 1);
    const mv = majorityVote(r, mask);
    expect(Array.from(mv.label)).toEqual([-1, 1]);
    expect(Array.from(mv.n)).toEqual([0, 2]);
    expect(mv.confidence[0]).toBeNaN();
    expect(Array.from(majorityVote(r, judgementFilter(r)).label)).toEqual([0, 1]);
  });
  it('majorityVote(r, null, {weights}) leaves an item whose votes all weigh 0 unlabelled; bad weights throw', () => {
    const r = ratingsFromTriples([
      ['i1', 'a', 'x'],
      ['i2', 'b', 'y'],
    ]);
    expect(Array.from(majorityVote(r, null, { weights: Float64Array.of(0, 1) }).label)).toEqual([-1, 1]);
    expect(() => majorityVote(r, null, { weights: Float64Array.of(1) })).toThrow(/one per annotator/);
    expect(() => majorityVote(r, null, { weights: Float64Array.of(1, NaN) })).toThrow(/invalid weight/);
  });
});

describe('majorityVote: invariance', () => {
  it('majorityVote(r) labels do not change when judgements are shuffled and annotators renamed', () => {
    const { triples } = syntheticCrowd(3, 300, 4, [0.9, 0.8, 0.6, 0.3, 0, 0, 0.7, 0.5], 5);
    for (const scale of ['5-point', 'nominal'] as const) {
      const categories = scale === 'nominal' ? [0, 1, 2, 3, 4] : undefined;
      const base = ratingsFromTriples(triples, { scale, categories });
      const moved = shuffled(triples, 11).map(([i, a, l]): [string, string, number] => [
        i,
        `renamed-${a.length}-${a}`,
        l,
      ]);
      const other = ratingsFromTriples(moved, { scale, categories });
      expect(byItem(other, majorityVote(other).label)).toEqual(byItem(base, majorityVote(base).label));
    }
  });
});

withZheng('zheng2017-d-product', 'zheng2017-duck-identification').describe(
  'majorityVote: Zheng et al. (2017) data sets (crowd_truth_infer @8d21647)',
  () => {
    it('majorityVote(D_Product) is right on exactly 7455 of 8315 items (no ties); Duck 82 of 108', async () => {
      const product = await zhengRatings('zheng2017-d-product');
      const mv = majorityVote(product);
      expect(goldCorrect(mv.label, product.itemGold)).toEqual({ correct: 7455, n: 8315 });
      for (let i = 0; i < product.items.length; i++) expect(mv.votes[2 * i]).not.toBe(mv.votes[2 * i + 1]);
      const duck = await zhengRatings('zheng2017-duck-identification');
      expect(goldCorrect(majorityVote(duck).label, duck.itemGold)).toEqual({ correct: 82, n: 108 });
    });
  },
);
