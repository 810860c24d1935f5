import { describe, expect, it } from 'vitest';
import { kmeans } from '../../src/core/kmeans';
import { rng } from '../../src/core/rng';
import { closeTo } from '../helpers/closeTo';

const f32 = (xs: number[]) => Float32Array.from(xs);

/** Plain Lloyd (assign with ties to the lower index, then means) from given centroids: the reference. */
function naiveLloyd(values: Float32Array, dim: number, start: Float64Array, passes: number) {
  const n = values.length / dim;
  const K = start.length / dim;
  const centroids = Float64Array.from(start);
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < passes; it++) {
    let changed = 0;
    for (let p = 0; p < n; p++) {
      let best = -1,
        bestD = Infinity;
      for (let c = 0; c < K; c++) {
        let s = 0;
        for (let d = 0; d < dim; d++) s += (values[p * dim + d] - centroids[c * dim + d]) ** 2;
        if (s < bestD) {
          bestD = s;
          best = c;
        }
      }
      if (assign[p] !== best) changed++;
      assign[p] = best;
    }
    if (changed === 0) return { assign, centroids, passes: it + 1 };
    const sums = new Float64Array(K * dim),
      sizes = new Float64Array(K);
    for (let p = 0; p < n; p++) {
      sizes[assign[p]]++;
      for (let d = 0; d < dim; d++) sums[assign[p] * dim + d] += values[p * dim + d];
    }
    for (let c = 0; c < K; c++)
      if (sizes[c]) for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d] / sizes[c];
  }
  return { assign, centroids, passes };
}

/** Standard normal draws by Box–Muller from the seeded generator. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('kmeans', () => {
  it('kmeans(1-D points, {initial}) runs Lloyd passes as computed by hand', () => {
    // points 0, 2, 3, 10; start c0 = 0, c1 = 2
    // pass 1: 0 → c0; 2, 3, 10 → c1          update c0 = 0, c1 = 15/3 = 5
    // pass 2: 2 moves to c0 (|2−0| < |2−5|)   update c0 = 1, c1 = 13/2 = 6.5
    // pass 3: 3 moves to c0 (2 < 3.5)          update c0 = 5/3, c1 = 10
    // pass 4: nothing moves → converged after 4 passes
    const r = kmeans(f32([0, 2, 3, 10]), 1, { k: 2, initial: [0, 2] });
    expect([...r.assignments]).toEqual([0, 0, 0, 1]);
    closeTo(r.centroids[0], 5 / 3, 1e-12);
    closeTo(r.centroids[1], 10, 1e-12);
    expect([...r.sizes]).toEqual([3, 1]);
    // (0 − 5/3)² + (2 − 5/3)² + (3 − 5/3)² = (25 + 1 + 16)/9 = 42/9
    closeTo(r.inertia, 42 / 9, 1e-12);
    closeTo(r.distances[1], 1 / 9, 1e-12); // point 2: (2 − 5/3)²
    closeTo(r.distances[2], 16 / 9, 1e-12); // point 3: (3 − 5/3)²
    expect(r.iterations).toBe(4);
    expect(r.converged).toBe(true);
  });

  it('kmeans(points, {maxIterations}) stops early, not converged, each point still on its nearest centroid', () => {
    // as above, stopped at pass 2 (no update after it): centroids from update 1, c0 = 0, c1 = 5
    const r = kmeans(f32([0, 2, 3, 10]), 1, { k: 2, initial: [0, 2], maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect([...r.centroids]).toEqual([0, 5]);
    expect([...r.assignments]).toEqual([0, 0, 1, 1]); // centroids after update 1: 0, 5; 2 is nearer 0, 3 nearer 5
  });

  it('kmeans([0, 1, 10, 11], {k: 2}) finds {0, 1} and {10, 11} from every k-means++ seed', () => {
    // centroids 0.5 and 10.5, inertia 4 × 0.5² = 1
    for (let seed = 1; seed <= 20; seed++) {
      const r = kmeans(f32([0, 1, 10, 11]), 1, { k: 2, seed });
      const lo = r.centroids[0] < r.centroids[1] ? 0 : 1;
      expect(
        [...r.assignments].map((a) => (a === lo ? 'lo' : 'hi')),
        `seed ${seed}`,
      ).toEqual(['lo', 'lo', 'hi', 'hi']);
      closeTo(r.centroids[lo], 0.5, 1e-12);
      closeTo(r.centroids[1 - lo], 10.5, 1e-12);
      closeTo(r.inertia, 1, 1e-12);
      expect(r.converged).toBe(true);
    }
  });

  it('kmeans(points, {initial}) moves an empty cluster onto the farthest point', () => {
    // points 0…3, start c0 = 0, c1 = 100: pass 1 puts all in c0, c1 is empty → takes point 3 (farthest from c0 = 0);
    // c0 = mean(0, 1, 2) = 1, c1 = 3; pass 2: 3 moves to c1, 2 is equidistant (1) and stays in c0; pass 3: no move
    const r = kmeans(f32([0, 1, 2, 3]), 1, { k: 2, initial: [0, 100] });
    expect([...r.assignments]).toEqual([0, 0, 0, 1]);
    expect([...r.centroids]).toEqual([1, 3]);
    closeTo(r.inertia, 2, 1e-12); // 1 + 0 + 1 + 0
    expect(r.iterations).toBe(3);
  });

  it('kmeans(random points, {initial}) equals plain Lloyd passes (the bounds skip no change)', () => {
    const random = rng(11);
    const n = 400,
      dim = 37,
      k = 12; // dim not a multiple of 16: block and tail of the distance loop
    const values = Float32Array.from({ length: n * dim }, () => random() * 4 - 2 + (random() < 0.3 ? 3 : 0));
    const start = Float64Array.from(values.subarray(0, k * dim));
    const r = kmeans(values, dim, { k, initial: start, maxIterations: 500 });
    const ref = naiveLloyd(values, dim, start, 500);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(ref.passes);
    expect([...r.assignments]).toEqual([...ref.assign]);
    for (let j = 0; j < k * dim; j++) closeTo(r.centroids[j], ref.centroids[j], 1e-9);
  });

  it('kmeans(seeded Gaussian blobs, {k: 3}) recovers the blobs', () => {
    // 3 blobs of 60 points, σ = 1, centres (0, 0, 0, 0), (8, 0, 0, 0), (0, 8, 0, 0) in 4-D: 8σ apart, no overlap;
    // each centroid within 0.5 of its centre (standard error σ/√60 ≈ 0.13 per coordinate)
    const centres = [
      [0, 0, 0, 0],
      [8, 0, 0, 0],
      [0, 8, 0, 0],
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const z = gaussian(rng(100 + seed));
      const truth: number[] = [];
      const xs: number[] = [];
      for (let p = 0; p < 180; p++) {
        const b = p % 3;
        truth.push(b);
        for (const c of centres[b]) xs.push(c + z());
      }
      const r = kmeans(Float32Array.from(xs), 4, { k: 3, seed });
      const label = [0, 1, 2].map((b) => r.assignments[b]); // the cluster of each blob's first point
      expect(new Set(label).size, `seed ${seed}`).toBe(3);
      truth.forEach((b, p) => expect(r.assignments[p], `seed ${seed} point ${p}`).toBe(label[b]));
      centres.forEach((c, b) =>
        c.forEach((x, d) => expect(Math.abs(r.centroids[label[b] * 4 + d] - x)).toBeLessThan(0.5)),
      );
      expect([...r.sizes]).toEqual([60, 60, 60]);
    }
  });

  it('kmeans(points, {seed}) is reproducible and depends on the seed only through the start', () => {
    const random = rng(5);
    const values = Float32Array.from({ length: 300 * 3 }, () => random());
    const a = kmeans(values, 3, { k: 7, seed: 9 });
    const b = kmeans(values, 3, { k: 7, seed: 9 });
    expect([...a.assignments]).toEqual([...b.assignments]);
    expect([...a.centroids]).toEqual([...b.centroids]);
  });

  it('kmeans(values, dim, {rows}) clusters those rows in that order, as a copy of them would be', () => {
    const random = rng(8);
    const values = Float32Array.from({ length: 50 * 3 }, () => random());
    const rows = [40, 3, 17, 8, 22, 35, 1, 49, 12, 30, 6, 27];
    const copy = new Float32Array(rows.length * 3);
    rows.forEach((p, r) => copy.set(values.subarray(p * 3, p * 3 + 3), r * 3));
    const sub = kmeans(values, 3, { k: 4, seed: 2, rows });
    const ref = kmeans(copy, 3, { k: 4, seed: 2 });
    expect(rows.map((p) => sub.assignments[p])).toEqual([...ref.assignments]);
    expect([...sub.centroids]).toEqual([...ref.centroids]);
    expect(sub.nPoints).toBe(12);
    expect(sub.assignments.filter((a) => a === -1).length).toBe(38);
    expect(() => kmeans(values, 3, { rows: [50] })).toThrow(/invalid row/);
  });

  it('kmeans leaves out points with a non-finite coordinate and counts the rest', () => {
    const r = kmeans(f32([0, 0, NaN, NaN, 1, 1, 5, Infinity, 10, 10]), 2, { k: 2, seed: 3 });
    expect(r.nPoints).toBe(3);
    expect(r.assignments[1]).toBe(-1);
    expect(r.assignments[3]).toBe(-1);
    expect(r.distances[1]).toBeNaN();
    expect(r.assignments[0]).toBe(r.assignments[2]); // (0, 0) with (1, 1), (10, 10) alone
    expect(r.assignments[4]).not.toBe(r.assignments[0]);
    closeTo(r.inertia, 1, 1e-12); // (0.5² + 0.5²) × 2
  });

  it('kmeans degenerate cases: fewer distinct points than k, k > n, k = 1, no point', () => {
    const same = kmeans(f32([2, 2, 2, 2, 2, 2]), 2, { k: 3 });
    expect(same.k).toBe(1);
    expect([...same.assignments]).toEqual([0, 0, 0]);
    expect(same.inertia).toBe(0);
    const few = kmeans(f32([0, 4, 9]), 1, { k: 10 });
    expect(few.k).toBe(3);
    expect(few.inertia).toBe(0);
    expect(new Set(few.assignments).size).toBe(3);
    const one = kmeans(f32([0, 4, 9, 11]), 1, { k: 1 });
    expect([...one.centroids]).toEqual([6]); // (0 + 4 + 9 + 11) / 4
    closeTo(one.inertia, 36 + 4 + 9 + 25, 1e-12);
    const none = kmeans(f32([NaN, 1]), 2, { k: 2 });
    expect(none).toMatchObject({ k: 0, nPoints: 0, converged: true });
    expect(none.inertia).toBeNaN();
    expect(kmeans(new Float32Array(0), 3, { k: 2 }).k).toBe(0);
  });

  it('kmeans rejects a bad dim, k or start (programmer errors)', () => {
    expect(() => kmeans(f32([1, 2, 3]), 2)).toThrow(/invalid dim/);
    expect(() => kmeans(f32([1, 2]), 1, { k: 0 })).toThrow(/invalid k/);
    expect(() => kmeans(f32([1, 2]), 1, { k: 2, initial: [1] })).toThrow(/initial centroids/);
    expect(() => kmeans(f32([1, 2]), 1, { k: 1, maxIterations: 0 })).toThrow(/invalid maxIterations/);
  });
});
