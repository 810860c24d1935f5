// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { kos } from '../../src/core/kos';
import type { Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { whenShared } from '../helpers/shared';
import { SIMPLE, shuffled } from './aggregationVectors';
import { CROWDKIT_TOY } from './referenceVectors';
import { goldCorrect, hasZheng, zhengRatings } from './zhengRatings';

const names = (r: Ratings, label: Int32Array) => Array.from(label, (c) => (c < 0 ? null : r.categories[c]));
const figures = (r: Ratings, label: Int32Array): [Record<string, number>, number, number] => {
  const counts: Record<string, number> = {};
  for (const l of label) if (l >= 0) counts[r.categories[l]] = (counts[r.categories[l]] ?? 0) + 1;
  const { correct, n } = goldCorrect(label, r.itemGold);
  return [counts, correct, n];
};

describe('kos on crowd-kit test data (tests/aggregation/test_kos_aggregation.py @35f0661)', () => {
  // test_aggregate_kos_on_data_with_bool_labels: w1, w2 say True on t1 and t2, w3 False; n_iter 10 and 100
  const bool = ratingsFromTriples([
    ['t1', 'w1', 'True'],
    ['t2', 'w1', 'True'],
    ['t1', 'w2', 'True'],
    ['t2', 'w2', 'True'],
    ['t1', 'w3', 'False'],
    ['t2', 'w3', 'False'],
  ]);
  it('kos(bool, {maxIterations: 10 | 100}) gives True on each task with the probability its start allows', () => {
    // Both tasks have the same answers, so one round maps the messages into t1 as y′ = B y (into t2) with
    // B = [[0, 1, −1], [1, 0, −1], [−1, −1, 0]] (A = +1 for False), whose leading eigenvector (1, 1, −1) (eigenvalue
    // 2; the other is −1, twice) says "w1, w2 reliable, w3 not". After an even number of rounds t1's label is True
    // exactly when its own start has y(w1→t1) + y(w2→t1) − y(w3→t1) > 0, a Normal(1, 3) draw: probability
    // Φ(1/√3) = 0.718, independently for t2. crowd-kit's test passes for its one seeded draw; here the share over
    // 4000 draws (2000 seeds × 2 tasks) must lie within about 4 binomial standard deviations (0.03) of 0.718.
    for (const maxIterations of [10, 100]) {
      let trues = 0;
      for (let seed = 1; seed <= 2000; seed++) {
        const k = kos(bool, null, { maxIterations, seed });
        expect(k.applicable).toBe(true);
        for (const l of k.label) if (bool.categories[l] === 'True') trues++;
      }
      expect(Math.abs(trues / 4000 - 0.7181)).toBeLessThan(0.03);
    }
  });
  it('kos(simple) is not applicable (three labels) and says so instead of throwing (crowd-kit raises)', () => {
    const r = ratingsFromTriples(SIMPLE);
    const k = kos(r);
    expect(k.applicable).toBe(false);
    expect(k.reason).toBe('KOS needs exactly two labels; the selected ones use 3');
    expect(k.nCategories).toBe(3);
    expect(Array.from(k.label).every((l) => l === -1)).toBe(true);
    expect(Array.from(k.score).every(Number.isNaN)).toBe(true);
  });
  it('kos(r, mask) on no selected judgement, or on one label only, is not applicable either', () => {
    const r = ratingsFromTriples(CROWDKIT_TOY);
    const none = kos(r, new Uint8Array(r.n));
    expect([none.applicable, none.nCategories, none.reason]).toEqual([
      false,
      0,
      'KOS needs exactly two labels; there are no selected labels',
    ]);
    const yesOnly = kos(
      r,
      Uint8Array.from(r.label, (l) => (r.categories[l] === 'yes' ? 1 : 0)),
    );
    expect([yesOnly.applicable, yesOnly.nCategories]).toEqual([false, 1]);
  });
  it('kos(r, mask) over two of three labels is applicable; unselected items get -1 and NaN', () => {
    const r = ratingsFromTriples(SIMPLE);
    const mask = Uint8Array.from(r.label, (l) => (r.categories[l] === 'chicken' ? 0 : 1));
    const k = kos(r, mask);
    expect(k.applicable).toBe(true);
    expect([r.categories[k.positive], r.categories[k.negative]]).toEqual(['goose', 'parrot']);
    // labels are one of the two, even where the one selected annotator is judged unreliable and so overruled
    for (const l of k.label) if (l >= 0) expect(['goose', 'parrot']).toContain(r.categories[l]);
    const onlyChicken = r.items.filter((_, i) =>
      r.label.every((l, j) => r.item[j] !== i || r.categories[l] === 'chicken'),
    );
    for (const id of onlyChicken) {
      expect(k.label[r.items.indexOf(id)]).toBe(-1);
      expect(k.score[r.items.indexOf(id)]).toBeNaN();
    }
  });
});

describe('kos by hand, seeds and relabelling', () => {
  // t1: a p, b p, c q; t2: a p, b q, c q (p = +1, q = −1). With random () => 0 every Box–Muller draw is exactly the
  // mean 1. One round: item sums t1 = 1, t2 = −1; x(t1→a, b, c) = 0, 0, 2; x(t2→a, b, c) = −2, 0, 0; worker sums
  // a = −2, b = 0, c = −2; y(a→t1, t2) = −2, 0; y(b→·) = 0, 0; y(c→t1, t2) = 0, −2. Scores: t1 = −2 (q), t2 = +2 (p).
  const hand = ratingsFromTriples([
    ['t1', 'a', 'p'],
    ['t1', 'b', 'p'],
    ['t1', 'c', 'q'],
    ['t2', 'a', 'p'],
    ['t2', 'b', 'q'],
    ['t2', 'c', 'q'],
  ]);
  it('kos(hand, {maxIterations: 1, random: () => 0}) gives the hand-computed scores −1, +1 (normalised)', () => {
    const k = kos(hand, null, { maxIterations: 1, random: () => 0 });
    expect(k.iterations).toBe(1);
    expect(Array.from(k.score)).toEqual([-1, 1]);
    expect(names(hand, k.label)).toEqual(['q', 'p']);
    // no round: the scores are the sums of the draws, 1 + 1 − 1 and 1 − 1 − 1
    const zero = kos(hand, null, { maxIterations: 0, random: () => 0 });
    expect(Array.from(zero.score)).toEqual([1, -1]);
  });
  it('kos: an item whose annotators labelled nothing else scores exactly 0 and takes the lower code', () => {
    const r = ratingsFromTriples([...CROWDKIT_TOY, ['t6', 'lone', 'yes']]);
    const k = kos(r);
    expect(k.score[5]).toBe(0);
    expect(r.categories[k.label[5]]).toBe('no');
  });
  it('kos(r, null, {seed}) is reproducible; relabelling annotators and items changes nothing', () => {
    const r = ratingsFromTriples(CROWDKIT_TOY);
    expect(Array.from(kos(r, null, { seed: 5 }).score)).toEqual(Array.from(kos(r, null, { seed: 5 }).score));
    expect(Array.from(kos(r, null, { seed: 5 }).score)).not.toEqual(Array.from(kos(r, null, { seed: 6 }).score));
    const renamed = ratingsFromTriples(CROWDKIT_TOY.map(([t, w, l]) => [`i-${t}`, `x-${w}`, l]));
    expect(Array.from(kos(renamed).score)).toEqual(Array.from(kos(r).score));
  });
});

/**
 * On the binary crowd benchmark sets of Zheng et al. (2017) against crowd-kit 1.4.1 (Toloka/crowd-kit @35f0661,
 * Apache-2.0) run here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3: `KOS()` (n_iter 100,
 * random_state 0), labels per class and right answers on the truth; with random_state 0…19 the right answers were
 * the same every time (7446 and 78), as the messages forget their Normal(1, 1) start within a few rounds, so any
 * seed must give these figures. D_Product's 7446 / 8315 = 0.8955 is crowd-kit's paper's 0.895 (Ustalov et al.
 * 2024, JOSS 9(96):6227), which its three decimals allow within ±0.0005.
 */
const CROWD_KIT: Record<string, [Record<string, number>, number, number]> = {
  'zheng2017-d-product': [{ 0: 7577, 1: 738 }, 7446, 8315],
  'zheng2017-duck-identification': [{ 0: 88, 1: 20 }, 78, 108],
};

for (const [name, expected] of Object.entries(CROWD_KIT))
  whenShared(hasZheng(name)).describe(`${name} against crowd-kit 1.4.1`, () => {
    it("kos(r, null, {seed}) gives crowd-kit KOS's labels per class and right answers for seeds 1…5", async () => {
      const r = await zhengRatings(name);
      for (let seed = 1; seed <= 5; seed++) {
        const k = kos(r, null, { seed });
        expect(k.applicable).toBe(true);
        expect(figures(r, k.label)).toEqual(expected);
      }
    });
    it('kos on the judgements in another order, with renamed annotators, gives the same labels', async () => {
      const r = await zhengRatings(name);
      const order = shuffled(
        Array.from({ length: r.n }, (_, j) => j),
        11,
      );
      const moved: Ratings = {
        ...r,
        item: Int32Array.from(order, (j) => r.item[j]),
        annotator: Int32Array.from(order, (j) => r.annotators.length - 1 - r.annotator[j]),
        label: Int32Array.from(order, (j) => r.label[j]),
        annotators: r.annotators.slice().reverse(),
      };
      expect(Array.from(kos(moved).label)).toEqual(Array.from(kos(r).label));
    });
  });

whenShared(hasZheng('zheng2017-d-product')).it(
  "kos(D_Product) is within the rounding of crowd-kit's published 0.895",
  async () => {
    const r = await zhengRatings('zheng2017-d-product');
    const { correct, n } = goldCorrect(kos(r).label, r.itemGold);
    expect(Math.abs(correct / n - 0.895)).toBeLessThanOrEqual(0.0005);
  },
);

for (const name of ['zheng2017-dog', 'zheng2017-face-sentiment'])
  whenShared(hasZheng(name)).it(`kos(${name}) is not applicable: four labels`, async () => {
    const r = await zhengRatings(name);
    const k = kos(r);
    expect([k.applicable, k.reason]).toEqual([false, 'KOS needs exactly two labels; the selected ones use 4']);
  });
