// @vitest-environment node
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { nextBatch } from '../../src/planning/nextBatch';
import { nextBatchCsv } from '../../src/render/batchCsv';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';

const ids = (b: { items: { item: string }[] }) => b.items.map((x) => x.item);

/**
 * test/fixtures/next-batch.csv: 10 pairs, 2 annotators each; domain code (a1, a2, a3, b1), chat (b2, b3, d1),
 * math (c1, c2, c3); a1 is gold. Embeddings (2-D) in three planted clusters, each the same shape:
 *   a1 (0, 0), a2 (2, 0), a3 (0, 1)     centroid (2/3, 1/3): squared distances 5/9, 17/9, 8/9 → ranks 0, 2, 1
 *   b1 (20, 0), b2 (22, 0), b3 (20, 1)  → ranks b1 0, b2 2, b3 1
 *   c1 (0, 20), c2 (2, 20), c3 (0, 21)  → ranks c1 0, c2 2, c3 1;   d1 has no embedding
 * diversity d = 1/(1 + rank): rank 0 → 1, rank 1 → 1/2, rank 2 → 1/3; d_norm = (d − 1/3)/(2/3) = 1, 1/4, 0
 * |score_a − score_b| and u = 1/(1 + |Δ|):
 *   a1 3 → .25, a2 0 → 1, a3 1 → .5, b1 9 → .1, b2 4 → .2, b3 .25 → .8, c1 1.5 → .4, c2 19 → .05, c3 .6 → .625,
 *   d1 .1 → 1/1.1
 * over the 9 pairs with an embedding u_norm = (u − .05)/.95.
 */
const U: Record<string, number> = {
  a1: 0.25,
  a2: 1,
  a3: 0.5,
  b1: 0.1,
  b2: 0.2,
  b3: 0.8,
  c1: 0.4,
  c2: 0.05,
  c3: 0.625,
  d1: 1 / 1.1,
};
const DNORM: Record<string, number> = { a1: 1, a2: 0, a3: 0.25, b1: 1, b2: 0, b3: 0.25, c1: 1, c2: 0, c3: 0.25 };
const uNorm = (id: string) => (U[id] - 0.05) / 0.95;
const mix = (id: string, w: number) => w * uNorm(id) + (1 - w) * DNORM[id];

let fixture: LoadResult;
beforeAll(async () => {
  fixture = await loadFiles([await diskFile(join(import.meta.dirname, '../fixtures/next-batch.csv'))]);
});

describe('nextBatch: uncertainty', () => {
  it('nextBatch(scores only) ranks pairs by 1/(1 + |score_A − score_B|), computed by hand', async () => {
    // p1 |0 − 1| = 1 → 1/2; p2 0 → 1; p3 |−1 − 2| = 3 → 1/4; p4 .25 → .8; p5 no score_b; p6 4 → 1/5
    // ranking p2 1, p4 .8, p1 .5, p3 .25, p6 .2; score = (u − .2)/(1 − .2): 1, .75, .375
    const csv =
      'example_id,annotator_id,label,score_a,score_b\np1,x,A,0,1\np2,x,B,2,2\np3,x,A,-1,2\np4,x,A,0.5,0.75\np5,x,B,1,\np6,x,A,7,3\n';
    const loaded = await loadFiles([textFile('s.csv', csv)]);
    const b = nextBatch(loaded, { size: 3 });
    expect(b.method).toBe('uncertainty');
    expect(b.weight_uncertainty).toBe(1);
    expect(ids(b)).toEqual(['p2', 'p4', 'p1']);
    [1, 0.8, 0.5].forEach((u, k) => closeTo(b.items[k].uncertainty!, u, 1e-12));
    [1, 0.75, 0.375].forEach((s, k) => closeTo(b.items[k].score, s, 1e-12));
    expect(b.items.every((x) => x.diversity === null && x.cluster === null)).toBe(true);
    expect(b.candidates).toBe(5);
    expect(b.left_out).toEqual({ gold: 0, no_score: 1, no_embedding: 0 });
    expect(b.kmeans).toBeNull();
    expect(b.reason).toBe('no embedding column: diversity left out; pairs ranked by uncertainty alone');
    expect(ids(nextBatch(loaded, { size: 10 }))).toEqual(['p2', 'p4', 'p1', 'p3', 'p6']); // all candidates, p5 left out
  });

  it('nextBatch(fixture, {weightUncertainty: 1}) ranks every pair with scores by uncertainty, d1 (no embedding) included', () => {
    const b = nextBatch(fixture, { size: 10, weightUncertainty: 1 });
    expect(b.method).toBe('uncertainty');
    expect(b.reason).toBeNull(); // both signals exist: the weight chose one
    expect(ids(b)).toEqual(['a2', 'd1', 'b3', 'c3', 'a3', 'c1', 'a1', 'b2', 'b1', 'c2']);
    b.items.forEach((x) => closeTo(x.uncertainty!, U[x.item], 1e-9));
  });
});

describe('nextBatch: diversity', () => {
  it('nextBatch(embeddings only, seeded planted clusters) takes the most central pair of each cluster first', async () => {
    // 5 planted clusters of 20 pairs in 8-D around 10·e_j (14 apart), jitter σ = 0.5 per coordinate, rows shuffled.
    // Reference: each cluster's sample mean and its members by distance to it, computed here.
    const random = rng(7);
    const z = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const rows: { id: string; planted: number; v: number[] }[] = [];
    for (let j = 0; j < 5; j++)
      for (let m = 0; m < 20; m++)
        rows.push({
          id: `q${j}-${String(m).padStart(2, '0')}`,
          planted: j,
          v: Array.from({ length: 8 }, (_, d) => Number(((d === j ? 10 : 0) + 0.5 * z()).toFixed(4))),
        });
    const shuffled = rows
      .map((r) => ({ r, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.r);
    const csv =
      [
        'example_id,annotator_id,label,topic,embedding',
        ...shuffled.map((r) => `${r.id},x,A,t${r.planted},"[${r.v.join(', ')}]"`),
      ].join('\n') + '\n';
    const loaded = await loadFiles([textFile('e.csv', csv)]);
    const byDistance = [0, 1, 2, 3, 4].map((j) => {
      const members = rows.filter((r) => r.planted === j);
      const mean = Array.from({ length: 8 }, (_, d) => members.reduce((s, r) => s + r.v[d], 0) / members.length);
      const dist = (r: (typeof rows)[number]) => r.v.reduce((s, x, d) => s + (x - mean[d]) ** 2, 0);
      return [...members].sort((a, b) => dist(a) - dist(b)).map((r) => r.id);
    });
    const b = nextBatch(loaded, { size: 10, clusters: 5, seed: 3 });
    expect(b.method).toBe('diversity');
    expect(b.weight_uncertainty).toBe(0);
    expect(b.reason).toBe(
      'no reward-model scores (score_a, score_b): uncertainty left out; pairs ranked by diversity alone',
    );
    expect(b.kmeans).toMatchObject({ clusters: 5, converged: true });
    const first = ids(b).slice(0, 5);
    const second = ids(b).slice(5);
    expect(new Set(first.map((id) => id.slice(0, 2))).size).toBe(5); // one pair per planted cluster
    expect(first.sort()).toEqual(byDistance.map((m) => m[0]).sort()); // its most central member
    expect(second.sort()).toEqual(byDistance.map((m) => m[1]).sort()); // then each cluster's second
    expect(b.items.slice(0, 5).every((x) => x.diversity === 1 && x.score === 1)).toBe(true);
    expect(b.items.slice(5).every((x) => x.diversity === 0.5)).toBe(true);
    // every cluster holds one planted cluster whole
    const clusterOf = new Map(b.items.map((x) => [x.item.slice(0, 2), x.cluster]));
    expect(new Set(clusterOf.values()).size).toBe(5);
    for (const x of b.items) expect(x.cluster).toBe(clusterOf.get(x.item.slice(0, 2)));
    // coverage: topic t0…t4 with 20 of 100 pairs each and 2 of 10 in the batch
    expect(b.coverage).toEqual([{ slice: 'topic', values: expect.any(Array) }]);
    for (const v of b.coverage[0].values)
      expect(v).toMatchObject({ batch_items: 2, data_items: 20, in_batch: 0.2, in_data: 0.2 });
    // the default: clusters = size → 5 clusters for a batch of 5, again one per planted cluster
    expect(
      nextBatch(loaded, { size: 5 })
        .items.map((x) => x.item)
        .sort(),
    ).toEqual(byDistance.map((m) => m[0]).sort());
  });

  it('nextBatch(fixture, {weightUncertainty: 0}) ranks by rank within the planted clusters, ties by uncertainty', () => {
    // d_norm 1: c1 (u .4), a1 (.25), b1 (.1); 1/4: b3 (.8), c3 (.625), a3 (.5); 0: a2 (1), b2 (.2), c2 (.05)
    const b = nextBatch(fixture, { size: 9, clusters: 3, weightUncertainty: 0 });
    expect(b.method).toBe('diversity');
    expect(b.reason).toBeNull();
    expect(ids(b)).toEqual(['c1', 'a1', 'b1', 'b3', 'c3', 'a3', 'a2', 'b2', 'c2']);
    b.items.forEach((x) => closeTo(x.score, DNORM[x.item], 1e-12));
    expect(b.left_out).toEqual({ gold: 0, no_score: 0, no_embedding: 1 }); // d1
  });
});

describe('nextBatch: the mix', () => {
  it('nextBatch(fixture) mixes 0.6 · u_norm + 0.4 · d_norm, computed by hand', () => {
    // c1 .6·.35/.95 + .4 = .6211; a2 .6; b3 .6·.75/.95 + .1 = .5737; a1 .6·.2/.95 + .4 = .5263; c3 .4632;
    // b1 .4316; a3 .3842; b2 .0947; c2 0
    const b = nextBatch(fixture, { size: 9, clusters: 3 });
    expect(b.method).toBe('mix');
    expect(b.weight_uncertainty).toBe(0.6);
    expect(b.reason).toBeNull();
    expect(ids(b)).toEqual(['c1', 'a2', 'b3', 'a1', 'c3', 'b1', 'a3', 'b2', 'c2']);
    for (const x of b.items) {
      closeTo(x.score, mix(x.item, 0.6), 1e-9);
      closeTo(x.uncertainty!, U[x.item], 1e-9);
      closeTo(x.diversity!, [1, 0.5, 1 / 3][[1, 0.25, 0].indexOf(DNORM[x.item])], 1e-12);
    }
    closeTo(b.items[0].score, 0.6 * (0.35 / 0.95) + 0.4, 1e-9);
    expect(b.candidates).toBe(9);
    expect(b.left_out).toEqual({ gold: 0, no_score: 0, no_embedding: 1 });
    expect(b.kmeans).toMatchObject({ clusters: 3, converged: true });
    const cluster = Object.fromEntries(b.items.map((x) => [x.item, x.cluster]));
    expect(new Set([cluster.a1, cluster.b1, cluster.c1]).size).toBe(3);
    for (const g of ['a', 'b', 'c']) {
      expect(cluster[`${g}2`]).toBe(cluster[`${g}1`]);
      expect(cluster[`${g}3`]).toBe(cluster[`${g}1`]);
    }
  });

  it('nextBatch(fixture, {size: 3}) moves from the diversity ranking to the uncertainty ranking as the weight grows', () => {
    const top = (w: number) => ids(nextBatch(fixture, { size: 3, weightUncertainty: w }));
    // w = 0: c1, a1, b1 (one per cluster); w = .3: .3 u_norm + .7 d_norm → c1 .8105, a1 .7632, b1 .7158 (b3 .4118)
    expect(top(0)).toEqual(['c1', 'a1', 'b1']);
    expect(top(0.3)).toEqual(['c1', 'a1', 'b1']);
    expect(top(0.3).map((id) => mix(id, 0.3))).toEqual([mix('c1', 0.3), mix('a1', 0.3), mix('b1', 0.3)]);
    expect(top(0.6)).toEqual(['c1', 'a2', 'b3']);
    // w = .9: a2 .9; b3 .9·.7895 + .025 = .7355; c3 .5697; c1 .4316
    expect(top(0.9)).toEqual(['a2', 'b3', 'c3']);
    expect(top(1)).toEqual(['a2', 'd1', 'b3']); // uncertainty alone: d1 needs no embedding
    // the share of the batch from the uncertainty top 3 (a2, d1, b3; among the 9 with embeddings: a2, b3, c3) grows with w
    const overlap = (w: number) => top(w).filter((id) => ['a2', 'b3', 'c3', 'd1'].includes(id)).length;
    expect([0, 0.3, 0.6, 0.9, 1].map(overlap)).toEqual([0, 0, 2, 3, 3]);
  });

  it('nextBatch(fixture) gives the slice coverage of the batch against all items, counted by hand', () => {
    // batch c1 (math), a2 (code), b3 (chat); all items: code a1 a2 a3 b1 = 4, chat b2 b3 d1 = 3, math c1 c2 c3 = 3
    const b = nextBatch(fixture, { size: 3 });
    expect(b.coverage).toEqual([
      {
        slice: 'domain',
        values: [
          { value: 'math', in_batch: 1 / 3, in_data: 0.3, batch_items: 1, data_items: 3 },
          { value: 'code', in_batch: 1 / 3, in_data: 0.4, batch_items: 1, data_items: 4 },
          { value: 'chat', in_batch: 1 / 3, in_data: 0.3, batch_items: 1, data_items: 3 },
        ],
      },
    ]);
  });

  it("nextBatch(fixture, {exclude: 'gold'}) leaves the gold pair out", () => {
    const b = nextBatch(fixture, { size: 10, exclude: 'gold' });
    expect(ids(b)).not.toContain('a1');
    expect(b.candidates).toBe(8);
    expect(b.left_out).toEqual({ gold: 1, no_score: 0, no_embedding: 1 });
    expect(nextBatch(fixture, { size: 10 }).items.map((x) => x.item)).toContain('a1');
  });

  it('nextBatch(fixture) does not depend on the order of the rows', async () => {
    const text = (await import('node:fs'))
      .readFileSync(join(import.meta.dirname, '../fixtures/next-batch.csv'), 'utf8')
      .trim()
      .split('\n');
    const reversed = [text[0], ...text.slice(1).reverse()].join('\n') + '\n';
    const other = await loadFiles([textFile('r.csv', reversed)]);
    // the slice values keep the loader's first-seen order: compare them sorted
    const sortedValues = (b: ReturnType<typeof nextBatch>) => ({
      ...b,
      coverage: b.coverage.map((c) => ({ ...c, values: [...c.values].sort((x, y) => (x.value < y.value ? -1 : 1)) })),
    });
    for (const w of [0, 0.6])
      expect(sortedValues(nextBatch(other, { size: 9, weightUncertainty: w, seed: 4 }))).toEqual(
        sortedValues(nextBatch(fixture, { size: 9, weightUncertainty: w, seed: 4 })),
      );
  });

  it('nextBatchCsv(batch, loaded) writes item, texts and numbers with formula-guarded cells', () => {
    const b = nextBatch(fixture, { size: 3 });
    const lines = nextBatchCsv(b, fixture).split('\n');
    expect(lines[0]).toBe('item,prompt,response_a,response_b,uncertainty,diversity,score');
    expect(lines).toHaveLength(5); // header, 3 pairs, the final newline
    expect(lines[1]).toBe(`c1,'=SUM(1),"Two, ""quoted""",2,0.4,1,${b.items[0].score}`);
    expect(lines[2]).toBe(`a2,Sort a dict by value.,sorted(d.items()),sorted(d),1,${1 / 3},${b.items[1].score}`);
    expect(lines[4]).toBe('');
    const empty = nextBatch(fixture, { size: 3 });
    empty.items = [];
    expect(nextBatchCsv(empty, fixture)).toBe('item,prompt,response_a,response_b,uncertainty,diversity,score\n');
  });
});

describe('nextBatch: no signal, options, the demo', () => {
  it('nextBatch(no scores, no embeddings) is an empty batch with a reason, coverage still listed', async () => {
    const loaded = await loadFiles([
      textFile('n.csv', 'example_id,annotator_id,label,domain\np1,x,A,code\np2,x,B,chat\np1,y,A,chat\n'),
    ]);
    const b = nextBatch(loaded);
    expect(b).toMatchObject({
      method: null,
      size: 100,
      weight_uncertainty: null,
      items: [],
      candidates: 0,
      kmeans: null,
    });
    expect(b.reason).toBe(
      'no reward-model scores (score_a, score_b): uncertainty left out; no embedding column: diversity left out; nothing to rank the pairs by',
    );
    // p1's value is its first judgement's (code), though its second row says chat
    expect(b.coverage).toEqual([
      {
        slice: 'domain',
        values: [
          { value: 'code', in_batch: null, in_data: 0.5, batch_items: 0, data_items: 1 },
          { value: 'chat', in_batch: null, in_data: 0.5, batch_items: 0, data_items: 1 },
        ],
      },
    ]);
  });

  it("nextBatch(only gold items, {exclude: 'gold'}) says there is no candidate", async () => {
    const loaded = await loadFiles([
      textFile('g.csv', 'example_id,annotator_id,label,gold_label,score_a,score_b\np1,x,A,A,1,2\np2,x,B,B,0,0\n'),
    ]);
    const b = nextBatch(loaded, { exclude: 'gold' });
    expect(b.items).toEqual([]);
    expect(b.reason).toBe('no candidate: all 2 items are gold');
    expect(b.left_out.gold).toBe(2);
    expect(ids(nextBatch(loaded))).toEqual(['p2', 'p1']);
  });

  it('nextBatch rejects bad options (programmer errors)', () => {
    expect(() => nextBatch(fixture, { size: 0 })).toThrow(/invalid size/);
    expect(() => nextBatch(fixture, { size: 2.5 })).toThrow(/invalid size/);
    expect(() => nextBatch(fixture, { weightUncertainty: 1.5 })).toThrow(/invalid weightUncertainty/);
    expect(() => nextBatch(fixture, { weightUncertainty: NaN })).toThrow(/invalid weightUncertainty/);
    expect(() => nextBatch(fixture, { clusters: 0 })).toThrow(/invalid clusters/);
    expect(() => nextBatch(fixture, { exclude: 'all' as 'gold' })).toThrow(/invalid exclude/);
  });

  it('nextBatch(demo) is an uncertainty-only batch of the 100 closest score pairs, with a reason for diversity', async () => {
    const demo = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const b = nextBatch(demo);
    expect(b.method).toBe('uncertainty');
    expect(b.reason).toBe('no embedding column: diversity left out; pairs ranked by uncertainty alone');
    expect(b.items).toHaveLength(100);
    // reference: items sorted by u = 1/(1 + |score_a − score_b|) descending, ties (equal u) by item id
    const { a, s } = { a: demo.scores!.a, s: demo.scores!.b };
    const r = demo.ratings;
    const expected = r.items
      .map((id, i) => ({ id, u: 1 / (1 + Math.abs(a[i] - s[i])) }))
      .filter((x) => Number.isFinite(x.u))
      .sort((x, y) => y.u - x.u || (x.id < y.id ? -1 : 1))
      .slice(0, 100)
      .map((x) => x.id);
    expect(ids(b)).toEqual(expected);
    expect(b.candidates + b.left_out.no_score).toBe(r.items.length);
    expect(b.coverage.map((c) => c.slice).sort()).toEqual(r.slices.map((x) => x.name).sort());
    for (const c of b.coverage) {
      expect(c.values.reduce((t, v) => t + v.data_items, 0)).toBe(r.items.length);
      expect(c.values.reduce((t, v) => t + v.batch_items, 0)).toBe(100);
      closeTo(
        c.values.reduce((t, v) => t + v.in_data, 0),
        1,
        1e-9,
      );
    }
  });
});
