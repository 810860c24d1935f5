// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { confusionSpamScore } from '../../src/core/confusionSpamScore';
import { dawidSkene } from '../../src/core/dawidSkene';
import { rng } from '../../src/core/rng';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { syntheticCrowd } from './aggregationVectors';

/** Confusion matrices (rows: true class, columns: observed) into dawidSkene's flat layout. */
const flat = (mats: number[][][]) => Float64Array.from(mats.flat(2));
const scores = (mats: number[][][], options = {}) =>
  Array.from(confusionSpamScore(flat(mats), mats[0].length, options).spammerScore);

/**
 * Six K = 3 and four K = 2 matrices, and the scores of peerannot's own `Spam_Score.run`
 * (github.com/peerannot/peerannot @f15a4dd, VERSION.txt 0.0.1-41; peerannot/models/identification/Spam_score.py
 * loaded with its unused DS and CrowdModel imports stubbed, the matrices set on the object) run here with Debian's
 * python 3.11.2 and numpy 1.24.2. Checked against an independent computation of Raykar & Yu's rank-one form,
 * ‖A − e ūᵀ‖²_F / (K − 1) with ū the column means: largest difference 2.8e-17.
 */
const K3 = [
  [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  [
    [0.5, 0.3, 0.2],
    [0.5, 0.3, 0.2],
    [0.5, 0.3, 0.2],
  ],
  [
    [0.8, 0.1, 0.1],
    [0.2, 0.6, 0.2],
    [0.3, 0.3, 0.4],
  ],
  [
    [0, 1, 0],
    [0, 0, 1],
    [1, 0, 0],
  ],
  [
    [0.7, 0.2, 0.1],
    [0.1, 0.7, 0.2],
    [0.25, 0.25, 0.5],
  ],
  [
    [0.6, 0.3, 0.1],
    [0.55, 0.35, 0.1],
    [0.5, 0.3, 0.2],
  ],
];
const PEERANNOT_K3 = [1.0, 0.0, 0.19, 1.0, 0.21666666666666662, 0.006666666666666665];
const K2 = [
  [
    [1, 0],
    [0, 1],
  ],
  [
    [0.9, 0.1],
    [0.3, 0.7],
  ],
  [
    [0.5, 0.5],
    [0.5, 0.5],
  ],
  [
    [0.2, 0.8],
    [0.9, 0.1],
  ],
];
const PEERANNOT_K2 = [1.0, 0.36000000000000004, 0.0, 0.49];

describe('confusionSpamScore: Raykar & Yu (2012) spammer score, 0 = spammer, 1 = perfect', () => {
  it('confusionSpamScore(identity) is 1 for K = 2 and K = 3 (three pairs of rows at squared distance 2, / 3·2)', () => {
    expect(scores([K2[0]])).toEqual([1]);
    expect(scores([K3[0]])).toEqual([1]);
    // a consistent swap of classes tells as much about the truth: 1 too
    expect(scores([K3[3]])).toEqual([1]);
  });
  it('confusionSpamScore(rows all equal) is 0: the answers ignore the true class', () => {
    expect(scores([K3[1]])).toEqual([0]);
    expect(scores([K2[2]])).toEqual([0]);
  });
  it('confusionSpamScore(mixed) matches the hand computation', () => {
    // K = 3: rows 0−1 (.6, −.5, −.1) → .62; rows 0−2 (.5, −.2, −.3) → .38; rows 1−2 (−.1, .3, −.2) → .14;
    // (.62 + .38 + .14) / 6 = .19
    closeTo(scores([K3[2]])[0], 0.19, 1e-15);
    // K = 2: (α + β − 1)² with α = P(0 | 0) = .9, β = P(1 | 1) = .7 → .36; a flipper (α = .2, β = .1) → .49
    closeTo(scores([K2[1]])[0], 0.36, 1e-15);
    closeTo(scores([K2[3]])[0], 0.49, 1e-15);
  });
  it("confusionSpamScore(matrices) gives peerannot Spam_Score.run's scores (numpy, f15a4dd)", () => {
    scores(K3).forEach((s, a) => closeTo(s, PEERANNOT_K3[a], 1e-15));
    scores(K2).forEach((s, a) => closeTo(s, PEERANNOT_K2[a], 1e-15));
  });
  it('confusionSpamScore(random row-stochastic matrices) lies in [0, 1]; relabelling the classes changes nothing', () => {
    const random = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const K = 2 + (trial % 5);
      const m = Array.from({ length: K }, () => {
        const row = Array.from({ length: K }, () => random() ** 3);
        const sum = row.reduce((a, b) => a + b, 0);
        return row.map((x) => x / sum);
      });
      const s = scores([m])[0];
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1 + 1e-12);
      // the same permutation on true and observed classes
      const p = [...Array(K).keys()].reverse();
      closeTo(scores([p.map((c) => p.map((k) => m[c][k]))])[0], s, 1e-12);
    }
  });
});

describe('confusionSpamScore: unused categories, annotators without labels, degenerate input', () => {
  it('confusionSpamScore(c, K, {unused}) leaves those categories out of rows and columns', () => {
    // K = 3 with category 2 unused: the rows of true 0 and 1 over columns 0 and 1 are the K = 2 matrix
    const m = [
      [0.9, 0.1, 0],
      [0.3, 0.7, 0],
      [1 / 3, 1 / 3, 1 / 3],
    ];
    const out = confusionSpamScore(flat([m]), 3, { unused: [2] });
    expect(out.categories).toEqual([0, 1]);
    closeTo(out.spammerScore[0], 0.36, 1e-15);
    // all of it: the uniform row of the unused class would count as evidence
    expect(scores([m])[0]).not.toBeCloseTo(0.36, 3);
  });
  it('confusionSpamScore(dawidSkene(r).confusion, K, {unused}) equals the score of the fit on the used categories alone', () => {
    const { triples } = syntheticCrowd(11, 400, 3, [0.9, 0.8, 0.7, 0.6, 0, 0], 2);
    const wide = ratingsFromTriples(triples, { categories: [0, 1, 2] }),
      alone = ratingsFromTriples(triples, { categories: [0, 1] });
    const dsWide = dawidSkene(wide),
      dsAlone = dawidSkene(alone);
    expect(dsWide.unused).toEqual([2]);
    const a = confusionSpamScore(dsWide.confusion, 3, { unused: dsWide.unused }),
      b = confusionSpamScore(dsAlone.confusion, 2);
    a.spammerScore.forEach((s, w) => closeTo(s, b.spammerScore[w], 1e-9));
  });
  it('confusionSpamScore(dawidSkene(crowd).confusion) ranks random clickers below careful annotators', () => {
    const qualities = [0.9, 0.85, 0.8, 0.75, 0.7, 0, 0, 0];
    const r = ratingsFromTriples(syntheticCrowd(5, 3000, 4, qualities, 3).triples, { categories: [0, 1, 2] });
    const { spammerScore } = confusionSpamScore(dawidSkene(r).confusion, 3);
    const of = (q: number) =>
      r.annotators.filter((a) => qualities[Number(a.slice(1))] === q).map((a) => spammerScore[r.annotators.indexOf(a)]);
    const careful = qualities.filter((q) => q > 0).flatMap(of),
      clickers = of(0);
    expect(Math.max(...clickers)).toBeLessThan(0.02);
    expect(Math.min(...careful)).toBeGreaterThan(0.3);
    // accuracy q, wrong answers uniform: diagonal q + (1 − q)/3, elsewhere (1 − q)/3; each pair of rows differs by
    // ±q in two places → 3 · 2q² / (3 · 2) = q² (here within 0.06: the estimate from ~1,500 labels per annotator)
    r.annotators.forEach((a, w) => {
      const q = qualities[Number(a.slice(1))];
      closeTo(spammerScore[w], q * q, 0.06);
    });
  });
  it('confusionSpamScore(c, K, {nLabels}) gives NaN to annotators without labels and counts the rest', () => {
    const out = confusionSpamScore(flat([K2[0], K2[2], K2[1]]), 2, { nLabels: [4, 0, 1] });
    expect(out.spammerScore[0]).toBe(1);
    expect(out.spammerScore[1]).toBeNaN();
    closeTo(out.spammerScore[2], 0.36, 1e-15);
    expect(out.nScored).toBe(2);
    // a NaN entry makes that annotator NaN
    const withNaN = flat([K2[1]]);
    withNaN[0] = NaN;
    expect(confusionSpamScore(withNaN, 2).nScored).toBe(0);
  });
  it('confusionSpamScore with fewer than two categories in use, or no annotators, gives NaN / empty', () => {
    const one = confusionSpamScore(flat([K2[1], K2[0]]), 2, { unused: [1] });
    expect(Array.from(one.spammerScore)).toEqual([NaN, NaN]);
    expect(one.nScored).toBe(0);
    const none = confusionSpamScore(new Float64Array(0), 3);
    expect(none.spammerScore).toHaveLength(0);
    expect(none.nScored).toBe(0);
  });
  it('confusionSpamScore rejects an array that is not nAnnotators × K × K, bad nLabels or unused codes', () => {
    expect(() => confusionSpamScore(new Float64Array(5), 2)).toThrow(/invalid confusion/);
    expect(() => confusionSpamScore(new Float64Array(8), 2, { nLabels: [1] })).toThrow(/nLabels/);
    expect(() => confusionSpamScore(new Float64Array(8), 2, { unused: [2] })).toThrow(/invalid unused/);
  });
});
