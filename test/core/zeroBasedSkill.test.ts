// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { majorityVote } from '../../src/core/majorityVote';
import type { Ratings } from '../../src/core/types';
import { zeroBasedSkill } from '../../src/core/zeroBasedSkill';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { whenShared } from '../helpers/shared';
import { SIMPLE, SIMPLE_TRUTH, TOY_MV_LABELS, TOY_MV_SKILLS, TOY_WAWA_PROBAS, shuffled } from './aggregationVectors';
import { CROWDKIT_TOY } from './referenceVectors';
import { goldCorrect, hasZheng, zhengRatings } from './zhengRatings';

const names = (r: Ratings, label: Int32Array) => Array.from(label, (c) => (c < 0 ? null : r.categories[c]));
const byItem = (r: Ratings, label: Int32Array) => Object.fromEntries(r.items.map((id, i) => [id, names(r, label)[i]]));
const share = (r: Ratings, votes: Float64Array, i: number, c: number) => {
  const K = r.categories.length;
  let total = 0;
  for (let k = 0; k < K; k++) total += votes[i * K + k];
  return votes[i * K + c] / total;
};

/** crowd-kit `tests/aggregation/data_zbs.py` (@35f0661): simple data set, skills per worker and probas [chicken, goose, parrot]. */
const SIMPLE_ZBS_SKILLS: Record<string, number> = {
  '0c3eb7d5fcc414db137c4180a654c06e': 0.333333,
  '0f65edea0a6dc7b9acba1dea313bbb3d': 1.0,
  a452e450f913cfa987cad58d50393718: 1.0,
  b17c3301ad2ccbb798716fdd405d16e8: 1.0,
  bde3b214b06c1efa6cb1bc6284dc72d2: 1.0,
  e563e2fb32fce9f00123a65a1bc78c55: 0.666667,
};
const SIMPLE_ZBS_PROBAS: Record<string, number[]> = {
  ee4: [0.857143, 0.0, 0.142857],
  ee8: [0.818182, 0.181818, 0.0],
  eec: [0.0, 0.9, 0.1],
  efb: [0.0, 0.0, 1.0],
  efd: [0.5, 0.333333, 0.166667],
  f02: [0.0, 0.0, 1.0],
  f03: [0.0, 1.0, 0.0],
  f05: [0.0, 0.857143, 0.142857],
  f07: [0.0, 0.0, 1.0],
  f08: [0.0, 0.0, 1.0],
};

describe('zeroBasedSkill on crowd-kit toy and simple data (tests/aggregation/data_zbs.py @35f0661)', () => {
  it("zeroBasedSkill(toy) gives crowd-kit ZeroBasedSkill's labels, skills and probabilities", () => {
    const r = ratingsFromTriples(CROWDKIT_TOY);
    const z = zeroBasedSkill(r);
    expect(names(r, z.label)).toEqual(TOY_MV_LABELS);
    expect(Array.from(z.skill)).toEqual(TOY_MV_SKILLS.map((s) => expect.closeTo(s, 12)));
    TOY_WAWA_PROBAS.forEach((row, i) => row.forEach((p, c) => closeTo(share(r, z.votes, i, c), p, 1e-6)));
    expect(z.converged).toBe(true);
    expect(z.iterations).toBeLessThan(100);
  });
  it("zeroBasedSkill(simple) gives crowd-kit's labels (the ground truth), skills and probabilities", () => {
    const r = ratingsFromTriples(SIMPLE);
    const z = zeroBasedSkill(r);
    expect(byItem(r, z.label)).toEqual(SIMPLE_TRUTH);
    r.annotators.forEach((a, k) => closeTo(z.skill[k], SIMPLE_ZBS_SKILLS[a], 1e-6));
    r.items.forEach((id, i) => SIMPLE_ZBS_PROBAS[id].forEach((p, c) => closeTo(share(r, z.votes, i, c), p, 1e-6)));
  });
  it('zeroBasedSkill(simple, null, {maxIterations: 0}) is the majority vote, as crowd-kit with n_iter=0', () => {
    const r = ratingsFromTriples(SIMPLE);
    const z = zeroBasedSkill(r, null, { maxIterations: 0 });
    expect(Array.from(z.label)).toEqual(Array.from(majorityVote(r).label));
    expect(z.iterations).toBe(0);
    expect(z.converged).toBe(false);
    expect(Array.from(z.skill)).toEqual(r.annotators.map(() => 1 / 3 + 1e-5));
  });
});

describe('zeroBasedSkill by hand and edge cases', () => {
  // i1: a x, b x, c y; i2: a y, b x, c y. Pass 1 (skills 1/2 + ε): votes x, y; accuracies a 2/2, b 1/2, c 1/2,
  // lr 1, so skills (1, 1/2, 1/2). Pass 2: i1 x 1.5 : y 0.5, i2 y 1.5 : x 0.5, the same labels: nothing moves.
  const hand = ratingsFromTriples([
    ['i1', 'a', 'x'],
    ['i1', 'b', 'x'],
    ['i1', 'c', 'y'],
    ['i2', 'a', 'y'],
    ['i2', 'b', 'x'],
    ['i2', 'c', 'y'],
  ]);
  it('zeroBasedSkill(hand) reaches skills (1, 0.5, 0.5) in two passes, labels (x, y), confidence 0.75', () => {
    const z = zeroBasedSkill(hand);
    expect(Array.from(z.skill)).toEqual([1, 0.5, 0.5]);
    expect(names(hand, z.label)).toEqual(['x', 'y']);
    expect(Array.from(z.confidence)).toEqual([0.75, 0.75]);
    expect(z.iterations).toBe(2);
    expect(z.converged).toBe(true);
    // one pass only: the same skills, but not yet known to be a fixed point
    const one = zeroBasedSkill(hand, null, { maxIterations: 1 });
    expect(one.converged).toBe(false);
    expect(Array.from(one.skill)).toEqual([1, 0.5, 0.5]);
  });
  it('zeroBasedSkill(hand, {lrInit: 0.5}) halves the distance each pass (0.5 + ε → 0.75 + ε/2 for a)', () => {
    const z = zeroBasedSkill(hand, null, { lrInit: 0.5, maxIterations: 1 });
    closeTo(z.skill[0], 0.5 + 0.5 * (1 - 0.5 - 1e-5) + 1e-5, 1e-15);
  });
  it('zeroBasedSkill(r, mask): unselected judgements count nowhere; items without labels get -1 and NaN', () => {
    const mask = Uint8Array.from([1, 1, 1, 0, 0, 0]);
    const z = zeroBasedSkill(hand, mask);
    expect(Array.from(z.label)).toEqual([0, -1]);
    expect(z.confidence[1]).toBeNaN();
    expect(Array.from(z.skill)).toEqual([1, 1, 0]);
    const empty = zeroBasedSkill(hand, new Uint8Array(6));
    expect(Array.from(empty.label)).toEqual([-1, -1]);
    expect(Array.from(empty.skill).every(Number.isNaN)).toBe(true);
  });
  it('relabelling annotators and items and reordering the judgements changes nothing', () => {
    const r = ratingsFromTriples(SIMPLE);
    const z = zeroBasedSkill(r);
    const moved = ratingsFromTriples(shuffled(SIMPLE, 3).map(([t, w, l]) => [`item-${t}`, `ann-${w}`, l]));
    const m = zeroBasedSkill(moved);
    expect(Object.fromEntries(moved.items.map((id, i) => [id.slice(5), names(moved, m.label)[i]]))).toEqual(
      byItem(r, z.label),
    );
    moved.annotators.forEach((a, k) => expect(m.skill[k]).toBe(z.skill[r.annotators.indexOf(a.slice(4))]));
  });
});

/**
 * On the crowd benchmark sets of Zheng et al. (2017) against crowd-kit 1.4.1 (Toloka/crowd-kit @35f0661,
 * Apache-2.0) run here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3: `ZeroBasedSkill()` (n_iter 100,
 * lr_init 1, lr_steps_to_reduce 20, lr_reduce_factor 0.5, eps 1e-5), `fit(df).predict(df)`: labels per class and
 * right answers on the truth. Deterministic, so they must match exactly.
 */
const CROWD_KIT: Record<string, [Record<string, number>, number, number]> = {
  'zheng2017-d-product': [{ 0: 7226, 1: 1089 }, 7455, 8315],
  'zheng2017-duck-identification': [{ 0: 76, 1: 32 }, 82, 108],
  'zheng2017-dog': [{ 0: 183, 1: 173, 2: 184, 3: 267 }, 670, 807],
  'zheng2017-face-sentiment': [{ 0: 286, 1: 157, 2: 76, 3: 65 }, 368, 584],
};

const figures = (r: Ratings, label: Int32Array): [Record<string, number>, number, number] => {
  const counts: Record<string, number> = {};
  for (const l of label) if (l >= 0) counts[r.categories[l]] = (counts[r.categories[l]] ?? 0) + 1;
  const { correct, n } = goldCorrect(label, r.itemGold);
  return [counts, correct, n];
};

for (const [name, expected] of Object.entries(CROWD_KIT))
  whenShared(hasZheng(name)).describe(`${name} against crowd-kit 1.4.1`, () => {
    it("zeroBasedSkill(r) gives crowd-kit ZeroBasedSkill's labels per class and right answers", async () => {
      const r = await zhengRatings(name);
      const z = zeroBasedSkill(r);
      expect(figures(r, z.label)).toEqual(expected);
      expect(z.converged).toBe(true);
      // running all 100 passes, as crowd-kit does, changes nothing
      const all = zeroBasedSkill(r, null, { tolerance: -1 });
      expect(all.iterations).toBe(100);
      expect(Array.from(all.skill)).toEqual(Array.from(z.skill));
    });
  });
