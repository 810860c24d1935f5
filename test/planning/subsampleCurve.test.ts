// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTable } from '../../src/core/countTable';
import { fleissKappa } from '../../src/core/fleissKappa';
import { itemCounts } from '../../src/core/itemCounts';
import { judgementFilter } from '../../src/core/judgementFilter';
import { krippendorffAlpha } from '../../src/core/krippendorffAlpha';
import { majorityVote } from '../../src/core/majorityVote';
import { rng } from '../../src/core/rng';
import type { Ratings } from '../../src/core/types';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { subsampleCurve } from '../../src/planning/subsampleCurve';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';

const load = (csv: string) => loadFiles([textFile('s.csv', csv)]);
const HEADER = 'example_id,annotator_id,label,gold_label';

/**
 * Two gold items, three labels each (5-point scale):
 *   i1: A> A> B>,  gold A>;  full majority A> (side A 2 : 1)
 *   i2: B> = B>>,  gold B>>; full majority B> (side B 2 : 1, strength tie → the milder B>)
 * k = 1 (each label 1/3):  i1 → A> 2/3 (right side, exact, = full), B> 1/3 (all wrong)
 *                          i2 → B> (side right, exact wrong, = full), = (all wrong), B>> (side right, exact right, ≠ full, same side)
 *   E[gold directional] = (2/3 + 2/3)/2 = 2/3;  E[gold exact] = (2/3 + 1/3)/2 = 1/2
 *   E[agreement with full] = (2/3 + 1/3)/2 = 1/2;  directional (2/3 + 2/3)/2 = 2/3
 * k = 2 (each pair 1/3):   i1 → {A> A>} → A>, {A> B>} ×2 → side tie → '='
 *                          i2 → {B> =} → '=', {B> B>>} → B>, {= B>>} → '='
 *   E[gold directional] = (1/3 + 1/3)/2 = 1/3;  E[gold exact] = (1/3 + 0)/2 = 1/6
 *   E[agreement with full] = (1/3 + 1/3)/2 = 1/3 (directional the same)
 * k = 3 (the data): i1 → A>, i2 → B>: gold directional 1, exact 1/2, agreement with full 1.
 */
const TWO = `${HEADER}
i1,a,A>,A>
i1,b,A>,A>
i1,c,B>,A>
i2,a,B>,B>>
i2,b,=,B>>
i2,c,B>>,B>>
`;
const I1_PAIRS = [
  [0, 2, 0, 0, 0],
  [0, 1, 0, 1, 0],
  [0, 1, 0, 1, 0],
]; // counts on A>> A> = B> B>>
const I2_PAIRS = [
  [0, 0, 1, 1, 0],
  [0, 0, 0, 1, 1],
  [0, 0, 1, 0, 1],
];

/** The mean over `repeats` lies within 4.5 standard errors of its expectation (sd of one repeat given). */
function nearExpectation(mean: number, expected: number, sd: number, repeats: number) {
  expect(Math.abs(mean - expected)).toBeLessThanOrEqual(4.5 * (sd / Math.sqrt(repeats)) + 1e-12);
}

/** Exact distribution of one repeat's value over equally likely outcomes: mean and sd. */
function moments(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) };
}

describe('subsampleCurve', () => {
  it('subsampleCurve(two items) matches the hand enumeration of every k', async () => {
    const R = 3000;
    const c = subsampleCurve(await load(TWO), { repeats: R, seed: 3, pricePerLabel: 0.3 });
    expect(c).toMatchObject({
      repeats: R,
      seed: 3,
      price_per_label: 0.3,
      scale: '5-point',
      alpha_level: 'ordinal',
      max_labels: 3,
      items: 2,
      reason: null,
    });
    expect(c.points.map((p) => [p.k, p.items, p.gold_items, p.draw_is_data])).toEqual([
      [1, 2, 2, false],
      [2, 2, 2, false],
      [3, 2, 2, true],
    ]);
    c.points.forEach((p) => closeTo(p.cost_per_pair, p.k * 0.3, 1e-12));
    const [p1, p2, p3] = c.points;
    // k = 1: one repeat is the mean of two independent item outcomes
    // gold directional: i1 ∈ {1 (2/3), 0}, i2 ∈ {1 (2/3), 0} → values over 9 equally likely outcomes
    const k1 = (a: number[], b: number[]) => moments(a.flatMap((x) => b.map((y) => (x + y) / 2)));
    const dir1 = k1([1, 1, 0], [1, 0, 1]),
      ex1 = k1([1, 1, 0], [0, 0, 1]),
      full1 = k1([1, 1, 0], [1, 0, 0]);
    expect([dir1.mean, ex1.mean, full1.mean]).toEqual([2 / 3, 1 / 2, 1 / 2]);
    nearExpectation(p1.gold_accuracy!.mean, dir1.mean, dir1.sd, R);
    nearExpectation(p1.gold_accuracy_exact!.mean, ex1.mean, ex1.sd, R);
    nearExpectation(p1.agreement_with_full.mean, full1.mean, full1.sd, R);
    nearExpectation(p1.agreement_with_full_directional.mean, dir1.mean, dir1.sd, R);
    expect(p1.alpha).toBeNull();
    expect(p1.fleiss).toBeNull();
    expect(p1.reasons.alpha).toMatch(/one label/);
    expect(p1.marginal).toBeNull();
    // k = 2: i1 right (A>) 1/3, i2 right side (B>) 1/3; exact: i2 never
    const dir2 = k1([1, 0, 0], [0, 1, 0]),
      ex2 = k1([1, 0, 0], [0, 0, 0]),
      full2 = k1([1, 0, 0], [0, 1, 0]);
    expect([dir2.mean, ex2.mean, full2.mean]).toEqual([1 / 3, 1 / 6, 1 / 3]);
    nearExpectation(p2.gold_accuracy!.mean, dir2.mean, dir2.sd, R);
    nearExpectation(p2.gold_accuracy_exact!.mean, ex2.mean, ex2.sd, R);
    nearExpectation(p2.agreement_with_full.mean, full2.mean, full2.sd, R);
    // alpha and kappa at k = 2: the 9 equally likely pairs of drawn count vectors, each by the kernels
    const tables = I1_PAIRS.flatMap((a) => I2_PAIRS.map((b) => countTable([a, b])));
    const alpha2 = moments(tables.map((t) => krippendorffAlpha(t, { level: 'ordinal' }).value));
    const fleiss2 = moments(tables.map((t) => fleissKappa(t).value));
    expect(Number.isFinite(alpha2.mean) && Number.isFinite(fleiss2.mean)).toBe(true);
    nearExpectation(p2.alpha!.mean, alpha2.mean, alpha2.sd, R);
    nearExpectation(p2.fleiss!.mean, fleiss2.mean, fleiss2.sd, R);
    // the interval of a repeat quantity lies within the range of its possible values
    const alphas = tables.map((t) => krippendorffAlpha(t, { level: 'ordinal' }).value);
    expect(p2.alpha!.ci95[0]).toBeGreaterThanOrEqual(Math.min(...alphas) - 1e-12);
    expect(p2.alpha!.ci95[1]).toBeLessThanOrEqual(Math.max(...alphas) + 1e-12);
    expect(p2.gold_accuracy!.ci95).toEqual([0, 1]);
    // k = 3 is the data: the full-data kernels exactly, intervals without width
    const r = (await load(TWO)).ratings;
    const full = itemCounts(r, judgementFilter(r));
    // (equal up to the order of summation: items are grouped by count vector)
    const alpha3 = krippendorffAlpha(full, { level: 'ordinal' }).value;
    closeTo(p3.alpha!.mean, alpha3, 1e-12);
    expect(p3.alpha!.ci95).toEqual([p3.alpha!.mean, p3.alpha!.mean]);
    closeTo(p3.fleiss!.mean, fleissKappa(full).value, 1e-12);
    expect(p3.gold_accuracy).toEqual({ mean: 1, ci95: [1, 1] });
    expect(p3.gold_accuracy_exact).toEqual({ mean: 0.5, ci95: [0.5, 0.5] });
    expect(p3.agreement_with_full).toEqual({ mean: 1, ci95: [1, 1] });
    // marginal of k = 3 over k = 2: $300 more per 1,000 pairs for a gain g = 1 − mean at k = 2
    const g = 1 - p2.gold_accuracy!.mean;
    expect(p3.marginal).toMatchObject({ from_k: 2, extra_cost_per_1000_pairs: 300 });
    closeTo(p3.marginal!.gold_accuracy_gain, g, 1e-12);
    closeTo(p3.marginal!.gain_per_dollar_per_1000_pairs!, g / 300, 1e-12);
    closeTo(p3.marginal!.cost_per_extra_correct_pair!, 300 / (1000 * g), 1e-12);
    expect(p3.marginal!.text).toMatch(
      /^Going from 2 to 3 labels costs \$300 more per 1,000 pairs and raises gold accuracy by \d+\.\d percentage points: about \$0\.\d\d per extra pair labelled right\.$/,
    );
    // k = 1 → 2 loses accuracy (2/3 → 1/3): no cost per extra correct pair
    expect(p2.marginal!.gold_accuracy_gain).toBeLessThan(0);
    expect(p2.marginal!.cost_per_extra_correct_pair).toBeNull();
    expect(p2.marginal!.text).toMatch(/lowers gold accuracy .* not worth it/);
    expect(c.method).toContain('2.5th and 97.5th percentiles (type 7)');
  });

  it('subsampleCurve(loaded, {seed}) is reproducible, independent of row order and of maxK', async () => {
    const lines = TWO.trim().split('\n');
    const extra = [
      'i3,a,A>>,',
      'i3,b,A>,',
      'i3,d,=,',
      'i3,e,B>,',
      'i4,d,B>,B>',
      'i4,e,B>>,B>',
      'i4,a,A>,B>',
      'i5,a,=,',
    ];
    const rows = [...lines.slice(1), ...extra];
    const shuffled = [...rows];
    const random = rng(11);
    for (let j = shuffled.length - 1; j > 0; j--) {
      const p = Math.floor(random() * (j + 1));
      [shuffled[j], shuffled[p]] = [shuffled[p], shuffled[j]];
    }
    expect(shuffled).not.toEqual(rows);
    const a = subsampleCurve(await load(`${HEADER}\n${rows.join('\n')}\n`), { repeats: 40, seed: 9 });
    const b = subsampleCurve(await load(`${HEADER}\n${shuffled.join('\n')}\n`), { repeats: 40, seed: 9 });
    expect(b).toEqual(a);
    expect(subsampleCurve(await load(`${HEADER}\n${rows.join('\n')}\n`), { repeats: 40, seed: 9 })).toEqual(a);
    expect(a.points.map((p) => [p.k, p.items, p.gold_items])).toEqual([
      [1, 5, 3],
      [2, 4, 3],
      [3, 4, 3],
      [4, 1, 0],
    ]);
    expect(a.points[3].gold_accuracy).toBeNull();
    expect(a.points[3].reasons.gold_accuracy).toMatch(/no gold item with 4/);
    const other = subsampleCurve(await load(`${HEADER}\n${rows.join('\n')}\n`), { repeats: 40, seed: 10 });
    expect(other.points[0].agreement_with_full.mean).not.toBe(a.points[0].agreement_with_full.mean);
    // maxK 2: the same first two points (one seeded stream, k in increasing order)
    const short = subsampleCurve(await load(`${HEADER}\n${rows.join('\n')}\n`), { repeats: 40, seed: 9, maxK: 2 });
    expect(short.points).toEqual(a.points.slice(0, 2));
  });

  it('subsampleCurve(loaded, {removed}) leaves the removed annotators out', async () => {
    const loaded = await load(TWO);
    const c = loaded.ratings.annotators.indexOf('c');
    const out = subsampleCurve(loaded, { repeats: 5, removed: [c] });
    // without c: i1 = A> A> (majority A>), i2 = B> = (side tie → '='); k = 2 is the data
    expect(out.max_labels).toBe(2);
    expect(out.points[1]).toMatchObject({ k: 2, draw_is_data: true, gold_accuracy: { mean: 0.5, ci95: [0.5, 0.5] } });
  });

  it('subsampleCurve(no human label) returns no point with a reason', async () => {
    const r = ratingsFromTriples([['i', 'x', 'a']]);
    const c = subsampleCurve({ ratings: { ...r, annotatorKind: new Uint8Array([1]) } } as unknown as LoadResult);
    expect(c.points).toEqual([]);
    expect(c.reason).toBe('no human label on the overall dimension');
  });

  it('subsampleCurve(binary, label accuracy 3/4) follows the binomial majority-of-k accuracy', () => {
    // 32,768 gold items with 7 labels each, binary scale, symmetric noise: the number j of right labels on an
    // item is exactly Binomial(7, 3/4) in the data (2 · C(7, j) · 3^j items with j right, of 2 · 4^7), half of
    // them with gold A, half with gold B. Drawing k of the 7 without replacement then gives exactly
    // Binomial(k, 3/4) right labels, so the expected accuracy of the k-label majority is
    // Σ_{j>k/2} C(k,j) p^j (1−p)^(k−j) for odd k; for even k a 2-way tie goes to side A (voteWinner,
    // binary scale), right for the gold-A half: + ½ C(k, k/2) (pq)^(k/2).
    const p = 0.75,
      q = 0.25;
    const choose = (n: number, r: number) => {
      let c = 1;
      for (let j = 1; j <= r; j++) c = (c * (n - r + j)) / j;
      return c;
    };
    const triples: [string, string, number][] = [];
    const gold: number[] = [];
    let item = 0;
    for (let j = 0; j <= 7; j++) {
      const nj = 2 * choose(7, j) * 3 ** j;
      for (let t = 0; t < nj; t++, item++) {
        const g = t % 2; // 0 = A>, 1 = B>
        gold.push(g);
        for (let a = 0; a < 7; a++) triples.push([`x${String(item).padStart(5, '0')}`, `a${a}`, a < j ? g : 1 - g]);
      }
    }
    expect(item).toBe(2 * 4 ** 7);
    const base = ratingsFromTriples(triples, { categories: [0, 1] });
    const ratings: Ratings = {
      ...base,
      scale: 'binary',
      categories: ['A>', 'B>'],
      fivePoint: Int8Array.from([1, 3]),
      itemGold: Int32Array.from(gold),
    };
    const R = 200;
    const c = subsampleCurve({ ratings } as unknown as LoadResult, { repeats: R, seed: 2 });
    expect(c.points).toHaveLength(7);
    for (const point of c.points) {
      const k = point.k;
      let expected = 0;
      for (let j = Math.floor(k / 2) + 1; j <= k; j++) expected += choose(k, j) * p ** j * q ** (k - j);
      if (k % 2 === 0) expected += 0.5 * choose(k, k / 2) * (p * q) ** (k / 2);
      const acc = point.gold_accuracy!;
      expect(point.gold_items).toBe(item);
      if (k === 7) {
        // the data itself: Σ_{j≥4} C(7,j) 3^j / 4^7 = (35·81 + 21·243 + 7·729 + 2187) / 16,384 = 15,228 / 16,384
        expect(acc).toEqual({ mean: 15228 / 16384, ci95: [15228 / 16384, 15228 / 16384] });
        expect(expected).toBeCloseTo(15228 / 16384, 12);
        continue;
      }
      // one repeat's sd ≤ √(¼ / N); the mean within 4.5 standard errors of the mean, and inside the interval
      nearExpectation(acc.mean, expected, Math.sqrt(0.25 / item), R);
      expect(acc.ci95[0]).toBeLessThanOrEqual(expected);
      expect(acc.ci95[1]).toBeGreaterThanOrEqual(expected);
      expect(point.gold_accuracy_exact).toEqual(acc);
    }
    // alpha (ordinal = nominal on 2 categories) is defined from k = 2 on
    expect(c.points[1].alpha).not.toBeNull();
  });

  it('subsampleCurve(demo) runs: three points, k = 3 equal to the full-data kernels', async () => {
    const loaded = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const c = subsampleCurve(loaded, { repeats: 20 });
    expect(c).toMatchObject({ items: 2000, max_labels: 3, scale: '5-point', alpha_level: 'ordinal' });
    expect(c.points.map((p) => [p.k, p.items, p.gold_items, p.draw_is_data])).toEqual([
      [1, 2000, 200, false],
      [2, 2000, 200, false],
      [3, 2000, 200, true],
    ]);
    const r = loaded.ratings;
    const mask = judgementFilter(r);
    const full = itemCounts(r, mask);
    closeTo(c.points[2].alpha!.mean, krippendorffAlpha(full, { level: 'ordinal' }).value, 1e-12);
    closeTo(c.points[2].fleiss!.mean, fleissKappa(full).value, 1e-12);
    // gold accuracy of the full majority vote, counted here item by item
    const vote = majorityVote(r, mask);
    const side = (c5: number) => (c5 <= 1 ? 0 : c5 === 2 ? 1 : 2);
    let n = 0,
      right = 0;
    for (let i = 0; i < r.items.length; i++) {
      if (r.itemGold[i] < 0) continue;
      n++;
      if (side(r.fivePoint[vote.label[i]]) === side(r.fivePoint[r.itemGold[i]])) right++;
    }
    expect(n).toBe(200);
    expect(c.points[2].gold_accuracy!.mean).toBe(right / n);
    // a third label is worth something on the demo: gold accuracy rises from 2 to 3 labels
    expect(c.points[2].marginal!.gold_accuracy_gain).toBeGreaterThan(0);
  });
});
