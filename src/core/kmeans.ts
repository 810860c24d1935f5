import { rng, type Rng } from './rng';

export interface KMeans {
  /** clusters found: `k`, or fewer when the points have fewer distinct positions */
  k: number;
  dim: number;
  /** per point: its cluster 0…k−1 (the nearest centroid, ties to the lower index); −1 for a point left out */
  assignments: Int32Array;
  /** k × dim, row c = centroid of cluster c */
  centroids: Float64Array;
  /** per point: squared Euclidean distance to its centroid; NaN for a point left out */
  distances: Float64Array;
  /** points per cluster */
  sizes: Int32Array;
  /** sum of `distances` over the points clustered */
  inertia: number;
  /** points clustered (every coordinate finite; of `rows` when given) */
  nPoints: number;
  /** Lloyd passes run (assignment, then update when something moved) */
  iterations: number;
  /** true when the last pass moved no point (a fixed point of Lloyd's algorithm) */
  converged: boolean;
}

export interface KMeansOptions {
  /** clusters wanted (default 8, as scikit-learn) */
  k?: number;
  seed?: number;
  /** a seeded generator to use instead of `rng(seed)` */
  random?: Rng;
  maxIterations?: number;
  /** k × dim starting centroids instead of k-means++ (a hand-checked start, a warm start) */
  initial?: ArrayLike<number> | null;
  /** the rows to cluster, in this order (the others get −1): a subset without copying `values`; default all */
  rows?: ArrayLike<number> | null;
}

/**
 * k-means on n points of `dim` coordinates stored row by row in `values` (n × dim). Start: k-means++
 * (Arthur & Vassilvitskii 2007): the first centroid a point drawn uniformly, each next a point drawn with
 * probability proportional to its squared distance to the nearest centroid chosen so far (one draw per
 * centroid, not scikit-learn's greedy variant). Then Lloyd's algorithm (Lloyd 1982): assign every point to
 * its nearest centroid (Euclidean), move each centroid to the mean of its points; stop when a pass moves no
 * point, or after `maxIterations` passes (the last pass then assigns without updating, so assignments always
 * name the nearest centroid). Ties: the current cluster, else the lower index. An empty cluster is moved onto
 * the point farthest from its centroid (as scikit-learn does). Points with a non-finite coordinate are left
 * out (assignment −1). The passes skip points by Hamerly's (2010) bounds (one upper, one lower bound per
 * point; same assignments as plain Lloyd) and stop a distance early once it exceeds the best; the worst case
 * is still n · k · dim per pass (10,000 × 384, k = 100: 1.5–2 s in all).
 */
export function kmeans(
  values: Float32Array,
  dim: number,
  { k = 8, seed = 1, random = rng(seed), maxIterations = 100, initial = null, rows = null }: KMeansOptions = {},
): KMeans {
  if (!Number.isInteger(dim) || dim < 1 || values.length % dim !== 0)
    throw new Error(`invalid dim: ${dim} for ${values.length} values`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`invalid k: ${k}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`invalid maxIterations: ${maxIterations}`);
  if (initial && initial.length !== k * dim)
    throw new Error(`initial centroids: ${initial.length} values for k × dim = ${k * dim}`);
  const n = values.length / dim;
  const assignments = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n).fill(NaN);
  const points: number[] = [];
  for (let r = 0, nRows = rows ? rows.length : n; r < nRows; r++) {
    const p = rows ? rows[r] : r;
    if (!(p >= 0 && p < n && Number.isInteger(p))) throw new Error(`invalid row: ${p}`);
    let ok = true;
    for (let d = p * dim; d < (p + 1) * dim; d++) if (!Number.isFinite(values[d])) ok = false;
    if (ok) points.push(p);
  }
  const m = points.length;
  const centroids = initial ? Float64Array.from(initial) : seedCentroids(values, dim, points, Math.min(k, m), random);
  const K = centroids.length / dim;
  const sizes = new Int32Array(K);
  if (m === 0 || K === 0)
    return {
      k: 0,
      dim,
      assignments,
      centroids: new Float64Array(0),
      distances,
      sizes: new Int32Array(0),
      inertia: NaN,
      nPoints: 0,
      iterations: 0,
      converged: true,
    };
  const sums = new Float64Array(K * dim);
  const previous = new Float64Array(K * dim);
  const half = new Float64Array(K); // half the distance from each centroid to its nearest other centroid
  const moved = new Float64Array(K);
  const upper = new Float64Array(m); // ≥ distance to the assigned centroid
  const lower = new Float64Array(m); // ≤ distance to every other centroid
  let iterations = 0;
  let converged = false;
  for (;;) {
    iterations++;
    halfSeparations(centroids, K, dim, half);
    let changed = 0;
    for (let i = 0; i < m; i++) {
      const p = points[i];
      const a = assignments[p];
      if (a >= 0) {
        const bound = Math.max(half[a], lower[i]);
        if (upper[i] <= bound) continue;
        upper[i] = Math.sqrt(squaredDistance(values, p * dim, centroids, a, dim, Infinity));
        if (upper[i] <= bound) continue;
      }
      // a full scan: nearest and second nearest (ties: the current cluster, else the lower index)
      let best = -1,
        bestD = Infinity,
        secondD = Infinity;
      for (let c = 0; c < K; c++) {
        const d = squaredDistance(values, p * dim, centroids, c, dim, secondD);
        if (d < bestD || (d === bestD && c === a)) {
          secondD = bestD;
          bestD = d;
          best = c;
        } else if (d < secondD) secondD = d;
      }
      if (best !== a) changed++;
      assignments[p] = best;
      upper[i] = Math.sqrt(bestD);
      lower[i] = Math.sqrt(secondD);
    }
    if (changed === 0) {
      converged = true;
      break;
    }
    if (iterations === maxIterations) break;
    previous.set(centroids);
    update(values, dim, points, upper, centroids, K, assignments, sums, sizes);
    let max1 = 0,
      max2 = 0,
      arg1 = -1;
    for (let c = 0; c < K; c++) {
      let s2 = 0;
      for (let d = 0; d < dim; d++) s2 += (centroids[c * dim + d] - previous[c * dim + d]) ** 2;
      moved[c] = Math.sqrt(s2);
      if (moved[c] > max1) {
        max2 = max1;
        max1 = moved[c];
        arg1 = c;
      } else if (moved[c] > max2) max2 = moved[c];
    }
    for (let i = 0; i < m; i++) {
      const a = assignments[points[i]];
      upper[i] += moved[a];
      lower[i] -= a === arg1 ? max2 : max1;
    }
  }
  sizes.fill(0);
  let inertia = 0;
  for (const p of points) {
    const a = assignments[p];
    sizes[a]++;
    distances[p] = squaredDistance(values, p * dim, centroids, a, dim, Infinity);
    inertia += distances[p];
  }
  return { k: K, dim, assignments, centroids, distances, sizes, inertia, nPoints: m, iterations, converged };
}

/** half[c] = half the distance from centroid c to its nearest other centroid (Infinity when K = 1). */
function halfSeparations(centroids: Float64Array, K: number, dim: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let c = 0; c < K; c++) {
    for (let c2 = c + 1; c2 < K; c2++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += (centroids[c * dim + d] - centroids[c2 * dim + d]) ** 2;
      const h = Math.sqrt(s) / 2;
      if (h < half[c]) half[c] = h;
      if (h < half[c2]) half[c2] = h;
    }
  }
}

function squaredDistance(
  values: Float32Array,
  at: number,
  centroids: Float64Array,
  c: number,
  dim: number,
  stop: number,
): number {
  let s = 0;
  const cb = c * dim - at;
  let d = at;
  const end = at + dim;
  // blocks of 16 coordinates, then a partial-distance check: stop once farther than `stop` (the best so far)
  for (const last = end - 15; d < last;) {
    for (const block = d + 16; d < block; d += 4) {
      const t0 = values[d] - centroids[cb + d];
      const t1 = values[d + 1] - centroids[cb + d + 1];
      const t2 = values[d + 2] - centroids[cb + d + 2];
      const t3 = values[d + 3] - centroids[cb + d + 3];
      s += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
    if (s > stop) return s;
  }
  for (; d < end; d++) {
    const t = values[d] - centroids[cb + d];
    s += t * t;
  }
  return s;
}

/**
 * Centroids ← means of their points. An empty cluster takes the point farthest from its centroid (exact
 * distances, refreshed into `upper`), moved out of a cluster that keeps at least one point.
 */
function update(
  values: Float32Array,
  dim: number,
  points: number[],
  upper: Float64Array,
  centroids: Float64Array,
  K: number,
  assignments: Int32Array,
  sums: Float64Array,
  sizes: Int32Array,
): void {
  sums.fill(0);
  sizes.fill(0);
  for (const p of points) {
    const c = assignments[p];
    sizes[c]++;
    const at = p * dim;
    const cb = c * dim;
    for (let d = 0; d < dim; d++) sums[cb + d] += values[at + d];
  }
  const empty: number[] = [];
  for (let c = 0; c < K; c++) if (sizes[c] === 0) empty.push(c);
  if (empty.length) {
    const far = new Float64Array(points.length);
    points.forEach(
      (p, i) =>
        (far[i] = upper[i] = Math.sqrt(squaredDistance(values, p * dim, centroids, assignments[p], dim, Infinity))),
    );
    const order = points
      .map((_, i) => i)
      .filter((i) => far[i] > 0)
      .sort((x, y) => far[y] - far[x] || x - y);
    let o = 0;
    for (const c of empty) {
      while (o < order.length && sizes[assignments[points[order[o]]]] <= 1) o++;
      if (o === order.length) break;
      const p = points[order[o++]];
      const from = assignments[p];
      const at = p * dim;
      for (let d = 0; d < dim; d++) {
        sums[from * dim + d] -= values[at + d];
        sums[c * dim + d] = values[at + d];
      }
      sizes[from]--;
      sizes[c] = 1;
    }
  }
  for (let c = 0; c < K; c++) {
    if (sizes[c] === 0) continue; // nothing left to move it to: it keeps its place
    for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d] / sizes[c];
  }
}

/** k-means++ seeding: up to k distinct points; fewer when the points have fewer distinct positions. */
function seedCentroids(values: Float32Array, dim: number, points: number[], k: number, random: Rng): Float64Array {
  const m = points.length;
  if (k === 0) return new Float64Array(0);
  const chosen: number[] = [points[Math.min(m - 1, Math.floor(random() * m))]];
  const nearest = new Float64Array(m).fill(Infinity);
  const out = new Float64Array(k * dim);
  const copy = (c: number, p: number) => {
    for (let d = 0; d < dim; d++) out[c * dim + d] = values[p * dim + d];
  };
  copy(0, chosen[0]);
  while (chosen.length < k) {
    const c = chosen.length - 1;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const s = squaredDistance(values, points[i] * dim, out, c, dim, nearest[i]);
      if (s < nearest[i]) nearest[i] = s;
      total += nearest[i];
    }
    if (!(total > 0)) break; // every point sits on a centroid already
    const r = random() * total;
    let acc = 0;
    let pick = -1;
    for (let i = 0; i < m; i++) {
      if (nearest[i] === 0) continue;
      acc += nearest[i];
      pick = i;
      if (acc > r) break;
    }
    chosen.push(points[pick]);
    copy(chosen.length - 1, points[pick]);
  }
  return chosen.length === k ? out : out.slice(0, chosen.length * dim);
}
