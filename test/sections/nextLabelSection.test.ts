// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dawidSkene } from '../../src/core/dawidSkene';
import { judgementFilter } from '../../src/core/judgementFilter';
import { rng, type Rng } from '../../src/core/rng';
import { AI, type Ratings } from '../../src/core/types';
import { aggregationSection } from '../../src/sections/aggregationSection';
import { nextLabelRanking, nextLabelSection } from '../../src/sections/nextLabelSection';
import { nextLabelCsv } from '../../src/render/batchCsv';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

type Triple = [string, string, number];
const composite = (r: Ratings) => new Float64Array(r.annotators.length).fill(NaN);
const detailOf = (r: Ratings, removed: number[] = []) => aggregationSection(r, { removed, composite: composite(r) });

/**
 * A seeded crowd: `nItems` items with a known true class (priors .4 / .35 / .25, K = 3), 10 annotators of mixed
 * quality with known symmetric confusion matrices (diagonal .95 … .55, the rest of each row split evenly),
 * 1 or 2 distinct annotators per item (half each).
 */
function crowd(seed: number, nItems = 400) {
  const random = rng(seed),
    K = 3;
  const diagonal = [0.95, 0.9, 0.88, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55];
  const confusion = diagonal.map((d) =>
    Array.from({ length: K }, (_, t) => Array.from({ length: K }, (_, l) => (l === t ? d : (1 - d) / (K - 1)))),
  );
  const truth: number[] = [],
    triples: Triple[] = [];
  for (let i = 0; i < nItems; i++) {
    truth.push(draw(random, [0.4, 0.35, 0.25]));
    const m = random() < 0.5 ? 1 : 2,
      chosen = new Set<number>();
    while (chosen.size < m) chosen.add(Math.floor(random() * diagonal.length));
    for (const a of chosen) triples.push([`i${i}`, `a${a}`, draw(random, confusion[a][truth[i]])]);
  }
  return { triples, truth, confusion };
}

/** A category drawn from the probabilities p. */
function draw(random: Rng, p: number[]): number {
  let u = random(),
    k = 0;
  while (k < p.length - 1 && u >= p[k]) u -= p[k++];
  return k;
}

const CATS = { categories: [0, 1, 2] };
const accuracyOf = (r: Ratings, truth: number[]) => {
  const ds = dawidSkene(r);
  let right = 0;
  r.items.forEach((id, i) => (right += ds.label[i] === truth[Number(id.slice(1))] ? 1 : 0));
  return right / r.items.length;
};

describe('nextLabelSection: a seeded simulation with refitted Dawid-Skene', () => {
  it('nextLabelSection(synthetic crowds): one new label on each of the 60 top-ranked items raises the refitted accuracy more than on 60 random items', () => {
    const n = 60,
      labelSeeds = [1, 2, 3, 4, 5, 6, 7, 8];
    let riseTop = 0,
      riseRandom = 0,
      runs = 0;
    for (const crowdSeed of [1, 2, 3, 4]) {
      const { triples, truth, confusion } = crowd(crowdSeed);
      const r = ratingsFromTriples(triples, CATS);
      const detail = detailOf(r);
      const section = nextLabelSection(r, detail, { top: n });
      expect(section.items).toBe(400);
      expect(section.candidates).toBe(400);
      expect(section.reason).toBeNull();
      for (const row of section.ranking) {
        const i = r.items.indexOf(row.item);
        expect(row.label).toBe(r.categories[detail.labels.dawid_skene.label[i]]);
        closeTo(row.confidence, detail.labels.dawid_skene.confidence[i], 1e-12);
      }
      // the model's expectation: the top-ranked curve lies above the random one, and lifts accuracy
      for (const p of section.curve) expect(p.top_ranked).toBeGreaterThanOrEqual(p.random - 1e-12);
      expect(section.curve[1].top_ranked).toBeGreaterThan(section.curve[1].random);
      const before = accuracyOf(r, truth);
      const top = section.ranking.map((x) => x.item);
      const judged = new Map<string, Set<string>>();
      for (const [id, a] of triples) (judged.get(id) ?? judged.set(id, new Set()).get(id)!).add(a);
      for (const seed of labelSeeds) {
        const random = rng(1000 * crowdSeed + seed);
        // per item one possible next label: a random annotator who has not judged it, from its TRUE confusion
        const next = new Map(
          r.items.map((id): [string, Triple] => {
            let a: number;
            do a = Math.floor(random() * confusion.length);
            while (judged.get(id)!.has(`a${a}`));
            return [id, [id, `a${a}`, draw(random, confusion[a][truth[Number(id.slice(1))]])]];
          }),
        );
        const pool = r.items.slice();
        for (let j = pool.length - 1; j > 0; j--) {
          const k = Math.floor(random() * (j + 1));
          [pool[j], pool[k]] = [pool[k], pool[j]];
        }
        const refit = (items: string[]) =>
          accuracyOf(ratingsFromTriples([...triples, ...items.map((id) => next.get(id)!)], CATS), truth) - before;
        riseTop += refit(top);
        riseRandom += refit(pool.slice(0, n));
        runs++;
      }
    }
    riseTop /= runs;
    riseRandom /= runs;
    // pooled over 4 crowds × 8 label draws (seen: +0.028 against +0.009)
    expect(riseTop).toBeGreaterThan(riseRandom);
    expect(riseTop).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * Small nominal data (categories 0, 1) with a hand-made Dawid-Skene detail. Labels in the fit: x 4, y 3,
 * w 3; v (1 label, on h1) is removed, so h1 has no posterior. z1 and a1 have the same posterior (the same
 * gain: a tie, broken by id, a1 before z1 although z1 comes first in the data).
 *   posteriors  z1 (.7, .3)  a1 (.7, .3)  b1 (.5, .5)  c1 (.9, .1)  d1 (1, 0)  e1 (.2, .8)  h1 (0, 0)
 *   confusion   x symmetric .9, y symmetric .7, w rows (.8, .2) and (.4, .6), v uniform
 * typical = (4 x + 3 y + 3 w) / 10: rows (.81, .19) and (.25, .75). For b1: P(0) = .53,
 * accuracy gain = max(.405, .125) + max(.095, .375) − .5 = .28.
 */
const SMALL: Triple[] = [
  ['z1', 'x', 1],
  ['z1', 'y', 1],
  ['a1', 'x', 1],
  ['a1', 'y', 0],
  ['b1', 'x', 0],
  ['b1', 'w', 1],
  ['c1', 'y', 0],
  ['d1', 'x', 0],
  ['d1', 'w', 0],
  ['e1', 'w', 1],
  ['h1', 'v', 0],
];
const POSTERIOR: Record<string, [number, number]> = {
  z1: [0.7, 0.3],
  a1: [0.7, 0.3],
  b1: [0.5, 0.5],
  c1: [0.9, 0.1],
  d1: [1, 0],
  e1: [0.2, 0.8],
  h1: [0, 0],
};
const CONFUSION: Record<string, number[]> = {
  x: [0.9, 0.1, 0.1, 0.9],
  y: [0.7, 0.3, 0.3, 0.7],
  w: [0.8, 0.2, 0.4, 0.6],
  v: [0.5, 0.5, 0.5, 0.5],
};
const TYPICAL = Float64Array.of(0.81, 0.19, 0.25, 0.75);
const H = (p: number[]) => p.reduce((h, q) => (q > 0 ? h - q * Math.log2(q) : h), 0);
/** I(T; L) = H(L) − H(L | T) for the binary posterior pi and confusion C (row-major) */
const mutualInformation = (pi: number[], C: ArrayLike<number>) => {
  const pl = [0, 1].map((l) => pi[0] * C[l] + pi[1] * C[2 + l]);
  return H(pl) - pi[0] * H([C[0], C[1]]) - pi[1] * H([C[2], C[3]]);
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('nextLabelSection: the section', () => {
  const r = ratingsFromTriples(SMALL, { categories: [0, 1] });
  const v = r.annotators.indexOf('v');
  const detail = {
    posterior: Float64Array.from(r.items.flatMap((id) => POSTERIOR[id])),
    confusion: Float64Array.from(r.annotators.flatMap((a) => CONFUSION[a])),
  };
  const removed = [v];
  const items = 6; // h1 has no posterior
  const expectedAccuracy = (0.7 + 0.7 + 0.5 + 0.9 + 1 + 0.8) / items;

  it("aggregationSection(r).posterior is dawidSkene's posterior on the kept human judgements", () => {
    const fitted = detailOf(r, removed);
    expect(Array.from(fitted.posterior)).toEqual(Array.from(dawidSkene(r, judgementFilter(r, { removed })).posterior));
    expect(fitted.posterior).toHaveLength(r.items.length * 2);
  });

  it('nextLabelSection(r, detail, {removed}) uses the label-weighted mean confusion and ranks by eig desc, ties by id', () => {
    const s = nextLabelSection(r, detail, { removed, pricePerLabel: 2.5 });
    expect(s.method).toBe('dawid_skene');
    expect(s.from).toBe('typical');
    expect(s.price_per_label).toBe(2.5);
    expect(s.items).toBe(items);
    expect(s.candidates).toBe(items);
    closeTo(s.expected_accuracy!, expectedAccuracy, 1e-12);
    expect(s.reason).toBeNull();
    const ids = s.ranking.map((x) => x.item);
    const expectedOrder = Object.keys(POSTERIOR)
      .filter((id) => id !== 'h1')
      .sort(
        (p, q) =>
          mutualInformation(POSTERIOR[q], TYPICAL) - mutualInformation(POSTERIOR[p], TYPICAL) || (p < q ? -1 : 1),
      );
    expect(ids).toEqual(expectedOrder);
    expect(ids.slice(0, 3)).toEqual(['b1', 'a1', 'z1']); // z1 and a1 tie (identical posteriors): by id
    expect(s.ranking[1].eig_bits).toBe(s.ranking[2].eig_bits);
    expect(s.ranking.at(-1)).toMatchObject({
      item: 'd1',
      eig_bits: 0,
      entropy_bits: 0,
      confidence: 1,
      expected_accuracy_gain: 0,
      label: '0',
    });
    for (const row of s.ranking) {
      const pi = POSTERIOR[row.item];
      closeTo(row.eig_bits, mutualInformation(pi, TYPICAL), 1e-12);
      closeTo(row.eig_bits_per_dollar, row.eig_bits / 2.5, 1e-15);
      closeTo(row.entropy_bits, H(pi), 1e-12);
      closeTo(row.confidence, Math.max(...pi), 1e-12);
      expect(row.label).toBe(pi[1] > pi[0] ? '1' : '0'); // b1's tie goes to the lower code, as dawidSkene
    }
    const b1 = s.ranking[0];
    closeTo(b1.expected_accuracy_gain, 0.28, 1e-12);
    closeTo(s.entropy_bits_total, sum(Object.values(POSTERIOR).map(H)), 1e-12);
    expect(nextLabelSection(r, detail, { removed, top: 3 }).ranking.map((x) => x.item)).toEqual(['b1', 'a1', 'z1']);
    expect(nextLabelSection(r, detail, { removed, top: 0 }).ranking).toEqual([]);
  });

  it('nextLabelSection(…, {curvePoints: 5, pricePerLabel: 2.5}): n in even integer steps, budget = n × price, endpoints, top-ranked ≥ random', () => {
    const s = nextLabelSection(r, detail, { removed, curvePoints: 5, pricePerLabel: 2.5 });
    expect(s.curve.map((p) => p.labels)).toEqual([0, 2, 3, 5, 6]); // round(k × 6 / 4)
    expect(s.curve.map((p) => p.budget)).toEqual([0, 5, 7.5, 12.5, 15]);
    const gains = s.ranking.map((x) => x.expected_accuracy_gain);
    for (const p of s.curve) {
      closeTo(p.top_ranked, expectedAccuracy + sum(gains.slice(0, p.labels)) / items, 1e-12);
      closeTo(p.random, expectedAccuracy + (p.labels * sum(gains)) / s.candidates / items, 1e-12);
      expect(p.top_ranked).toBeGreaterThanOrEqual(p.random - 1e-12);
    }
    expect(s.curve[0].top_ranked).toBe(s.expected_accuracy);
    expect(s.curve[0].random).toBe(s.expected_accuracy);
    const last = s.curve.at(-1)!;
    expect(last.labels).toBe(s.candidates);
    expect(last.top_ranked).toBe(last.random);
    // more points than candidates: every n once
    expect(nextLabelSection(r, detail, { removed }).curve.map((p) => p.labels)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // every number finite: the section is JSON as it is
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("nextLabelSection(…, {top: 2}).reading gives the top pairs' share of the information and the lift against random", () => {
    const s = nextLabelSection(r, detail, { removed, top: 2, pricePerLabel: 2.5 });
    const all = nextLabelSection(r, detail, { removed, top: 100 });
    const eig = all.ranking.map((x) => x.eig_bits),
      acc = all.ranking.map((x) => x.expected_accuracy_gain);
    const share = ((100 * sum(eig.slice(0, 2))) / sum(eig)).toFixed(1);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const top = pct(expectedAccuracy + sum(acc.slice(0, 2)) / items),
      random = pct(expectedAccuracy + (2 * sum(acc)) / 6 / items);
    expect(s.reading).toBe(
      `The top 2 items carry ${share}% of the information one more label per item would buy; spending $5.00 on them lifts expected accuracy from ${pct(expectedAccuracy)} to ${top}, versus ${random} at random.`,
    );
    expect(all.reading).toBe(
      `Labelling all 6 candidate items once more ($6.00) lifts expected accuracy from ${pct(expectedAccuracy)} to ${pct(expectedAccuracy + sum(acc) / items)}.`,
    );
    const pairs = ratingsFromTriples(
      [
        ['p', 'u', 0],
        ['p', 'v', 4],
        ['q', 'u', 3],
      ],
      { scale: '5-point' },
    );
    const reading = nextLabelSection(pairs, detailOf(pairs), { top: 1 }).reading;
    expect(reading).toMatch(
      /^The top 1 pairs carry \d+\.\d% of the information one more label per pair would buy; spending \$1\.00 on them/,
    );
  });

  it('nextLabelSection(…, {from: "w"}) uses w\'s own confusion and leaves out the items w judged', () => {
    const s = nextLabelSection(r, detail, { removed, from: 'w' });
    expect(s.from).toBe('w');
    expect(s.items).toBe(items);
    expect(s.candidates).toBe(3); // w judged b1, d1, e1
    expect(s.ranking.map((x) => x.item)).toEqual(['a1', 'z1', 'c1']);
    for (const row of s.ranking) closeTo(row.eig_bits, mutualInformation(POSTERIOR[row.item], CONFUSION.w), 1e-12);
    closeTo(s.entropy_bits_total, 2 * H([0.7, 0.3]) + H([0.9, 0.1]), 1e-12);
    // expected accuracy stays over all items; the curve runs to the candidates
    closeTo(s.expected_accuracy!, expectedAccuracy, 1e-12);
    expect(s.curve.map((p) => p.labels)).toEqual([0, 1, 2, 3]);
    expect(s.curve[0].top_ranked).toBe(s.expected_accuracy);
    expect(s.curve[3].top_ranked).toBe(s.curve[3].random);
    const ranked = nextLabelRanking(r, detail, { removed, from: 'w' });
    expect(Array.from(ranked.confusion!)).toEqual(CONFUSION.w);
    for (const id of ['b1', 'd1', 'e1', 'h1']) expect(Number.isNaN(ranked.value.gain[r.items.indexOf(id)])).toBe(true);
  });

  it('nextLabelSection with an unknown, AI, removed or everywhere-present annotator is empty with a reason', () => {
    const unknown = nextLabelSection(r, detail, { removed, from: 'nobody' });
    expect(unknown.reason).toBe('unknown annotator "nobody"');
    expect(unknown.reading).toBe('No items to rank for one more label: unknown annotator "nobody".');
    expect([unknown.candidates, unknown.ranking.length, unknown.curve.length, unknown.entropy_bits_total]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(unknown.items).toBe(items);
    closeTo(unknown.expected_accuracy!, expectedAccuracy, 1e-12);
    const ai = { ...r, annotatorKind: Uint8Array.from(r.annotators, (a) => (a === 'w' ? AI : 0)) };
    expect(nextLabelSection(ai, detail, { removed, from: 'w' }).reason).toMatch(/AI judge/);
    expect(nextLabelSection(r, detail, { removed, from: 'v' }).reason).toMatch(/removed/);
    const other = { ...r, dimension: Int32Array.from(r.annotator, (a) => (r.annotators[a] === 'y' ? 1 : 0)) };
    expect(nextLabelSection(other, detail, { removed, from: 'y' }).reason).toMatch(/no label in the Dawid-Skene fit/);
    // everyone labels everything
    const full = ratingsFromTriples(
      [
        ['p', 'u', 0],
        ['p', 'v', 1],
        ['q', 'u', 1],
        ['q', 'v', 1],
      ],
      { categories: [0, 1] },
    );
    const s = nextLabelSection(full, detailOf(full), { from: 'u' });
    expect(s.reason).toBe('"u" has judged every item with a posterior: no candidate left');
    expect([s.items, s.candidates]).toEqual([2, 0]);
  });

  it('nextLabelSection without a posterior or with one category is empty with a reason and JSON-safe; bad options throw', () => {
    const none = nextLabelSection(r, { ...detail, posterior: new Float64Array(detail.posterior.length) });
    expect(none.reason).toMatch(/no item has a Dawid-Skene posterior/);
    expect(none.items).toBe(0);
    expect(none.expected_accuracy).toBeNull();
    expect(JSON.parse(JSON.stringify(none))).toEqual(none);
    const one = ratingsFromTriples([
      ['p', 'u', 'same'],
      ['q', 'v', 'same'],
    ]);
    const s = nextLabelSection(one, detailOf(one));
    expect(s.reason).toMatch(/1 category/);
    expect(s.expected_accuracy).toBe(1);
    expect(() => nextLabelSection(r, detail, { pricePerLabel: 0 })).toThrow(/pricePerLabel/);
    expect(() => nextLabelSection(r, detail, { curvePoints: 1 })).toThrow(/curvePoints/);
    expect(() => nextLabelSection(r, { ...detail, confusion: new Float64Array(3) })).toThrow(/confusion/);
  });

  it('nextLabelRanking(r, detail) + nextLabelCsv(…) export any batch size with the house CSV header and guarded cells', () => {
    const ranked = nextLabelRanking(r, detail, { removed });
    expect(Array.from(ranked.order, (i) => r.items[i])).toEqual(
      nextLabelSection(r, detail, { removed }).ranking.map((x) => x.item),
    );
    const texts = {
      prompt: r.items.map((id) => (id === 'b1' ? '=HYPERLINK("x")' : `prompt ${id}`)),
      responseA: r.items.map((id) => `a, ${id}`),
      responseB: r.items.map(() => undefined),
    };
    const csv = nextLabelCsv(r, texts, ranked, 2, 2);
    const lines = csv.split('\n');
    expect(lines[0]).toBe(
      'rank,example_id,eig_bits,eig_bits_per_dollar,entropy_bits,current_label,confidence,expected_accuracy_gain,prompt,response_a,response_b',
    );
    const b1 = r.items.indexOf('b1'),
      v1 = ranked.value;
    expect(lines[1]).toBe(
      `1,b1,${v1.gain[b1]},${v1.gain[b1] / 2},1,0,0.5,${v1.accuracyGain[b1]},"'=HYPERLINK(""x"")","a, b1",`,
    );
    expect(lines[2]).toMatch(/^2,a1,/);
    expect(lines).toHaveLength(4); // header, 2 rows, the final newline
    expect(nextLabelCsv(r, texts, ranked, 100, 1).trimEnd().split('\n')).toHaveLength(1 + 6);
  });
});
