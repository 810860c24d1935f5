// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { annotatorScores } from '../../src/core/annotatorScores';
import { goldAccuracy } from '../../src/core/goldAccuracy';
import { majorityAgreement } from '../../src/core/majorityAgreement';
import { timeStats } from '../../src/core/timeStats';
import { goldReplay } from '../../src/core/goldReplay';
import { rng } from '../../src/core/rng';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

const f = (...v: number[]) => Float64Array.from(v);

describe('annotatorScores', () => {
  it('annotatorScores(parts) renormalises the weights over the present parts', () => {
    const r = annotatorScores({
      // a0: gold only; a1: gold + speed; a2: all three; a3: nothing (gold n 4 < 5, majority n 4 < 5, no time);
      // a4: majority + speed
      gold: { n: [10, 10, 10, 4, 0], directional: f(0.8, 0.8, 0.8, 0.9, NaN) },
      majority: { n: [0, 3, 50, 4, 20], share: f(NaN, 0.2, 0.9, 0.9, 0.7) },
      speedPenalty: f(NaN, 0.5, 1, NaN, 0.4),
    });
    expect(r.composite[0]).toBe(0.8); // 0.4 · 0.8 / 0.4 = 0.8, returned exactly
    closeTo(r.composite[1], (0.4 * 0.8 + 0.3 * 0.5) / 0.7, 1e-15); // 0.47 / 0.7 = 0.671428…
    closeTo(r.composite[1], 0.6714285714285714, 1e-15);
    closeTo(r.composite[2], 0.4 * 0.8 + 0.3 * 0.9 + 0.3 * 1, 1e-15); // 0.32 + 0.27 + 0.30 = 0.89
    expect(r.composite[3]).toBeNaN();
    closeTo(r.composite[4], (0.3 * 0.7 + 0.3 * 0.4) / 0.6, 1e-15); // 0.33 / 0.6 = 0.55
    expect([...r.present]).toEqual([1, 5, 7, 0, 6]);
    expect(r.flags).toEqual([[], [], [], [], ['low_reliability']]);
    expect([...r.flagged]).toEqual([0, 0, 0, 0, 1]);
  });

  it('annotatorScores(parts, {weights}) uses the given weights; a zero weight leaves its part out', () => {
    const parts = { gold: { n: [10], directional: f(0.5) }, majority: { n: [10], share: f(1) }, speedPenalty: f(1) };
    closeTo(annotatorScores(parts, { weights: { gold: 1, majority: 1, speed: 0 } }).composite[0], 0.75, 1e-15);
    expect(annotatorScores(parts, { weights: { gold: 1, majority: 0, speed: 0 } }).composite[0]).toBe(0.5);
    const none = annotatorScores(parts, { weights: { gold: 0, majority: 0, speed: 0 } });
    expect(none.composite[0]).toBeNaN();
    expect(none.present[0]).toBe(7);
  });

  it('annotatorScores(parts, {meanTime}) raises low_gold_accuracy, too_fast and low_reliability as the schema says', () => {
    const r = annotatorScores(
      {
        // a0: 2/5 gold → low gold, composite 0.4 → low reliability; a1: gold 0.6 exactly → no gold flag;
        // a2: 0/4 gold: too few answers, no flag (and no gold part); a3: fast (4.9 s); a4: mean exactly 5 s
        gold: { n: [5, 5, 4, 0, 0], directional: f(0.4, 0.6, 0, NaN, NaN) },
        majority: { n: [0, 0, 0, 0, 0], share: f(NaN, NaN, NaN, NaN, NaN) },
        speedPenalty: f(NaN, NaN, NaN, 0.98, 1),
      },
      { meanTime: f(NaN, NaN, NaN, 4.9, 5) },
    );
    expect(r.flags).toEqual([['low_gold_accuracy', 'low_reliability'], [], [], ['too_fast'], []]);
    expect(r.composite[2]).toBeNaN();
  });

  it('annotatorScores(parts) does not flag a composite that is 0.6 in exact arithmetic', () => {
    // g = 7/10, m = 7/15, s = 0.6: 0.4 · 0.7 + 0.3 · 7/15 + 0.3 · 0.6 = 0.28 + 0.14 + 0.18 = 0.6 exactly,
    // which floating point gives as 0.5999999999999999
    const r = annotatorScores({
      gold: { n: [10], directional: f(7 / 10) },
      majority: { n: [15], share: f(7 / 15) },
      speedPenalty: f(0.6),
    });
    closeTo(r.composite[0], 0.6, 1e-15);
    expect(r.flags[0]).toEqual([]);
  });

  it('annotatorScores(parts) without annotators, and programmer errors', () => {
    const empty = annotatorScores({
      gold: { n: [], directional: f() },
      majority: { n: [], share: f() },
      speedPenalty: null,
    });
    expect(empty.composite.length).toBe(0);
    const parts = { gold: { n: [5], directional: f(1) }, majority: { n: [5], share: f(1) }, speedPenalty: null };
    expect(() => annotatorScores(parts, { weights: { gold: -1, majority: 0.3, speed: 0.3 } })).toThrow(
      'invalid weight: gold',
    );
    expect(() => annotatorScores({ ...parts, speedPenalty: f(1, 1) })).toThrow('differ in length');
  });

  it('annotatorScores flags a seeded uniform random clicker (200 labels, 10% gold) and ranks it below accurate annotators', () => {
    // 200 items, truth uniform on the 5-point codes, items 0-19 gold (10%). Accurate annotators w0-w3 give the
    // truth with probability 0.85, else a uniform label; the clicker gives a uniform label everywhere. The
    // clicker's expected directional gold accuracy is (2/5)² + (1/5)² + (2/5)² = 0.36 < 0.6.
    const random = rng(2024);
    const pick = () => Math.floor(random() * 5);
    const truth = Array.from({ length: 200 }, pick);
    const triples: [string, string, number][] = [];
    for (let i = 0; i < 200; i++) {
      for (let a = 0; a < 4; a++) triples.push([`i${i}`, `w${a}`, random() < 0.85 ? truth[i] : pick()]);
      triples.push([`i${i}`, 'clicker', pick()]);
    }
    const ratings = ratingsFromTriples(triples, { scale: '5-point' });
    for (let i = 0; i < 20; i++) ratings.itemGold[ratings.items.indexOf(`i${i}`)] = truth[i];
    ratings.time = Float64Array.from(triples, (t) => (t[1] === 'clicker' ? 1 + random() * 2 : 8 + random() * 20));
    const gold = goldAccuracy(ratings),
      majority = majorityAgreement(ratings),
      time = timeStats(ratings);
    const scores = annotatorScores({ gold, majority, speedPenalty: time.speedPenalty }, { meanTime: time.mean });
    const c = ratings.annotators.indexOf('clicker');
    expect(gold.n[c]).toBe(20);
    expect(gold.directional[c]).toBeLessThan(0.6);
    expect(scores.flags[c]).toEqual(['low_gold_accuracy', 'too_fast', 'low_reliability']);
    for (let a = 0; a < 4; a++) {
      expect(majority.share[a]).toBeGreaterThan(majority.share[c] + 0.3);
      expect(scores.flags[a]).toEqual([]);
      expect(scores.composite[a]).toBeGreaterThan(scores.composite[c]);
    }
    // replayed in row order, the gold rule catches the clicker and nobody else
    const replay = goldReplay(ratings);
    expect([...replay.caught]).toEqual(ratings.annotators.map((_, a) => (a === c ? 1 : 0)));
  });
});
