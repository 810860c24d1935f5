import { majorityVote } from './majorityVote';
import { rng, type Rng } from './rng';
import type { Ratings } from './types';
import { voteWinner } from './voteWinner';
import { itemGroups } from './itemGroups';

export interface Mmsr {
  /** per item: the category of highest skill-weighted score (see `confidence` for the sign rule), -1 without labels */
  label: Int32Array;
  /**
   * per item: the label's score divided by the item's total score (crowd-kit's `scores_`); it lies outside [0, 1]
   * when annotators with negative skill voted; NaN without a label
   */
  confidence: Float64Array;
  /** nItems × K, row-major: the sum of the skills of the annotators giving category c to item i */
  votes: Float64Array;
  /** per annotator: the vote weight log((K − 1) p / (1 − p)), p their estimated accuracy; NaN without a selected label */
  skill: Float64Array;
  /** per annotator: p, the estimated probability of giving the true label; NaN without a selected label */
  accuracy: Float64Array;
  /** sweeps of the rank-one completion run */
  iterations: number;
  /** true when a sweep moved u vᵀ by less than `tolerance` (Frobenius norm) */
  converged: boolean;
}

/**
 * M-MSR (Ma & Olshevsky 2020, "Adversarial crowdsourcing through robust rank-one matrix completion", NeurIPS;
 * crowd-kit's `MMSR`). With K the categories the selected labels use and T the items with a label, the
 * annotators' covariance C_ab = K / (K − 1) · (share of their common items on which a and b agree) − 1 / (K − 1)
 * (only pairs with a common item are observed) has expectation s sᵀ. Its robust rank-one completion |C| ≈ u vᵀ
 * alternates, annotator by annotator, v_b ← the trimmed mean of |C_ab| / u_a over b's observed partners a (the F
 * values below and the F above the current v_b dropped, F = ⌊sparsity / 2⌋ − 1, sparsity the fewest partners
 * any annotator has), then likewise u, until u vᵀ moves by less than `tolerance` or after `maxIterations` sweeps.
 * u and v start equal, uniform on [0, 1) from `random` (crowd-kit draws both with one seed). Signs: the
 * eigenvector of the smallest eigenvalue of the random walk on the graph where a negative C_ab joins a and b and
 * a positive one joins both to a new node (crowd-kit's `_sign_determination_valid`, with its reading of pairs
 * without a common item, and of the diagonal, as negative). s is clipped to [−1 / (K − 1) + 1 / √T, 1 − 1 / √T],
 * p = s (K − 1) / K + 1 / K, and the label is the vote weighted by log((K − 1) p / (1 − p)); as crowd-kit divides
 * the scores by their total, an item whose total is negative takes the category of lowest score. Ties within
 * 1e-12 of the total: `voteWinner` (lowest code). Deviation: a trimmed mean of 0 becomes 1 / √T (crowd-kit does
 * so only for a single value, then divides by the zero and ends with NaN skills, as on D_Product). Costs
 * O(Σ n_i²) for the covariances and O(A²) memory for A annotators. Fewer than two categories: the plain majority
 * vote, skills NaN.
 */
export function mmsr(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  {
    maxIterations = 10000,
    tolerance = 1e-10,
    seed = 1,
    random = rng(seed),
  }: { maxIterations?: number; tolerance?: number; seed?: number; random?: Rng } = {},
): Mmsr {
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const { start, who, what, used, given, nUsed: M } = itemGroups(ratings, mask);
  // the annotators with a selected judgement, numbered 0 … W − 1 (-1 for the others)
  const index = new Int32Array(nAnn).fill(-1);
  let W = 0;
  for (let a = 0; a < nAnn; a++) if (given[a]) index[a] = W++;
  let T = 0;
  for (let i = 0; i < nItems; i++) if (start[i + 1] > start[i]) T++;
  const skill = new Float64Array(nAnn).fill(NaN);
  const accuracy = new Float64Array(nAnn).fill(NaN);
  if (M < 2) {
    const mv = majorityVote(ratings, mask);
    return {
      label: mv.label,
      confidence: mv.confidence,
      votes: mv.votes,
      skill,
      accuracy,
      iterations: 0,
      converged: false,
    };
  }

  // common items and agreements per pair of annotators (a repeated judgement: the last one counts, as crowd-kit's)
  const common = new Int32Array(W * W);
  const agree = new Int32Array(W * W);
  const last = new Int32Array(W).fill(-1);
  const seen = new Int32Array(W);
  for (let i = 0; i < nItems; i++) {
    let n = 0;
    for (let at = start[i]; at < start[i + 1]; at++) {
      const a = index[who[at]];
      if (last[a] < start[i]) seen[n++] = a;
      last[a] = at;
    }
    for (let p = 0; p < n; p++) {
      const a = seen[p];
      const la = what[last[a]];
      for (let q = p + 1; q < n; q++) {
        const b = seen[q];
        common[a * W + b]++;
        common[b * W + a]++;
        if (what[last[b]] === la) {
          agree[a * W + b]++;
          agree[b * W + a]++;
        }
      }
    }
  }
  const C = new Float64Array(W * W);
  const scale = M / (M - 1);
  const shift = 1 / (M - 1);
  let sparsity = Infinity;
  // partners of each annotator (CSR) and |C| on those pairs
  const deg = new Int32Array(W + 1);
  for (let a = 0; a < W; a++) {
    let partners = 0;
    for (let b = 0; b < W; b++) {
      const c = common[a * W + b];
      C[a * W + b] = (c > 0 ? agree[a * W + b] / c : 0) * scale - shift;
      if (c > 0) partners++;
    }
    deg[a + 1] = deg[a] + partners;
    sparsity = Math.min(sparsity, partners);
  }
  const nbr = new Int32Array(deg[W]);
  const absC = new Float64Array(deg[W]);
  for (let a = 0, e = 0; a < W; a++)
    for (let b = 0; b < W; b++)
      if (common[a * W + b] > 0) {
        nbr[e] = b;
        absC[e++] = Math.abs(C[a * W + b]);
      }

  // robust rank-one completion
  const F = Math.floor(sparsity / 2) - 1;
  const floor = 1 / Math.sqrt(T);
  const u = new Float64Array(W);
  for (let a = 0; a < W; a++) u[a] = random();
  const v = u.slice();
  const uPrev = new Float64Array(W);
  const vPrev = new Float64Array(W);
  const buf = new Float64Array(W);
  const update = (target: Float64Array, other: Float64Array) => {
    for (let b = 0; b < W; b++) {
      const n = deg[b + 1] - deg[b];
      for (let e = deg[b]; e < deg[b + 1]; e++) buf[e - deg[b]] = absC[e] / other[nbr[e]];
      const m = trimmedMean(buf.subarray(0, n), F, target[b], floor);
      if (!Number.isNaN(m)) target[b] = m;
    }
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    uPrev.set(u);
    vPrev.set(v);
    update(v, u);
    update(u, v);
    let loss = 0;
    for (let a = 0; a < W; a++)
      for (let b = 0; b < W; b++) {
        const d = u[a] * v[b] - uPrev[a] * vPrev[b];
        loss += d * d;
      }
    iterations++;
    converged = Math.sqrt(loss) < tolerance;
  }
  const k = Math.sqrt(norm(u) / norm(v));
  const s = signs(
    C,
    W,
    Float64Array.from(u, (x) => x / k),
    random,
  );
  for (let a = 0; a < nAnn; a++) {
    if (index[a] < 0) continue;
    const x = Math.max(Math.min(s[index[a]], 1 - floor), -1 / (M - 1) + floor);
    const p = (x * (M - 1)) / M + 1 / M;
    accuracy[a] = p;
    skill[a] = Math.log((p * (M - 1)) / (1 - p));
  }

  // the skill-weighted vote; crowd-kit divides by the total, so a negative total picks the lowest score
  const fivePoint = ratings.scale === 'nominal' ? null : ratings.fivePoint;
  const votes = new Float64Array(nItems * K);
  const label = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems).fill(NaN);
  const row = new Float64Array(K);
  for (let i = 0; i < nItems; i++) {
    if (start[i + 1] === start[i]) continue;
    const off = i * K;
    for (let at = start[i]; at < start[i + 1]; at++) votes[off + what[at]] += skill[who[at]];
    let total = 0,
      size = 0;
    for (let c = 0; c < K; c++) {
      total += votes[off + c];
      size += Math.abs(votes[off + c]);
    }
    if (!(size > 0)) continue;
    const sign = total < 0 ? -1 : 1;
    for (let c = 0; c < K; c++) row[c] = used[c] ? sign * votes[off + c] : -Infinity;
    const c = voteWinner(row, 0, K, fivePoint, 1e-12 * size);
    label[i] = c;
    confidence[i] = votes[off + c] / total;
  }
  return { label, confidence, votes, skill, accuracy, iterations, converged };
}

/**
 * crowd-kit's `_remove_largest_and_smallest_F_value` then the mean, by selection rather than sorting: drop the F
 * smallest values (or, when fewer than F lie below `a`, all below it) and then the F largest (or all above `a`);
 * F < 0 keeps the largest −F values (Python's slicing). NaN when nothing is left; a mean of 0 becomes `zero`.
 * Reorders `y`.
 */
function trimmedMean(y: Float64Array, F: number, a: number, zero: number): number {
  const L = y.length;
  let below = 0,
    above = 0;
  for (let e = 0; e < L; e++) {
    if (y[e] < a) below++;
    else if (y[e] > a) above++;
  }
  const lo = F >= 0 ? Math.min(below, F) : Math.max(0, L + F);
  const hi = F >= 0 ? L - Math.min(above, F) : L;
  if (hi <= lo) return NaN;
  if (lo > 0) select(y, 0, L, lo);
  if (hi < L) select(y, lo, L, hi);
  let sum = 0;
  for (let e = lo; e < hi; e++) sum += y[e];
  const mean = sum / (hi - lo);
  return mean === 0 ? zero : mean;
}

/** Reorders y[from, to) so that y[k] is its (k − from)-th smallest, no larger value before it and no smaller after. */
function select(y: Float64Array, from: number, to: number, k: number): void {
  let lo = from,
    hi = to - 1;
  while (hi > lo) {
    const pivot = y[(lo + hi) >> 1];
    let i = lo,
      j = hi;
    while (i <= j) {
      while (y[i] < pivot) i++;
      while (y[j] > pivot) j--;
      if (i <= j) {
        const t = y[i];
        y[i++] = y[j];
        y[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function norm(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

/**
 * crowd-kit's `_sign_determination_valid`: on the annotators whose row of C does not sum to 0, the graph joining a
 * and b directly when C_ab < 0 (the diagonal and pairs without a common item included) and through a new node when
 * C_ab > 0; the signs of the eigenvector of the random walk's smallest eigenvalue (found as the top eigenvector of
 * I − D^-1/2 A D^-1/2 by restarted Lanczos from a random start), flipped so that most are positive, times |s|. The
 * other annotators get 0.
 */
function signs(C: Float64Array, W: number, sAbs: Float64Array, random: Rng): Float64Array {
  const valid: number[] = [];
  for (let a = 0; a < W; a++) {
    let sum = 0;
    for (let b = 0; b < W; b++) sum += C[a * W + b];
    if (sum !== 0) valid.push(a);
  }
  const k = valid.length;
  const neg = new Uint8Array(k * k);
  const pairA: number[] = [];
  const pairB: number[] = [];
  const degree = new Float64Array(k);
  for (let p = 0; p < k; p++)
    for (let q = 0; q < k; q++) {
      const c = C[valid[p] * W + valid[q]];
      if (c < 0) {
        neg[p * k + q] = 1;
        degree[p]++;
      } else if (c > 0) {
        degree[p]++;
        if (q > p) {
          pairA.push(p);
          pairB.push(q);
        }
      }
    }
  const m = pairA.length;
  const n = k + m;
  const scale = new Float64Array(n);
  for (let p = 0; p < n; p++) scale[p] = 1 / Math.sqrt(p < k ? degree[p] : 2);
  // B z = (I − N) z with N = D^-1/2 A D^-1/2; B's top eigenvector is N's (and the walk's) lowest
  const t = new Float64Array(n);
  const apply = (z: Float64Array, out: Float64Array) => {
    for (let p = 0; p < n; p++) t[p] = z[p] * scale[p];
    for (let p = 0; p < k; p++) {
      let acc = 0;
      for (let q = 0; q < k; q++) if (neg[p * k + q]) acc += t[q];
      out[p] = acc;
    }
    for (let e = 0; e < m; e++) {
      out[pairA[e]] += t[k + e];
      out[pairB[e]] += t[k + e];
      out[k + e] = t[pairA[e]] + t[pairB[e]];
    }
    for (let p = 0; p < n; p++) out[p] = z[p] - scale[p] * out[p];
  };
  const z = topEigenvector(apply, n, random);
  let majority = 0;
  for (let p = 0; p < k; p++) majority += Math.sign(z[p]);
  const out = new Float64Array(W);
  for (let p = 0; p < k; p++) out[valid[p]] = Math.sign(majority) * sAbs[valid[p]] * Math.sign(z[p]);
  return out;
}

/**
 * The eigenvector of the largest eigenvalue of a symmetric operator, by Lanczos with full reorthogonalisation
 * (up to 40 steps), restarted from the Ritz vector until its residual is below 1e-10 (at most 100 restarts).
 */
function topEigenvector(apply: (z: Float64Array, out: Float64Array) => void, n: number, random: Rng): Float64Array {
  if (n === 0) return new Float64Array(0);
  const steps = Math.min(n, 40);
  const Q = Array.from({ length: steps }, () => new Float64Array(n));
  const w = new Float64Array(n);
  let x = new Float64Array(n);
  for (let p = 0; p < n; p++) x[p] = random() - 0.5;
  normalise(x);
  for (let restart = 0; restart < 100; restart++) {
    const alpha: number[] = [];
    const beta: number[] = [];
    Q[0].set(x);
    let size = 0;
    for (let j = 0; j < steps; j++) {
      size = j + 1;
      apply(Q[j], w);
      for (let pass = 0; pass < 2; pass++)
        for (let i = 0; i <= j; i++) {
          let d = 0;
          for (let p = 0; p < n; p++) d += Q[i][p] * w[p];
          if (pass === 0 && i === j) alpha.push(d);
          for (let p = 0; p < n; p++) w[p] -= d * Q[i][p];
        }
      const b = norm(w);
      beta.push(b);
      if (j + 1 === steps || b < 1e-12) break;
      for (let p = 0; p < n; p++) Q[j + 1][p] = w[p] / b;
    }
    const T = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      T[i * size + i] = alpha[i];
      if (i + 1 < size) T[i * size + i + 1] = T[(i + 1) * size + i] = beta[i];
    }
    const s = jacobiTop(T, size);
    x = new Float64Array(n);
    for (let i = 0; i < size; i++) for (let p = 0; p < n; p++) x[p] += s[i] * Q[i][p];
    normalise(x);
    if (Math.abs(beta[size - 1] * s[size - 1]) < 1e-10) break;
  }
  return x;
}

/** The eigenvector of the largest eigenvalue of a small dense symmetric matrix (cyclic Jacobi rotations). */
function jacobiTop(A: Float64Array, n: number): Float64Array {
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const tt = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(tt * tt + 1);
        const sn = tt * c;
        for (let r = 0; r < n; r++) {
          const arp = A[r * n + p],
            arq = A[r * n + q];
          A[r * n + p] = c * arp - sn * arq;
          A[r * n + q] = sn * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = A[p * n + r],
            aqr = A[q * n + r];
          A[p * n + r] = c * apr - sn * aqr;
          A[q * n + r] = sn * apr + c * aqr;
        }
        for (let r = 0; r < n; r++) {
          const vrp = V[r * n + p],
            vrq = V[r * n + q];
          V[r * n + p] = c * vrp - sn * vrq;
          V[r * n + q] = sn * vrp + c * vrq;
        }
      }
  }
  let top = 0;
  for (let i = 1; i < n; i++) if (A[i * n + i] > A[top * n + top]) top = i;
  return Float64Array.from({ length: n }, (_, i) => V[i * n + top]);
}

function normalise(z: Float64Array): void {
  const s = norm(z);
  if (s > 0) for (let p = 0; p < z.length; p++) z[p] /= s;
}
